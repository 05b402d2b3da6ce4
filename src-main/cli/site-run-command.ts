import type { RunRecord } from '../../src-shared/domain/run';
import { isAppError } from '../../src-shared/errors';
import { EXIT, UsageError } from './cli-error';
import { type CliState, connectionsOfSite } from './cli-state';

/** A run in one line: outcome, counts, problems, held back. */
export function runLine(run: RunRecord): string {
  const c = run.counts;
  const parts = [
    `${run.outcome}${run.dryRun ? ' (dry run)' : ''}`,
    `${c.accountsCreated} created, ${c.accountsUpdated} updated, ${c.accountsDeleted} deleted, ${c.credentialsSet} credentials set, ${c.credentialsRemoved} removed`,
    `${run.problemCount} problem${run.problemCount === 1 ? '' : 's'}`,
    ...(run.heldBackCount > 0 ? [`${run.heldBackCount} held back`] : []),
    ...(run.error ? [run.error] : []),
  ];
  return `${parts.join('; ')} (run ${run.id})`;
}

/** The exit code a run deserves (cli-error.ts): failed, cancelled or partial → 1, held back → 3, else 0. */
export function exitCodeOfRun(run: RunRecord): number {
  if (run.outcome === 'failed' || run.outcome === 'cancelled' || run.outcome === 'partial' || run.outcome === 'running') return EXIT.failed;
  if (run.outcome === 'held-back') return EXIT.heldBack;
  return EXIT.done;
}

/** The most serious of several exit codes: usage, then failed, then locked, then held back, then done. */
export function worstExit(codes: readonly number[]): number {
  const order: number[] = [EXIT.usage, EXIT.failed, EXIT.locked, EXIT.heldBack, EXIT.done];
  return order.find((code) => codes.includes(code)) ?? EXIT.done;
}

/**
 * `sync --site ID [--dry-run] [--json]`: one registered site through the app's own site sync
 * service (the same locks, subscription check, journal and history), trigger `cli`. A site
 * another process is running is refused with who holds it (exit 4).
 */
export async function siteRunCommand(state: CliState, args: { site: string; dryRun?: boolean; planOnly?: boolean; json?: boolean }, io: { out: (s: string) => void; err: (s: string) => void }, signal: AbortSignal): Promise<number> {
  const { services } = state;
  const site = services.ctx.db.sites.get(args.site);
  if (!site) throw new UsageError(`No site "${args.site}". "sites list" shows the sites and their ids.`);
  await state.requireSecrets(connectionsOfSite(services, site.id));
  let started;
  try {
    started = await services.features.sync.runSite({ siteId: site.id, trigger: 'cli', dryRun: args.dryRun ?? false, ...(args.planOnly ? { planOnly: true } : {}) });
  } catch (error) {
    if (!isAppError(error)) throw error;
    io.err(`sitesync: ${error.message}`);
    return error.code === 'RUN_IN_PROGRESS' ? EXIT.locked : EXIT.failed;
  }
  const onAbort = () => services.features.sync.cancel(site.id);
  signal.addEventListener('abort', onAbort, { once: true });
  const progress = services.events.on('sync.progressed', (p) => {
    if (!args.json && p.siteId === site.id && p.total > 0) io.err(`${p.phase}: ${p.done}/${p.total}${p.current ? ` ${p.current}` : ''}`);
  });
  try {
    const run = await started.done;
    const problems = await services.ctx.db.runs.listProblems(run.id);
    if (args.json) {
      const heldBack = await services.ctx.db.runs.listHeldBack(run.id);
      io.out(JSON.stringify({ site: { id: site.id, name: site.name }, run, problems, heldBack }));
    } else {
      io.out(`${site.name} (${site.id}): ${runLine(run)}`);
      for (const p of problems.slice(0, 20)) io.out(`  ${p.severity}: ${p.subject ? `${p.subject}: ` : ''}${p.reason}`);
      if (problems.length > 20) io.out(`  … and ${problems.length - 20} more (the app's Runs screen lists them all).`);
    }
    return exitCodeOfRun(run);
  } finally {
    progress();
    signal.removeEventListener('abort', onAbort);
  }
}

/**
 * `approve --run RUN` for a registered site: what the run waits with (a `--plan-only` or
 * ask-first run, or held-back deletions) is re-planned and applied where still valid — the app's
 * own Approve, with its lock and history.
 */
export async function approveSiteRun(state: CliState, args: { run?: string; json?: boolean }, io: { out: (s: string) => void; err: (s: string) => void }): Promise<number> {
  if (!args.run) throw new UsageError('approve needs --run RUN (the run that waits, see "runs").');
  const { services } = state;
  const waiting = await services.ctx.db.runs.getRun(args.run);
  if (!waiting) throw new UsageError(`No run ${args.run} in the history. "runs" lists them.`);
  const site = services.ctx.db.sites.get(waiting.siteId);
  if (!site) throw new UsageError(`Run ${args.run} is not of a registered site: approve it with --site-config FILE (the file its sync used).`);
  await state.requireSecrets(connectionsOfSite(services, site.id));
  try {
    const run = await services.features.sync.confirmHeldBack(args.run);
    io.out(args.json ? JSON.stringify({ site: { id: site.id, name: site.name }, run }) : `${site.name} (${site.id}): ${runLine(run)}`);
    return exitCodeOfRun(run);
  } catch (error) {
    if (!isAppError(error)) throw error;
    io.err(`sitesync: ${error.message}`);
    return error.code === 'RUN_IN_PROGRESS' ? EXIT.locked : EXIT.failed;
  }
}
