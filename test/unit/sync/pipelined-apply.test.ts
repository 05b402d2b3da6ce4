import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SiteConfigSchema } from '../../../src-shared/domain/policy';
import { createRentManagerClient } from '../../../src-main/rentmanager/client';
import { startRentManagerSandbox, type RentManagerSandbox } from '../../../src-main/sandbox/rentmanager/server';
import { SEED_UDF } from '../../../src-main/sandbox/rentmanager/seed';
import { startSmartPlusSandbox, type SmartPlusSandbox } from '../../../src-main/sandbox/smartplus';
import { createSmartPlusClient } from '../../../src-main/smartplus/client';
import { rentManagerPort } from '../../../src-main/sync/adapters/rentmanager-port';
import { smartPlusPort } from '../../../src-main/sync/adapters/smartplus-port';
import { runSiteSync } from '../../../src-main/sync/engine';
import type { SmartPlusPort } from '../../../src-main/sync/ports';
import { MemoryJournal, MemoryRunStore } from '../../fakes/memory-stores';

// Issue 13: at real latency an import keeps the SmartPlus pipe full. An apartment's members and
// credentials start as soon as that apartment exists, not after the last apartment of the site.
const TODAY = '2026-06-01';
const LATENCY_MS = 150;
let rm: RentManagerSandbox;
let sp: SmartPlusSandbox;

beforeAll(async () => {
  rm = await startRentManagerSandbox({ seed: { units: 30 }, asOf: TODAY, requestsPerMinute: 100_000 });
  sp = await startSmartPlusSandbox({});
  sp.admin.activateIntegration(12);
});
afterAll(async () => Promise.all([rm.close(), sp.close()]));

/** The port with the start and end time of every call, by method. */
function recording(port: SmartPlusPort) {
  const calls: { method: string; start: number; end: number }[] = [];
  const wrapped = Object.fromEntries(
    Object.entries(port).map(([method, fn]) => [
      method,
      method === 'inFlightLimit' ? fn : async (...args: unknown[]) => {
        const start = performance.now();
        try {
          return await (fn as (...a: unknown[]) => Promise<unknown>)(...args);
        } finally {
          calls.push({ method, start, end: performance.now() });
        }
      },
    ]),
  ) as unknown as SmartPlusPort;
  return { port: wrapped, calls };
}

describe('apply at 150 ms per SmartPlus call', () => {
  it('starts members and credentials of an apartment before the last apartment is created, and keeps more than four requests in flight', async () => {
    const rmClient = createRentManagerClient({ baseUrl: rm.url, corp: rm.corp, locationId: rm.location, auth: { kind: 'user', username: rm.username, password: rm.password }, requestsPerMinute: 100_000 });
    const spClient = createSmartPlusClient({ baseUrl: sp.url, username: sp.username, password: sp.password, timeoutMs: 5_000 });
    const properties = (await rmClient.properties()).rows.map((p) => p.PropertyID);
    const config = SiteConfigSchema.parse({ properties: [properties[0]], pinField: SEED_UDF.doorPinText, rfCardField: SEED_UDF.rfCardText });
    const { port, calls } = recording(smartPlusPort(spClient));
    sp.admin.latency(LATENCY_MS);
    spClient.resetPipePeak();
    const started = performance.now();
    const result = await runSiteSync({ site: { id: 'latency' }, config, ports: { rentManager: rentManagerPort(rmClient), smartPlus: port, journal: new MemoryJournal(), runs: new MemoryRunStore() }, trigger: 'manual', today: TODAY });
    const wallMs = performance.now() - started;
    sp.admin.latency(0);
    expect(result.run.outcome).toBe('succeeded');

    const apartments = calls.filter((c) => c.method === 'createApartment');
    const members = calls.filter((c) => c.method === 'createFamilyMember');
    const credentials = calls.filter((c) => c.method === 'setPin' || c.method === 'setRfCards');
    expect(apartments.length).toBeGreaterThan(5);
    expect(members.length).toBeGreaterThan(5);
    const lastApartmentCreated = Math.max(...apartments.map((c) => c.end));
    expect(Math.min(...members.map((c) => c.start))).toBeLessThan(lastApartmentCreated);
    expect(Math.min(...credentials.map((c) => c.start))).toBeLessThan(lastApartmentCreated);

    // Little's law: 20/s × 0.15 s = 3 in flight on average; the pipe went past the old fixed four.
    expect(spClient.pipe().peakInFlight).toBeGreaterThan(4);
    expect(sp.admin.counters().rateLimited).toBe(0);
    // Every SmartPlus request at 20 per second, plus one round trip per dependency level and the reads.
    const requests = sp.admin.counters().requests;
    expect(wallMs).toBeLessThan((requests / 20) * 1000 * 1.25 + 6 * LATENCY_MS + 1000);
  }, 60_000);
});
