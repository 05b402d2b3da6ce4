import { describe, expect, it } from 'vitest';
import type { SmartPlusSnapshot } from '../../../src-shared/domain/smartplus';
import { runUndo } from '../../../src-main/sync/undo/run-undo';
import { harness, normalize, type Harness } from './fixtures/harness';
import { contact, occupant, rm, site, tenant, units } from './fixtures/world';

// Issue 15, "Undo a run": the inverse of what a run applied, planned against SmartPlus as it is
// now and applied with the same guards; objects changed since are left and listed; undoing the
// undo redoes the run.
const day1 = () =>
  rm([
    tenant(1, { pin: '2468', rf: '0a1b', contacts: [contact(11, 1), occupant(12, 1)] }),
    tenant(2, { unit: 102, pin: '1357', rf: 'beef' }),
    tenant(3, { unit: 103, pin: '3999' }),
  ]);
// Next day: tenant 2 moved out, tenant 1 has a new PIN and contact 11 a new e-mail, unit 104 is new with tenant 4.
const day2 = () =>
  rm([
    tenant(1, { pin: '8642', rf: '0a1b', contacts: [contact(11, 1, { email: 'new11@example.com' }), occupant(12, 1)] }),
    tenant(2, { unit: 102, pin: '1357', rf: 'beef', moveOut: '2026-06-01' }),
    tenant(3, { unit: 103, pin: '3999' }),
    tenant(4, { unit: 104, pin: '5555' }),
  ], { units: units([101, 102, 103, 104]) });

// Family members only: the new unit's apartment (and its main account) stays, listed as kept.
const residents = (s: SmartPlusSnapshot) => (normalize(s) as { residents: { role: string }[] }[])[0]!.residents.filter((r) => r.role === 'family');

let n = 0;
const undo = (h: Harness, runId: string, extra: { dryRun?: boolean; allowMassChange?: boolean } = {}) =>
  runUndo({ runId, site: { id: 'site-1' }, ports: { smartPlus: h.sp, journal: h.journal, runs: h.runs }, clock: () => new Date('2026-06-02T09:00:00Z'), newRunId: () => `undo-${++n}`, ...extra });

async function importThenNextDay() {
  const h = harness(day1(), site(), '2026-06-01');
  await h.sync();
  const afterImport = h.sp.snapshot();
  h.rm.snapshot = day2();
  h.today = '2026-06-02';
  const second = await h.sync();
  expect(second.run.counts).toMatchObject({ accountsDeleted: 1, accountsUpdated: 1, accountsCreated: 1 });
  return { h, afterImport, afterSecond: h.sp.snapshot(), second };
}

