import { describe, expect, it } from 'vitest';
import { DateTime } from 'luxon';
import { DEFAULT_SCHEDULE, type Schedule } from '../../../src-shared/domain/schedule';
import { type RunMeta, Scheduler, type ScheduledTrigger } from '../../../src-main/scheduler/scheduler';
import { SiteRunGate } from '../../../src-main/scheduler/site-run-gate';
import { FakeClock } from './fake-clock';

const HOUR = 3600_000;
const DAY = 24 * HOUR;

interface Harness {
  clock: FakeClock;
  scheduler: Scheduler;
  gate: SiteRunGate<RunMeta>;
  runs: { siteId: string; trigger: ScheduledTrigger; at: string }[];
  lastRuns: Map<string, Date>;
  /** Resolves the currently running run of a site (when runs are held). */
  release: (siteId: string) => void;
}

function harness(options: {
  start: string;
  schedule?: Schedule;
  sites?: string[];
  lastRuns?: Record<string, string>;
  holdRuns?: boolean;
}): Harness {
  const clock = new FakeClock(options.start);
  const schedule = options.schedule ?? DEFAULT_SCHEDULE;
  const sites = options.sites ?? ['site-1'];
  const lastRuns = new Map(Object.entries(options.lastRuns ?? {}).map(([k, v]) => [k, new Date(v)]));
  const runs: Harness['runs'] = [];
  const holds = new Map<string, () => void>();
  const gate = new SiteRunGate<RunMeta>(() => clock.now());
  const scheduler = new Scheduler({
    clock,
    gate,
    schedule: () => schedule,
    sites: () => sites,
    lastRun: (siteId) => lastRuns.get(siteId) ?? null,
    runSite: async (siteId, trigger) => {
      const startedAt = clock.now();
      runs.push({ siteId, trigger, at: startedAt.toISOString() });
      if (options.holdRuns) await new Promise<void>((resolve) => holds.set(siteId, resolve));
      if (trigger !== 'light') lastRuns.set(siteId, startedAt);
    },
  });
  return { clock, scheduler, gate, runs, lastRuns, release: (siteId) => holds.get(siteId)?.() };
}

const ny = (iso: string) => DateTime.fromISO(iso, { zone: 'America/New_York' }).toFormat('MM-dd HH:mm ZZZZ');

