import { describe, expect, it } from 'vitest';
import { confirmHeldBack } from '../../../src-main/sync/held-back';
import { harness, normalize } from './fixtures/harness';
import { contact, rm, site, tenant, units } from './fixtures/world';

// Issue 15, "Ask me first": a scheduled run of a site that asks before applying plans, writes
// nothing and waits; approving re-plans and applies what is still valid; rejecting leaves
// SmartPlus as it was. Departures may apply without asking (the second switch).
const day1 = () => rm([tenant(1, { pin: '2468', contacts: [contact(11, 1)] }), tenant(2, { unit: 102, pin: '1357' })]);
const day2 = () =>
  rm([
    tenant(1, { pin: '8642', contacts: [contact(11, 1, { email: 'new11@example.com' })] }),
    tenant(2, { unit: 102, pin: '1357', moveOut: '2026-06-01' }),
    tenant(4, { unit: 104, pin: '5555' }),
  ], { units: units([101, 102, 103, 104]) });

async function nextDay() {
  const h = harness(day1(), site(), '2026-06-01');
  await h.sync();
  h.rm.snapshot = day2();
  h.today = '2026-06-02';
  return h;
}

describe('ask me before applying (issue 15)', () => {
  it('a scheduled run writes nothing, waits with every change (PINs masked), and approving applies it', async () => {
    const h = await nextDay();
    const before = h.sp.snapshot();
    const writes = h.sp.writes;
    const waiting = await h.sync({ trigger: 'scheduled', askFirst: { departuresWithoutAsking: false } });
    expect(h.sp.writes).toBe(writes);
    expect(h.sp.snapshot()).toEqual(before);
    expect(waiting.run).toMatchObject({ outcome: 'held-back', awaitingApproval: true, heldBackCount: waiting.plan!.operations.length });
    const held = await h.runs.listHeldBack(waiting.run.id);
    expect(held.every((x) => x.approval)).toBe(true);
    expect(JSON.stringify(held)).not.toMatch(/8642|5555/);
    expect((await h.journal.changes(waiting.run.id)).every((c) => c.status === 'held-back')).toBe(true);

    const approved = await confirmHeldBack({ runId: waiting.run.id, site: { id: 'site-1' }, config: h.config, ports: { rentManager: h.rm, smartPlus: h.sp, journal: h.journal, runs: h.runs }, today: '2026-06-02' });
    expect(approved.run.outcome).toBe('succeeded');
    expect(approved.dropped).toEqual([]);
    expect((await h.replan()).operations).toEqual([]);
    // The same end state as a site that applies automatically.
    const auto = await nextDay();
    await auto.sync({ trigger: 'scheduled' });
    expect(normalize(h.sp.snapshot())).toEqual(normalize(auto.sp.snapshot()));
    expect(await h.runs.listHeldBack(waiting.run.id)).toEqual([]);
  });

  it('approving later applies only what is still valid and reports what moved', async () => {
    const h = await nextDay();
    const waiting = await h.sync({ trigger: 'scheduled', askFirst: { departuresWithoutAsking: false } });
    // Before the approval, tenant 2 stays after all (the move-out was a mistake in Rent Manager).
    h.rm.snapshot = { ...day2(), tenants: day2().tenants.map((t) => (t.id === 2 ? tenant(2, { unit: 102, pin: '1357' }) : t)) };
    const approved = await confirmHeldBack({ runId: waiting.run.id, site: { id: 'site-1' }, config: h.config, ports: { rentManager: h.rm, smartPlus: h.sp, journal: h.journal, runs: h.runs }, today: '2026-06-02' });
    expect(approved.dropped.map((d) => d.operation.kind)).toEqual(['delete-family-member']);
    expect(approved.problems.some((p) => p.reason.startsWith('Not applied: Rent Manager no longer asks for this change'))).toBe(true);
    expect(h.sp.snapshot().communities[0]!.residents.some((r) => r.firstName === 'First21')).toBe(true);
  });

  it('rejecting leaves SmartPlus unchanged; departures may apply without asking', async () => {
    const h = await nextDay();
    const before = normalize(h.sp.snapshot());
    const waiting = await h.sync({ trigger: 'scheduled', askFirst: { departuresWithoutAsking: true } });
    // Only the departed tenant's deletion applied.
    expect(waiting.run.counts).toMatchObject({ accountsDeleted: 1, accountsCreated: 0, accountsUpdated: 0, credentialsSet: 0 });
    expect((await h.runs.listHeldBack(waiting.run.id)).map((x) => x.operation.kind)).not.toContain('delete-family-member');
    // Reject = drop the waiting list (the runs service's keepHeldBack): nothing else changes.
    const afterDeparture = normalize(h.sp.snapshot());
    await h.runs.saveHeldBack(waiting.run.id, []);
    expect(normalize(h.sp.snapshot())).toEqual(afterDeparture);
    expect(afterDeparture).not.toEqual(before);
  });
});
