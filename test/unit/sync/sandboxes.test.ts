import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { propertyRef } from '../../../src-shared/domain/external-ref';
import { SiteConfigSchema, type SiteConfig } from '../../../src-shared/domain/policy';
import { createRentManagerClient } from '../../../src-main/rentmanager/client';
import { startRentManagerSandbox, type RentManagerSandbox } from '../../../src-main/sandbox/rentmanager/server';
import { SEED_UDF } from '../../../src-main/sandbox/rentmanager/seed';
import { startSmartPlusSandbox, type SmartPlusSandbox } from '../../../src-main/sandbox/smartplus';
import { createSmartPlusClient } from '../../../src-main/smartplus/client';
import { rentManagerPort } from '../../../src-main/sync/adapters/rentmanager-port';
import { smartPlusPort } from '../../../src-main/sync/adapters/smartplus-port';
import { runSiteSync } from '../../../src-main/sync/engine';
import { MemoryJournal, MemoryRunStore } from '../../fakes/memory-stores';
import { plan } from '../../../src-main/sync/plan';
import type { SyncPorts } from '../../../src-main/sync/ports';
import { normalize, refCounts } from './fixtures/harness';

// The engine against both real sandboxes over HTTP, through the real clients and the adapters.
const TODAY = '2026-06-01';
let rmSandbox: RentManagerSandbox;
const spSandboxes: SmartPlusSandbox[] = [];

async function newSmartPlus(): Promise<SmartPlusSandbox> {
  const sb = await startSmartPlusSandbox({ requestsPerSecond: 10_000 });
  sb.admin.activateIntegration(12);
  spSandboxes.push(sb);
  return sb;
}

function portsFor(sp: SmartPlusSandbox, onRmProgress?: () => void): SyncPorts {
  const rmClient = createRentManagerClient({
    baseUrl: rmSandbox.url, corp: rmSandbox.corp, locationId: rmSandbox.location,
    auth: { kind: 'user', username: rmSandbox.username, password: rmSandbox.password }, requestsPerMinute: 100_000, timeoutMs: 5_000,
  });
  const spClient = createSmartPlusClient({ baseUrl: sp.url, username: sp.username, password: sp.password, requestsPerSecond: 10_000, timeoutMs: 5_000, retries: 6 });
  return { rentManager: rentManagerPort(rmClient, onRmProgress ? { onProgress: onRmProgress } : {}), smartPlus: smartPlusPort(spClient), journal: new MemoryJournal(), runs: new MemoryRunStore() };
}

const config = (properties: number[]): SiteConfig => SiteConfigSchema.parse({ properties, pinField: SEED_UDF.doorPinText, rfCardField: SEED_UDF.rfCardText });
const sync = (ports: SyncPorts, cfg: SiteConfig, extra: Partial<Parameters<typeof runSiteSync>[0]> = {}) =>
  runSiteSync({ site: { id: 'sandbox-site' }, config: cfg, ports, trigger: 'manual', today: TODAY, concurrency: 4, ...extra });

async function replan(ports: SyncPorts, cfg: SiteConfig) {
  const rm = await ports.rentManager.readSnapshot(cfg.properties, cfg);
  const sp = await ports.smartPlus.readSite(cfg.properties.map((p) => propertyRef(rm.origin, p)));
  return { plan: plan(rm, sp, cfg, TODAY), sp, rm };
}

beforeAll(async () => {
  rmSandbox = await startRentManagerSandbox({ seed: 'demo', asOf: TODAY, requestsPerMinute: 100_000 });
});
afterAll(async () => {
  await rmSandbox.close();
  await Promise.all(spSandboxes.map((s) => s.close()));
});