describe('undo a run (issue 15)', () => {
  it('restores the state after the import: deleted member re-created with its PIN and card, PIN and e-mail back, new account deleted', async () => {
    const { h, afterImport, second } = await importThenNextDay();
    const preview = await undo(h, second.run.id, { dryRun: true });
    expect(preview.run).toBeNull();
    expect(h.sp.snapshot()).toEqual(h.sp.snapshot());
    expect(preview.plan.operations.map((op) => op.kind).sort()).toEqual(['create-family-member', 'delete-family-member', 'set-pin', 'set-pin', 'set-rf-cards', 'update-family-member']);
    // The new apartment stays (SiteSync never deletes apartments) and the report says so.
    expect(preview.plan.problems).toMatchObject([{ kind: 'not-undone', severity: 'info', subject: 'Apt 104' }]);

    const result = await undo(h, second.run.id);
    expect(result.run).toMatchObject({ trigger: 'undo', undoOf: second.run.id, outcome: 'succeeded' });
    expect(residents(h.sp.snapshot())).toEqual(residents(afterImport));
    const recreated = h.sp.snapshot().communities[0]!.residents.find((r) => r.firstName === 'First21')!;
    expect(recreated).toMatchObject({ email: 'c21@example.com', pin: '1357', rfCards: ['BEEF'], sameAccessAsMaster: false });
    expect(await h.runs.getRun(result.run!.id)).toMatchObject({ undoOf: second.run.id });
  });

  it('undo of the undo redoes the run', async () => {
    const { h, afterSecond, second } = await importThenNextDay();
    const first = await undo(h, second.run.id);
    const redo = await undo(h, first.run!.id);
    expect(redo.run).toMatchObject({ trigger: 'undo', undoOf: first.run!.id, outcome: 'succeeded' });
    expect(residents(h.sp.snapshot())).toEqual(residents(afterSecond));
  });

  it('leaves objects changed since and lists them; undoes the rest', async () => {
    const { h, afterImport, second } = await importThenNextDay();
    const state = h.sp.snapshot().communities[0]!;
    const primary = state.residents.find((r) => r.firstName === 'First11')!;
    await h.sp.updateResident(primary.id, { phone: '555-0100' }); // typed by hand after the run
    await h.sp.updateResident(primary.id, { email: 'typed-by-hand@example.com' });
    const result = await undo(h, second.run.id);
    expect(result.plan.problems.filter((p) => p.kind === 'not-undone' && p.severity === 'warning')).toMatchObject([
      { contactId: 11, reason: expect.stringMatching(/^Changed since; not undone: email, phone changed after the run/) },
    ]);
    const now = h.sp.snapshot().communities[0]!.residents.find((r) => r.id === primary.id)!;
    expect(now).toMatchObject({ email: 'typed-by-hand@example.com', pin: '8642' });
    // Everything else is back as after the import.
    const others = (s: SmartPlusSnapshot) => (residents(s) as unknown as { first: string }[]).filter((r) => r.first !== 'First11');
    expect(others(h.sp.snapshot())).toEqual(others(afterImport));
  });

  it('a value now held by someone else is reported, not taken', async () => {
    const { h, second } = await importThenNextDay();
    const state = h.sp.snapshot().communities[0]!;
    const other = state.residents.find((r) => r.firstName === 'First31')!;
    await h.sp.setPin(other.id, '1357'); // the departed tenant's PIN went to tenant 3 meanwhile
    await h.sp.setRfCards(other.id, ['BEEF']);
    // Tenant 3's own change is not part of run 2, so it is not "changed since"; the conflicts are reported.
    const result = await undo(h, second.run.id);
    expect(result.plan.problems.map((p) => p.kind).sort()).toEqual(['duplicate-pin', 'duplicate-rf-card', 'not-undone']);
    const after = h.sp.snapshot().communities[0]!.residents;
    expect(after.find((r) => r.firstName === 'First21')).toMatchObject({ pin: null, rfCards: [] });
    expect(after.find((r) => r.id === other.id)).toMatchObject({ pin: '1357', rfCards: ['BEEF'] });
    expect(JSON.stringify(result.plan.problems)).not.toContain('1357');
  });

  it('holds back a mass deletion (undo of an import) until confirmed', async () => {
    const many = rm(Array.from({ length: 12 }, (_, i) => tenant(i + 1, { unit: 101 + (i % 3) })));
    const h = harness(many, site(), '2026-06-01');
    const imported = await h.sync();
    const held = await undo(h, imported.run.id);
    expect(held.run).toMatchObject({ outcome: 'held-back', heldBackCount: 12 });
    expect(h.sp.snapshot().communities[0]!.residents.filter((r) => r.role === 'family')).toHaveLength(12);
    expect(held.plan.problems.some((p) => p.kind === 'held-back-deletion')).toBe(true);
    const confirmed = await undo(h, imported.run.id, { allowMassChange: true });
    expect(confirmed.run).toMatchObject({ outcome: 'succeeded', counts: { accountsDeleted: 12 } });
    expect(h.sp.snapshot().communities[0]!.residents.filter((r) => r.role === 'family')).toHaveLength(0);
  });

  it('refuses a preview run and a run of another site', async () => {
    const h = harness(day1(), site(), '2026-06-01');
    const dry = await h.sync({ dryRun: true });
    await expect(undo(h, dry.run.id)).rejects.toThrow(/preview/);
    const real = await h.sync();
    await expect(runUndo({ runId: real.run.id, site: { id: 'other' }, ports: { smartPlus: h.sp, journal: h.journal, runs: h.runs } })).rejects.toThrow(/another site/);
  });
});
