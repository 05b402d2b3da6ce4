import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SiteSummary } from '../../../src-shared/domain/site';
import type { FieldSample, ImportedSite, PropertyOption } from '../../../src-shared/ipc/contract/sites';
import { describeShape } from '../../../src-main/features/field-samples';
import { err, ok, startSitesRig, type SitesRig } from './sites-rig';

// The fields step's evidence (issue 16): tenant fields with counts and masked samples of the
// chosen properties, and an import that reads exactly the fields chosen — "No field" included.

const RM = 'sandbox-rentmanager';
let rig: SitesRig;
let properties: PropertyOption[];
beforeAll(async () => {
  rig = await startSitesRig();
  properties = ok<PropertyOption[]>(await rig.call('sites.listProperties', { connectionId: RM }));
}, 30_000);
afterAll(() => rig.close());

describe('value shapes', () => {
  it('describes a value by its shape only', () => {
    expect(describeShape('012345')).toBe('6 digits');
    expect(describeShape('7')).toBe('1 digit');
    expect(describeShape('0A1B2C3D')).toBe('8 hex characters');
    expect(describeShape('Rex the dog')).toBe('text, 11 characters');
  });
});

describe('sites.listFieldSamples', () => {
  it('lists tenant fields only, counts the tenants with a value, and never returns a value', async () => {
    const ids = [properties[0]!.id];
    const samples = ok<FieldSample[]>(await rig.call('sites.listFieldSamples', { connectionId: RM, propertyIds: ids }));
    const pin = samples.find((f) => f.name === 'Door PIN (Text)')!;
    expect(pin.tenants).toBeGreaterThan(0);
    expect(pin.tenantsWithValue).toBeGreaterThan(0);
    expect(pin.tenantsWithValue).toBeLessThanOrEqual(pin.tenants);
    expect(pin.shapes.length).toBeGreaterThan(0);
    for (const f of samples) for (const s of f.shapes) expect(s).toMatch(/^(\d+ digits?|\d+ hex characters|text, \d+ characters?)$/);
    // Sorted by how many tenants have a value: the used fields first.
    expect(samples.map((f) => f.tenantsWithValue)).toEqual([...samples.map((f) => f.tenantsWithValue)].sort((a, b) => b - a));
  });
});

describe('sites.import with the chosen fields', () => {
  it('refuses a field Rent Manager does not have, and saves exactly the chosen fields, zone and grace days ("No field" = none)', async () => {
    rig.services.sandbox!.smartPlus.admin.activateIntegration(12);
    const samples = ok<FieldSample[]>(await rig.call('sites.listFieldSamples', { connectionId: RM, propertyIds: [properties[0]!.id] }));
    const card = samples.find((f) => f.name === 'RF Card')!;
    const base = { creation: 'move-in', deletion: 'move-out', sameAccessAsMaster: false, timeZone: 'America/Denver', graceDays: 4 } as const;
    const bad = await rig.call('sites.import', { connectionId: RM, policy: { ...base, fields: { pin: 999_999, rfCard: null } }, properties: [{ propertyId: properties[0]!.id, units: 'all' }] });
    expect(err(bad).code).toBe('BAD_INPUT');
    const imported = ok<{ sites: ImportedSite[] }>(await rig.call('sites.import', {
      connectionId: RM,
      policy: { ...base, fields: { pin: null, rfCard: card.id } },
      properties: [{ propertyId: properties[0]!.id, units: 'all' }],
    }));
    const site = ok<SiteSummary[]>(await rig.call('sites.list')).find((s) => s.id === imported.sites[0]!.siteId)!;
    expect(site.policy).toMatchObject({ timeZone: 'America/Denver', graceDays: 4, rfCardField: card.id });
    expect(site.policy.pinField).toBeUndefined();
    rig.services.ctx.sync.cancel(site.id);
  });
});
