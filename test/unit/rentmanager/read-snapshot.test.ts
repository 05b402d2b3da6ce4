import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { RentManagerSnapshotSchema } from '../../../src-shared/domain/rentmanager';
import { encodeQuery, filtersParam, rmFilter } from '../../../src-main/rentmanager/filters';
import { IN_LIST_MAX, readRentManagerSnapshot } from '../../../src-main/rentmanager/read-snapshot';
import { SEED_UDF } from '../../../src-main/sandbox/rentmanager/seed';
import { startRentManagerSandbox, type RentManagerSandbox } from '../../../src-main/sandbox/rentmanager/server';
import { clientFor, rejectionOf } from './helpers';

let sb: RentManagerSandbox;
beforeAll(async () => {
  sb = await startRentManagerSandbox({ seed: 'demo', asOf: '2026-06-15' });
});
afterAll(() => sb.close());
afterEach(() => {
  sb.admin.reset();
});

describe('readRentManagerSnapshot against the sandbox', () => {
  it('reads the demo site into a valid snapshot with identity, contacts, leases and raw credentials', async () => {
    const client = clientFor(sb);
    const steps: string[] = [];
    const snap = await readRentManagerSnapshot(client, { propertyIds: [1, 2, 3, 4], pinField: 'Door PIN', rfCardField: SEED_UDF.rfCardText, onProgress: (p) => steps.push(p.step) });
    expect(RentManagerSnapshotSchema.parse(snap)).toBeTruthy();
    expect(snap.origin).toEqual({ customer: 'sandbox', location: 1 });
    expect(snap.properties).toHaveLength(4);
    expect(snap.units).toHaveLength(300);
    expect(snap.failedProperties).toEqual([]);
    expect(snap.rowProblems).toEqual([]);
    expect(snap.pinField).toEqual({ id: SEED_UDF.doorPinNumeric, name: 'Door PIN', fieldType: 'Numeric', parentType: 'Tenant' });
    const contacts = snap.tenants.flatMap((t) => t.contacts);
    expect(new Set(contacts.map((c) => c.applicantType))).toEqual(new Set(['Primary', 'Occupant']));
    expect(new Set(snap.skippedContacts.map((c) => c.applicantType))).toEqual(new Set(['Guarantor', 'Co-Signer', null, 'Occupant']));
    const pins = snap.tenants.map((t) => t.pin);
    expect(pins).toEqual(expect.arrayContaining(['9123', '7', '123456789', '482', '12a4']));
    expect(pins.filter((p) => p === '4455')).toHaveLength(2);
    expect(pins.some((p) => p?.endsWith('.0'))).toBe(false);
    expect(snap.tenants.map((t) => t.rfCard)).toEqual(expect.arrayContaining(['a1b2c3d4', ' 00ABCDEF ']));
    expect(snap.tenants.flatMap((t) => t.leases).filter((l) => l.leaseStart && l.leaseEnd && l.moveIn).length).toBeGreaterThan(250);
    expect(steps).toEqual(['fields', 'properties', 'units', 'tenants', 'leases', 'normalise']);
    const pages = Object.values(sb.admin.counters().byRoute).reduce((a, b) => a + b, 0);
    expect(pages).toBe(1 + 5);
  });

  it('the Text PIN field keeps the leading zero', async () => {
    const snap = await readRentManagerSnapshot(clientFor(sb), { propertyIds: [1], pinField: SEED_UDF.doorPinText });
    expect(snap.tenants.map((t) => t.pin)).toContain('0482');
    expect(snap.tenants.every((t) => t.propertyId === 1)).toBe(true);
  });

  it('one property failing puts only that property in failedProperties', async () => {
    sb.admin.faults({ share: 1, statuses: [500], propertyId: 2 });
    const snap = await readRentManagerSnapshot(clientFor(sb, { retries: 0 }), { propertyIds: [1, 2, 3] });
    expect(snap.failedProperties.map((f) => f.propertyId)).toEqual([2]);
    expect(snap.failedProperties[0]!.reason).toMatch(/HTTP 500/);
    expect(snap.properties.map((p) => p.id)).toEqual([1, 3]);
    expect(snap.units.some((u) => u.propertyId === 2)).toBe(false);
    expect(new Set(snap.tenants.map((t) => t.propertyId))).toEqual(new Set([1, 3]));
  });

  it('a property removed from the integration is reported, not silently empty', async () => {
    sb.admin.removeProperty(3);
    const snap = await readRentManagerSnapshot(clientFor(sb), { propertyIds: [1, 3] });
    expect(snap.failedProperties).toEqual([{ propertyId: 3, reason: expect.stringContaining('removed from the integration') }]);
    expect(snap.units.every((u) => u.propertyId === 1)).toBe(true);
  });

  it('an unknown field choice and a malformed tenant become row problems', async () => {
    sb.admin.patchRow('tenants', 1000, { Name: 42 });
    const snap = await readRentManagerSnapshot(clientFor(sb), { propertyIds: [1, 2, 3, 4], pinField: 'Gate Code' });
    expect(snap.pinField).toBeNull();
    expect(snap.tenants.some((t) => t.id === 1000)).toBe(false);
    expect(snap.failedProperties).toEqual([]);
    expect(snap.rowProblems).toEqual(expect.arrayContaining([
      { collection: 'UserDefinedFields', id: null, reason: expect.stringContaining('Gate Code') },
      { collection: 'Tenants', id: 1000, reason: expect.stringContaining('Name') },
    ]));
  });

  it('a token revoked mid-read is replaced once and the snapshot completes', async () => {
    const client = clientFor(sb);
    const snap = await readRentManagerSnapshot(client, { propertyIds: [1, 2, 3, 4], onProgress: (p) => p.step === 'units' && sb.admin.expireTokens() });
    expect(snap.tenants.length).toBe(sb.admin.sizes().tenants);
    expect(sb.admin.counters().signIns).toBe(2);
  });

  it('a connection-wide failure throws a RentManagerError', async () => {
    const err = await rejectionOf(readRentManagerSnapshot(clientFor(sb, { auth: { kind: 'user', username: sb.username, password: 'x' } }), { propertyIds: [1] }));
    expect(err.code).toBe('RM_UNAUTHORIZED');
  });
});

