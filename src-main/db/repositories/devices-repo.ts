import type { Database } from 'better-sqlite3';
import type { DeviceRow } from '../../../src-shared/domain/device';
import { z } from 'zod';
import { SpBuildingSchema } from '../../../src-shared/domain/smartplus';
import { bool, int, jsonColumn } from './row-helpers';

/** The part of a `communities.json` value this repository reads (written by SiteStateRepo's mirror). */
const CommunityJsonSchema = z.object({ buildings: z.array(SpBuildingSchema).optional() });

interface DeviceDbRow {
  id: string;
  site_id: string;
  name: string;
  type: number;
  mac: string;
  location_scope: 'community' | 'building' | 'apartment';
  location_id: string | null;
  online: number;
  last_seen_at: string | null;
}

/**
 * The devices table, alone (spec §9–§10): the sync's mirror and the devices screen write what
 * SmartPlus answered, so the list stays right offline between syncs; every read of the table is here.
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

  /** A site's devices, by name. */
  list(siteId: string): DeviceRow[] {
    return (this.db.prepare('SELECT * FROM devices WHERE site_id = ? ORDER BY name, id').all(siteId) as DeviceDbRow[]).map(toDeviceRow);
  }

  /** The devices placed in one apartment, by name. */
  ofApartment(apartmentId: string): DeviceRow[] {
    return (
      this.db.prepare(`SELECT * FROM devices WHERE location_scope = 'apartment' AND location_id = ? ORDER BY name`).all(apartmentId) as DeviceDbRow[]
    ).map(toDeviceRow);
  }

  /** Whether any synced device (in any site) already has this normalised MAC. */
  macInUse(mac: string): boolean {
    return this.db.prepare('SELECT 1 FROM devices WHERE mac = ?').get(mac) !== undefined;
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
    const parsed = jsonColumn(CommunityJsonSchema, row.json, 'communities.json');
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

function toDeviceRow(r: DeviceDbRow): DeviceRow {
  return {
    id: r.id,
    siteId: r.site_id,
    name: r.name,
    type: r.type as DeviceRow['type'],
    mac: r.mac,
    location: r.location_id === null ? { scope: r.location_scope } : { scope: r.location_scope, id: r.location_id },
    online: bool(r.online),
    lastSeenAt: r.last_seen_at,
  };
}
