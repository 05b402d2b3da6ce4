import { randomUUID } from 'node:crypto';
import os from 'node:os';
import type { LockOwner, RunLockHolder, RunLockRepo } from '../db/repositories/run-lock-repo';

/** A held lock: release it when the run ends (the heartbeat stops with it). */
export interface HeldSiteLock {
  readonly acquired: true;
  release(): void;
}

/** The lock was held by another acquisition for the whole wait. */
export interface RefusedSiteLock {
  readonly acquired: false;
  readonly holder: RunLockHolder;
}

/** What {@link SiteRunLocks} needs. */
export interface SiteRunLocksOptions {
  readonly repo: Pick<RunLockRepo, 'tryAcquire' | 'heartbeat' | 'release'>;
  /** This process, as the refused one will name it. */
  readonly owner: LockOwner;
  /** How long a second run waits for the lock before it gives up and says who holds it. */
  readonly waitMs?: number;
  /** How often it asks again while waiting. */
  readonly pollMs?: number;
  /** How often a held lock's heartbeat is refreshed (well under RUN_LOCK_STALE_MS). */
  readonly heartbeatMs?: number;
  /** Whether a holder's process has exited (default: {@link lockOwnerGone}). */
  readonly ownerGone?: (holder: RunLockHolder) => boolean;
  /** Waiting (tests pass a fake). */
  readonly sleep?: (ms: number) => Promise<void>;
}

/** This process as a lock owner. */
export function processLockOwner(kind: LockOwner['kind']): LockOwner {
  return { pid: process.pid, host: os.hostname() || 'localhost', kind };
}

/**
 * Whether a lock's owner has certainly exited: a process on this host whose pid no longer
 * exists. Another host's process cannot be asked, so only its heartbeat going stale frees it.
 */
export function lockOwnerGone(holder: LockOwner): boolean {
  if (holder.host !== (os.hostname() || 'localhost') || holder.pid === process.pid) return false;
  try {
    process.kill(holder.pid, 0);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ESRCH';
  }
}

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * The cross-process half of "two runs of a site never overlap" (the in-process half is the
 * SiteRunGate): a lock row per site in the shared database, with a heartbeat while the run
 * lasts. A process that finds the site locked waits up to `waitMs`, then is refused with the
 * holder; a lock whose holder stopped beating (crash, kill -9) goes stale and is taken over.
 */
export class SiteRunLocks {
  constructor(private readonly options: SiteRunLocksOptions) {}

  /** Takes the site's lock, waiting briefly for another process to finish. */
  async acquire(siteId: string): Promise<HeldSiteLock | RefusedSiteLock> {
    const token = randomUUID();
    const waitMs = this.options.waitMs ?? 2_000;
    const pollMs = this.options.pollMs ?? 250;
    const sleep = this.options.sleep ?? realSleep;
    let waited = 0;
    for (;;) {
      const result = this.options.repo.tryAcquire(siteId, this.options.owner, token, this.options.ownerGone ?? lockOwnerGone);
      if (result.acquired) return this.held(siteId, token);
      if (waited >= waitMs) return { acquired: false, holder: result.holder };
      await sleep(pollMs);
      waited += pollMs;
    }
  }

  private held(siteId: string, token: string): HeldSiteLock {
    const repo = this.options.repo;
    const beat = setInterval(() => {
      try {
        repo.heartbeat(siteId, token);
      } catch {
        // A busy database skips one beat; the next one (well inside the stale window) refreshes it.
      }
    }, this.options.heartbeatMs ?? 30_000);
    beat.unref?.();
    let released = false;
    return {
      acquired: true,
      release() {
        if (released) return;
        released = true;
        clearInterval(beat);
        repo.release(siteId, token);
      },
    };
  }
}

/**
 * At a process's start (app or CLI): runs a crash or kill left `running` are recorded as
 * interrupted (issue 12) — except those of sites another live process holds the lock of, which
 * are still going (issue 14).
 */
export function markCrashedRunsInterrupted(db: { runLocks: Pick<RunLockRepo, 'live'>; runs: { markInterrupted(at: string, busySiteIds: readonly string[]): unknown } }, at: Date): void {
  const busySites = db.runLocks.live().filter((holder) => !lockOwnerGone(holder)).map((holder) => holder.siteId);
  db.runs.markInterrupted(at.toISOString(), busySites);
}
