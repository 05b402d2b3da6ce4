// The headless entry of SiteSync (spec §13, issues 5 and 14): the same engine, services and state
// as the app, for support staff, scripts, the OS task and servers. `npm run cli -- --help`.
// The packaged app runs the same code with `--cli` (main.ts → cli/run-cli.ts).
import { runCli } from './cli/run-cli';

/** Runs one CLI invocation; resolves with the process exit code. */
export function main(argv: string[], env: NodeJS.ProcessEnv): Promise<number> {
  return runCli(argv, env);
}

void main(process.argv.slice(2), process.env).then((code) => {
  process.exitCode = code;
});
