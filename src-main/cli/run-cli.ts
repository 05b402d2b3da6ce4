import path from 'node:path';
import { parseArgs } from 'node:util';
import { nodeInstallerPort, installerEnvironment } from '../os-schedule/node-port';
import { cliTaskCommand, type TaskCommand } from '../os-schedule/task-command';
import { AppPreferencesFile } from '../services/app-preferences-file';
import { EXIT, HELP, UsageError } from './cli-error';
import { type CliState, openCliState } from './cli-state';
import { cliHome } from './home';
import { diagnosticsCommand } from './diagnostics-command';
import { runDueCommand } from './run-due-command';
import { runsCommand } from './runs-command';
import { sandboxCommand } from './sandbox-command';
import { scheduleCommand } from './schedule-command';
import { approveSiteRun, siteRunCommand } from './site-run-command';
import { sitesAddCommand, sitesListCommand, sitesPauseCommand } from './sites-command';
import { syncCommand } from './sync-command';
import { undoCommand } from './undo-command';
import { approveCommand } from './approve-command';
import { terminalLines } from './terminal-text';

const OPTIONS = {
  help: { type: 'boolean', short: 'h' },
  json: { type: 'boolean' },
  seed: { type: 'string' },
  'rm-port': { type: 'string' },
  'sp-port': { type: 'string' },
  state: { type: 'string' },
  'as-of': { type: 'string' },
  paid: { type: 'boolean' },
  shape: { type: 'string' },
  'site-config': { type: 'string' },
  site: { type: 'string' },
  customer: { type: 'string' },
  trigger: { type: 'string' },
  'dry-run': { type: 'boolean' },
  'allow-mass-delete': { type: 'boolean' },
  out: { type: 'string' },
  run: { type: 'string' },
  'plan-only': { type: 'boolean' },
  reason: { type: 'string' },
} as const;

/** How this CLI was started, so `schedule install` registers the same program (one engine). */
export interface CliHost {
  /** The packaged app's executable running in CLI mode (main.ts), or Node running the CLI script. */
  readonly isPackaged: boolean;
  readonly execPath: string;
  /** The script Node runs (process.argv[1]) when not packaged. */
  readonly script?: string;
}

/** The command the OS task runs: the packaged app with --cli, the CLI through tsx in development, or Node with the bundle. */
export function hostTaskCommand(host: CliHost, env: NodeJS.ProcessEnv): TaskCommand {
  const taskEnv: Record<string, string> = env.SITESYNC_HOME ? { SITESYNC_HOME: cliHome(env) } : {};
  if (host.isPackaged) return cliTaskCommand({ isPackaged: true, execPath: host.execPath, env: taskEnv });
  const script = path.resolve(host.script ?? 'src-main/cli.ts');
  if (script.endsWith(path.join('src-main', 'cli.ts'))) {
    return cliTaskCommand({ isPackaged: false, execPath: host.execPath, nodePath: host.execPath, appRoot: path.dirname(path.dirname(script)), env: taskEnv });
  }
  return { program: host.execPath, args: [script], env: taskEnv };
}

/** Where a CLI invocation writes: the process's stdout and stderr, or (tests running the CLI in process) buffers. */
export interface CliStreams {
  stdout(text: string): void;
  stderr(text: string): void;
}

const PROCESS_STREAMS: CliStreams = {
  stdout: (text) => void process.stdout.write(text),
  stderr: (text) => void process.stderr.write(text),
};

