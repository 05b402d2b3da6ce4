import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { changedSinceBound, rentManagerChangedSince } from '../../../src-main/scheduler/light-sync';
import { createRentManagerClient, type RentManagerClient } from '../../../src-main/rentmanager/client';
import { startRentManagerSandbox, type RentManagerSandbox } from '../../../src-main/sandbox/rentmanager/server';

let box: RentManagerSandbox;
let client: RentManagerClient;

beforeAll(async () => {
  box = await startRentManagerSandbox({ seed: 'demo', asOf: '2026-11-27' });
  client = createRentManagerClient({ baseUrl: box.url, corp: box.corp, locationId: box.location, auth: { kind: 'user', username: box.username, password: box.password } });
});
afterAll(async () => {
  await client.signOut();
  await box.close();
});

describe('light (changed-since) sync check', () => {
  it('formats the bound as Rent Manager local wall time, with the overlap window', () => {
    // 07:00 UTC on a November day is 02:00 in New York (EST); minus 3 hours.
    expect(changedSinceBound(new Date('2026-11-27T07:00:00Z'), 'America/New_York')).toBe('2026-11-26T23:00:00');
    expect(changedSinceBound(new Date('2026-07-01T07:00:00Z'), 'America/New_York')).toBe('2026-07-01T00:00:00');
  });

  const FUTURE = '2099-01-01T00:00:00';

  it('reports a change the first time (no fingerprint yet), then nothing while nothing changes', async () => {
    const first = await rentManagerChangedSince(client, 1, FUTURE, null);
    expect(first.changed).toBe(true);
    expect(await rentManagerChangedSince(client, 1, FUTURE, first.fingerprint)).toEqual({ changed: false, fingerprint: first.fingerprint });
  });

  it('sees a PIN changed (a UDF value only) on its property, and not on another', async () => {
    const two = await rentManagerChangedSince(client, 2, FUTURE, null);
    const three = await rentManagerChangedSince(client, 3, FUTURE, null);
    const tenant = (await client.tenants()).rows.find((t) => t.PropertyID === 2)!;
    box.admin.setPin(tenant.TenantID, '4821');
    expect((await rentManagerChangedSince(client, 2, FUTURE, two.fingerprint)).changed).toBe(true);
    expect((await rentManagerChangedSince(client, 3, FUTURE, three.fingerprint)).changed).toBe(false);
  });

  it('sees a lease changed through UpdateDate (a move-out)', async () => {
    const since = changedSinceBound(new Date(), 'UTC');
    const baseline = await rentManagerChangedSince(client, 4, since, null);
    expect((await rentManagerChangedSince(client, 4, since, baseline.fingerprint)).changed).toBe(false);
    const tenant = (await client.tenants()).rows.find((t) => t.PropertyID === 4 && t.Status === 'Current')!;
    box.admin.moveOut(tenant.TenantID, '2026-11-26');
    expect((await rentManagerChangedSince(client, 4, since, baseline.fingerprint)).changed).toBe(true);
  });
});
