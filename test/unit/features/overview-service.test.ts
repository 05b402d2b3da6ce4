import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunProgress } from '../../../src-shared/domain/run';
import type { Overview } from '../../../src-shared/ipc/contract/overview';
import type { RunSkipped, RunStarted } from '../../../src-shared/ipc/contract/sync';
import { nextSlot } from '../../../src-main/scheduler/next-run';
import { err, ok, startSitesRig, type SitesRig } from './sites-rig';
import { finished, importSmallest } from './sync-rig';

let rig: SitesRig;
let siteId: string;
let siteName: string;
beforeAll(async () => {
  rig = await startSitesRig();
}, 30_000);
afterAll(() => rig.close());

const overview = async () => ok<Overview>(await rig.call('overview.get'));
const sites = (o: Overview) => o.customers.flatMap((c) => c.sites);

describe('overview', () => {
  it('before any import: the sandbox customer with no sites, online, default schedule', async () => {
    const o = await overview();
    expect(o.customers).toEqual([{ id: 'sandbox-customer', name: expect.any(String), isSandbox: true, sites: [] }]);
    expect(o.schedule).toEqual({ time: '07:00', zone: 'UTC', lightSyncMinutes: null });
    expect(o.online).toBe(true);
    expect(o.running).toEqual([]);
  });

  it('after an import: the site with its last run, problems, subscription and next scheduled run', async () => {
    const imported = await importSmallest(rig);
    siteId = imported.siteId;
    siteName = imported.name;
    const before = Date.now();
    const o = await overview();
    const site = sites(o).find((s) => s.id === siteId)!;
    expect(o.customers[0]!.sites).toHaveLength(1);
    expect(site).toMatchObject({
      name: imported.name,
      propertyId: imported.propertyId,
      subscription: 'active',
      heldBack: null,
      lastRun: { id: imported.run.id, trigger: 'import', outcome: imported.run.outcome, problemCount: imported.run.problemCount },
    });
    expect(site.apartmentCount).toBeGreaterThan(0);
    expect(site.asOf).not.toBeNull();
    expect(o.subscriptionChecked).toBe(true);
    // The next 07:00 UTC after now (the import is the last run, and it started before now).
    const expected = nextSlot(o.schedule, new Date(before)).toISOString();
    expect(site.nextRunAt).toBe(expected);
    expect(site.nextRunAt.endsWith('T07:00:00.000Z')).toBe(true);
  }, 90_000);

  it('one click resyncs; a second click during the run joins it; the run shows in running() and as the last run', async () => {
    rig.services.sandbox!.rentManager.admin.latency(150);
    try {
      const first = ok<RunStarted>(await rig.call('sync.runSite', { siteId }));
      expect(first).toMatchObject({ siteId, joined: false });
      const second = ok<RunStarted>(await rig.call('sync.runSite', { siteId }));
      expect(second).toEqual({ siteId, runId: first.runId, joined: true });
      await waitFor(async () => ok<RunProgress[]>(await rig.call('sync.listRunning')).some((p) => p.runId === first.runId));
      const o = await overview();
      expect(o.running.map((p) => p.runId)).toContain(first.runId);
      const run = await finished(rig, first.runId);
      expect(run).toMatchObject({ trigger: 'manual', dryRun: false });
      expect(['succeeded', 'partial']).toContain(run.outcome);
      const after = sites(await overview()).find((s) => s.id === siteId)!;
      expect(after.lastRun).toMatchObject({ id: first.runId, trigger: 'manual', outcome: run.outcome });
    } finally {
      rig.services.sandbox!.rentManager.admin.latency(0);
    }
  }, 90_000);

  it('cancel stops a run in progress: it ends as cancelled', async () => {
    rig.services.sandbox!.rentManager.admin.latency(400);
    try {
      const started = ok<RunStarted>(await rig.call('sync.runSite', { siteId }));
      expect(ok<{ cancelled: boolean }>(await rig.call('sync.cancel', { siteId }))).toEqual({ cancelled: true });
      const run = await finished(rig, started.runId);
      expect(run.outcome).toBe('cancelled');
      expect(ok<{ cancelled: boolean }>(await rig.call('sync.cancel', { siteId }))).toEqual({ cancelled: false });
    } finally {
      rig.services.sandbox!.rentManager.admin.latency(0);
    }
  }, 60_000);

  it('Resync all starts every site', async () => {
    const all = ok<{ started: RunStarted[]; skipped: RunSkipped[] }>(await rig.call('sync.runAll'));
    expect(all.skipped).toEqual([]);
    expect(all.started.map((s) => s.siteId)).toEqual([siteId]);
    expect((await finished(rig, all.started[0]!.runId)).trigger).toBe('manual');
  }, 60_000);

  it('offline: the overview answers from the local copy, and resync refuses with OFFLINE', async () => {
    await rig.services.sandbox!.setNetworkDown(true);
    rig.services.reportOsOnline(false);
    try {
      const o = await overview();
      expect(o.online).toBe(false);
      expect(o.subscriptionChecked).toBe(false);
      expect(sites(o).find((s) => s.id === siteId)).toMatchObject({ name: siteName, subscription: 'active' });
      const refused = err(await rig.call('sync.runSite', { siteId }));
      expect(refused.code).toBe('OFFLINE');
      const all = ok<{ started: RunStarted[]; skipped: RunSkipped[] }>(await rig.call('sync.runAll'));
      expect(all).toEqual({ started: [], skipped: [{ siteId, code: 'OFFLINE', reason: expect.stringContaining('Offline') }] });
    } finally {
      await rig.services.sandbox!.setNetworkDown(false);
      rig.services.reportOsOnline(true);
    }
  }, 30_000);

  it('a site whose integration subscription is not active cannot be synced: SUBSCRIPTION_REQUIRED, shown in the overview', async () => {
    const runsBefore = rig.events.filter((e) => e.event === 'sync.finished').length;
    rig.services.sandbox!.smartPlus.admin.reset();
    const refused = err(await rig.call('sync.runSite', { siteId }));
    expect(refused.code).toBe('SUBSCRIPTION_REQUIRED');
    expect(refused.message).toContain('Subscription');
    const o = await overview();
    expect(sites(o).find((s) => s.id === siteId)!.subscription).toBe('none');
    const all = ok<{ started: RunStarted[]; skipped: RunSkipped[] }>(await rig.call('sync.runAll'));
    expect(all.skipped).toEqual([{ siteId, code: 'SUBSCRIPTION_REQUIRED', reason: expect.stringContaining('Integration') }]);
    expect(rig.events.filter((e) => e.event === 'sync.finished').length).toBe(runsBefore);
    expect(err(await rig.call('sync.runSite', { siteId: 'no-such-site' })).code).toBe('NOT_FOUND');
  }, 30_000);
});

async function waitFor(check: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  for (let waited = 0; waited < timeoutMs; waited += 25) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error('condition not met in time');
}