describe('Scheduler: daily runs', () => {
  it('runs every site at 07:00 UTC each day, through the March DST change', async () => {
    const h = harness({ start: '2026-03-06T12:00:00Z', sites: ['a', 'b'], lastRuns: { a: '2026-03-06T07:00:00Z', b: '2026-03-06T07:00:00Z' } });
    h.scheduler.start();
    await h.clock.advance(3 * DAY);
    expect(h.runs.map((r) => [r.siteId, r.trigger, r.at])).toEqual([
      ['a', 'scheduled', '2026-03-07T07:00:00.000Z'],
      ['b', 'scheduled', '2026-03-07T07:00:00.000Z'],
      ['a', 'scheduled', '2026-03-08T07:00:00.000Z'],
      ['b', 'scheduled', '2026-03-08T07:00:00.000Z'],
      ['a', 'scheduled', '2026-03-09T07:00:00.000Z'],
      ['b', 'scheduled', '2026-03-09T07:00:00.000Z'],
    ]);
    expect(h.runs.filter((r) => r.siteId === 'a').map((r) => ny(r.at))).toEqual(['03-07 02:00 EST', '03-08 03:00 EDT', '03-09 03:00 EDT']);
    expect(h.clock.pendingTimers).toBe(1);
  });

  it('runs a New York 02:30 schedule once a day across 2026-03-08 (03:30 EDT that day)', async () => {
    const h = harness({ start: '2026-03-06T12:00:00Z', schedule: { time: '02:30', zone: 'America/New_York', lightSyncMinutes: null }, lastRuns: { 'site-1': '2026-03-06T07:30:00Z' } });
    h.scheduler.start();
    await h.clock.advance(3 * DAY);
    expect(h.runs.map((r) => r.at)).toEqual(['2026-03-07T07:30:00.000Z', '2026-03-08T07:30:00.000Z', '2026-03-09T06:30:00.000Z']);
    expect(h.runs.map((r) => ny(r.at))).toEqual(['03-07 02:30 EST', '03-08 03:30 EDT', '03-09 02:30 EDT']);
    expect(h.runs.every((r) => r.trigger === 'scheduled')).toBe(true);
  });

  it('runs a New York 02:30 schedule once a day across 2026-11-01', async () => {
    const h = harness({ start: '2026-10-30T12:00:00Z', schedule: { time: '02:30', zone: 'America/New_York', lightSyncMinutes: null }, lastRuns: { 'site-1': '2026-10-30T06:30:00Z' } });
    h.scheduler.start();
    await h.clock.advance(3 * DAY);
    expect(h.runs.map((r) => ny(r.at))).toEqual(['10-31 02:30 EDT', '11-01 02:30 EST', '11-02 02:30 EST']);
  });

  it('keeps a UTC schedule at 07:00 UTC across 2026-11-01 (3:00 EDT, then 2:00 EST)', async () => {
    const h = harness({ start: '2026-10-30T12:00:00Z', lastRuns: { 'site-1': '2026-10-30T07:00:00Z' } });
    h.scheduler.start();
    await h.clock.advance(3 * DAY);
    expect(h.runs.map((r) => r.at)).toEqual(['2026-10-31T07:00:00.000Z', '2026-11-01T07:00:00.000Z', '2026-11-02T07:00:00.000Z']);
    expect(h.runs.map((r) => ny(r.at))).toEqual(['10-31 03:00 EDT', '11-01 02:00 EST', '11-02 02:00 EST']);
  });

  it('skips a slot the site already ran for (a manual run after it) and reports next runs', async () => {
    const h = harness({ start: '2026-11-27T06:00:00Z', lastRuns: { 'site-1': '2026-11-26T07:00:00Z' } });
    h.scheduler.start();
    expect(h.scheduler.nextRunAt().toISOString()).toBe('2026-11-27T07:00:00.000Z');
    expect(h.scheduler.nextRuns()).toEqual([{ siteId: 'site-1', at: new Date('2026-11-27T07:00:00Z') }]);
    h.lastRuns.set('site-1', new Date('2026-11-27T07:00:00Z'));
    await h.clock.advance(2 * HOUR);
    expect(h.runs).toEqual([]);
    expect(h.scheduler.nextRuns()[0]!.at.toISOString()).toBe('2026-11-28T07:00:00.000Z');
  });
});

describe('Scheduler: missed runs', () => {
  it('makes up a laptop asleep through 07:00 UTC for three days with exactly one catch-up run', async () => {
    const h = harness({ start: '2026-11-01T20:00:00Z', lastRuns: { 'site-1': '2026-11-01T07:00:00Z' } });
    h.scheduler.start();
    await h.clock.advance(2 * HOUR);
    expect(h.runs).toEqual([]);
    h.clock.sleep(3 * DAY);
    h.scheduler.onWake();
    h.scheduler.onWake();
    await h.clock.advance(10 * 60_000);
    h.scheduler.onWake();
    await h.clock.advance(10 * 60_000);
    expect(h.runs).toEqual([{ siteId: 'site-1', trigger: 'catch-up', at: '2026-11-04T22:01:00.000Z' }]);
    await h.clock.advanceTo('2026-11-05T08:00:00Z');
    expect(h.runs.map((r) => [r.trigger, r.at])).toEqual([
      ['catch-up', '2026-11-04T22:01:00.000Z'],
      ['scheduled', '2026-11-05T07:00:00.000Z'],
    ]);
  });

  it('makes it up once even when nothing reports the wake (a late timer)', async () => {
    const h = harness({ start: '2026-11-01T20:00:00Z', lastRuns: { 'site-1': '2026-11-01T07:00:00Z' } });
    h.scheduler.start();
    await h.clock.advance(HOUR);
    h.clock.sleep(3 * DAY);
    await h.clock.advance(HOUR);
    expect(h.runs.map((r) => r.trigger)).toEqual(['catch-up']);
  });

  it('makes a missed run up once, shortly after start, and not for a site that never ran', async () => {
    const h = harness({ start: '2026-11-27T09:00:00Z', sites: ['old', 'new'], lastRuns: { old: '2026-11-24T07:00:00Z' } });
    h.scheduler.start();
    await h.clock.advance(30_000);
    expect(h.runs).toEqual([]);
    await h.clock.advance(60_000);
    expect(h.runs).toEqual([{ siteId: 'old', trigger: 'catch-up', at: '2026-11-27T09:01:00.000Z' }]);
    h.scheduler.onWake();
    await h.clock.advance(HOUR);
    expect(h.runs).toHaveLength(1);
  });

  it('does not make up a run that failed again on the same day (once means once)', async () => {
    const h = harness({ start: '2026-11-27T09:00:00Z', lastRuns: { 'site-1': '2026-11-25T07:00:00Z' } });
    h.lastRuns.set = () => h.lastRuns; // every run fails: lastRun never moves
    h.scheduler.start();
    await h.clock.advance(2 * 60_000);
    h.scheduler.onWake();
    await h.clock.advance(2 * 60_000);
    expect(h.runs.map((r) => r.trigger)).toEqual(['catch-up']);
    await h.clock.advanceTo('2026-11-28T07:30:00Z');
    expect(h.runs.map((r) => r.trigger)).toEqual(['catch-up', 'scheduled']);
  });
});

