import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SyncPolicy } from '../../../src-shared/domain/policy';
import type { Overview } from '../../../src-shared/ipc/contract/overview';
import type { SitePreview } from '../../../src-shared/ipc/contract/runs';
import type { RunStarted } from '../../../src-shared/ipc/contract/sync';
import { ok, startSitesRig, type SitesRig } from './sites-rig';
import { currentTenants, finished, importSmallest, yesterday } from './sync-rig';

// Issue 16, rule 2: while a site is paused, removals still come due. The overview says how many
// from the local copy, under the site's policy as it is now (grace days), and agrees with the plan.

let rig: SitesRig;
beforeAll(async () => {
  rig = await startSitesRig();
}, 30_000);
afterAll(() => rig.close());

const siteOf = async (siteId: string) => ok<Overview>(await rig.call('overview.get')).customers.flatMap((c) => c.sites).find((s) => s.id === siteId)!;
const setGrace = async (siteId: string, graceDays: number) => {
  const policy: SyncPolicy = { ...rig.services.ctx.db.sites.get(siteId)!.policy, graceDays };
  ok(await rig.call('sites.updatePolicy', { siteId, policy }));
};

describe('overview: removals due on a paused site', () => {
  it('counts a move-out held in by grace days once the grace is gone, only while paused, as the planner would', async () => {
    const { siteId } = await importSmallest(rig);
    const [leaver] = await currentTenants(rig, siteId);
    await setGrace(siteId, 2);
    rig.services.sandbox!.rentManager.admin.moveOut(leaver!.id, yesterday());
    await finished(rig, ok<RunStarted>(await rig.call('sync.runSite', { siteId })).runId);
    const kept = rig.services.ctx.db.siteState.syncedMembers(siteId).length;
    expect(kept).toBeGreaterThan(0);

    // Moved out yesterday, 2 grace days: still in, nothing due — paused or not.
    expect((await siteOf(siteId)).removalsDue ?? null).toBeNull();
    ok(await rig.call('sites.pause', { siteId, reason: 'Roof works' }));
    expect((await siteOf(siteId)).removalsDue ?? null).toBeNull();

    // The grace days go while paused: the departed tenant's accounts are due now.
    await setGrace(siteId, 0);
    const due = (await siteOf(siteId)).removalsDue!;
    expect(due).toEqual({ count: leaver!.contacts.length, since: yesterday(), deletion: 'move-out' });
    const preview = ok<SitePreview>(await rig.call('runs.preview', { siteId }));
    expect(preview.summary.operations['delete-family-member'] ?? 0).toBe(due.count);

    // Not paused: no warning (the schedule removes them); paused again after a run that removed them: none.
    ok(await rig.call('sites.resume', { siteId }));
    expect((await siteOf(siteId)).removalsDue ?? null).toBeNull();
    await finished(rig, ok<RunStarted>(await rig.call('sync.runSite', { siteId })).runId);
    ok(await rig.call('sites.pause', { siteId, reason: null }));
    expect((await siteOf(siteId)).removalsDue ?? null).toBeNull();
    expect(rig.services.ctx.db.siteState.syncedMembers(siteId)).toHaveLength(kept - due.count);
  }, 120_000);
});
