import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSmartPlusClient } from '../../../src-main/smartplus/client';
import { rejection, site, startRig, type Rig } from './helpers';

let rig: Rig;
beforeEach(async () => {
  rig = await startRig();
  rig.sandbox.admin.activateIntegration(12);
});
afterEach(() => rig.close());

describe('SmartPlus client: retries, limits, auth, cancellation', () => {
  it('retries a keyed create after a timeout (the server did the work) and yields exactly one object', async () => {
    // A timeout with room for the retry's own answer on a busy machine (it must not time out too).
    const client = rig.makeClient({ timeoutMs: 1000 });
    const { community, building } = await site(client);
    rig.sandbox.admin.faults({ share: 1, hangMs: 3000, times: 1 });
    const apt = await client.apartments.create(community.id, { buildingId: building.id, name: '101' }, { idempotencyKey: 'unit:101/create' });
    const listed = await client.apartments.list(community.id);
    expect(listed.items.map((a) => a.id)).toEqual([apt.id]);
    const counters = rig.sandbox.admin.counters();
    expect(counters.byRoute['POST /communities/:cid/apartments']).toBe(2);
    expect(counters.idempotentReplays).toBe(1);
    expect(client.stats().retries).toBe(1);
  });

  it('does not retry a create without an idempotency key after a timeout', async () => {
    const client = rig.makeClient({ timeoutMs: 300 });
    const { community, building } = await site(client);
    rig.sandbox.admin.faults({ share: 1, hangMs: 1500, times: 1 });
    const error = await rejection(client.apartments.create(community.id, { buildingId: building.id, name: '101' }));
    expect(error.code).toBe('SP_UNAVAILABLE');
    expect(error.retryable).toBe(true);
    expect(rig.sandbox.admin.counters().byRoute['POST /communities/:cid/apartments']).toBe(1);
  });

  it('retries reads after 500/503 and gives up with SP_UNAVAILABLE after the retry budget', async () => {
    const client = rig.makeClient({ retries: 2 });
    rig.sandbox.admin.faults({ share: 1, statuses: [500, 503], times: 2 });
    expect((await client.account()).email).toBe('installer@sandbox.local');
    expect(client.stats().retries).toBe(2);
    rig.sandbox.admin.faults({ share: 1, statuses: [503] });
    const error = await rejection(client.account());
    expect(error.code).toBe('SP_UNAVAILABLE');
  });

  it('waits out a 429 for its Retry-After, then succeeds', async () => {
    const client = rig.makeClient();
    await client.account();
    rig.sandbox.admin.faults({ share: 1, statuses: [429], times: 1 });
    const start = performance.now();
    const prices = await client.prices();
    expect(prices.currency).toBe('USD');
    expect(performance.now() - start).toBeGreaterThanOrEqual(950);
    expect(client.stats().rateLimited).toBe(1);
  });

  it('keeps to 20 requests a second on its own, so a burst of 60 reads meets no real 429', async () => {
    const client = rig.makeClient();
    await client.account();
    rig.sandbox.admin.resetCounters();
    const start = performance.now();
    await Promise.all(Array.from({ length: 60 }, () => client.prices()));
    const seconds = (performance.now() - start) / 1000;
    expect(rig.sandbox.admin.counters().rateLimited).toBe(0);
    // A burst of 5, then one request every 50 ms: 55 spaced requests take at least 2.75 s.
    expect(seconds).toBeGreaterThanOrEqual(2.6);
  });

  it('a client allowed to go faster than the server meets 429s and still finishes by honouring Retry-After', async () => {
    const client = rig.makeClient({ requestsPerSecond: 200, retries: 6 });
    await client.account();
    rig.sandbox.admin.resetCounters();
    const results = await Promise.all(Array.from({ length: 40 }, () => client.prices()));
    expect(results).toHaveLength(40);
    expect(rig.sandbox.admin.counters().rateLimited).toBeGreaterThan(0);
    expect(client.stats().rateLimited).toBe(rig.sandbox.admin.counters().rateLimited);
  });

  it('signs in again exactly once when the token expires', async () => {
    rig.sandbox.admin.tokenLifetime(1);
    const client = rig.makeClient();
    await client.account();
    await new Promise((r) => setTimeout(r, 1100));
    rig.sandbox.admin.tokenLifetime(3600);
    await Promise.all([client.account(), client.prices(), client.subscriptions()]);
    expect(client.stats().signIns).toBe(2);
    expect(rig.sandbox.admin.counters().signIns).toBe(2);
  });

  it('cancels with CANCELLED when the AbortSignal fires, without retrying', async () => {
    const client = rig.makeClient();
    await client.account();
    rig.sandbox.admin.latency(1000);
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);
    const start = performance.now();
    const error = await rejection(client.account({ signal: controller.signal }));
    expect(error.code).toBe('CANCELLED');
    expect(performance.now() - start).toBeLessThan(900);
    const already = await rejection(client.prices({ signal: AbortSignal.abort() }));
    expect(already.code).toBe('CANCELLED');
  });

  it('reports OFFLINE when nothing listens', async () => {
    const client = createSmartPlusClient({ baseUrl: 'http://127.0.0.1:9/api/v1', username: 'u', password: 'p', retries: 1 });
    const error = await rejection(client.account());
    expect(error.code).toBe('OFFLINE');
  });
});
