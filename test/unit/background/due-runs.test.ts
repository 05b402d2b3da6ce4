import { describe, expect, it } from 'vitest';
import { DateTime } from 'luxon';
import { DEFAULT_SCHEDULE, type Schedule } from '../../../src-shared/domain/schedule';
import { decideDueRuns, type SiteDueState } from '../../../src-main/background/due-runs';

const d = (iso: string) => new Date(iso);
const site = (siteId: string, lastFullRun: string | null, extra: Partial<SiteDueState> = {}): SiteDueState => ({
  siteId,
  lastFullRun: lastFullRun ? d(lastFullRun) : null,
  ...extra,
});

describe('decideDueRuns', () => {
  it('makes a missed slot up once, however many slots the machine slept through', () => {
    const decision = decideDueRuns({
      schedule: DEFAULT_SCHEDULE,
      sites: [site('a', '2026-06-01T07:00:00Z'), site('b', '2026-06-04T07:00:05Z')],
      now: d('2026-06-04T09:30:00Z'),
      reason: 'resume',
      neverRunIsDue: false,
    });
    expect(decision.runs).toEqual([{ siteId: 'a', kind: 'full', slot: d('2026-06-04T07:00:00Z').getTime(), why: 'missed the 2026-06-04T07:00:00.000Z slot' }]);
    expect(decision.skipped).toEqual([{ siteId: 'b', why: 'already ran for the 2026-06-04T07:00:00.000Z slot' }]);
  });

  it('a slot already attempted is not started again; only an offline failure is retried when the network is back', () => {
    const slot = d('2026-06-04T07:00:00Z').getTime();
    const input = {
      schedule: DEFAULT_SCHEDULE,
      now: d('2026-06-04T09:30:00Z'),
      neverRunIsDue: false,
      sites: [site('off', '2026-06-03T07:00:00Z', { attemptedSlot: slot, lastAttemptOffline: true }), site('err', '2026-06-03T07:00:00Z', { attemptedSlot: slot })],
    };
    expect(decideDueRuns({ ...input, reason: 'resume' }).runs).toEqual([]);
    expect(decideDueRuns({ ...input, reason: 'network-back' }).runs.map((r) => r.siteId)).toEqual(['off']);
    // An attempt at an older slot does not block the newer one.
    const older = decideDueRuns({ ...input, reason: 'resume', sites: [site('x', '2026-06-02T07:00:00Z', { attemptedSlot: slot - 86_400_000 })] });
    expect(older.runs).toMatchObject([{ siteId: 'x', kind: 'full', slot }]);
  });

  it('a site that never ran is due for run-due, not for the app; a running site is left alone', () => {
    const base = { schedule: DEFAULT_SCHEDULE, now: d('2026-06-04T09:30:00Z'), reason: 'run-due' as const };
    const sites = [site('new', null), site('busy', '2026-06-01T07:00:00Z', { running: true })];
    expect(decideDueRuns({ ...base, sites, neverRunIsDue: true })).toEqual({
      runs: [{ siteId: 'new', kind: 'full', slot: d('2026-06-04T07:00:00Z').getTime(), why: 'never ran' }],
      skipped: [{ siteId: 'busy', why: 'a run is in progress' }],
    });
    expect(decideDueRuns({ ...base, sites, neverRunIsDue: false }).runs).toEqual([]);
  });

  it('runs a light sync when its interval has passed and no full run is due', () => {
    const schedule: Schedule = { ...DEFAULT_SCHEDULE, lightSyncMinutes: 60 };
    const sites = [site('a', '2026-06-04T07:00:00Z', { lastLightRun: d('2026-06-04T08:45:00Z') }), site('b', '2026-06-04T07:00:00Z', { lastLightRun: d('2026-06-04T09:10:00Z') })];
    const decision = decideDueRuns({ schedule, sites, now: d('2026-06-04T09:50:00Z'), reason: 'run-due', neverRunIsDue: true });
    expect(decision.runs).toEqual([{ siteId: 'a', kind: 'light', slot: null, why: 'light sync every 60 min' }]);
    expect(decideDueRuns({ schedule: DEFAULT_SCHEDULE, sites, now: d('2026-06-04T09:50:00Z'), reason: 'run-due', neverRunIsDue: true }).runs).toEqual([]);
  });

  it('refuses a malformed schedule with a clear message', () => {
    expect(() => decideDueRuns({ schedule: { time: '7am', zone: 'UTC', lightSyncMinutes: null }, sites: [], now: new Date(), reason: 'start', neverRunIsDue: false })).toThrow(/HH:mm/);
  });
});

