// The headless entry of SiteSync (spec §13, issue 5): the same engine and services as the app,
// for support staff, scripts and servers. `npm run cli -- --help`.
import { parseArgs } from 'node:util';
import { EXIT, HELP, UsageError } from './cli/cli-error';
import { runsCommand } from './cli/runs-command';
import { sandboxCommand } from './cli/sandbox-command';
import { syncCommand } from './cli/sync-command';
import { undoCommand } from './cli/undo-command';
import { approveCommand } from './cli/approve-command';

const OPTIONS = {
  help: { type: 'boolean', short: 'h' },
  json: { type: 'boolean' },
  seed: { type: 'string' },
  'rm-port': { type: 'string' },
  'sp-port': { type: 'string' },
  state: { type: 'string' },
  'as-of': { type: 'string' },
  paid: { type: 'boolean' },
  'site-config': { type: 'string' },
  'dry-run': { type: 'boolean' },
  'allow-mass-delete': { type: 'boolean' },
  run: { type: 'string' },
  'plan-only': { type: 'boolean' },
} as const;

/** Runs one CLI invocation; resolves with the process exit code. */
export async function main(argv: string[], env: NodeJS.ProcessEnv): Promise<number> {
  const out = (s: string) => void process.stdout.write(`${s}\n`);
  const err = (s: string) => void process.stderr.write(`${s}\n`);
  const controller = new AbortController();
  let stopped: () => void = () => {};
  const stop = new Promise<void>((resolve) => (stopped = resolve));
  const onSignal = () => {
    controller.abort();
    stopped();
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    const { values, positionals } = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
    const [command, ...extra] = positionals;
    if (values.help || !command) {
      out(HELP);
      return command || values.help ? EXIT.done : EXIT.usage;
    }
    if (extra.length > 0 && command !== 'runs') throw new UsageError(`Unexpected argument: ${extra.join(' ')}`);
    switch (command) {
      case 'sandbox':
        return await sandboxCommand(
          { seed: values.seed, rmPort: values['rm-port'], spPort: values['sp-port'], state: values.state, asOf: values['as-of'], paid: values.paid, json: values.json },
          out,
          stop,
        );
      case 'sync':
        return await syncCommand(
          { siteConfig: values['site-config'], dryRun: values['dry-run'], json: values.json, asOf: values['as-of'], allowMassDelete: values['allow-mass-delete'], planOnly: values['plan-only'] },
          env,
          { out, err },
          controller.signal,
        );
      case 'approve':
        return await approveCommand({ run: values.run, siteConfig: values['site-config'], json: values.json, asOf: values['as-of'] }, env, { out, err }, controller.signal);
      case 'undo':
        return await undoCommand(
          { run: values.run, dryRun: values['dry-run'], json: values.json, allowMassDelete: values['allow-mass-delete'] },
          env,
          { out, err },
          controller.signal,
        );
      case 'runs':
        return await runsCommand({ json: values.json, rest: extra }, env, out);
      default:
        throw new UsageError(`Unknown command "${command}". Commands: sandbox, sync, runs, undo, approve.`);
    }
  } catch (error) {
    if (error instanceof UsageError || (error instanceof TypeError && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS'))) {
      err(`sitesync: ${error.message}`);
      err('Run "npm run cli -- --help" for usage.');
      return EXIT.usage;
    }
    err(`sitesync: ${(error as Error).message}`);
    return EXIT.failed;
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}

void main(process.argv.slice(2), process.env).then((code) => {
  process.exitCode = code;
});
