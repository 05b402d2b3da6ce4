import { describe, expect, it } from 'vitest';
import type { RunChange } from '../../../src-shared/domain/run-change';
import type { RunRecord } from '../../../src-shared/domain/run';
import { CSV_COLUMNS, formatChangesText, runReportCsv } from '../../../src-main/sync/report';
import { parseCsv as parse } from '../helpers/csv';

const run: RunRecord = {
  id: 'r2', siteId: 'site-1', trigger: 'scheduled', dryRun: false, startedAt: '2026-06-02T07:00:00Z', endedAt: '2026-06-02T07:01:00Z', outcome: 'succeeded',
  counts: { communities: 0, apartments: 0, accountsCreated: 0, accountsUpdated: 1, accountsDeleted: 1, credentialsSet: 1, credentialsRemoved: 0, failedOperations: 0 },
  problemCount: 0, heldBackCount: 0, error: null,
};

function change(over: Partial<RunChange>): RunChange {
  return {
    runId: 'r2', seq: 1, siteId: 'site-1', at: '2026-06-02T07:00:30Z', status: 'applied', opId: 'op', kind: 'delete-family-member', action: 'account-deleted',
    target: 't', communityRef: 'c', ref: null, objectId: 'res-1', apartmentId: 'apt-1', property: 'Maple Court', propertyId: 1, unit: 'Apt 102', unitId: 102,
    person: 'Jane Doe (tenant 2)', applicantType: 'Primary', tenantId: 2, contactId: 21, fields: [], why: 'Moved out on 2026-06-01.', before: null, after: null,
    error: null, pinKept: false, ...over,
  };
}

describe('a run report with its changes (issue 15)', () => {
  const changes = [
    change({ seq: 1, fields: [{ field: 'name', old: 'Jane Doe', new: null }] }),
    // A PIN that slipped into a field in clear is masked by the report anyway.
    change({ seq: 2, kind: 'set-pin', action: 'pin-changed', fields: [{ field: 'PIN', old: '2468', new: '8642' }], why: 'New PIN in Rent Manager.', pinKept: true }),
    change({ seq: 3, kind: 'update-family-member', action: 'account-updated', fields: [{ field: 'email', old: '=HYPERLINK("x")', new: 'b@x.com' }], why: 'E-mail changed in Rent Manager.' }),
  ];

  it('CSV: one change line per change, old and new per field, PINs masked, formulas defused', () => {
    const csv = runReportCsv(run, [], [], changes);
    const rows = parse(csv) as string[][];
    const col = (name: (typeof CSV_COLUMNS)[number]) => CSV_COLUMNS.indexOf(name);
    const lines = rows.filter((r) => r[col('record')] === 'change');
    expect(lines).toHaveLength(3);
    expect(lines.map((r) => [r[col('kind')], r[col('severity')], r[col('unit')], r[col('tenant_id')], r[col('contact_id')], r[col('applicant_type')]])).toEqual([
      ['account-deleted', 'applied', 'Apt 102', '2', '21', 'Primary'],
      ['pin-changed', 'applied', 'Apt 102', '2', '21', 'Primary'],
      ['account-updated', 'applied', 'Apt 102', '2', '21', 'Primary'],
    ]);
    expect(lines[0]![col('reason')]).toBe('Moved out on 2026-06-01.');
    expect([lines[1]![col('old')], lines[1]![col('new')]]).toEqual(['••••', '••••']);
    expect(lines[2]![col('old')]).toBe(`'=HYPERLINK("x")`);
    expect(lines[2]![col('new')]).toBe('b@x.com');
    expect(csv).not.toMatch(/2468|8642/);
  });

  it('text: the CLI table lists what, who, old → new and why, PINs masked', () => {
    const text = formatChangesText(changes);
    expect(text).toContain('Account deleted');
    expect(text).toContain('Moved out on 2026-06-01.');
    expect(text).toContain('PIN: •••• → ••••');
    expect(text).not.toMatch(/2468|8642/);
  });
});
