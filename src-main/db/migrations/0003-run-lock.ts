import type { Migration } from '../migrate';

/**
 * One run lock per site (issue 14): two processes (the app and the CLI, or two CLIs) never run
 * one site at once. The row names its owner (process id, host, kind) so the one refused can say
 * who holds it, and carries a heartbeat so a lock left by a crashed process goes stale. No
 * foreign key: the CLI's ad-hoc `sync --site-config` locks a site that is not registered.
 */
export const migration0003: Migration = {
  version: 3,
  name: 'run-lock',
  up(db) {
    db.exec(`
      CREATE TABLE run_locks (
        site_id TEXT PRIMARY KEY,
        token TEXT NOT NULL,
        owner_pid INTEGER NOT NULL,
        owner_host TEXT NOT NULL,
        owner_kind TEXT NOT NULL,
        acquired_at TEXT NOT NULL,
        heartbeat_at TEXT NOT NULL
      );
    `);
  },
};
