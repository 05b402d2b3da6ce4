import { z } from 'zod';
import type { RunRecord, RunTrigger } from '../../src-shared/domain/run';
import type { Schedule } from '../../src-shared/domain/schedule';
import { isAppError } from '../../src-shared/errors';
import { type DueRun, decideDueRuns, type SiteDueState } from '../background/due-runs';
import { EXIT, UsageError } from './cli-error';
import { type CliState, connectionsOfSite, requireKeychain } from './cli-state';
import { exitCodeOfRun, runLine, worstExit } from './site-run-command';

/** The triggers `run-due` may record: a person or script (`cli`), or the OS task (`os-schedule`). */
export const RunDueTriggerSchema = z.enum(['cli', 'os-schedule']);

/** What one pass of `run-due` needs; the command wires it to the app's state, tests to fakes and a fake clock. */
export interface RunDueDeps {
  readonly now: () => Date;
  readonly schedule: Schedule;
  /** The registered sites `run-due` looks at (sandbox sites are the app's own: they run only while it is open). */
  readonly siteIds: readonly string[];
  /** When the site's last completed full run started (any process), or null. */
  lastFullRun(siteId: string): Date | null;
  /** Another process holds the site's run lock. */
  isRunning(siteId: string): boolean;
  /** Why the site is skipped (paused by the installer, or its schedule paused after an undo), or null. */
  pausedWhy?(siteId: string): string | null;
  /** What `run-due` remembers per site between calls (the slot it attempted, and the last light sync). */
  readonly memory: { get(key: string): string | null; set(key: string, value: string): void };
  /** Runs a full sync of the site now. */
  runFull(siteId: string, trigger: RunTrigger): Promise<RunRecord>;
  /** Runs a light (changed-since) sync if Rent Manager changed; null when nothing changed. */
  runLight(siteId: string, trigger: RunTrigger): Promise<RunRecord | null>;
  readonly trigger: RunTrigger;
}

/** One site's result in `run-due`'s report. */
export interface RunDueOutcome {
  readonly siteId: string;
  readonly kind: DueRun['kind'];
  readonly why: string;
  readonly run: RunRecord | null;
  readonly error: string | null;
  readonly errorCode: string | null;
}

const slotKey = (siteId: string) => `run-due:slot:${siteId}`;
const offlineKey = (siteId: string) => `run-due:offline:${siteId}`;
const lightKey = (siteId: string) => `run-due:light:${siteId}`;

/**
 * One pass of `run-due`: decides with {@link decideDueRuns} (the scheduler's slots, so zones
 * and DST behave as in the app; a registered site that never ran is due), remembers the slot
 * before starting so a second call in the same slot runs nothing, and runs the due sites one
 * after the other (two processes never run one site at once: the site sync service's lock).
 */
export async function runDuePass(deps: RunDueDeps): Promise<{ outcomes: RunDueOutcome[]; skipped: { siteId: string; why: string }[] }> {
  const sites: SiteDueState[] = deps.siteIds.map((siteId) => {
    const slot = deps.memory.get(slotKey(siteId));
    const light = deps.memory.get(lightKey(siteId));
    return {
      siteId,
      lastFullRun: deps.lastFullRun(siteId),
      lastLightRun: light ? new Date(light) : null,
      running: deps.isRunning(siteId),
      attemptedSlot: slot === null ? null : Number(slot),
      lastAttemptOffline: deps.memory.get(offlineKey(siteId)) === '1',
      pausedWhy: deps.pausedWhy?.(siteId) ?? null,
    };
  });
  const decision = decideDueRuns({ schedule: deps.schedule, sites, now: deps.now(), reason: 'run-due', neverRunIsDue: true });
  const outcomes: RunDueOutcome[] = [];
  for (const due of decision.runs) {
    try {
      let run: RunRecord | null;
      if (due.kind === 'full') {
        deps.memory.set(slotKey(due.siteId), String(due.slot));
        run = await deps.runFull(due.siteId, deps.trigger);
        deps.memory.set(offlineKey(due.siteId), run.outcome === 'failed' && /offline|network/i.test(run.error ?? '') ? '1' : '0');
      } else {
        deps.memory.set(lightKey(due.siteId), deps.now().toISOString());
        run = await deps.runLight(due.siteId, deps.trigger);
      }
      outcomes.push({ siteId: due.siteId, kind: due.kind, why: due.why, run, error: null, errorCode: null });
    } catch (error) {
      outcomes.push({ siteId: due.siteId, kind: due.kind, why: due.why, run: null, error: error instanceof Error ? error.message : String(error), errorCode: isAppError(error) ? error.code : null });
    }
  }
  return { outcomes, skipped: [...decision.skipped] };
}

