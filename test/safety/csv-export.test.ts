import { describe, expect, it } from 'vitest';
import { csvCell, CSV_COLUMNS, defuseCell, runReportCsv } from '../../src-main/sync/report';
import { EMPTY_COUNTS, type Problem, type RunRecord } from '../../src-shared/domain/run';

const HOSTILE = "-1+cmd|' /C calc'!A0";

const DEFUSED = [
  HOSTILE,
  '=1+1',
  '=HYPERLINK("https://evil.example","click")',
  '+1 555 0100',
  '+SUM(A1:A9)',
  '-2+3',
  '-12.5+1',
  '-1e3',
  '@SUM(A1)',
  '\t=1+1',
  '\r=1+1',
  '-',
  '+',
  '=',
];
const LEFT_AS_IS = ['-12.5', '-12', '0', '42', '3.14', 'plain text', 'Ann Lee', '1-800-FLOWERS', '', "O'Brien", 'a=b'];

describe('CSV: formula cells are defused unless the whole cell is a plain number', () => {
  it.each(DEFUSED)('defuses %j', (cell) => {
    expect(defuseCell(cell)).toBe(`'${cell}`);
  });
  it.each(LEFT_AS_IS)('leaves %j as it is', (cell) => {
    expect(defuseCell(cell)).toBe(cell);
  });
  it('quotes what CSV needs quoted (comma, quote, line break, edge space) after defusing', () => {
    expect(csvCell('=a,b')).toBe(`"'=a,b"`);
    expect(csvCell('x\ny')).toBe('"x\ny"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
  });
});

describe('CSV: a hostile value typed into Rent Manager reaches the report defused', () => {
  const run: RunRecord = {
    id: '0b7e2f0c-4a1e-4d5c-9a51-6f4a2b1c3d4e', siteId: 'site-1', trigger: 'manual', dryRun: false, startedAt: '2026-06-01T07:00:00Z', endedAt: '2026-06-01T07:01:00Z',
    outcome: 'succeeded', counts: EMPTY_COUNTS, problemCount: 2, heldBackCount: 0, error: null,
  };
  const problems: Problem[] = [
    { kind: 'invalid-rf-card', severity: 'error', propertyId: 4, unitId: 12, tenantId: 7, contactId: null, subject: `${HOSTILE} (tenant 7)`, field: 'rfCard', value: HOSTILE, reason: 'only digits 0-9 and letters A-F are allowed' },
    { kind: 'missing-email', severity: 'warning', propertyId: 4, unitId: 12, tenantId: 8, contactId: 81, subject: '@SUM(1+1)*cmd', field: 'email', value: '-12.5', reason: 'no e-mail' },
  ];
  const csv = runReportCsv(run, problems, []);
  const lines = csv.split('\r\n');

  it('every hostile cell starts with an apostrophe; a plain negative number does not', () => {
    expect(lines[0]).toBe(CSV_COLUMNS.join(','));
    expect(lines[2]!.split(',')).toEqual(expect.arrayContaining([`'${HOSTILE} (tenant 7)`, `'${HOSTILE}`]));
    expect(lines[3]!.split(',')).toEqual(expect.arrayContaining([`'@SUM(1+1)*cmd`, '-12.5']));
    expect(csv).not.toMatch(new RegExp(`(^|,)${HOSTILE.replace(/[|+()'!]/g, '\\$&')}`, 'm'));
  });
});