describe('the sync engine against both sandboxes over HTTP', () => {
  it('imports the demo property with its edge cases, reports them, and a resync changes nothing', async () => {
    const ports = portsFor(await newSmartPlus());
    const cfg = config([1]);
    const first = await sync(ports, cfg);
    expect(first.run.outcome).toBe('succeeded');
    expect(first.run.counts.communities).toBe(1);
    expect(first.run.counts.apartments).toBe(124);
    expect(first.run.counts.accountsCreated).toBeGreaterThan(124);
    const kinds = new Set(first.problems.map((p) => p.kind));
    for (const k of ['invalid-pin', 'weak-pin', 'duplicate-pin', 'invalid-rf-card', 'duplicate-rf-card'] as const) expect(kinds).toContain(k);
    for (const p of first.problems.filter((x) => x.field === 'pin')) expect(p.value).toBe('••••');
    const again = await replan(ports, cfg);
    expect(again.plan.operations).toEqual([]);
    const lowercase = again.sp.communities[0]!.residents.find((r) => r.rfCards.includes('A1B2C3D4'));
    expect(lowercase).toBeDefined();
    expect((await sync(ports, cfg)).applied).toEqual([]);
  });

  it('follows Rent Manager changes: a move-out deletes, a new PIN is set, a cleared card is removed', async () => {
    const ports = portsFor(await newSmartPlus());
    const cfg = config([4]);
    await sync(ports, cfg);
    const { rm, sp } = await replan(ports, cfg);
    const accounts = sp.communities[0]!.residents.filter((r) => r.role === 'family');
    const tenantOf = (contactId: number) => rm.tenants.find((t) => t.contacts.some((c) => c.id === contactId))!;
    const contactIds = accounts.map((r) => Number(/contact:(\d+)$/.exec(r.externalRef!.id)![1]));
    const leaving = tenantOf(contactIds[0]!);
    const repinned = rm.tenants.find((t) => t.id !== leaving.id && contactIds.some((c) => t.contacts.some((x) => x.id === c)))!;
    rmSandbox.admin.moveOut(leaving.id, '2026-05-20');
    rmSandbox.admin.setPin(repinned.id, '80604020');
    const r = await sync(ports, cfg);
    expect(r.run.outcome).toBe('succeeded');
    expect(r.run.counts.accountsDeleted).toBe(leaving.contacts.length);
    expect(r.applied.some((a) => a.kind === 'set-pin' && a.status === 'done')).toBe(true);
    const after = (await replan(ports, cfg));
    expect(after.plan.operations).toEqual([]);
    expect(after.sp.communities[0]!.residents.some((x) => x.pin === '80604020')).toBe(true);
  });

  it('cancelled at three points of an import, then rerun: the same end state as a clean import, no duplicates', async () => {
    const cfg = config([3]);
    const cleanPorts = portsFor(await newSmartPlus());
    expect((await sync(cleanPorts, cfg)).run.outcome).toBe('succeeded');
    const clean = normalize((await replan(cleanPorts, cfg)).sp);
    for (const stopAfter of [1, 40, 90]) {
      const ports = portsFor(await newSmartPlus());
      const controller = new AbortController();
      let events = 0;
      const cut = await sync(ports, cfg, { signal: controller.signal, onProgress: () => void (++events === stopAfter && controller.abort()) });
      expect(cut.run.outcome).toBe('cancelled');
      const resumed = await sync(ports, cfg);
      expect(resumed.run.outcome).toBe('succeeded');
      const { sp } = await replan(ports, cfg);
      expect(normalize(sp)).toEqual(clean);
      expect([...refCounts(sp).values()].every((n) => n === 1)).toBe(true);
    }
  });

  it('survives token expiry mid-run on both sides (each client signs in again)', async () => {
    let now = new Date('2026-06-01T07:00:00Z');
    const sb = await startSmartPlusSandbox({ requestsPerSecond: 10_000, now: () => now });
    sb.admin.activateIntegration(12);
    spSandboxes.push(sb);
    // Rent Manager: every token dies after each collection read; SmartPlus: two hours pass once apartments start.
    const ports = portsFor(sb, () => rmSandbox.admin.expireTokens());
    let jumped = false;
    const r = await sync(ports, config([4]), {
      onProgress: (p) => {
        if (p.phase === 'apartments' && !jumped) {
          jumped = true;
          now = new Date(now.getTime() + 2 * 3600_000);
        }
      },
    });
    expect(jumped).toBe(true);
    expect(r.run.outcome).toBe('succeeded');
    expect(sb.admin.counters().signIns).toBeGreaterThanOrEqual(2);
    expect(sb.admin.counters().byStatus['401']).toBeGreaterThanOrEqual(1);
    expect((await replan(ports, config([4]))).plan.operations).toEqual([]);
  });

  it('with 10% of SmartPlus and Rent Manager answers failing, reruns converge to the clean state', async () => {
    const cfg = config([4]);
    const cleanPorts = portsFor(await newSmartPlus());
    await sync(cleanPorts, cfg);
    const clean = normalize((await replan(cleanPorts, cfg)).sp);
    const faulty = await newSmartPlus();
    const ports = portsFor(faulty);
    faulty.admin.faults({ share: 0.1, statuses: [500, 503, 429] });
    rmSandbox.admin.faults({ share: 0.1, statuses: [500, 503] });
    let outcome = '';
    for (let i = 0; i < 8 && outcome !== 'succeeded'; i++) outcome = (await sync(ports, cfg)).run.outcome;
    faulty.admin.faults(null);
    rmSandbox.admin.faults({ share: 0 });
    expect(outcome).toBe('succeeded');
    const { sp } = await replan(ports, cfg);
    expect(normalize(sp)).toEqual(clean);
  });
});
