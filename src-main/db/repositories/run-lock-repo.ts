import type { Database } from 'better-sqlite3';
import { z } from 'zod';

/** Who holds a run lock: enough for the refused process to say "the app (pid 4242 on laptop-7)". */
export const LockOwnerSchema = z.object({
  pid: z.number().int().min(0),
  host: z.string().min(1),
  /** The kind of process: the desktop app, or the command line (a person, a script or the OS task). */
  kind: z.enum(['app', 'cli']),
});
/** See {@link LockOwnerSchema}. */
export type LockOwner = z.infer<typeof LockOwnerSchema>;

/** A lock as the table holds it. */
export interface RunLockHolder extends LockOwner {
  readonly siteId: string;
  readonly acquiredAt: string;
  readonly heartbeatAt: string;
}

/** What {@link RunLockRepo.tryAcquire} did. */
export type AcquireResult = { readonly acquired: true } | { readonly acquired: false; readonly holder: RunLockHolder };

/** A lock whose heartbeat is older than this is stale: its process crashed or was killed. */
export const RUN_LOCK_STALE_MS = 2 * 60_000;

interface LockRow {
  site_id: string;
  token: string;
  owner_pid: number;
  owner_host: string;
  owner_kind: string;
  acquired_at: string;
  heartbeat_at: string;
}

/**
 * The run locks of sites (migration 0003), shared by every process that opens the database.
 * Acquiring is one IMMEDIATE transaction (read, decide, write), so two processes racing for a
 * site serialise on SQLite's write lock and exactly one wins. `token` identifies one
 * acquisition: only its holder can beat or release it.
 */
export class RunLockRepo {
  constructor(
    private readonly db: Database,
    private readonly now: () => Date = () => new Date(),
    private readonly staleMs: number = RUN_LOCK_STALE_MS,
  ) {}

  /**
   * Takes the lock of `siteId` unless another live acquisition holds it. A stale one is taken
   * over, and so is one whose owner `ownerGone` says has exited (a process on this host that
   * was killed needs no two-minute wait).
   */
  tryAcquire(siteId: string, owner: LockOwner, token: string, ownerGone: (holder: RunLockHolder) => boolean = () => false): AcquireResult {
    const o = LockOwnerSchema.parse(owner);
    return this.db
      .transaction((): AcquireResult => {
        const row = this.db.prepare('SELECT * FROM run_locks WHERE site_id = ?').get(siteId) as LockRow | undefined;
        if (row && row.token !== token && !this.isStale(row) && !ownerGone(toHolder(row))) return { acquired: false, holder: toHolder(row) };
        const at = this.now().toISOString();
        this.db
          .prepare(
            `INSERT INTO run_locks (site_id, token, owner_pid, owner_host, owner_kind, acquired_at, heartbeat_at)
             VALUES (?, ?, ?, ?, ?, ?, ?)
             ON CONFLICT (site_id) DO UPDATE SET token = excluded.token, owner_pid = excluded.owner_pid, owner_host = excluded.owner_host,
               owner_kind = excluded.owner_kind, acquired_at = excluded.acquired_at, heartbeat_at = excluded.heartbeat_at`,
          )
          .run(siteId, token, o.pid, o.host, o.kind, at, at);
        return { acquired: true };
      })
      .immediate();
  }

  /** Refreshes the heartbeat of an acquisition; false when it no longer holds the lock (taken over as stale). */
  heartbeat(siteId: string, token: string): boolean {
    return this.db.prepare('UPDATE run_locks SET heartbeat_at = ? WHERE site_id = ? AND token = ?').run(this.now().toISOString(), siteId, token).changes > 0;
  }

  /** Releases an acquisition (a no-op when it no longer holds the lock). */
  release(siteId: string, token: string): void {
    this.db.prepare('DELETE FROM run_locks WHERE site_id = ? AND token = ?').run(siteId, token);
  }

  /** The live holder of a site's lock, or null (none, or stale). */
  holder(siteId: string): RunLockHolder | null {
    const row = this.db.prepare('SELECT * FROM run_locks WHERE site_id = ?').get(siteId) as LockRow | undefined;
    return row && !this.isStale(row) ? toHolder(row) : null;
  }

  /** Every live lock (the sites some process is running now). */
  live(): RunLockHolder[] {
    const rows = this.db.prepare('SELECT * FROM run_locks ORDER BY site_id').all() as LockRow[];
    return rows.filter((r) => !this.isStale(r)).map(toHolder);
  }

  private isStale(row: LockRow): boolean {
    return this.now().getTime() - Date.parse(row.heartbeat_at) >= this.staleMs;
  }
}

function toHolder(row: LockRow): RunLockHolder {
  const owner = LockOwnerSchema.parse({ pid: row.owner_pid, host: row.owner_host, kind: row.owner_kind });
  return { ...owner, siteId: row.site_id, acquiredAt: row.acquired_at, heartbeatAt: row.heartbeat_at };
}

/** The holder in words, for the refusal: "the SiteSync app (process 4242 on laptop-7, since 07:00:03 UTC)". */
export function describeHolder(holder: RunLockHolder): string {
  const who = holder.kind === 'app' ? 'the SiteSync app' : 'a SiteSync command line';
  return `${who} (process ${holder.pid} on ${holder.host}, since ${holder.acquiredAt.slice(11, 19)} UTC)`;
}
