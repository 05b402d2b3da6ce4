import { describe, expect, it } from 'vitest';
import { AppError } from '../../../src-shared/errors';
import { confirmHeldBack } from '../../../src-main/sync/held-back';
import { harness } from './fixtures/harness';
import { community, rm, site, tenant } from './fixtures/world';

const twenty = () => Array.from({ length: 20 }, (_, i) => tenant(100 + i, { unit: 101 + (i % 3) }));
const family = (h: ReturnType<typeof harness>) => h.sp.snapshot().communities.flatMap((c) => c.residents).filter((r) => r.role === 'family');

describe('guards through the whole engine (spec §6)', () => {
  it('mass deletion is held back, everything else applies, and confirmHeldBack deletes them once', async () => {
    const h = harness(rm(twenty()), site());
    await h.sync();
    h.rm.snapshot = rm([...twenty().slice(7), tenant(1)]);
    const held = await h.sync();
    expect(held.run.outcome).toBe('held-back');
    expect(held.heldBack).toHaveLength(7);
    expect(held.run.heldBackCount).toBe(7);
    expect(family(h)).toHaveLength(21);
    expect(held.problems.some((p) => p.kind === 'held-back-deletion')).toBe(true);

    const confirm = { runId: held.run.id, site: { id: 'site-1' }, config: h.config, ports: { rentManager: h.rm, smartPlus: h.sp, journal: h.journal, runs: h.runs }, today: h.today };
    const done = await confirmHeldBack(confirm);
    expect(done.run).toMatchObject({ outcome: 'succeeded', trigger: 'manual' });
    expect(done.confirmed).toHaveLength(7);
    expect(done.run.counts.accountsDeleted).toBe(7);
    expect(family(h)).toHaveLength(14);
    expect(await h.runs.listHeldBack(held.run.id)).toEqual([]);
    await expect(confirmHeldBack(confirm)).rejects.toThrow(AppError);
    expect((await h.replan()).operations).toEqual([]);
  });

  it('allowMassDelete applies the deletions in the same run', async () => {
    const h = harness(rm(twenty()), site());
    await h.sync();
    h.rm.snapshot = rm(twenty().slice(7));
    const r = await h.sync({ allowMassDelete: true });
    expect(r.run.outcome).toBe('succeeded');
    expect(family(h)).toHaveLength(13);
  });

  it('an empty Rent Manager read never locks the building out; a confirmation after recovery deletes nothing', async () => {
    const h = harness(rm([tenant(1), tenant(2, { unit: 102 })]), site());
    await h.sync();
    h.rm.snapshot = rm([]);
    const r = await h.sync();
    expect(r.run.outcome).toBe('held-back');
    expect(family(h)).toHaveLength(2);
    h.rm.snapshot = rm([tenant(1), tenant(2, { unit: 102 })]);
    const c = await confirmHeldBack({ runId: r.run.id, site: { id: 'site-1' }, config: h.config, ports: { rentManager: h.rm, smartPlus: h.sp, journal: h.journal, runs: h.runs }, today: h.today });
    expect(c.confirmed).toEqual([]);
    expect(c.dropped).toHaveLength(2);
    expect(family(h)).toHaveLength(2);
  });

  it('a failed property read deletes nothing and removes no credential', async () => {
    const h = harness(rm([tenant(1, { pin: '2468' }), tenant(2, { unit: 102 })]), site());
    await h.sync();
    h.rm.snapshot = rm([tenant(1)], { failedProperties: [{ propertyId: 1, reason: 'HTTP 500 on page 2' }] });
    const r = await h.sync();
    // Spec §6 / issue 12: a run whose deletions were frozen by a failed read is partial, never succeeded.
    expect(r.run.outcome).toBe('partial');
    expect(r.applied).toEqual([]);
    expect(r.problems.map((p) => p.kind)).toEqual(['property-read-failed']);
    expect(family(h).map((x) => x.pin).sort()).toEqual(['2468', null]);
  });

  it('hand-made accounts and masters survive every run untouched', async () => {
    const h = harness(rm([tenant(1)]), site());
    const seeded = community({ residents: [{ unit: 101, contact: null, first: 'Hand', last: 'Made', pin: '5555' }] });
    h.sp.seed(seeded);
    h.rm.snapshot = rm([]);
    await h.sync({ allowMassDelete: true });
    const after = h.sp.snapshot().communities[0]!.residents;
    expect(after).toEqual(seeded.residents);
  });

  it('over the family-member limit: reported, not created, and the run still succeeds', async () => {
    const many = tenant(1, { contacts: Array.from({ length: 12 }, (_, i) => ({ id: 11 + i, tenantId: 1, firstName: `F${i}`, lastName: 'L', email: 'x@example.com', phone: null, applicantType: i ? 'Occupant' : 'Primary', isPrimary: i === 0 })) });
    const h = harness(rm([many]), site());
    const r = await h.sync();
    expect(r.run.outcome).toBe('succeeded');
    expect(family(h)).toHaveLength(10);
    expect(r.problems.filter((p) => p.kind === 'over-family-limit')).toHaveLength(2);
    expect((await h.replan()).operations).toEqual([]);
  });
});
