import type { RunRecord } from '../../../src-shared/domain/run';
import type { RmTenant } from '../../../src-shared/domain/rentmanager';
import type { ImportedSite, PropertyOption } from '../../../src-shared/ipc/contract/sites';
import { addDays } from '../../../src-shared/domain/calendar-date';
import { rentManagerPort } from '../../../src-main/sync/adapters/rentmanager-port';
import { todayInZone } from '../../../src-main/sync/today';
import { ok, type SitesRig } from './sites-rig';

/** The sandbox's Rent Manager connection. */
export const RM = 'sandbox-rentmanager';

/** Waits for the `sync.finished` event of a run (the services emit one for every run). */
export async function finished(rig: SitesRig, runId: string, timeoutMs = 60_000): Promise<RunRecord> {
  for (let waited = 0; waited < timeoutMs; waited += 50) {
    const hit = rig.events.find((e) => e.event === 'sync.finished' && (e.payload as RunRecord).id === runId);
    if (hit) return hit.payload as RunRecord;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`run ${runId} did not finish`);
}

/** Pays for the integration in the sandbox and imports the smallest property with every unit; resolves when its first run ended. */
export async function importSmallest(rig: SitesRig): Promise<{ siteId: string; propertyId: number; name: string; run: RunRecord }> {
  rig.services.sandbox!.smartPlus.admin.activateIntegration(12);
  const properties = ok<PropertyOption[]>(await rig.call('sites.listProperties', { connectionId: RM }));
  const smallest = [...properties].filter((p) => p.siteId === null).sort((a, b) => a.unitCount - b.unitCount)[0]!;
  const { sites } = ok<{ sites: ImportedSite[] }>(
    await rig.call('sites.import', {
      connectionId: RM,
      policy: { creation: 'move-in', deletion: 'move-out', sameAccessAsMaster: false },
      properties: [{ propertyId: smallest.id, units: 'all' }],
    }),
  );
  const site = sites[0]!;
  return { siteId: site.siteId, propertyId: smallest.id, name: site.name, run: await finished(rig, site.runId) };
}

/** Yesterday in the site's zone (a move-out then means: delete on the next sync, spec §3). */
export function yesterday(zone = 'America/New_York'): string {
  return addDays(todayInZone(new Date(), zone), -1);
}

/** Tenants of a site's property who hold accounts today (moved in, not moved out, with a Primary or Occupant contact), read from the sandbox. */
export async function currentTenants(rig: SitesRig, siteId: string): Promise<RmTenant[]> {
  const site = rig.services.ctx.db.sites.get(siteId)!;
  const client = await rig.services.ctx.clients.rentManager(RM);
  const snapshot = await rentManagerPort(client).readSnapshot([site.propertyId], site.policy);
  const today = todayInZone(new Date(), site.policy.timeZone);
  return snapshot.tenants.filter(
    (t) =>
      t.propertyId === site.propertyId &&
      t.contacts.length > 0 &&
      t.leases.some((l) => l.moveIn !== null && l.moveIn <= today && (l.moveOut === null || l.moveOut >= today)),
  );
}
