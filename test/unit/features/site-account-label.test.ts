import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppInfo } from '../../../src-shared/ipc/contract/app';
import type { ConnectionListItem } from '../../../src-shared/ipc/contract/connections';
import type { Overview, OverviewSite } from '../../../src-shared/ipc/contract/overview';
import type { ImportedSite, PropertyOption } from '../../../src-shared/ipc/contract/sites';
import { ok, startSitesRig, type SitesRig } from './sites-rig';
import { finished, importSmallest } from './sync-rig';

let rig: SitesRig;
beforeAll(async () => {
  rig = await startSitesRig();
}, 30_000);
afterAll(() => rig.close());

const sites = async (): Promise<OverviewSite[]> => ok<Overview>(await rig.call('overview.get')).customers.flatMap((c) => c.sites);

describe('the "Sandbox" label follows each account and site (issue 16)', () => {
  it('on the sandbox alone the app says Sandbox, and the sandbox site names its sandbox account', async () => {
    expect(ok<AppInfo>(await rig.call('app.getInfo'))).toMatchObject({ sandbox: true, sandboxOnly: true });
    const { siteId } = await importSmallest(rig);
    expect((await sites()).find((s) => s.id === siteId)?.smartPlusAccount).toEqual({ id: 'sandbox-smartplus', label: 'Sandbox SmartPlus account', isSandbox: true });
  }, 90_000);

  it('with a real customer and account the app-wide label goes; the real site is not marked Sandbox, the sandbox site still is', async () => {
    const sb = rig.services.sandbox!;
    const north = ok<ConnectionListItem>(
      await rig.call('connections.saveSmartPlus', { label: 'North region', newAccount: true, baseUrl: sb.smartPlusUrl, username: 'installer@sandbox.local', password: 'sandbox' }),
    );
    expect(north.isSandbox).toBe(false);
    expect(ok<AppInfo>(await rig.call('app.getInfo')).sandboxOnly).toBe(false);
    const rm = ok<ConnectionListItem>(
      await rig.call('connections.saveRentManager', {
        label: 'Acme Properties',
        companyCode: 'sandbox',
        baseUrl: sb.rentManagerUrl,
        locationId: 1,
        signIn: { kind: 'api-user', username: 'sitesync', password: 'sandbox-password' },
      }),
    );
    const properties = ok<PropertyOption[]>(await rig.call('sites.listProperties', { connectionId: rm.id }));
    const property = [...properties].sort((a, b) => a.unitCount - b.unitCount)[0]!;
    const { sites: imported } = ok<{ sites: ImportedSite[] }>(
      await rig.call('sites.import', {
        connectionId: rm.id,
        smartPlusAccountId: north.id,
        policy: { creation: 'move-in', deletion: 'move-out', sameAccessAsMaster: false },
        properties: [{ propertyId: property.id, units: 'all' }],
      }),
    );
    await finished(rig, imported[0]!.runId);
    const all = await sites();
    expect(all.find((s) => s.id === imported[0]!.siteId)?.smartPlusAccount).toEqual({ id: north.id, label: 'North region', isSandbox: false });
    expect(all.filter((s) => s.smartPlusAccount?.isSandbox)).toHaveLength(1);
  }, 120_000);
});
