import { describe, expect, it } from 'vitest';
import { openLocalDb } from '../../../src-main/db/local-db';
import { createHistoryService } from '../../../src-main/features/history-service';
import { silentLogger } from '../../../src-main/logging/logger';
import { EphemeralSecretStore } from '../../../src-main/secrets/ephemeral-secret-store';
import type { Problem } from '../../../src-shared/domain/run';

// Issue 15 "Keep history bounded": runs, problems and journal entries older than the setting
// (default 400 days) are pruned at start, in a transaction; the run list says how far back it goes.
const NOW = new Date('2026-12-02T12:00:00Z');
const daysAgo = (d: number) => new Date(NOW.getTime() - d * 86_400_000).toISOString();
const problem: Problem = { kind: 'missing-email', severity: 'warning', propertyId: 1, unitId: 2, tenantId: 3, contactId: 4, subject: 'Jane', field: 'email', value: null, reason: 'No e-mail.' };

async function historyDb() {
  const db = await openLocalDb(':memory:', new EphemeralSecretStore());
  const run = (id: string, age: number, finished = true) => {
    const r = db.runs.startRun({ id, siteId: 's1', trigger: 'scheduled', dryRun: false, startedAt: daysAgo(age) });
    db.runs.addProblems(id, [problem]);
    if (finished) db.runs.finishRun(id, { outcome: 'succeeded', endedAt: daysAgo(age), counts: r.counts });
  };
  run('ancient', 900);
  run('old', 401);
  run('kept', 399);
  run('today', 0);
  run('stuck-running', 500, false);
  return db;
}

describe('history retention', () => {
  it('prunes finished runs older than 400 days with their problems, keeps the rest, and says how far back it goes', async () => {
    const db = await historyDb();
    const history = createHistoryService({ db, preferences: { get: () => ({}) as never }, now: () => NOW, log: silentLogger });
    expect(history.prune()).toBe(2);
    const left = (await db.runs.listRuns()).map((r) => r.id).sort();
    expect(left).toEqual(['kept', 'stuck-running', 'today']);
    expect(await db.runs.listProblems('old')).toEqual([]);
    expect(await db.runs.listProblems('kept')).toHaveLength(1);
    expect(history.getRange()).toEqual({ keepDays: 400, oldestRunAt: daysAgo(500) });
    expect(history.prune()).toBe(0);
    db.close();
  });

  it('follows the kept-days setting', async () => {
    const db = await historyDb();
    const history = createHistoryService({ db, preferences: { get: () => ({ keepHistoryDays: 30 }) as never }, now: () => NOW, log: silentLogger });
    expect(history.prune()).toBe(3);
    expect((await db.runs.listRuns()).map((r) => r.id).sort()).toEqual(['stuck-running', 'today']);
    expect(history.getRange().keepDays).toBe(30);
    db.close();
  });
});