/** A deterministic PRNG (mulberry32), so the simulation below is the same on every run. */
function prng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('missed 07:00 UTC slots across both 2026 DST changes (US: Mar 8, Nov 1; EU: Mar 29, Oct 25)', () => {
  const changes = [
    { name: 'US spring forward', day: '2026-03-08', zone: 'America/New_York' },
    { name: 'EU spring forward', day: '2026-03-29', zone: 'Europe/Berlin' },
    { name: 'EU fall back', day: '2026-10-25', zone: 'Europe/Berlin' },
    { name: 'US fall back', day: '2026-11-01', zone: 'America/New_York' },
  ];

  it.each(changes)('$name: asleep across the change, one run per site on wake, then nothing', ({ day, zone }) => {
    const asleepAt = DateTime.fromISO(`${day}T00:00`, { zone: 'UTC' }).minus({ days: 2 }).plus({ hours: 12 });
    const wake = DateTime.fromISO(`${day}T00:00`, { zone: 'UTC' }).plus({ days: 1, hours: 10 }).toJSDate();
    const sites = [site('a', asleepAt.minus({ hours: 5 }).toISO()), site('b', asleepAt.minus({ days: 3 }).toISO()), site('c', null)];
    const first = decideDueRuns({ schedule: DEFAULT_SCHEDULE, sites, now: wake, reason: 'run-due', neverRunIsDue: true });
    const expectedSlot = DateTime.fromISO(`${day}T07:00`, { zone: 'UTC' }).plus({ days: 1 });
    expect(first.runs.map((r) => [r.siteId, r.kind, new Date(r.slot!).toISOString()])).toEqual(
      ['a', 'b', 'c'].map((id) => [id, 'full', expectedSlot.toJSDate().toISOString()]),
    );
    // The slot is 07:00 UTC whatever the local clocks did: the local hour moved by one across the change.
    const before = DateTime.fromISO(`${day}T07:00`, { zone: 'UTC' }).minus({ days: 1 }).setZone(zone).hour;
    expect(expectedSlot.setZone(zone).hour - before).toBe(day.endsWith('03-08') || day.endsWith('03-29') ? 1 : -1);
    // run-due again a minute later (or resume and network-back together): nothing is due.
    const after = first.runs.map((r) => site(r.siteId, wake.toISOString(), { attemptedSlot: r.slot }));
    const second = decideDueRuns({ schedule: DEFAULT_SCHEDULE, sites: after, now: new Date(wake.getTime() + 60_000), reason: 'network-back', neverRunIsDue: true });
    expect(second.runs).toEqual([]);
  });

  it.each([
    { label: '07:00 UTC', schedule: DEFAULT_SCHEDULE },
    { label: '03:00 America/New_York', schedule: { time: '03:00', zone: 'America/New_York', lightSyncMinutes: null } satisfies Schedule },
    { label: '02:30 Europe/Berlin (does not exist on Mar 29)', schedule: { time: '02:30', zone: 'Europe/Berlin', lightSyncMinutes: null } satisfies Schedule },
  ])('$label: a laptop that sleeps at random from February to mid-November runs each slot at most once, exactly once when awake after it', ({ schedule }) => {
    const random = prng(14);
    const start = d('2026-02-15T00:00:00Z').getTime();
    const end = d('2026-11-15T00:00:00Z').getTime();
    const step = 60 * 60_000;
    const state = new Map<string, { lastFullRun: Date | null; attemptedSlot: number | null }>(['a', 'b'].map((id) => [id, { lastFullRun: d('2026-02-14T08:00:00Z'), attemptedSlot: null }]));
    const runsBySlot = new Map<number, string[]>();
    const awakeTicks: number[] = [];
    let asleepUntil = 0;
    for (let t = start; t < end; t += step) {
      if (t < asleepUntil) continue;
      if (random() < 0.03) {
        asleepUntil = t + Math.floor(random() * 80) * 3_600_000;
        continue;
      }
      awakeTicks.push(t);
      const now = new Date(t);
      const decision = decideDueRuns({ schedule, now, reason: 'resume', neverRunIsDue: false, sites: [...state].map(([siteId, s]) => ({ siteId, ...s })) });
      for (const run of decision.runs) {
        runsBySlot.set(run.slot!, [...(runsBySlot.get(run.slot!) ?? []), run.siteId]);
        state.set(run.siteId, { lastFullRun: now, attemptedSlot: run.slot });
      }
    }
    // The slots, computed independently day by day in the schedule's zone (luxon moves a time in a gap forward).
    const [hour, minute] = schedule.time.split(':').map(Number) as [number, number];
    const slots: number[] = [];
    for (let day = DateTime.fromISO('2026-02-15', { zone: schedule.zone }); day.toMillis() < end; day = day.plus({ days: 1 })) {
      slots.push(DateTime.fromObject({ year: day.year, month: day.month, day: day.day, hour, minute }, { zone: schedule.zone }).toMillis());
    }
    const expected = slots.filter((slot, k) => awakeTicks.some((t) => t >= slot && t < (slots[k + 1] ?? end)));
    expect([...runsBySlot.keys()].sort((x, y) => x - y)).toEqual(expected);
    for (const [slot, ids] of runsBySlot) expect([...ids].sort(), new Date(slot).toISOString()).toEqual(['a', 'b']);
    // The random sleeps skip some slots but leave slots on both sides of every 2026 change.
    expect(expected.length).toBeGreaterThan(150);
    expect(expected.length).toBeLessThan(slots.length);
    for (const change of changes) {
      const at = DateTime.fromISO(change.day, { zone: 'UTC' }).toMillis();
      expect(expected.some((s) => s < at && s > at - 10 * 86_400_000) && expected.some((s) => s > at && s < at + 10 * 86_400_000)).toBe(true);
    }
  });
});
