import { describe, expect, it } from 'vitest';
import type { Problem, RunRecord } from '../../../src-shared/domain/run';
import { CSV_COLUMNS, csvCell, formatPlanText, formatRunText, runReportCsv } from '../../../src-main/sync/report';
import { harness } from './fixtures/harness';
import { parseCsv } from '../helpers/csv';
import { rm, site, tenant } from './fixtures/world';

const run: RunRecord = {
  id: 'run-1', siteId: 'site-1', trigger: 'manual', dryRun: false, startedAt: '2026-06-01T07:00:00Z', endedAt: '2026-06-01T07:01:00Z',
  outcome: 'partial', counts: { communities: 1, apartments: 2, accountsCreated: 3, accountsUpdated: 0, accountsDeleted: 0, credentialsSet: 1, credentialsRemoved: 0, failedOperations: 1 },
  problemCount: 2, heldBackCount: 0, error: null,
};
const problems: Problem[] = [
  { kind: 'invalid-pin', severity: 'error', propertyId: 1, unitId: null, tenantId: 7, contactId: null, subject: 'Doe, "Jay"\nJr (tenant 7)', field: 'pin', value: '9123', reason: 'a PIN must not start with 9' },
  { kind: 'missing-email', severity: 'warning', propertyId: 1, unitId: 101, tenantId: 7, contactId: 71, subject: '=HYPERLINK("x")', field: 'email', value: null, reason: 'no e-mail' },
];

describe('run report', () => {
  it('exports CSV with a header, a run line and a line per problem, quoted and round-tripping', () => {
    const rows = parseCsv(runReportCsv(run, problems, []));
    expect(rows[0]).toEqual([...CSV_COLUMNS]);
    expect(rows).toHaveLength(4);
    expect(rows.every((r) => r.length === CSV_COLUMNS.length)).toBe(true);
    const col = (name: (typeof CSV_COLUMNS)[number]) => CSV_COLUMNS.indexOf(name);
    expect(rows[1]![col('record')]).toBe('run');
    expect(rows[1]![col('reason')]).toContain('accountsCreated=3');
    expect(rows[2]![col('subject')]).toBe('Doe, "Jay"\nJr (tenant 7)');
    expect(rows[3]![col('subject')]).toBe('\'=HYPERLINK("x")');
  });

  it('never writes a PIN in clear, even if a caller passed one', () => {
    const csv = runReportCsv(run, problems, []);
    expect(csv).not.toContain('9123');
    expect(csv).toContain('••••');
  });

  it('lists held-back deletions, and the human text shows them with the billing line', async () => {
    const h = harness(rm(Array.from({ length: 10 }, (_, i) => tenant(100 + i))), site());
    await h.sync();
    h.rm.snapshot = rm([]);
    const r = await h.sync();
    const rows = parseCsv(runReportCsv(r.run, r.problems, r.heldBack));
    expect(rows.filter((x) => x[0] === 'held-back')).toHaveLength(10);
    const text = formatRunText(r);
    expect(text).toContain('HELD-BACK');
    expect(text).toContain('Held-back deletions (10)');
    expect(text).toMatch(/Billing: \d+ apartment/);
  });

  it('the billing line says "1 apartment" and "2 apartments", never "apartment(s)" (issue 16)', async () => {
    const h = harness(rm([tenant(1)]), site());
    const r = await h.sync({ dryRun: true });
    const withBilling = (apartmentsToActivate: number, familyMembersOverAllowance: number) =>
      formatRunText({ ...r, plan: { ...r.plan!, summary: { ...r.plan!.summary, billing: { ...r.plan!.summary.billing, apartmentsToActivate, familyMembersOverAllowance } } } });
    const one = withBilling(1, 1);
    expect(one).toContain('Billing: 1 apartment to activate; 1 family member over the free allowance');
    const two = withBilling(2, 0);
    expect(two).toContain('Billing: 2 apartments to activate; 0 family members over the free allowance');
    expect(one + two).not.toContain('(s)');
  });

  it('the plan text masks PINs', async () => {
    const h = harness(rm([tenant(1, { pin: '2468' })]), site());
    const r = await h.sync({ dryRun: true });
    const text = formatPlanText(r.plan!);
    expect(text).toContain('set-pin');
    expect(text).not.toContain('2468');
  });

  it('quotes only what needs it', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell(' lead')).toBe('" lead"');
    expect(csvCell('-12')).toBe('-12');
    expect(csvCell('+1 555')).toBe("'+1 555");
  });
});
