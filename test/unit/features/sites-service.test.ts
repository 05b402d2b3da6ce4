import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SyncPolicy } from '../../../src-shared/domain/policy';
import type { RunRecord } from '../../../src-shared/domain/run';
import type { SiteSummary } from '../../../src-shared/domain/site';
import type { CustomerOption, FieldOption, ImportedSite, ImportPreview, PropertyOption, UnitOption } from '../../../src-shared/ipc/contract/sites';
import { defaultFieldChoices } from '../../../src-main/features/sites-service';
import { err, ok, startSitesRig, type SitesRig } from './sites-rig';

const RM = 'sandbox-rentmanager';
const POLICY = { creation: 'move-in', deletion: 'move-out', sameAccessAsMaster: false } as const;

let rig: SitesRig;
let properties: PropertyOption[];
beforeAll(async () => {
  rig = await startSitesRig();
  properties = ok<PropertyOption[]>(await rig.call('sites.listProperties', { connectionId: RM }));
}, 30_000);
afterAll(() => rig.close());

/** Waits for the `sync.finished` event of each run. */
async function finished(runIds: string[]): Promise<RunRecord[]> {
  for (let i = 0; i < 600; i++) {
    const done = rig.events.filter((e) => e.event === 'sync.finished').map((e) => e.payload as RunRecord);
    if (runIds.every((id) => done.some((r) => r.id === id))) return runIds.map((id) => done.find((r) => r.id === id)!);
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('runs did not finish');
}

describe('sites: what the wizard offers', () => {
  it('lists the sandbox customer by its customer name, usable, never with a secret', async () => {
    const customers = ok<CustomerOption[]>(await rig.call('sites.listCustomers'));
    expect(customers).toEqual([
      { connectionId: RM, name: 'Sandbox Property Management', companyCode: expect.any(String), locationId: expect.any(Number), isSandbox: true, status: 'configured' },
    ]);
    expect(JSON.stringify(customers)).not.toMatch(/password|token/i);
  });

  it('lists the properties Rent Manager returns, by name, with unit counts that match their units', async () => {
    expect(properties.length).toBeGreaterThanOrEqual(2);
    expect(properties.map((p) => p.name)).toEqual([...properties.map((p) => p.name)].sort((a, b) => a.localeCompare(b, 'en', { numeric: true })));
    const first = properties[0]!;
    const units = ok<UnitOption[]>(await rig.call('sites.listUnits', { connectionId: RM, propertyId: first.id }));
    expect(units).toHaveLength(first.unitCount);
    // Occupancy from current leases (issue 16): every unit says how many tenants, some are occupied.
    expect(units.every((u) => typeof u.occupants === 'number')).toBe(true);
    expect(units.some((u) => u.occupants! > 0)).toBe(true);
    expect(first.unitCount).toBeGreaterThan(0);
    expect(properties.every((p) => p.siteId === null)).toBe(true);
  });

  it('offers the user-defined fields with the Numeric-PIN warning, and picks the Text PIN field by default', async () => {
    const fields = ok<FieldOption[]>(await rig.call('sites.listFields', { connectionId: RM }));
    expect(fields.find((f) => f.name === 'Door PIN')).toMatchObject({ fieldType: 'Numeric', pinWarning: expect.stringContaining('leading zeros') });
    expect(fields.find((f) => f.name === 'Door PIN (Text)')).toMatchObject({ fieldType: 'Text', pinWarning: null });
    const picked = defaultFieldChoices(fields);
    expect(picked.pin?.name).toBe('Door PIN (Text)');
    expect(picked.rfCard?.name).toBe('RF Card');
  });

  it('refuses an unknown connection with NOT_FOUND', async () => {
    expect(err(await rig.call('sites.listProperties', { connectionId: 'nope' })).code).toBe('NOT_FOUND');
  });
});

describe('sites: preview and import', () => {
  it('previews per property without changing anything; Custom limits the apartments; PINs stay masked', async () => {
    const [a, b] = properties as [PropertyOption, PropertyOption];
    const unitsA = ok<UnitOption[]>(await rig.call('sites.listUnits', { connectionId: RM, propertyId: a.id }));
    const preview = ok<ImportPreview>(
      await rig.call('sites.preview', { connectionId: RM, policy: POLICY, properties: [{ propertyId: a.id, units: unitsA.slice(0, 3).map((u) => u.id) }, { propertyId: b.id, units: 'all' }] }),
    );
    expect(preview.plans.map((p) => p.propertyId)).toEqual([a.id, b.id]);
    expect(preview.plans[0]!.summary.operations['create-community']).toBe(1);
    expect(preview.plans[0]!.summary.operations['create-apartment']).toBe(3);
    expect(preview.plans[1]!.summary.operations['create-apartment']).toBe(b.unitCount);
    expect(preview.plans[0]!.unitsNotSynced).toBe(a.unitCount - 3);
    expect(preview.plans[1]!.unitsNotSynced).toBe(0);
    const listed = preview.plans.flatMap((p) => p.problems);
    expect(listed.some((p) => p.kind === 'unit-not-synced')).toBe(false);
    const rank = { error: 0, warning: 1, info: 2 };
    for (const p of preview.plans) expect(p.problems.map((x) => rank[x.severity])).toEqual(p.problems.map((x) => rank[x.severity]).sort());
    expect(preview.fields).toEqual({ pin: 'Door PIN (Text)', rfCard: 'RF Card' });
    expect(preview.integration).toMatchObject({ active: false, reason: expect.stringContaining('Subscription') });
    const pinProblems = preview.plans.flatMap((p) => p.problems).filter((p) => p.kind === 'invalid-pin' || p.kind === 'duplicate-pin');
    expect(pinProblems.length).toBeGreaterThan(0);
    for (const p of pinProblems) expect(p.value ?? '').not.toMatch(/^\d{2,}$/);
    expect(ok<SiteSummary[]>(await rig.call('sites.list'))).toEqual([]);
  });

  it('refuses to import before the integration is paid for, creating nothing', async () => {
    const e = err(await rig.call('sites.import', { connectionId: RM, policy: POLICY, properties: [{ propertyId: properties[0]!.id, units: 'all' }] }));
    expect(e.code).toBe('SUBSCRIPTION_REQUIRED');
    expect(ok<SiteSummary[]>(await rig.call('sites.list'))).toEqual([]);
  });

  it('refuses Custom with no units at the contract', async () => {
    expect(err(await rig.call('sites.preview', { connectionId: RM, policy: POLICY, properties: [{ propertyId: properties[0]!.id, units: [] }] })).code).toBe('BAD_INPUT');
  });

  it('imports two properties with Custom apartments into two synced sites with the shared policy', async () => {
    rig.services.sandbox!.smartPlus.admin.activateIntegration(3);
    const [a, b] = properties as [PropertyOption, PropertyOption];
    const pick = async (p: PropertyOption, n: number) => ok<UnitOption[]>(await rig.call('sites.listUnits', { connectionId: RM, propertyId: p.id })).slice(0, n).map((u) => u.id);
    const unitsA = await pick(a, 4);
    const unitsB = await pick(b, 2);
    const policy = { creation: 'lease-start', deletion: 'lease-end', sameAccessAsMaster: true } as const;
    const { sites, notStarted } = ok<{ sites: ImportedSite[]; notStarted: unknown[] }>(
      await rig.call('sites.import', { connectionId: RM, policy, properties: [{ propertyId: a.id, units: unitsA }, { propertyId: b.id, units: unitsB }] }),
    );
    expect(notStarted).toEqual([]);
    expect(sites.map((s) => [s.propertyId, s.name])).toEqual([[a.id, a.name], [b.id, b.name]]);
    const records = await finished(sites.map((s) => s.runId));
    expect(records.map((r) => r.trigger)).toEqual(['import', 'import']);
    expect(records.every((r) => r.outcome === 'succeeded' || r.outcome === 'partial')).toBe(true);
    expect(rig.events.some((e) => e.event === 'sync.progressed')).toBe(true);

    const list = ok<SiteSummary[]>(await rig.call('sites.list'));
    const siteA = list.find((s) => s.id === sites[0]!.siteId)!;
    expect(siteA).toMatchObject({ propertyId: a.id, connectionId: RM, customerId: 'sandbox-customer', apartmentCount: 4 });
    expect(siteA.policy).toMatchObject({ ...policy, apartments: { custom: unitsA } });
    expect(typeof siteA.policy.pinField).toBe('number');
    expect(list.find((s) => s.id === sites[1]!.siteId)!.apartmentCount).toBe(2);

    const again = ok<PropertyOption[]>(await rig.call('sites.listProperties', { connectionId: RM }));
    expect(again.find((p) => p.id === a.id)!.siteId).toBe(siteA.id);
    const twice = err(await rig.call('sites.import', { connectionId: RM, policy, properties: [{ propertyId: a.id, units: 'all' }] }));
    expect(twice).toMatchObject({ code: 'BAD_INPUT', message: expect.stringContaining('already a site') });
    expect(ok<{ cancelled: number }>(await rig.call('sites.cancelImport', { siteIds: [siteA.id] })).cancelled).toBe(0);
  }, 60_000);
});

describe('sites: cancelling an import', () => {
  it('cancels the running import of a site; its run ends cancelled', async () => {
    const free = ok<PropertyOption[]>(await rig.call('sites.listProperties', { connectionId: RM })).find((p) => p.siteId === null)!;
    rig.services.sandbox!.smartPlus.admin.latency(300);
    try {
      const { sites } = ok<{ sites: ImportedSite[]; notStarted: unknown[] }>(await rig.call('sites.import', { connectionId: RM, policy: POLICY, properties: [{ propertyId: free.id, units: 'all' }] }));
      expect(ok<{ cancelled: number }>(await rig.call('sites.cancelImport', { siteIds: [sites[0]!.siteId] })).cancelled).toBe(1);
      const [record] = await finished([sites[0]!.runId]);
      expect(record!.outcome).toBe('cancelled');
    } finally {
      rig.services.sandbox!.smartPlus.admin.latency(0);
    }
  }, 60_000);
});

describe('sites: policy', () => {
  it('saves a site policy, refuses an unknown time zone or site', async () => {
    const site = ok<SiteSummary[]>(await rig.call('sites.list'))[0]!;
    const policy: SyncPolicy = { ...site.policy, timeZone: 'America/Chicago', graceDays: 3, apartments: 'all' };
    expect(ok<SyncPolicy>(await rig.call('sites.updatePolicy', { siteId: site.id, policy }))).toMatchObject({ timeZone: 'America/Chicago', graceDays: 3, apartments: 'all' });
    expect(ok<SiteSummary[]>(await rig.call('sites.list')).find((s) => s.id === site.id)!.policy.graceDays).toBe(3);
    expect(err(await rig.call('sites.updatePolicy', { siteId: site.id, policy: { ...policy, timeZone: 'Mars/Olympus' } })).code).toBe('BAD_INPUT');
    expect(err(await rig.call('sites.updatePolicy', { siteId: site.id, policy: { ...policy, graceDays: 61 } })).code).toBe('BAD_INPUT');
    expect(err(await rig.call('sites.updatePolicy', { siteId: 'gone', policy })).code).toBe('NOT_FOUND');
  });
});
