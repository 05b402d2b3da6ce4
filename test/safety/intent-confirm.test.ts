import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SyncPolicy } from '../../src-shared/domain/policy';
import type { RunRecord } from '../../src-shared/domain/run';
import type { SiteSummary } from '../../src-shared/domain/site';
import type { RunDetail, RunListItem } from '../../src-shared/ipc/contract/runs';
import type { RunStarted } from '../../src-shared/ipc/contract/sync';
import { propertyRef, refKey } from '../../src-shared/domain/external-ref';
import { findCommunitiesByRefs, readCommunityState } from '../../src-main/smartplus/read-snapshot';
import { SEED_UDF } from '../../src-main/sandbox/rentmanager/seed';
import { err, ok, startSitesRig, type SitesRig } from '../unit/features/sites-rig';
import { currentTenants, finished, importSmallest, yesterday } from '../unit/features/sync-rig';

// Issue 12, "intent checks live in main": confirming held-back deletions and removals, and a
// policy change that stops syncing credentials, are asked in a main-process dialog (a ConfirmPort;
// here the test answers it). A compromised renderer can call the channel, but while the dialog
// says "Cancel" nothing changes — SmartPlus and the local data are compared before and after.

let rig: SitesRig;
let siteId: string;
let propertyId: number;
let held: RunRecord;
beforeAll(async () => {
  rig = await startSitesRig();
  ({ siteId, propertyId } = await importSmallest(rig));
}, 90_000);
afterAll(async () => rig.close());

async function resync(): Promise<RunRecord> {
  return finished(rig, ok<RunStarted>(await rig.call('sync.runSite', { siteId })).runId);
}
const site = async () => ok<SiteSummary[]>(await rig.call('sites.list')).find((s) => s.id === siteId)!;
const runCount = async () => ok<{ runs: RunListItem[] }>(await rig.call('runs.list', { siteId })).runs.length;
/** The site's SmartPlus community as SmartPlus answers it (apartments, residents, PINs, cards), for before/after comparison. */
async function smartPlusState(): Promise<string> {
  const rm = rig.services.sandbox!.rentManager;
  const client = await rig.services.ctx.clients.smartPlus('sandbox-rentmanager');
  const ref = propertyRef({ customer: rm.corp, location: rm.location }, propertyId);
  const community = (await findCommunitiesByRefs(client, [ref])).get(refKey(ref))!;
  const state = await readCommunityState(client, community.id);
  return JSON.stringify({ apartments: state.apartments, residents: state.residents });
}

describe('held-back deletions are confirmed in main', () => {
  it('sets up a run whose mass deletion was held back', async () => {
    const tenants = await currentTenants(rig, siteId);
    const members = tenants.reduce((n, t) => n + t.contacts.length, 0);
    let count = 0;
    for (const t of tenants) {
      if (count > Math.max(6, members * 0.15)) break;
      rig.services.sandbox!.rentManager.admin.moveOut(t.id, yesterday());
      count += t.contacts.length;
    }
    held = await resync();
    expect(held.outcome).toBe('held-back');
  }, 60_000);

  it('the dialog answers Cancel: NOT_CONFIRMED, nothing deleted in SmartPlus, the list still waiting, no run started', async () => {
    const before = { sp: await smartPlusState(), runs: await runCount(), detail: ok<RunDetail>(await rig.call('runs.get', { runId: held.id })) };
    rig.confirm.answerNext(false);
    const asked = rig.confirm.asked.length;
    const answer = err(await rig.call('runs.confirmHeldBack', { runId: held.id }));
    expect(answer).toMatchObject({ code: 'NOT_CONFIRMED', message: expect.stringMatching(/Nothing was deleted/) });
    expect(rig.confirm.asked.slice(asked)).toEqual([
      expect.objectContaining({
        message: `Apply ${before.detail.heldBack.length} held-back changes to ${before.detail.run.siteName}?`,
        confirmLabel: `Apply ${before.detail.heldBack.length} changes`,
        cancelLabel: 'Cancel',
      }),
    ]);
    expect(await smartPlusState()).toBe(before.sp);
    expect(await runCount()).toBe(before.runs);
    expect(ok<RunDetail>(await rig.call('runs.get', { runId: held.id })).heldBack).toEqual(before.detail.heldBack);
  });

  it('only the dialog’s confirm button applies them', async () => {
    rig.confirm.answerNext(true);
    const before = await smartPlusState();
    const applied = ok<RunRecord>(await rig.call('runs.confirmHeldBack', { runId: held.id }));
    expect(applied.counts.accountsDeleted).toBe(held.heldBackCount);
    expect(await smartPlusState()).not.toBe(before);
    expect(ok<RunDetail>(await rig.call('runs.get', { runId: held.id })).heldBack).toEqual([]);
  }, 60_000);
});

describe('stopping credential sync is confirmed in main', () => {
  const withPin = async (): Promise<SyncPolicy> => {
    const policy = { ...(await site()).policy, pinField: SEED_UDF.doorPinText, rfCardField: SEED_UDF.rfCardText };
    return ok<SyncPolicy>(await rig.call('sites.updatePolicy', { siteId, policy }));
  };

  it('choosing fields asks nothing', async () => {
    const asked = rig.confirm.asked.length;
    expect(await withPin()).toMatchObject({ pinField: SEED_UDF.doorPinText, rfCardField: SEED_UDF.rfCardText });
    expect(rig.confirm.asked.length).toBe(asked);
  });

  it('PIN field to "None" with Cancel: NOT_CONFIRMED and the policy is unchanged', async () => {
    const before = await withPin();
    const { pinField: _dropped, ...noPin } = before;
    rig.confirm.answerNext(false);
    const asked = rig.confirm.asked.length;
    expect(err(await rig.call('sites.updatePolicy', { siteId, policy: noPin })).code).toBe('NOT_CONFIRMED');
    expect(rig.confirm.asked.slice(asked)).toEqual([expect.objectContaining({ message: expect.stringMatching(/^Stop syncing PINs for /) })]);
    expect((await site()).policy).toEqual(before);
    expect(rig.services.ctx.db.sites.get(siteId)!.policy).toEqual(before);
  });

  it('both fields to "None" is one question naming both; confirmed, it is saved', async () => {
    const before = await withPin();
    const { pinField: _p, rfCardField: _r, ...neither } = before;
    rig.confirm.answerNext(true);
    const asked = rig.confirm.asked.length;
    const saved = ok<SyncPolicy>(await rig.call('sites.updatePolicy', { siteId, policy: neither }));
    expect(saved.pinField).toBeUndefined();
    expect(saved.rfCardField).toBeUndefined();
    expect(rig.confirm.asked.slice(asked)).toEqual([expect.objectContaining({ message: expect.stringMatching(/^Stop syncing PINs and RF cards for /) })]);
  });

  it('a change that keeps both fields (grace days) asks nothing', async () => {
    const before = await withPin();
    const asked = rig.confirm.asked.length;
    expect(ok<SyncPolicy>(await rig.call('sites.updatePolicy', { siteId, policy: { ...before, graceDays: 2 } })).graceDays).toBe(2);
    expect(rig.confirm.asked.length).toBe(asked);
  });
});