describe('a large configuration is read in few requests (issue 13)', () => {
  let many: RentManagerSandbox;
  beforeAll(async () => {
    many = await startRentManagerSandbox({ seed: { units: 2_400, properties: 2_000 }, asOf: '2026-06-15', requestsPerMinute: 100_000 });
  });
  afterAll(() => many.close());

  const requests = () => Object.values(many.admin.counters().byRoute).reduce((a, b) => a + b, 0);

  it('2,000 properties, all of them: each collection read whole (pages, not one request per property)', async () => {
    const client = clientFor(many, { requestsPerMinute: 100_000 });
    const ids = (await client.properties({ fields: ['PropertyID'] })).rows.map((p) => p.PropertyID);
    expect(ids).toHaveLength(2_000);
    many.admin.resetCounters();
    const snap = await readRentManagerSnapshot(client, { propertyIds: ids });
    expect(snap.failedProperties).toEqual([]);
    expect(snap.properties).toHaveLength(2_000);
    expect(snap.units).toHaveLength(2_400);
    const sizes = many.admin.sizes();
    const floor = ['properties', 'units', 'tenants', 'leases'].reduce((n, k) => n + Math.max(1, Math.ceil((sizes as Record<string, number>)[k]! / 1000)), 0);
    expect(requests()).toBe(floor);
  });

  it('200 of 2,000 properties: `in` lists of 150 IDs, a list of six-digit IDs under 1,400 URL characters (IIS accepts 2,048)', async () => {
    const client = clientFor(many, { requestsPerMinute: 100_000 });
    const ids = (await client.properties({ fields: ['PropertyID'] })).rows.map((p) => p.PropertyID).slice(0, 200);
    many.admin.resetCounters();
    const snap = await readRentManagerSnapshot(client, { propertyIds: ids });
    expect(snap.failedProperties).toEqual([]);
    expect(new Set(snap.units.map((u) => u.propertyId))).toEqual(new Set(ids));
    // Properties whole (2 pages), then two `in` lists for units, tenants and leases each.
    expect(requests()).toBe(2 + 3 * 2);
    const longest = encodeQuery({ filters: filtersParam([rmFilter.in('PropertyID', Array.from({ length: IN_LIST_MAX }, (_, i) => 999_000 + i))]) });
    expect(longest.length).toBeLessThan(1_400);
  });
});
