import { describe, expect, it } from 'vitest';
import type { RunRecord, RunTrigger } from '../../../src-shared/domain/run';
import type { Schedule } from '../../../src-shared/domain/schedule';
import { runDuePass } from '../../../src-main/cli/run-due-command';

// Issue 14: `run-due` after a missed 07:00 UTC slot runs each due site exactly once — also on
// and around both 2026 DST changes (US: Mar 8, Nov 1; EU: Mar 29, Oct 25). An injected clock
// walks the year; the OS task (or a person) calls run-due several times a day.

/** A site history and a runner that records what run-due started, driven by a movable clock. */
function world(siteIds: string[], firstRun: string) {
  let now = new Date(firstRun);
  const memory = new Map<string, string>();
  const runs: { siteId: string; at: Date; trigger: RunTrigger }[] = siteIds.map((siteId) => ({ siteId, at: new Date(firstRun), trigger: 'import' }));
  const record = (siteId: string, trigger: RunTrigger): RunRecord => {
    runs.push({ siteId, at: now, trigger });
    return {
      id: `run-${runs.length}`, siteId, trigger, dryRun: false, startedAt: now.toISOString(), endedAt: now.toISOString(), outcome: 'succeeded',
      counts: { communities: 1, apartments: 0, accountsCreated: 0, accountsUpdated: 0, accountsDeleted: 0, credentialsSet: 0, credentialsRemoved: 0, failedOperations: 0 },
      problemCount: 0, heldBackCount: 0, error: null,
    };
  };
  return {
    runs,
    setNow: (iso: Date) => (now = iso),
    pass: (schedule: Schedule) =>
      runDuePass({
        now: () => now,
        schedule,
        siteIds,
        lastFullRun: (siteId) => runs.filter((r) => r.siteId === siteId).at(-1)?.at ?? null,
        isRunning: () => false,
        memory: { get: (k) => memory.get(k) ?? null, set: (k, v) => void memory.set(k, v) },
        runFull: async (siteId, trigger) => record(siteId, trigger),
        runLight: async () => null,
        trigger: 'os-schedule',
      }),
  };
}

const DAY = 24 * 3600_000;
const days = (from: string, to: string) => {
  const out: string[] = [];
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= Date.parse(`${to}T00:00:00Z`); t += DAY) out.push(new Date(t).toISOString().slice(0, 10));
  return out;
};

describe('run-due across the 2026 DST changes', () => {
  it('07:00 UTC: the machine is off at 07:00; each call after it runs every site exactly once that day, none before', async () => {
    const w = world(['oak', 'elm', 'pine'], '2026-02-28T07:05:00Z');
    const calendar = days('2026-03-01', '2026-11-10');
    for (const day of calendar) {
      // 06:30: before the slot (yesterday's slot is done) · 09:15 booted, log-on task · 09:20 a person · 23:00 again.
      for (const time of ['06:30', '09:15', '09:20', '23:00']) {
        w.setNow(new Date(`${day}T${time}:00Z`));
        await w.pass({ time: '07:00', zone: 'UTC', lightSyncMinutes: null });
      }
    }
    const made = w.runs.filter((r) => r.trigger === 'os-schedule');
    expect(made).toHaveLength(calendar.length * 3);
    for (const day of calendar) {
      const that = made.filter((r) => r.at.toISOString().startsWith(day));
      expect(that.map((r) => `${r.siteId}@${r.at.toISOString().slice(11, 16)}`).sort(), day).toEqual(['elm@09:15', 'oak@09:15', 'pine@09:15']);
    }
    // The DST days themselves, spelled out.
    for (const day of ['2026-03-08', '2026-03-29', '2026-10-25', '2026-11-01']) {
      expect(made.filter((r) => r.at.toISOString().startsWith(day))).toHaveLength(3);
    }
  });

  it('a missed slot made up days later runs once, not once per missed day', async () => {
    const w = world(['oak'], '2026-03-06T07:01:00Z');
    // Off from Mar 6 after the run until Mar 9 (across the US change): three slots missed.
    w.setNow(new Date('2026-03-09T12:00:00Z'));
    const first = await w.pass({ time: '07:00', zone: 'UTC', lightSyncMinutes: null });
    expect(first.outcomes.map((o) => o.siteId)).toEqual(['oak']);
    w.setNow(new Date('2026-03-09T12:05:00Z'));
    const second = await w.pass({ time: '07:00', zone: 'UTC', lightSyncMinutes: null });
    expect(second.outcomes).toEqual([]);
    expect(second.skipped[0]!.why).toMatch(/already ran for the 2026-03-09T07:00:00.000Z slot/);
  });

  it('03:00 America/New_York moves with DST in UTC: 07:00 UTC in summer, 08:00 UTC in winter', async () => {
    const w = world(['oak'], '2026-03-05T08:05:00Z');
    const schedule: Schedule = { time: '03:00', zone: 'America/New_York', lightSyncMinutes: null };
    for (const day of days('2026-03-06', '2026-03-10').concat(days('2026-10-29', '2026-11-03'))) {
      for (const time of ['07:30', '08:30']) {
        w.setNow(new Date(`${day}T${time}:00Z`));
        await w.pass(schedule);
      }
    }
    const at = w.runs.filter((r) => r.trigger === 'os-schedule').map((r) => r.at.toISOString().slice(0, 16));
    expect(at).toEqual([
      '2026-03-06T08:30', '2026-03-07T08:30', '2026-03-08T07:30', '2026-03-09T07:30', '2026-03-10T07:30', // EST → EDT on Mar 8
      '2026-10-29T07:30', '2026-10-30T07:30', '2026-10-31T07:30', '2026-11-01T08:30', '2026-11-02T08:30', '2026-11-03T08:30', // EDT → EST on Nov 1
    ]);
  });
});
