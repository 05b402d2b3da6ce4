import type { Migration } from '../migrate';

/**
 * Which SmartPlus installer account a site syncs to (issue 16: one account per region or
 * company). Existing sites get the account they have used so far: the oldest SmartPlus
 * connection on the same side as their Rent Manager connection (sandbox with sandbox).
 * Null means "the default account of that side" (the sandbox's may be registered later).
 */
export const migration0007: Migration = {
  version: 7,
  name: 'site-smartplus-account',
  up(db) {
    db.exec('ALTER TABLE sites ADD COLUMN smartplus_account_id TEXT');
    db.exec(`UPDATE sites SET smartplus_account_id = (
      SELECT c.id FROM connections c
      WHERE c.kind = 'smartplus'
        AND c.is_sandbox = COALESCE((SELECT r.is_sandbox FROM connections r WHERE r.id = sites.connection_id), 0)
      ORDER BY c.created_at, c.rowid LIMIT 1)`);
  },
};
