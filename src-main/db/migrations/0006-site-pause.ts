import type { Migration } from '../migrate';

/**
 * A site the installer paused (issue 16): no scheduled, catch-up or light runs — manual runs
 * still possible — until resumed. `paused` is the switch, `paused_at` when, and `pause_reason`
 * the installer's free text (optional, recorded as typed). Apart from `schedule_paused_at`
 * (0005), which an undo sets.
 */
export const migration0006: Migration = {
  version: 6,
  name: 'site-pause',
  up(db) {
    db.exec(`
      ALTER TABLE sites ADD COLUMN paused INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE sites ADD COLUMN paused_at TEXT;
      ALTER TABLE sites ADD COLUMN pause_reason TEXT;
    `);
  },
};
