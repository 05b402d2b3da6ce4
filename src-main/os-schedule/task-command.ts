import path from 'node:path';
import { z } from 'zod';

/*
 * The command every OS task runs: the packaged app's own executable in CLI mode, or the CLI in
 * development (`node --import tsx src-main/cli.ts`), so there is one engine (issue 14). The
 * task appends {@link RUN_DUE_ARGS}; the `--trigger os-schedule` flag makes the runs show in
 * the history as started by the OS task.
 */

/** The program and leading arguments that start the CLI (the task appends `run-due …`). */
export const TaskCommandSchema = z.object({
  program: z.string().min(1).refine((p) => !/[\r\n\0]/.test(p), 'the program path contains a line break or NUL'),
  args: z.array(z.string().refine((a) => !/[\r\n\0]/.test(a), 'an argument contains a line break or NUL')).default([]),
  /** Environment the task sets (systemd and launchd only; Task Scheduler has none — use arguments there). */
  env: z.record(z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'expected an environment variable name'), z.string()).default({}),
  workingDirectory: z.string().min(1).optional(),
});
/** See {@link TaskCommandSchema}. */
export type TaskCommand = z.input<typeof TaskCommandSchema>;
/** A parsed {@link TaskCommand} (defaults filled). */
export type ParsedTaskCommand = z.output<typeof TaskCommandSchema>;

/** What the task asks the CLI to do. */
export const RUN_DUE_ARGS: readonly string[] = ['run-due', '--trigger', 'os-schedule'];

/** The flag the packaged app's main process recognises to run as the CLI instead of opening a window. */
export const CLI_MODE_ARG = '--cli';

/** The CLI command of this installation: packaged → the app's executable with `--cli`; development → node + tsx. */
export function cliTaskCommand(input: {
  isPackaged: boolean;
  execPath: string;
  /** Development: the node binary (`process.execPath` of the CLI, or `node` on PATH). */
  nodePath?: string;
  /** Development: the repository root. */
  appRoot?: string;
  env?: Record<string, string>;
}): ParsedTaskCommand {
  if (input.isPackaged) return TaskCommandSchema.parse({ program: input.execPath, args: [CLI_MODE_ARG], env: input.env ?? {} });
  if (!input.appRoot) throw new Error('cliTaskCommand: appRoot is required in development');
  return TaskCommandSchema.parse({
    program: input.nodePath ?? input.execPath,
    args: ['--import', 'tsx', path.join(input.appRoot, 'src-main', 'cli.ts')],
    env: input.env ?? {},
    workingDirectory: input.appRoot,
  });
}

/** The full argument vector of the task (program first). */
export function taskArgv(command: ParsedTaskCommand): string[] {
  return [command.program, ...command.args, ...RUN_DUE_ARGS];
}

/**
 * Quotes one argument for a Windows command line as CommandLineToArgvW / the MSVC runtime read
 * it back: quotes around spaces, tabs and quotes; backslashes doubled only before a quote.
 */
export function quoteWindowsArg(arg: string): string {
  if (arg !== '' && !/[\s"]/.test(arg)) return arg;
  let out = '"';
  let slashes = 0;
  for (const c of arg) {
    if (c === '\\') {
      slashes++;
      continue;
    }
    out += c === '"' ? '\\'.repeat(slashes * 2 + 1) + '"' : '\\'.repeat(slashes) + c;
    slashes = 0;
  }
  return `${out}${'\\'.repeat(slashes * 2)}"`;
}