describe('Scheduler: light sync and overlap', () => {
  it('runs a light sync every N minutes, never beside a run in progress', async () => {
    const h = harness({
      start: '2026-11-27T06:00:00Z',
      schedule: { ...DEFAULT_SCHEDULE, lightSyncMinutes: 30 },
      lastRuns: { 'site-1': '2026-11-26T07:00:00Z' },
      holdRuns: true,
    });
    h.scheduler.start();
    await h.clock.advance(30 * 60_000);
    expect(h.runs.map((r) => [r.trigger, r.at])).toEqual([['light', '2026-11-27T06:30:00.000Z']]);
    await h.clock.advance(30 * 60_000);
    // 07:00: the light run still holds the site; the full run waits for it instead of overlapping or being lost.
    expect(h.runs).toHaveLength(1);
    h.release('site-1');
    await h.clock.advance(1);
    expect(h.runs.map((r) => r.trigger)).toEqual(['light', 'scheduled']);
    expect(h.gate.current('site-1')?.meta).toEqual({ trigger: 'scheduled' });
    await h.clock.advance(30 * 60_000);
    expect(h.runs.map((r) => r.trigger)).toEqual(['light', 'scheduled']);
    h.release('site-1');
    await h.clock.advance(30 * 60_000);
    expect(h.runs.map((r) => r.trigger)).toEqual(['light', 'scheduled', 'light']);
  });

  it('stops: no timer left, no further runs', async () => {
    const h = harness({ start: '2026-11-27T06:00:00Z', lastRuns: { 'site-1': '2026-11-26T07:00:00Z' } });
    h.scheduler.start();
    h.scheduler.stop();
    expect(h.clock.pendingTimers).toBe(0);
    await h.clock.advance(2 * DAY);
    expect(h.runs).toEqual([]);
  });
});

describe('SiteRunGate', () => {
  it('returns the run in progress to a second request, and starts a new one afterwards', async () => {
    const gate = new SiteRunGate<{ trigger: string; runId: string }>();
    let finish!: (value: string) => void;
    const first = gate.run('s', { trigger: 'scheduled', runId: 'r1' }, () => new Promise<string>((r) => (finish = r)));
    expect(first.started).toBe(true);
    const second = gate.run('s', { trigger: 'manual', runId: 'r2' }, async () => 'never');
    expect(second).toMatchObject({ started: false, run: { meta: { runId: 'r1' } } });
    expect(gate.run('other', { trigger: 'manual', runId: 'r3' }, async () => 'x').started).toBe(true);
    expect(gate.running().map((r) => r.meta.runId)).toEqual(['r1', 'r3']);
    finish('done');
    await expect(first.started && first.promise).resolves.toBe('done');
    await Promise.resolve();
    expect(gate.current('s')).toBeNull();
    expect(gate.run('s', { trigger: 'manual', runId: 'r4' }, async () => 'again').started).toBe(true);
  });

  it('releases the site when a run fails, even synchronously', async () => {
    const gate = new SiteRunGate<null>();
    const result = gate.run('s', null, () => {
      throw new Error('boom');
    });
    await expect(result.started && result.promise).rejects.toThrow('boom');
    await Promise.resolve();
    expect(gate.current('s')).toBeNull();
  });
});
