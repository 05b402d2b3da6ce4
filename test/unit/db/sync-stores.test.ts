import { describe, expect, it } from 'vitest';
import { EMPTY_COUNTS, type RunRecord } from '../../../src-shared/domain/run';
import type { HeldBackDeletion } from '../../../src-shared/domain/sync-plan';
import type { JournalEntry } from '../../../src-main/sync/ports';
import { dbWithSite } from './fixtures';

const run = (over: Partial<RunRecord> = {}): RunRecord => ({
  id: 'r1',
  siteId: 'site-1',
  trigger: 'scheduled',
  dryRun: false,
  startedAt: '2026-11-27T07:00:00Z',
  endedAt: null,
  outcome: 'running',
  counts: EMPTY_COUNTS,
  problemCount: 0,
  heldBackCount: 0,
  error: null,
  ...over,
});

const entry = (over: Partial<JournalEntry>): JournalEntry => ({
  runId: 'r1',
  opId: 'create-apartment:rentmanager:acme:1:unit:5',
  kind: 'create-apartment',
  target: 'rentmanager:acme:1:unit:5',
  state: 'started',
  at: '2026-11-27T07:00:01Z',
  objectId: null,
  error: null,
  ...over,
});

const heldBack: HeldBackDeletion = {
  reason: 'would delete 12 of 40 family members',
  operation: {
    id: 'delete-family-member:x',
    communityRef: 'rentmanager:acme:1:property:12',
    target: 'rentmanager:acme:1:unit:5/contact:9',
    display: { propertyId: 12, property: 'Maple Court', unitId: 5, unit: '101', tenantId: 7, contactId: 9, person: 'Jane Doe (tenant 7)' },
    kind: 'delete-family-member',
    residentId: 'res-9',
    reason: 'moved out 2026-11-20',
  },
};

describe('RunsRepo as the run store and DbJournal (the engine ports)', () => {
  it('inserts and replaces run records, problems and held-back deletions', async () => {
    const local = await dbWithSite();
    await local.runs.saveRun(run());
    await local.runs.saveRun(run({ outcome: 'held-back', endedAt: '2026-11-27T07:03:00Z', problemCount: 1, heldBackCount: 1 }));
    const problem = { kind: 'missing-email' as const, severity: 'warning' as const, propertyId: 12, unitId: 5, tenantId: 7, contactId: 9, subject: 'Jane', field: 'email', value: null, reason: 'no e-mail' };
    await local.runs.saveProblems('r1', [problem, problem]);
    await local.runs.saveProblems('r1', [problem]);
    await local.runs.saveHeldBack('r1', [heldBack]);
    expect(await local.runs.getRun('r1')).toMatchObject({ outcome: 'held-back', problemCount: 1, heldBackCount: 1 });
    expect(await local.runs.listProblems('r1')).toEqual([problem]);
    expect(await local.runs.listHeldBack('r1')).toEqual([heldBack]);
    await local.runs.saveHeldBack('r1', []);
    expect(await local.runs.listHeldBack('r1')).toEqual([]);
    expect((await local.runs.listRuns('site-1')).map((r) => r.id)).toEqual(['r1']);
    expect((await local.runs.listRuns()).map((r) => r.id)).toEqual(['r1']);
    expect(await local.runs.getRun('nope')).toBeNull();
  });

  it('journals entries in order and reads them back whole', async () => {
    const local = await dbWithSite();
    await local.runs.saveRun(run());
    const started = entry({});
    const done = entry({ state: 'succeeded', objectId: 'apt-5', at: '2026-11-27T07:00:02Z' });
    const failed = entry({ opId: 'x', state: 'failed', error: { code: 'SP_UNAVAILABLE', message: 'down' } });
    for (const e of [started, done, failed]) await local.journal.record(e);
    expect(await local.journal.list('r1')).toEqual([started, done, failed]);
    expect(await local.journal.list('other')).toEqual([]);
    expect(local.runs.latestStatusByKey('site-1').get(started.opId)).toBe('succeeded');
  });
});
