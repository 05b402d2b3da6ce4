import type { Database } from 'better-sqlite3';
import { type Order, OrderSchema } from '../../../src-shared/domain/billing';

/**
 * Billing receipts (spec §7): the orders SmartPlus returned — amount, period, next renewal.
 * An order carries no card data (only the saved method's ID is sent); the schema is applied
 * on the way in, so nothing else can slip into the table.
 */
export class ReceiptsRepo {
  constructor(private readonly db: Database) {}

  /** Keeps an order's receipt (idempotent per order ID). */
  save(order: Order, siteId: string | null = null): Order {
    const value = OrderSchema.parse(order);
    this.db
      .prepare(
        `INSERT INTO receipts (id, site_id, status, amount, currency, created_at, next_renewal_at, order_json)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (id) DO UPDATE SET status = excluded.status, order_json = excluded.order_json,
           next_renewal_at = excluded.next_renewal_at`,
      )
      .run(
        value.id,
        siteId,
        value.status,
        value.amount,
        value.currency,
        value.createdAt,
        value.subscription?.currentPeriodEnd ?? null,
        JSON.stringify(value),
      );
    return value;
  }

  /** Receipts, newest first. */
  list(limit = 100): Order[] {
    const rows = this.db.prepare('SELECT order_json FROM receipts ORDER BY created_at DESC LIMIT ?').all(limit) as {
      order_json: string;
    }[];
    return rows.map((r) => OrderSchema.parse(JSON.parse(r.order_json)));
  }
}