/** Runs one CLI invocation; resolves with the process exit code. */
export async function runCli(
  argv: string[],
  env: NodeJS.ProcessEnv,
  host: CliHost = { isPackaged: false, execPath: process.execPath, script: process.argv[1] },
  streams: CliStreams = PROCESS_STREAMS,
): Promise<number> {
  // Last line of defence: no escape sequence or bidi control reaches the terminal (cli/terminal-text.ts).
  const out = (s: string) => streams.stdout(`${terminalLines(s)}\n`);
  const err = (s: string) => streams.stderr(`${terminalLines(s)}\n`);
  const io = { out, err };
  const controller = new AbortController();
  let stopped: () => void = () => {};
  const stop = new Promise<void>((resolve) => (stopped = resolve));
  const onSignal = () => {
    controller.abort();
    stopped();
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  let state: CliState | null = null;
  const shared = async () => (state ??= await openCliState(env));
  try {
    const { values, positionals } = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
    const [command, action, ...extra] = positionals;
    if (values.help || !command) {
      out(HELP);
      return command || values.help ? EXIT.done : EXIT.usage;
    }
    const takesAction = command === 'sites' || command === 'schedule';
    // `runs show RUN`: the one command with an action and an argument.
    const unexpected = command === 'runs' ? [] : takesAction ? extra : [action, ...extra].filter((x) => x !== undefined);
    if (unexpected.length > 0) throw new UsageError(`Unexpected argument: ${unexpected.join(' ')}`);
    switch (command) {
      case 'sandbox':
        return await sandboxCommand(
          { seed: values.seed, rmPort: values['rm-port'], spPort: values['sp-port'], state: values.state, asOf: values['as-of'], paid: values.paid, json: values.json, shape: values.shape ?? env.SITESYNC_SANDBOX_SHAPE },
          out,
          stop,
        );
      case 'sync':
        if (values.site) {
          if (values['site-config']) throw new UsageError('sync takes --site ID (a registered site) or --site-config FILE (ad hoc), not both.');
          return await siteRunCommand(await shared(), { site: values.site, dryRun: values['dry-run'], planOnly: values['plan-only'], json: values.json }, io, controller.signal);
        }
        return await syncCommand(
          { siteConfig: values['site-config'], dryRun: values['dry-run'], json: values.json, asOf: values['as-of'], allowMassDelete: values['allow-mass-delete'], planOnly: values['plan-only'] },
          env,
          io,
          controller.signal,
        );
      case 'sites':
        if (action === 'list') return sitesListCommand(await shared(), { json: values.json }, io);
        if (action === 'add') return await sitesAddCommand(await shared(), { siteConfig: values['site-config'], customer: values.customer, json: values.json }, io);
        if (action === 'pause' || action === 'resume') return sitesPauseCommand(await shared(), action, { site: values.site, reason: values.reason, json: values.json }, io);
        throw new UsageError(`sites needs list, add, pause or resume${action ? ` (got "${action}")` : ''}.`);
      case 'run-due':
        return await runDueCommand(await shared(), { json: values.json, trigger: values.trigger }, io, controller.signal);
      case 'runs':
        return await runsCommand({ json: values.json, rest: [action, ...extra].filter((x): x is string => x !== undefined) }, env, out);
      case 'undo':
        return await undoCommand({ run: values.run, dryRun: values['dry-run'], json: values.json, allowMassDelete: values['allow-mass-delete'] }, env, io, controller.signal);
      case 'approve':
        // A registered site's waiting run: the app's own Approve (re-plan, apply what is still valid).
        if (!values['site-config']) return await approveSiteRun(await shared(), { run: values.run, json: values.json }, io);
        return await approveCommand({ run: values.run, siteConfig: values['site-config'], json: values.json, asOf: values['as-of'] }, env, io, controller.signal);
      case 'diagnostics':
        return await diagnosticsCommand({ out: values.out, run: values.run, json: values.json }, env, out);
      case 'schedule':
        return await scheduleCommand(action, { json: values.json }, {
          port: nodeInstallerPort,
          env: installerEnvironment(env),
          target: () => ({ schedule: new AppPreferencesFile(cliHome(env)).get().schedule, command: hostTaskCommand(host, env) }),
          out,
          err,
        });
      default:
        throw new UsageError(`Unknown command "${command}". Commands: sites, sync, run-due, runs, undo, approve, diagnostics, schedule, sandbox.`);
    }
  } catch (error) {
    if (error instanceof UsageError || (error instanceof TypeError && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS'))) {
      err(`sitesync: ${error.message}`);
      if (!(error instanceof UsageError) || !/keychain/i.test(error.message)) err('Run "npm run cli -- --help" for usage.');
      return EXIT.usage;
    }
    err(`sitesync: ${(error as Error).message}`);
    return EXIT.failed;
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    if (state) await (state as CliState).close().catch(() => undefined);
  }
}