/** `run-due [--json] [--trigger cli|os-schedule]`: runs every due site once over the app's state, then exits. */
export async function runDueCommand(
  state: CliState,
  args: { json?: boolean; trigger?: string },
  io: { out: (s: string) => void; err: (s: string) => void },
  signal?: AbortSignal,
): Promise<number> {
  const trigger = RunDueTriggerSchema.safeParse(args.trigger ?? 'cli');
  if (!trigger.success) throw new UsageError(`--trigger is cli or os-schedule, not "${args.trigger}".`);
  const { services } = state;
  const { db } = services.ctx;
  const sandboxConnections = new Set(db.connections.list().filter((c) => c.isSandbox).map((c) => c.id));
  const siteIds = db.sites
    .listSummaries()
    .filter((s) => s.connectionId !== null && !sandboxConnections.has(s.connectionId))
    .map((s) => s.id);
  const needed = siteIds.flatMap((id) => connectionsOfSite(services, id)).filter((id) => !state.fromEnvironment.has(id));
  if (needed.length > 0) await requireKeychain(services.ctx.secrets);

  // Ctrl+C / SIGTERM (a Kubernetes Job stopped): the run in progress is cancelled between operations and no further site starts.
  const onAbort = () => services.features.sync.running().forEach((p) => services.features.sync.cancel(p.siteId));
  signal?.addEventListener('abort', onAbort, { once: true });
  const runVia = async (siteId: string, t: RunTrigger) => {
    if (signal?.aborted) throw new Error('stopped before this site started (interrupted)');
    return (await services.features.sync.runSite({ siteId, trigger: t })).done;
  };
  const { outcomes, skipped } = await runDuePass({
    now: services.ctx.now,
    schedule: services.ctx.preferences.get().schedule,
    siteIds,
    lastFullRun: (siteId) => {
      const at = db.runs.lastCompletedRunAt(siteId);
      return at ? new Date(at) : null;
    },
    isRunning: (siteId) => db.runLocks.holder(siteId) !== null,
    pausedWhy: (siteId) => db.sites.skipWhy(siteId),
    memory: { get: (k) => db.meta.get(k), set: (k, v) => db.meta.set(k, v) },
    runFull: runVia,
    runLight: async (siteId, t) => ((await services.lightSyncDue(siteId)) ? runVia(siteId, t) : null),
    trigger: trigger.data,
  });

  signal?.removeEventListener('abort', onAbort);
  const name = (siteId: string) => db.sites.get(siteId)?.name ?? siteId;
  if (args.json) {
    io.out(
      JSON.stringify({
        ran: outcomes.map((o) => ({ site: { id: o.siteId, name: name(o.siteId) }, kind: o.kind, why: o.why, run: o.run, error: o.error })),
        skipped: skipped.map((s) => ({ site: { id: s.siteId, name: name(s.siteId) }, why: s.why })),
      }),
    );
  } else if (outcomes.length === 0) {
    const paused = skipped.filter((s) => s.why.startsWith('skipped: ')).length;
    const why =
      siteIds.length === 0
        ? 'no sites are registered'
        : paused === siteIds.length
          ? `${paused === 1 ? 'the only site is' : `all ${paused} sites are`} paused`
          : `all ${siteIds.length} site${siteIds.length === 1 ? '' : 's'} ran for their last scheduled slot${paused > 0 ? ` or are paused (${paused})` : ''}`;
    io.out(`Nothing is due: ${why}.`);
    for (const s of skipped) io.out(`  ${name(s.siteId)} (${s.siteId}): ${s.why}`);
  } else {
    for (const o of outcomes) {
      const what = o.run ? runLine(o.run) : o.error ? `not run: ${o.error}` : 'no changes in Rent Manager since the last sync';
      io.out(`${name(o.siteId)} (${o.siteId}), ${o.why}: ${what}`);
    }
    // A paused site is said even when others ran, so nobody wonders why it did not.
    for (const s of skipped.filter((x) => x.why.startsWith('skipped: '))) io.out(`${name(s.siteId)} (${s.siteId}): ${s.why}`);
  }
  // A site another process is running right now (the app, another run-due) is covered by that run: not a failure.
  return worstExit(outcomes.map((o) => (o.run ? exitCodeOfRun(o.run) : o.errorCode === 'RUN_IN_PROGRESS' ? EXIT.done : o.error ? EXIT.failed : EXIT.done)));
}
