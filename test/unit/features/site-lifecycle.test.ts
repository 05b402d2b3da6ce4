import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SiteSummary } from '../../../src-shared/domain/site';
import type { ImportedSite, PropertyChanges, PropertyOption } from '../../../src-shared/ipc/contract/sites';
import { readCommunityState } from '../../../src-main/smartplus/read-snapshot';
import { err, ok, startSitesRig, type SitesRig } from './sites-rig';

// Sites over their life (issue 16), through the real services and both sandboxes.

const RM = 'sandbox-rentmanager';
const POLICY = { creation: 'move-in', deletion: 'move-out', sameAccessAsMaster: false, fields: { pin: null, rfCard: null }, timeZone: 'America/New_York', graceDays: 0 } as const;
let rig: SitesRig;
let properties: PropertyOption[];
let sites: ImportedSite[];

beforeAll(async () => {
  rig = await startSitesRig();
  rig.services.sandbox!.smartPlus.admin.activateIntegration(12);
  properties = ok<PropertyOption[]>(await rig.call('sites.listProperties', { connectionId: RM }));
  sites = ok<{ sites: ImportedSite[] }>(await rig.call('sites.import', {
    connectionId: RM, policy: POLICY, properties: [{ propertyId: properties[0]!.id, units: 'all' }, { propertyId: properties[1]!.id, units: 'all' }],
  })).sites;
  await Promise.all(sites.map(async (s) => {
    // Done once the run succeeded and the local copy after it is saved (the run's record is written first).
    const done = (x: SiteSummary | undefined) => x?.lastRun?.outcome === 'succeeded' && x.asOf !== null;
    for (let i = 0; i < 1500 && !done(ok<SiteSummary[]>(await rig.call('sites.list')).find((x) => x.id === s.siteId)); i++) await new Promise((r) => setTimeout(r, 100));
  }));
}, 200_000);
afterAll(() => rig.close());

describe('property changes', () => {
  it('lists the enabled properties that are not sites, and flags a site whose property left the integration', async () => {
    rig.services.sandbox!.rentManager.admin.removeProperty(properties[1]!.id);
    const [changes] = ok<PropertyChanges[]>(await rig.call('sites.listPropertyChanges'));
    expect(changes!.customerName).toBe('Sandbox Property Management');
    expect(changes!.newProperties.map((p) => p.id).sort()).toEqual(properties.slice(2).map((p) => p.id).sort());
    expect(changes!.removedSites).toEqual([{ siteId: sites[1]!.siteId, name: properties[1]!.name }]);
  });

  it('does not announce dismissed properties again', async () => {
    const ids = properties.slice(2).map((p) => p.id);
    ok(await rig.call('sites.dismissNewProperties', { connectionId: RM, propertyIds: ids }));
    const [changes] = ok<PropertyChanges[]>(await rig.call('sites.listPropertyChanges'));
    expect(changes!.newProperties).toEqual([]);
  });
});

describe('sites.removeSite', () => {
  it('refuses while the site syncs, then forgets the site and its local copy and leaves SmartPlus as it was', async () => {
    const id = sites[1]!.siteId;
    expect(ok<SiteSummary[]>(await rig.call('sites.list')).find((s) => s.id === id)?.lastRun?.outcome).toBe('succeeded');
    const communityId = rig.services.ctx.db.sites.get(id)!.communityId!;
    const sp = await rig.services.ctx.clients.smartPlus('sandbox-smartplus');
    const before = await readCommunityState(sp, communityId);
    rig.services.sandbox!.rentManager.admin.restoreProperty(properties[1]!.id);
    rig.services.sandbox!.smartPlus.admin.latency(300);
    const run = await rig.services.ctx.sync.runSite({ siteId: id, trigger: 'manual' });
    expect(err(await rig.call('sites.removeSite', { siteId: id })).code).toBe('RUN_IN_PROGRESS');
    rig.services.sandbox!.smartPlus.admin.latency(0);
    await run.done;
    expect(ok<{ name: string }>(await rig.call('sites.removeSite', { siteId: id })).name).toBe(properties[1]!.name);
    expect(ok<SiteSummary[]>(await rig.call('sites.list')).map((s) => s.id)).toEqual([sites[0]!.siteId]);
    expect(rig.services.ctx.db.sites.get(id)).toBeNull();
    const after = await readCommunityState(sp, communityId);
    expect(after.apartments.map((a) => a.id)).toEqual(before.apartments.map((a) => a.id));
    expect(after.residents.map((r) => r.id).sort()).toEqual(before.residents.map((r) => r.id).sort());
    expect(err(await rig.call('sites.removeSite', { siteId: id })).code).toBe('NOT_FOUND');
    // The property can be imported again.
    const again = ok<PropertyOption[]>(await rig.call('sites.listProperties', { connectionId: RM })).find((p) => p.id === properties[1]!.id)!;
    expect(again.siteId).toBeNull();
  });
});
