import type { Database } from 'better-sqlite3';
import { type DeviceDraft, DeviceDraftSchema, type OutboxItem, OutboxItemSchema, type OutboxStatus } from '../../../src-shared/domain/device';

interface OutboxRow {
  id: number;
  site_id: string;
  device_json: string;
  status: string;
  attempts: number;
  error: string | null;
  error_code: string | null;
  device_id: string | null;
  created_at: string;
  updated_at: string;
}

/**
 * The device outbox (spec §9): device additions made offline, kept in order until SmartPlus has
 * them. Items are never deleted by sending: a sent item stays as `sent`, a failed one as
 * `failed` with its error, until the user retries or dismisses it.
 */
export class OutboxRepo {
  constructor(
    private readonly db: Database,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Queues a device addition and returns it. */
  enqueue(siteId: string, device: DeviceDraft): OutboxItem {
    const value = DeviceDraftSchema.parse(device);
    const at = this.now().toISOString();
    const { lastInsertRowid } = this.db
      .prepare(
        `INSERT INTO device_outbox (site_id, device_json, mac, status, created_at, updated_at) VALUES (?, ?, ?, 'queued', ?, ?)`,
      )
      .run(siteId, JSON.stringify(value), value.mac, at, at);
    return this.get(Number(lastInsertRowid))!;
  }

  /** One item, or null. */
  get(id: number): OutboxItem | null {
    const row = this.db.prepare('SELECT * FROM device_outbox WHERE id = ?').get(id) as OutboxRow | undefined;
    return row ? toItem(row) : null;
  }

  /** Items in queue order, optionally of one site and/or some statuses. */
  list(filter: { siteId?: string; statuses?: readonly OutboxStatus[] } = {}): OutboxItem[] {
    const statuses = filter.statuses ?? ['queued', 'sending', 'sent', 'failed'];
    const rows = this.db
      .prepare(
        `SELECT * FROM device_outbox WHERE (@siteId IS NULL OR site_id = @siteId)
         AND status IN (SELECT value FROM json_each(@statuses)) ORDER BY id`,
      )
      .all({ siteId: filter.siteId ?? null, statuses: JSON.stringify(statuses) }) as OutboxRow[];
    return rows.map(toItem);
  }

  /** Whether an unsent or sent item already carries this MAC (MACs are unique, spec §10). */
  hasMac(mac: string): boolean {
    return this.db.prepare(`SELECT 1 FROM device_outbox WHERE mac = ? AND status != 'failed'`).get(mac) !== undefined;
  }

  /** Marks an item as being sent (before the request, so a crash mid-send is visible on restart). */
  markSending(id: number): void {
    this.db
      .prepare(`UPDATE device_outbox SET status = 'sending', attempts = attempts + 1, updated_at = ? WHERE id = ?`)
      .run(this.now().toISOString(), id);
  }

  /** Marks an item as sent, with the SmartPlus device ID. */
  markSent(id: number, deviceId: string | null): void {
    this.db
      .prepare(`UPDATE device_outbox SET status = 'sent', device_id = ?, error = NULL, error_code = NULL, updated_at = ? WHERE id = ?`)
      .run(deviceId, this.now().toISOString(), id);
  }

  /** Marks an item as failed, keeping the error for the user. */
  markFailed(id: number, code: string, message: string): void {
    this.db
      .prepare(`UPDATE device_outbox SET status = 'failed', error_code = ?, error = ?, updated_at = ? WHERE id = ?`)
      .run(code, message, this.now().toISOString(), id);
  }

  /**
   * Puts an item back in the queue: after going offline mid-send (with the reason, shown as
   * "will retry"), or when the user retries a failure (the old error is cleared).
   */
  requeue(id: number, reason: { code: string; message: string } | null = null): void {
    this.db
      .prepare(`UPDATE device_outbox SET status = 'queued', error_code = ?, error = ?, updated_at = ? WHERE id = ?`)
      .run(reason?.code ?? null, reason?.message ?? null, this.now().toISOString(), id);
  }

  /** Removes an item the user dismissed. */
  remove(id: number): boolean {
    return this.db.prepare('DELETE FROM device_outbox WHERE id = ?').run(id).changes > 0;
  }
}

function toItem(row: OutboxRow): OutboxItem {
  return OutboxItemSchema.parse({
    id: row.id,
    siteId: row.site_id,
    device: JSON.parse(row.device_json),
    status: row.status,
    attempts: row.attempts,
    error: row.error,
    errorCode: row.error_code,
    deviceId: row.device_id,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  });
}
