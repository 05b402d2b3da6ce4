import { createHash } from 'node:crypto';
import { DateTime } from 'luxon';
import type { LocalDb } from '../db/local-db';
import type { Logger } from '../logging/logger';
import type { RentManagerClient } from '../rentmanager/client';
import { rmFilter } from '../rentmanager/filters';
import { UdvRowSchema } from '../rentmanager/schemas';

/** How far before the last run a changed-since read looks (Rent Manager's UpdateDate is local wall time). */
export const LIGHT_SYNC_OVERLAP_HOURS = 3;

/**
 * The `UpdateDate` lower bound for a changed-since read: the last run's start in the site's
 * zone as Rent Manager writes dates (no offset), minus the overlap window
 * (shared/reference/rent-manager-api.md §5.7, §7).
 */
export function changedSinceBound(lastRunStartedAt: Date, zone: string): string {
  return DateTime.fromJSDate(lastRunStartedAt, { zone }).minus({ hours: LIGHT_SYNC_OVERLAP_HOURS }).toFormat("yyyy-MM-dd'T'HH:mm:ss");
}

/** What a light check found: whether anything changed, and the UDF fingerprint to compare with next time. */
export interface LightCheck {
  readonly changed: boolean;
  readonly fingerprint: string;
}

/**
 * The light sync's question (spec §15): did anything of this property change in Rent Manager
 * since `since`? Tenants, leases and units are asked with an `UpdateDate` filter and one-field
 * projections. A tenant's `UpdateDate` is not known to move when only a user-defined value (a
 * PIN, an RF card) changes (reference §5.7), so the tenants' UDF values are also read — one
 * projected page per 1,000 tenants — and compared by fingerprint with the previous check.
 * Four small reads instead of a full one. Deletions and dates that merely pass are invisible
 * here, which is why the daily full run stays.
 */
export async function rentManagerChangedSince(
  client: RentManagerClient,
  propertyId: number,
  since: string,
  previousFingerprint: string | null,
  signal?: AbortSignal,
): Promise<LightCheck> {
  const filters = [rmFilter.eq('PropertyID', propertyId)];
  const abort = signal ? { signal } : {};
  const [tenants, leases, units, values] = await Promise.all([
    client.tenants({ updatedSince: since, filters, fields: ['TenantID'], ...abort }),
    client.leases({ updatedSince: since, filters, fields: ['LeaseID'], ...abort }),
    client.units({ updatedSince: since, filters, fields: ['UnitID'], ...abort }),
    client.tenants({ filters, fields: ['TenantID', 'PropertyID', 'UserDefinedValues'], ...abort }),
  ]);
  const seen = (list: { rows: unknown[]; problems: unknown[]; total: number | null }) => Math.max(list.total ?? 0, list.rows.length + list.problems.length);
  const hash = createHash('sha256');
  for (const tenant of [...values.rows].sort((a, b) => a.TenantID - b.TenantID)) {
    const udvs = (tenant.UserDefinedValues ?? [])
      .flatMap((raw) => {
        const parsed = UdvRowSchema.safeParse(raw);
        return parsed.success ? [parsed.data] : [];
      })
      .sort((a, b) => a.UserDefinedFieldID - b.UserDefinedFieldID);
    for (const v of udvs) hash.update(`${tenant.TenantID}:${v.UserDefinedFieldID}=${String(v.Value ?? '')};`);
  }
  const fingerprint = hash.digest('hex');
  const updated = seen(tenants) + seen(leases) + seen(units) > 0;
  return { changed: updated || fingerprint !== previousFingerprint, fingerprint };
}

/** What {@link createLightSyncCheck} needs. */
export interface LightSyncCheckDeps {
  readonly db: Pick<LocalDb, 'sites' | 'runs' | 'meta'>;
  readonly log: Logger;
  /** The Rent Manager client of a connection (the composition root passes the connection clients' one). */
  rentManager(connectionId: string): Promise<RentManagerClient>;
}

/**
 * The scheduler's light-sync gate: a light sync runs the full sync only when Rent Manager changed
 * since the last run (or there was none). A failed check runs the full sync rather than skip it.
 */
export function createLightSyncCheck(deps: LightSyncCheckDeps): (siteId: string) => Promise<boolean> {
  const { db, log } = deps;
  return async (siteId) => {
    const site = db.sites.get(siteId);
    const last = db.runs.lastCompletedRunAt(siteId);
    if (!site?.connectionId || !last) return true;
    try {
      const client = await deps.rentManager(site.connectionId);
      const key = `light-sync-fingerprint:${siteId}`;
      const check = await rentManagerChangedSince(client, site.propertyId, changedSinceBound(new Date(last), site.policy.timeZone), db.meta.get(key));
      db.meta.set(key, check.fingerprint);
      if (!check.changed) log.info('light sync: nothing changed in Rent Manager', { siteId });
      return check.changed;
    } catch (error) {
      log.warn('light sync check failed; running the full sync', { siteId, error });
      return true;
    }
  };
}
