import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRentManagerSandbox, type RentManagerSandbox } from '../../../src-main/sandbox/rentmanager/server';
import { sandboxShapeFromEnv } from '../../../src-main/sandbox/shape';
import { startHarness, ref, type Harness } from './smartplus/harness';

// Issue 13: the sandboxes' `field` shape, over raw HTTP (no SiteSync client): the same data in
// the other legal shapes of shared/reference/*.md.
let sp: Harness;
let rm: RentManagerSandbox;
let rmToken: string;

beforeAll(async () => {
  sp = await startHarness({ shape: 'field' });
  rm = await startRentManagerSandbox({ seed: 'demo', asOf: '2026-06-15', shape: 'field' });
  const signIn = await fetch(`${rm.url}/Authentication/AuthorizeUser`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ Username: rm.username, Password: rm.password, LocationID: 1 }) });
  rmToken = (await signIn.json()) as string;
});
afterAll(async () => {
  await sp.close();
  await rm.close();
});

describe('SmartPlus field shape', () => {
  it('leaves out nulls and empty lists, adds unknown fields, reverses key order, writes UTC as +00:00', async () => {
    sp.sandbox.admin.activateIntegration(12);
    expect(sp.sandbox.shape).toBe('field');
    const empty = await sp.call('GET', '/communities');
    expect(empty.body).not.toHaveProperty('items');
    const created = await sp.call('POST', '/communities', { name: 'Maple', timeZone: 'UTC', externalRef: ref('property:1') });
    expect(created.status).toBe(201);
    expect(created.body).not.toHaveProperty('address');
    expect(created.body).toHaveProperty('etag');
    expect(created.body).toHaveProperty('_links');
    const keys = Object.keys(created.body as object).filter((k) => !['etag', '_links'].includes(k));
    expect(keys[0]).toBe('externalRef');
    const residents = await sp.call('GET', `/communities/${created.body.id as string}/residents`);
    expect(residents.body).not.toHaveProperty('items');
    const [building] = (await sp.call('GET', `/communities/${created.body.id as string}/buildings`)).body as { id: string }[];
    await sp.call('POST', `/communities/${created.body.id as string}/apartments`, { buildingId: building!.id, name: '101' });
    const master = (await sp.call('GET', `/communities/${created.body.id as string}/residents`)).body.items[0] as Record<string, unknown>;
    for (const absent of ['externalRef', 'pin', 'email', 'rfCards']) expect(master).not.toHaveProperty(absent);
    const subscription = ((await sp.call('GET', '/billing/subscriptions')).body as { currentPeriodEnd: string }[])[0]!;
    expect(subscription.currentPeriodEnd).toMatch(/T\d{2}:\d{2}:\d{2}\+00:00$/);
  });
});

describe('Rent Manager field shape', () => {
  it('sends lower-case enums, secondary IDs as strings, dates with an offset and unknown fields', async () => {
    expect(rm.shape).toBe('field');
    const res = await fetch(`${rm.url}/Tenants?embeds=Contacts,Leases&filters=PropertyID,eq,4`, { headers: { 'X-RM12Api-ApiToken': rmToken } });
    const tenants = (await res.json()) as Record<string, unknown>[];
    const t = tenants.find((x) => Array.isArray(x['Contacts']) && (x['Contacts'] as unknown[]).length > 0 && Array.isArray(x['Leases']))!;
    expect(t['Status']).toMatch(/^(current|past|future)$/);
    expect(typeof t['TenantDisplayID']).toBe('string');
    expect(typeof t['TenantID']).toBe('number');
    expect(t['NewerBuildField']).toEqual({ Note: 'not in the reference' });
    const contact = (t['Contacts'] as Record<string, unknown>[]).find((c) => typeof c['ApplicantType'] === 'string')!;
    expect(contact['ApplicantType']).toBe(String(contact['ApplicantType']).toLowerCase());
    const lease = (t['Leases'] as Record<string, unknown>[])[0]!;
    expect(lease['MoveInDate']).toMatch(/^\d{4}-\d{2}-\d{2}T00:00:00-05:00$/);
  });
});

describe('SITESYNC_SANDBOX_SHAPE', () => {
  it('is tidy when unset, read in any case, and refused when it names no shape', () => {
    expect(sandboxShapeFromEnv({})).toBe('tidy');
    expect(sandboxShapeFromEnv({ SITESYNC_SANDBOX_SHAPE: 'FIELD' })).toBe('field');
    expect(() => sandboxShapeFromEnv({ SITESYNC_SANDBOX_SHAPE: 'messy' })).toThrow(/"tidy" or "field", not "messy"/);
  });
});
