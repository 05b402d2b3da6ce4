import type { Database } from 'better-sqlite3';
import type { DeviceRow } from '../../../src-shared/domain/device';
import { int } from './row-helpers';

/**
 * Device edits in the local mirror (spec §9–§10): the devices screen writes what SmartPlus
 * answered, so the list stays right offline between syncs. Reads go through ApartmentsRepo.
 */
export class DevicesRepo {
  constructor(private readonly db: Database) {}

  /** Inserts or replaces one device of a site. */
  upsert(device: DeviceRow): void {
    this.db
      .prepare(
        `INSERT INTO devices (id, site_id, name, type, mac, location_scope, location_id, online, last_seen_at)
         VALUES (@id, @siteId, @name, @type, @mac, @scope, @locationId, @online, @lastSeenAt)
         ON CONFLICT (id) DO UPDATE SET site_id = excluded.site_id, name = excluded.name, type = excluded.type, mac = excluded.mac,
           location_scope = excluded.location_scope, location_id = excluded.location_id, online = excluded.online,
           last_seen_at = excluded.last_seen_at`,
      )
      .run(params(device));
  }

  /** Replaces every device of a site with a fresh list from SmartPlus, in one transaction. */
  replaceSite(siteId: string, devices: readonly DeviceRow[]): void {
    this.db.transaction(() => {
      this.db.prepare('DELETE FROM devices WHERE site_id = ?').run(siteId);
      for (const d of devices) this.upsert(d);
    })();
  }

  /** Removes one device. */
  remove(deviceId: string): boolean {
    return this.db.prepare('DELETE FROM devices WHERE id = ?').run(deviceId).changes > 0;
  }

  /** Unit names of apartments by ID (for device locations). */
  apartmentNames(ids: readonly string[]): Record<string, string> {
    if (ids.length === 0) return {};
    const rows = this.db
      .prepare('SELECT id, name FROM apartments WHERE id IN (SELECT value FROM json_each(?))')
      .all(JSON.stringify([...new Set(ids)])) as { id: string; name: string }[];
    return Object.fromEntries(rows.map((r) => [r.id, r.name]));
  }

  /** The SmartPlus community and its buildings as last synced, or null before the first sync. */
  community(siteId: string): { id: string; buildings: { id: string; name: string }[] } | null {
    const row = this.db.prepare('SELECT id, json FROM communities WHERE site_id = ?').get(siteId) as { id: string; json: string } | undefined;
    if (!row) return null;
    const parsed = JSON.parse(row.json) as { buildings?: { id: string; name: string }[] };
    return { id: row.id, buildings: parsed.buildings ?? [] };
  }
}

function params(d: DeviceRow) {
  return {
    id: d.id,
    siteId: d.siteId,
    name: d.name,
    type: d.type,
    mac: d.mac,
    scope: d.location.scope,
    locationId: d.location.id ?? null,
    online: int(d.online),
    lastSeenAt: d.lastSeenAt,
  };
}
