import type { Database } from 'better-sqlite3';
import { type Order, OrderSchema } from '../../../src-shared/domain/billing';

/** The account of a receipt kept before receipts named their account (migration 0009). */
const UNRECORDED = '';

/**
 * Billing receipts (spec §7): the orders SmartPlus returned — amount, period, next renewal.
 * An order carries no card data (only the saved method's ID is sent); the schema is applied
 * on the way in, so nothing else can slip into the table.
 */
export class ReceiptsRepo {
  constructor(private readonly db: Database) {}

  /**
   * Keeps an order's receipt (idempotent per account and order ID). With the SmartPlus account it
   * was paid with, a copy kept before receipts named their account is claimed (not kept twice).
   */
  save(order: Order, siteId: string | null = null, accountId: string | null = null): Order {
    const value = OrderSchema.parse(order);
    const account = accountId ?? UNRECORDED;
    this.db.transaction(() => {
      let site = siteId;
      if (account !== UNRECORDED) {
        // Only the same order (two accounts may number theirs alike): same time, amount and currency.
        const older = this.db
          .prepare('SELECT site_id FROM receipts WHERE account_id = ? AND id = ? AND created_at = ? AND amount = ? AND currency = ?')
          .get(UNRECORDED, value.id, value.createdAt, value.amount, value.currency) as { site_id: string | null } | undefined;
        if (older) {
          site ??= older.site_id;
          this.db.prepare('DELETE FROM receipts WHERE account_id = ? AND id = ? AND created_at = ?').run(UNRECORDED, value.id, value.createdAt);
        }
      }
      this.db
        .prepare(
          `INSERT INTO receipts (account_id, id, site_id, status, amount, currency, created_at, next_renewal_at, order_json)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
           ON CONFLICT (account_id, id) DO UPDATE SET status = excluded.status, order_json = excluded.order_json,
             next_renewal_at = excluded.next_renewal_at, site_id = COALESCE(receipts.site_id, excluded.site_id)`,
        )
        .run(account, value.id, site, value.status, value.amount, value.currency, value.createdAt, value.subscription?.currentPeriodEnd ?? null, JSON.stringify(value));
    })();
    return value;
  }

  /**
   * Receipts, newest first. `account`: only that SmartPlus account's; with `withUnrecorded`, also
   * those kept before receipts named their account (the default account's, see migration 0009).
   */
  list(limit = 100, account?: { id: string; withUnrecorded: boolean }): Order[] {
    const rows = (
      account
        ? this.db
            .prepare('SELECT order_json FROM receipts WHERE account_id = ? OR (? AND account_id = ?) ORDER BY created_at DESC LIMIT ?')
            .all(account.id, account.withUnrecorded ? 1 : 0, UNRECORDED, limit)
        : this.db.prepare('SELECT order_json FROM receipts ORDER BY created_at DESC LIMIT ?').all(limit)
    ) as { order_json: string }[];
    return rows.map((r) => OrderSchema.parse(JSON.parse(r.order_json)));
  }
}
