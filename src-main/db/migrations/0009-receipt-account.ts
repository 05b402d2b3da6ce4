import type { Migration } from '../migrate';

/**
 * The SmartPlus account each kept receipt was paid with (issue 16: each account pays for itself),
 * so that offline the Subscription screen lists the chosen account's receipts only. Two accounts
 * (two regions' servers) may number their orders alike, so a receipt is kept per account and order
 * ID. '' marks receipts kept before this migration: they count as the default account's (the one
 * account there was when most were paid), and the next online look at an account's receipts
 * claims its own.
 */
export const migration0009: Migration = {
  version: 9,
  name: 'receipt-account',
  up(db) {
    db.exec(`
      CREATE TABLE receipts_by_account (
        account_id TEXT NOT NULL DEFAULT '',
        id TEXT NOT NULL,
        site_id TEXT,
        status TEXT NOT NULL,
        amount INTEGER NOT NULL,
        currency TEXT NOT NULL,
        created_at TEXT NOT NULL,
        next_renewal_at TEXT,
        order_json TEXT NOT NULL,
        PRIMARY KEY (account_id, id)
      );
      INSERT INTO receipts_by_account (account_id, id, site_id, status, amount, currency, created_at, next_renewal_at, order_json)
        SELECT '', id, site_id, status, amount, currency, created_at, next_renewal_at, order_json FROM receipts;
      DROP TABLE receipts;
      ALTER TABLE receipts_by_account RENAME TO receipts;
      CREATE INDEX receipts_created ON receipts (created_at DESC);
    `);
  },
};
