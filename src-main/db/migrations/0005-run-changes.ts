import type { Migration } from '../migrate';

/**
 * What each run changed (issue 15): one row per applied, failed or held-back change, with the
 * display-safe record as JSON, the PINs around it only as AES-GCM ciphertext (`secret_enc`, the
 * database's PIN key), and derived columns for the cross-run search (`search_text`, `revokes`).
 * Also: the undo link between runs (`runs.undo_of`), a site's paused schedule, and runs that wait
 * for approval (`runs.awaiting_approval`, ask-first sites).
 */
export const migration0005: Migration = {
  version: 5,
  name: 'run-changes',
  up(db) {
    db.exec(`
      CREATE TABLE run_changes (
        run_id TEXT NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
        seq INTEGER NOT NULL,
        site_id TEXT NOT NULL,
        at TEXT NOT NULL,
        status TEXT NOT NULL,
        action TEXT NOT NULL,
        target TEXT NOT NULL,
        unit_id INTEGER,
        apartment_id TEXT,
        revokes INTEGER NOT NULL,
        search_text TEXT NOT NULL,
        json TEXT NOT NULL,
        secret_enc BLOB,
        PRIMARY KEY (run_id, seq)
      );
      CREATE INDEX run_changes_at ON run_changes (at);
      CREATE INDEX run_changes_site_unit ON run_changes (site_id, unit_id);
      CREATE INDEX run_changes_target ON run_changes (target);
      ALTER TABLE runs ADD COLUMN undo_of TEXT;
      CREATE INDEX runs_undo_of ON runs (undo_of);
      ALTER TABLE sites ADD COLUMN schedule_paused_at TEXT;
      ALTER TABLE runs ADD COLUMN awaiting_approval INTEGER NOT NULL DEFAULT 0;
    `);
  },
};
