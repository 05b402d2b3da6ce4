import { describe, expect, it } from 'vitest';
import type { RunProgress } from '../../../src-shared/domain/run';
import { AppError } from '../../../src-shared/errors';
import { applyPlan } from '../../../src-main/sync/apply';
import { idempotencyKey } from '../../../src-main/sync/apply/execute';
import { plan } from '../../../src-main/sync/plan';
import { contact, occupant, ORIGIN, rm, site, tenant } from './fixtures/world';
import { harness, normalize, refCounts } from './fixtures/harness';
import { MemoryJournal } from '../../fakes/memory-stores';
import { MemorySmartPlus } from '../../fakes/memory-smartplus';

const portfolio = () =>
  rm([
    tenant(1, { pin: '2468', rf: '0a1b', contacts: [contact(11, 1), occupant(12, 1)] }),
    tenant(2, { unit: 102, pin: '1357' }),
    tenant(3, { unit: 103, moveIn: null }),
  ]);

describe('runSiteSync: read → plan → apply → record', () => {
  it('creates the site, records the run, and a second plan is empty', async () => {
    const h = harness(portfolio(), site());
    const first = await h.sync();
    expect(first.run).toMatchObject({ outcome: 'succeeded', siteId: 'site-1', trigger: 'manual', dryRun: false, error: null });
    expect(first.run.counts).toEqual({ communities: 1, apartments: 3, accountsCreated: 3, accountsUpdated: 0, accountsDeleted: 0, credentialsSet: 3, credentialsRemoved: 0, failedOperations: 0 });
    expect(first.problems.map((p) => p.kind)).toEqual(['missing-date']);
    expect(first.applied.every((a) => a.status === 'done')).toBe(true);
    const state = h.sp.snapshot().communities[0]!;
    expect(state.buildings.map((b) => b.name)).toEqual(['Building 1']);
    expect(state.residents.filter((r) => r.role === 'master')).toHaveLength(3);
    const primary = state.residents.find((r) => r.firstName === 'First11')!;
    expect(primary).toMatchObject({ pin: '2468', rfCards: ['0A1B'], sameAccessAsMaster: false, accessGroupIds: [state.accessGroups[0]!.id] });
    expect((await h.replan()).operations).toEqual([]);
    const second = await h.sync();
    expect(second.run.outcome).toBe('succeeded');
    expect(second.applied).toEqual([]);
    expect(await h.runs.getRun(first.run.id)).toEqual(first.run);
    expect(await h.runs.listProblems(first.run.id)).toHaveLength(1);
  });

  it('journals every call before and after, never with a PIN', async () => {
    const h = harness(portfolio(), site());
    const r = await h.sync();
    const rows = await h.journal.list(r.run.id);
    expect(rows).toHaveLength(r.applied.length * 2);
    for (const op of r.applied) expect(rows.filter((e) => e.opId === op.id).map((e) => e.state)).toEqual(['started', 'succeeded']);
    expect(JSON.stringify(rows)).not.toContain('2468');
  });

  it('a dry run writes nothing and counts what it would do', async () => {
    const h = harness(portfolio(), site());
    const r = await h.sync({ dryRun: true });
    expect(h.sp.writes).toBe(0);
    expect(r.run).toMatchObject({ outcome: 'succeeded', dryRun: true });
    expect(r.run.counts.accountsCreated).toBe(3);
    expect(r.plan!.operations.length).toBeGreaterThan(0);
  });

  it('reports progress phase by phase up to done', async () => {
    const h = harness(portfolio(), site());
    const events: RunProgress[] = [];
    await h.sync({ onProgress: (p) => events.push(p) });
    const phases = [...new Set(events.map((e) => e.phase))];
    expect(phases).toEqual(['reading', 'planning', 'communities', 'apartments', 'family-members', 'credentials', 'done']);
    const last = events.filter((e) => e.phase === 'family-members').at(-1)!;
    expect(last).toMatchObject({ done: 3, total: 3 });
    expect(last.current).toMatch(/^Maple Court \/ Apt 10\d \/ First\d+ Last\d+ \(tenant \d\)$/);
  });

  it('progress carries step N of 7, an overall percent that never goes back, and the run\'s start time', async () => {
    const h = harness(portfolio(), site());
    const events: RunProgress[] = [];
    const r = await h.sync({ onProgress: (p) => events.push(p) });
    expect(events.every((e) => e.steps === 7 && e.startedAt === r.run.startedAt)).toBe(true);
    const steps = events.map((e) => e.step!);
    const percents = events.map((e) => e.percent!);
    expect(steps).toEqual([...steps].sort((a, b) => a - b));
    expect(percents).toEqual([...percents].sort((a, b) => a - b));
    expect(events.find((e) => e.phase === 'planning')).toMatchObject({ step: 2, percent: 10 });
    expect(events.at(-1)).toMatchObject({ phase: 'done', step: 7, percent: 100 });
    expect(events.filter((e) => e.phase === 'family-members').at(-1)!.step).toBe(5);
  });

  it('a failed Rent Manager read fails the run with the reason and touches nothing', async () => {
    const h = harness(portfolio(), site());
    h.rm.failWith = new AppError('RM_UNAVAILABLE', 'Rent Manager is down');
    const r = await h.sync();
    expect(r.run).toMatchObject({ outcome: 'failed', error: 'RM_UNAVAILABLE: Rent Manager is down' });
    expect(r.plan).toBeNull();
    expect(h.sp.writes).toBe(0);
  });

  it('stops on a subscription failure (outcome failed) after the first refused call', async () => {
    const h = harness(portfolio(), site());
    h.sp.subscriptionActive = false;
    const r = await h.sync({ concurrency: 1 });
    expect(r.run.outcome).toBe('failed');
    expect(r.run.error).toContain('SP_SUBSCRIPTION_REQUIRED');
    expect(r.applied.filter((a) => a.status === 'failed')).toHaveLength(1);
    expect(r.applied.filter((a) => a.status === 'not-run').length).toBe(r.applied.length - 1);
  });

  it('stops on an auth failure mid-run', async () => {
    const h = harness(portfolio(), site());
    let calls = 0;
    h.sp.fault = ({ write }) => {
      if (write && ++calls === 5) h.sp.authorized = false;
    };
    const r = await h.sync({ concurrency: 1 });
    expect(r.run.outcome).toBe('failed');
    expect(r.run.error).toContain('SP_UNAUTHORIZED');
    h.sp.authorized = true;
    h.sp.fault = null;
    expect((await h.sync()).run.outcome).toBe('succeeded');
    expect((await h.replan()).operations).toEqual([]);
  });

  it('records a failed operation, skips what depends on it, goes on, and the next run finishes', async () => {
    const h = harness(portfolio(), site());
    let creates = 0;
    h.sp.fault = ({ method, phase }) => {
      // The first family member (unit 101, contact 11: the PIN holder) fails; the others go through.
      if (method === 'createFamilyMember' && phase === 'before' && ++creates === 1) throw new AppError('SP_UNAVAILABLE', 'try later', { retryable: true });
    };
    const r = await h.sync({ concurrency: 1 });
    expect(r.run.outcome).toBe('partial');
    expect(r.problems.filter((p) => p.kind === 'operation-failed')).toHaveLength(1);
    expect(r.applied.find((a) => a.kind === 'set-pin' && a.target.endsWith('contact:11'))!.status).toBe('skipped');
    expect(r.run.counts.failedOperations).toBe(1);
    h.sp.fault = null;
    const again = await h.sync();
    expect(again.run.outcome).toBe('succeeded');
    expect(again.run.counts.accountsCreated).toBe(1);
    expect((await h.replan()).operations).toEqual([]);
  });

  it('a create that already happened (409 on externalRef) adopts the existing object', async () => {
    const h = harness(portfolio(), site());
    const snapshot = h.sp.snapshot();
    const p = plan(await h.rm.readSnapshot([1], h.config), snapshot, h.config, h.today);
    await applyPlan(p.operations, { runId: 'a', siteId: 's', origin: ORIGIN, smartPlus: h.sp, journal: new MemoryJournal(), snapshot });
    const before = normalize(h.sp.snapshot());
    // Same plan, same stale snapshot, another run (new idempotency keys): every create answers 409.
    const again = await applyPlan(p.operations, { runId: 'b', siteId: 's', origin: ORIGIN, smartPlus: h.sp, journal: new MemoryJournal(), snapshot });
    expect(again.applied.filter((a) => a.status !== 'done')).toEqual([]);
    expect(normalize(h.sp.snapshot())).toEqual(before);
    expect([...refCounts(h.sp.snapshot()).values()].every((n) => n === 1)).toBe(true);
  });

  it('a lost answer retried with the same idempotency key returns the first result', async () => {
    const sp = new MemorySmartPlus();
    const ref = { system: 'rentmanager' as const, customer: 'acme', location: 1, id: 'property:1' };
    const key = idempotencyKey(ORIGIN, 'create-community:x', 'run-1');
    const a = await sp.createCommunity({ name: 'A', address: null, timeZone: 'UTC', externalRef: ref }, { idempotencyKey: key });
    const b = await sp.createCommunity({ name: 'A', address: null, timeZone: 'UTC', externalRef: ref }, { idempotencyKey: key });
    expect(b.id).toBe(a.id);
    expect(idempotencyKey(ORIGIN, 'create-community:x', 'run-1')).toBe(key);
    expect(idempotencyKey(ORIGIN, 'create-community:x', 'run-2')).not.toBe(key);
    expect(idempotencyKey({ customer: 'acme', location: 2 }, 'create-community:x', 'run-1')).not.toBe(key);
  });

  it('a PIN leaving with a deleted tenant reaches the newcomer in the same run (retried after deletions)', async () => {
    const h = harness(rm([tenant(1, { pin: '2468' })]), site());
    await h.sync();
    h.rm.snapshot = rm([tenant(1, { pin: '2468', moveOut: '2026-05-31' }), tenant(2, { pin: '2468', moveIn: '2026-06-01' })]);
    const r = await h.sync();
    expect(r.run.outcome).toBe('succeeded');
    const residents = h.sp.snapshot().communities[0]!.residents.filter((x) => x.role === 'family');
    expect(residents.map((x) => [x.firstName, x.pin])).toEqual([['First21', '2468']]);
    expect((await h.replan()).operations).toEqual([]);
  });

  it('cancellation stops between operations; the next run finishes without duplicates', async () => {
    const h = harness(portfolio(), site());
    const controller = new AbortController();
    let writes = 0;
    h.sp.fault = ({ phase }) => {
      if (phase === 'after' && ++writes === 4) controller.abort();
    };
    const r = await h.sync({ signal: controller.signal, concurrency: 1 });
    expect(r.run.outcome).toBe('cancelled');
    expect(r.applied.filter((a) => a.status === 'done')).toHaveLength(4);
    expect(r.applied.filter((a) => a.status === 'not-run').length).toBeGreaterThan(0);
    h.sp.fault = null;
    const clean = harness(portfolio(), site());
    await clean.sync();
    expect((await h.sync()).run.outcome).toBe('succeeded');
    expect(normalize(h.sp.snapshot())).toEqual(normalize(clean.sp.snapshot()));
  });
});
