import { describe, expect, it } from 'vitest';
import { DEFAULT_SCHEDULE } from '../../src-shared/domain/schedule';
import { nextRun, trustedLastRun } from '../../src-main/scheduler/next-run';
import { Scheduler, type ScheduledTrigger } from '../../src-main/scheduler/scheduler';
import { FakeClock } from '../unit/scheduler/fake-clock';

const HOUR = 3600_000;
const DAY = 24 * HOUR;

// Issue 12, "Time": a last-run stamp in the future (the clock was once wrong) must not stall the
// schedule; a clock that jumps back a little is still held back as before.
function harness(start: string, lastRun: string) {
  const clock = new FakeClock(start);
  const lastRuns = new Map([['site-1', new Date(lastRun)]]);
  const runs: { trigger: ScheduledTrigger; at: string }[] = [];
  const scheduler = new Scheduler({
    clock,
    schedule: () => DEFAULT_SCHEDULE,
    sites: () => ['site-1'],
    // As the runs table answers: the latest start, so the 2031 row stays the latest.
    lastRun: (siteId) => lastRuns.get(siteId) ?? null,
    runSite: async (_siteId, trigger) => {
      runs.push({ trigger, at: clock.now().toISOString() });
      const prev = lastRuns.get('site-1')!;
      if (clock.now() > prev) lastRuns.set('site-1', clock.now());
    },
  });
  return { clock, scheduler, runs };
}

describe('a last run stamped in the future', () => {
  it('2031: the daily slots still run, every day', async () => {
    const h = harness('2026-06-01T12:00:00Z', '2031-01-01T07:00:00Z');
    h.scheduler.start();
    await h.clock.advance(3 * DAY);
    const scheduled = h.runs.filter((r) => r.trigger === 'scheduled').map((r) => r.at);
    expect(scheduled).toEqual(['2026-06-02T07:00:00.000Z', '2026-06-03T07:00:00.000Z', '2026-06-04T07:00:00.000Z']);
    h.scheduler.stop();
  });

  it('2031: the next run shown is the next slot, not one in 2031', () => {
    const h = harness('2026-06-01T12:00:00Z', '2031-01-01T07:00:00Z');
    h.scheduler.start();
    expect(h.scheduler.nextRuns()).toEqual([{ siteId: 'site-1', at: new Date('2026-06-02T07:00:00Z') }]);
    h.scheduler.stop();
  });

  it('2031, laptop off through the slot: the missed run is made up once after start', async () => {
    const h = harness('2026-06-01T09:00:00Z', '2031-01-01T07:00:00Z');
    h.scheduler.start();
    await h.clock.advance(2 * HOUR);
    expect(h.runs).toEqual([{ trigger: 'catch-up', at: '2026-06-01T09:01:00.000Z' }]);
    h.scheduler.stop();
  });

  it('a clock that jumped back an hour after the 07:00 run: that slot is not run again', async () => {
    // The run started at 07:00 (true time); the clock now says 06:30 the same day.
    const h = harness('2026-06-01T06:30:00Z', '2026-06-01T07:00:00Z');
    h.scheduler.start();
    await h.clock.advance(4 * HOUR);
    expect(h.runs).toEqual([]);
    expect(nextRun(DEFAULT_SCHEDULE, new Date('2026-06-01T07:00:00Z'), new Date('2026-06-01T06:30:00Z'))).toEqual(new Date('2026-06-02T07:00:00Z'));
    h.scheduler.stop();
  });

  it('trustedLastRun keeps a stamp up to 36 h ahead and replaces one further ahead', () => {
    const now = new Date('2026-06-01T12:00:00Z');
    const fallback = new Date('2026-05-31T07:00:00Z');
    expect(trustedLastRun(new Date('2026-06-02T23:00:00Z'), now, fallback)).toEqual(new Date('2026-06-02T23:00:00Z'));
    expect(trustedLastRun(new Date('2026-06-03T01:00:00Z'), now, fallback)).toEqual(fallback);
    expect(trustedLastRun(new Date('2031-01-01T07:00:00Z'), now, fallback)).toEqual(fallback);
    expect(trustedLastRun(null, now, fallback)).toBeNull();
  });
});
