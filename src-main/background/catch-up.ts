import type { Schedule } from '../../src-shared/domain/schedule';
import { type DueReason, type DueRun, decideDueRuns } from './due-runs';

/** What the app's catch-up needs: the schedule, the sites' history and a way to start runs (the glue passes the services). */
export interface CatchUpDeps {
  readonly now: () => Date;
  schedule(): Schedule;
  siteIds(): readonly string[];
  /** When the site's last completed full run started, or null. */
  lastFullRun(siteId: string): Date | null;
  /** A run of the site is in progress here or in another process. */
  isRunning(siteId: string): boolean;
  /** Why the site is paused (skipped, issue 16), or null when it runs on schedule. */
  pausedWhy?(siteId: string): string | null;
  /** Told of each site the pass skipped because it is paused (the glue logs it). */
  onPausedSkip?(siteId: string, why: string): void;
  /** Starts a full catch-up run and resolves with how it ended (its error code, for the offline retry). */
  runFull(siteId: string): Promise<{ outcome: string; errorCode: string | null }>;
  /** Starts a light sync when Rent Manager changed. */
  runLight(siteId: string): Promise<void>;
}

/** The app's catch-up: call it on resume from sleep and when the network comes back. */
export interface CatchUp {
  /** Decides with {@link decideDueRuns} and starts what is due; resolves with what it started. */
  run(reason: DueReason): Promise<readonly DueRun[]>;
}

/**
 * Resume from sleep and a network coming back run the catch-up (issue 14): exactly one run per
 * missed slot — this process remembers the slot it attempted for each site, so resume and
 * network-back arriving together never double a run, and a run that failed only because the
 * machine was offline is retried once when the network is back. Sites that never ran are left
 * to their import. No Electron here: the glue (app/background-glue.ts) only calls `run`.
 */
export function createCatchUp(deps: CatchUpDeps): CatchUp {
  const attempted = new Map<string, { slot: number; offline: boolean }>();
  let busy: Promise<readonly DueRun[]> | null = null;

  const pass = async (reason: DueReason): Promise<readonly DueRun[]> => {
    const decision = decideDueRuns({
      schedule: deps.schedule(),
      now: deps.now(),
      reason,
      neverRunIsDue: false,
      sites: deps.siteIds().map((siteId) => ({
        siteId,
        lastFullRun: deps.lastFullRun(siteId),
        running: deps.isRunning(siteId),
        attemptedSlot: attempted.get(siteId)?.slot ?? null,
        lastAttemptOffline: attempted.get(siteId)?.offline ?? false,
        pausedWhy: deps.pausedWhy?.(siteId) ?? null,
      })),
    });
    for (const s of decision.skipped) if (deps.pausedWhy?.(s.siteId)) deps.onPausedSkip?.(s.siteId, s.why);
    await Promise.all(
      decision.runs.map(async (due) => {
        if (due.kind === 'light') return deps.runLight(due.siteId);
        attempted.set(due.siteId, { slot: due.slot!, offline: false });
        const ended = await deps.runFull(due.siteId);
        attempted.set(due.siteId, { slot: due.slot!, offline: ended.outcome === 'failed' && ended.errorCode === 'OFFLINE' });
      }),
    );
    return decision.runs;
  };

  return {
    async run(reason) {
      // Two triggers at once (resume and network-back) are one pass, then the second looks again.
      while (busy) await busy.catch(() => undefined);
      busy = pass(reason);
      try {
        return await busy;
      } finally {
        busy = null;
      }
    },
  };
}
