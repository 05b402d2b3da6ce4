import type { Migration } from '../migrate';

/** Held-back deletions of a run (the mass-deletion guard, spec §6), kept until the user confirms them. */
export const migration0002: Migration = {
  version: 2,
  name: 'held-back',
  up(db) {
    db.exec(`
      CREATE TABLE held_back (
        run_id TEXT NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
        seq INTEGER NOT NULL,
        json TEXT NOT NULL,
        PRIMARY KEY (run_id, seq)
      );
    `);
  },
};
