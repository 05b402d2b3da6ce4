import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunRecord } from '../../../src-shared/domain/run';
import type { ApartmentDetail } from '../../../src-shared/domain/site';
import type { Overview } from '../../../src-shared/ipc/contract/overview';
import type { ChangeView, FoundChange, RunDetail, UndoPreview } from '../../../src-shared/ipc/contract/runs';
import type { RunStarted } from '../../../src-shared/ipc/contract/sync';
import { err, ok, startSitesRig, type SitesRig } from './sites-rig';
import { currentTenants, finished, importSmallest, yesterday } from './sync-rig';

// Issue 15 through the app's handler map and services on the sandboxes: a run's changes, the
// cross-run search, an apartment's history, undo with its preview, the link both ways, and the
// paused schedule on the Overview until resumed.
let rig: SitesRig;
let siteId: string;
beforeAll(async () => {
  rig = await startSitesRig();
  siteId = (await importSmallest(rig)).siteId;
}, 90_000);
afterAll(async () => {
  await rig.close();
});

const overviewSite = async () => ok<Overview>(await rig.call('overview.get')).customers.flatMap((c) => c.sites).find((s) => s.id === siteId)!;

describe('what a run changed, and undoing it (issue 15)', () => {
  let moved: RunRecord;
  let leaverName: string;
  let deleted: ChangeView;
  it('a move-out is listed in the run with who and why, found by name and as "access removed", and in the apartment history', async () => {
    const [leaver] = await currentTenants(rig, siteId);
    leaverName = leaver!.contacts[0]!.lastName;
    rig.services.sandbox!.rentManager.admin.moveOut(leaver!.id, yesterday());
    const started = ok<RunStarted>(await rig.call('sync.runSite', { siteId }));
    moved = await finished(rig, started.runId);
    const d = ok<RunDetail>(await rig.call('runs.get', { runId: moved.id }));
    expect(d.changeCount).toBeGreaterThanOrEqual(leaver!.contacts.length);
    const { changes } = ok<{ changes: ChangeView[] }>(await rig.call('runs.listChanges', { runId: moved.id }));
    deleted = changes.find((c) => c.action === 'account-deleted' && c.tenantId === leaver!.id)!;
    expect(deleted.why).toBe(`Moved out on ${yesterday()}.`);
    expect(deleted).not.toHaveProperty('before');

    const byName = ok<{ changes: FoundChange[] }>(await rig.call('runs.searchChanges', { text: leaverName }));
    expect(byName.changes.some((c) => c.runId === moved.id && c.action === 'account-deleted')).toBe(true);
    const lost = ok<{ changes: FoundChange[] }>(await rig.call('runs.searchChanges', { accessRemoved: true, from: moved.startedAt, to: new Date(Date.parse(moved.endedAt!) + 1000).toISOString() }));
    expect(lost.changes.filter((c) => c.action === 'account-deleted').map((c) => c.tenantId)).toContain(leaver!.id);
    expect(lost.changes.every((c) => c.siteName.length > 0 && c.trigger === 'manual')).toBe(true);

    const apartment = ok<ApartmentDetail>(await rig.call('apartments.get', { apartmentId: deleted.apartmentId! }));
    expect(apartment.changes!.some((c) => c.runId === moved.id && c.action === 'account-deleted')).toBe(true);
  }, 60_000);

  it('bounds its inputs', async () => {
    expect(err(await rig.call('runs.searchChanges', { text: 'x'.repeat(101) })).code).toBe('BAD_INPUT');
    expect(err(await rig.call('runs.searchChanges', { limit: 0 })).code).toBe('BAD_INPUT');
    expect(err(await rig.call('runs.searchChanges', { from: '2026-11-28T00:00:00Z', to: '2026-11-27T00:00:00Z' })).code).toBe('BAD_INPUT');
    expect(err(await rig.call('runs.listChanges', { runId: moved.id, limit: 501 })).code).toBe('BAD_INPUT');
  });

  it('previews the undo, undoes it as its own run, links both ways and pauses the schedule until resumed', async () => {
    const preview = ok<UndoPreview>(await rig.call('runs.previewUndo', { runId: moved.id }));
    expect(preview.steps.map((s) => s.kind)).toContain('create-family-member');
    expect(JSON.stringify(preview)).not.toMatch(/"pin":"\d/);
    const undone = ok<RunRecord>(await rig.call('runs.undo', { runId: moved.id, pauseSchedule: true }));
    const done = undone.endedAt ? undone : await finished(rig, undone.id);
    expect(done).toMatchObject({ trigger: 'undo', undoOf: moved.id, outcome: 'succeeded' });
    expect(done.counts.accountsCreated).toBe(preview.steps.filter((s) => s.kind === 'create-family-member').length);
    const original = ok<RunDetail>(await rig.call('runs.get', { runId: moved.id }));
    expect(original).toMatchObject({ undoneBy: [undone.id], schedulePaused: true });
    expect(ok<RunDetail>(await rig.call('runs.get', { runId: undone.id })).undoOf).toBe(moved.id);
    expect((await overviewSite()).schedulePaused).toBe(true);
    // The member is back in the local copy too.
    const apartment = ok<ApartmentDetail>(await rig.call('apartments.get', { apartmentId: deleted.apartmentId! }));
    expect(apartment.familyMembers.some((r) => r.contactId === deleted.contactId)).toBe(true);
    expect(ok<{ paused: boolean }>(await rig.call('runs.resumeSchedule', { siteId }))).toEqual({ paused: false });
    expect((await overviewSite()).schedulePaused).toBe(false);
  }, 60_000);

  it('refuses to undo a run that is not in the history', async () => {
    expect(err(await rig.call('runs.previewUndo', { runId: 'nope' })).code).toBe('NOT_FOUND');
    expect(err(await rig.call('runs.undo', { runId: 'nope' })).code).toBe('NOT_FOUND');
  });
});

describe('ask me before applying, in the app (issue 15)', () => {
  it('a scheduled run of an ask-first site writes nothing and waits on the Overview; Reject changes nothing, Approve applies', async () => {
    const policy = rig.services.ctx.db.sites.get(siteId)!.policy;
    ok(await rig.call('sites.updatePolicy', { siteId, policy: { ...policy, applyMode: 'ask', departuresWithoutAsking: false } }));
    const [tenant] = await currentTenants(rig, siteId);
    rig.services.sandbox!.rentManager.admin.setPin(tenant!.id, '80604020');
    const sp = rig.services.sandbox!.smartPlus.admin;
    // SmartPlus writes: every call that is not a read or a sign-in.
    const writes = () => Object.entries(sp.counters().byRoute).filter(([route]) => !route.startsWith('GET') && !/auth|login|token|session/i.test(route)).reduce((n, [, c]) => n + c, 0);
    const before = writes();
    const first = await rig.services.ctx.sync.runSite({ siteId, trigger: 'scheduled' });
    const waiting = await first.done;
    expect(waiting).toMatchObject({ outcome: 'held-back', awaitingApproval: true });
    expect(writes()).toBe(before);
    expect((await overviewSite()).heldBack).toMatchObject({ runId: waiting.id, approval: true, count: waiting.heldBackCount });
    expect(ok<RunDetail>(await rig.call('runs.get', { runId: waiting.id })).heldBackApproval).toBe(true);

    // Reject: the list goes, SmartPlus is unchanged.
    ok(await rig.call('runs.keepHeldBack', { runId: waiting.id }));
    expect(writes()).toBe(before);
    expect((await overviewSite()).heldBack).toBeNull();

    // The next scheduled run waits again; Approve applies it.
    const again = await (await rig.services.ctx.sync.runSite({ siteId, trigger: 'scheduled' })).done;
    expect(again.awaitingApproval).toBe(true);
    const applied = ok<RunRecord>(await rig.call('runs.confirmHeldBack', { runId: again.id }));
    expect(applied.outcome).toBe('succeeded');
    expect(applied.counts.credentialsSet).toBeGreaterThanOrEqual(1);
    expect(writes()).toBeGreaterThan(before);
    expect((await overviewSite()).heldBack).toBeNull();
  }, 90_000);
});

