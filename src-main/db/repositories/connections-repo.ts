import { randomUUID } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import {
  type ConnectionSettings,
  ConnectionSettingsSchema,
  type ConnectionStatus,
  type ConnectionSummary,
  ConnectionSummarySchema,
  type Customer,
  CustomerSchema,
} from '../../../src-shared/domain/connection';
import { bool, int } from './row-helpers';

interface ConnectionRow {
  id: string;
  kind: string;
  label: string;
  company_code: string | null;
  location_id: number | null;
  base_url: string;
  auth_kind: string;
  username: string | null;
  is_sandbox: number;
  status: string;
  updated_at: string;
}

/**
 * Connections' non-secret settings and the status of their secret, plus customers. The
 * secrets themselves live only in the keychain (secrets/secret-store.ts); this table has no
 * column that could hold one.
 */
export class ConnectionsRepo {
  constructor(
    private readonly db: Database,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Creates or updates a connection's settings; a new one starts as `missing` until its secret is saved. */
  save(settings: Omit<ConnectionSettings, 'id'> & { id?: string }): ConnectionSummary {
    const value = ConnectionSettingsSchema.parse({ ...settings, id: settings.id ?? randomUUID() });
    const at = this.now().toISOString();
    this.db
      .prepare(
        `INSERT INTO connections (id, kind, label, company_code, location_id, base_url, auth_kind, username, is_sandbox, created_at, updated_at)
         VALUES (@id, @kind, @label, @companyCode, @locationId, @baseUrl, @authKind, @username, @isSandbox, @at, @at)
         ON CONFLICT (id) DO UPDATE SET kind = @kind, label = @label, company_code = @companyCode, location_id = @locationId,
           base_url = @baseUrl, auth_kind = @authKind, username = @username, is_sandbox = @isSandbox, updated_at = @at`,
      )
      .run({ ...value, isSandbox: int(value.isSandbox), at });
    return this.get(value.id)!;
  }

  /** Records whether the connection's secret is in the keychain and accepted. */
  setStatus(id: string, status: ConnectionStatus): void {
    this.db.prepare('UPDATE connections SET status = ?, updated_at = ? WHERE id = ?').run(status, this.now().toISOString(), id);
  }

  /** One connection, or null. */
  get(id: string): ConnectionSummary | null {
    const row = this.db.prepare('SELECT * FROM connections WHERE id = ?').get(id) as ConnectionRow | undefined;
    return row ? toSummary(row) : null;
  }

  /** Every connection, sandbox ones last, then by label. */
  list(): ConnectionSummary[] {
    const rows = this.db.prepare('SELECT * FROM connections ORDER BY is_sandbox, label COLLATE NOCASE').all() as ConnectionRow[];
    return rows.map(toSummary);
  }

  /** The default SmartPlus account of one side (sandbox or real): the oldest one, or null when there is none. */
  defaultSmartPlus(isSandbox: boolean): ConnectionSummary | null {
    const row = this.db
      .prepare("SELECT * FROM connections WHERE kind = 'smartplus' AND is_sandbox = ? ORDER BY created_at, rowid LIMIT 1")
      .get(int(isSandbox)) as ConnectionRow | undefined;
    return row ? toSummary(row) : null;
  }

  /** Removes a connection's settings (its keychain secret is removed by the caller). */
  delete(id: string): boolean {
    return this.db.prepare('DELETE FROM connections WHERE id = ?').run(id).changes > 0;
  }

  /** Creates or updates a customer. */
  saveCustomer(customer: Omit<Customer, 'id'> & { id?: string }): Customer {
    const value = CustomerSchema.parse({ ...customer, id: customer.id ?? randomUUID() });
    this.db
      .prepare(
        `INSERT INTO customers (id, name, connection_id, is_sandbox) VALUES (@id, @name, @connectionId, @isSandbox)
         ON CONFLICT (id) DO UPDATE SET name = @name, connection_id = @connectionId, is_sandbox = @isSandbox`,
      )
      .run({ ...value, isSandbox: int(value.isSandbox) });
    return value;
  }

  /** Removes the customers of a connection (when the connection is removed); their sites keep their data. */
  deleteCustomersOf(connectionId: string): number {
    return this.db.prepare('DELETE FROM customers WHERE connection_id = ?').run(connectionId).changes;
  }

  /** Every customer, by name. */
  listCustomers(): Customer[] {
    const rows = this.db.prepare('SELECT * FROM customers ORDER BY is_sandbox, name COLLATE NOCASE').all() as {
      id: string;
      name: string;
      connection_id: string | null;
      is_sandbox: number;
    }[];
    return rows.map((r) => ({ id: r.id, name: r.name, connectionId: r.connection_id, isSandbox: bool(r.is_sandbox) }));
  }
}

function toSummary(row: ConnectionRow): ConnectionSummary {
  return ConnectionSummarySchema.parse({
    id: row.id,
    kind: row.kind,
    label: row.label,
    companyCode: row.company_code,
    locationId: row.location_id,
    baseUrl: row.base_url,
    authKind: row.auth_kind,
    username: row.username,
    isSandbox: bool(row.is_sandbox),
    status: row.status,
    updatedAt: row.updated_at,
  });
}
