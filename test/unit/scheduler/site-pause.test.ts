import { describe, expect, it } from 'vitest';
import type { RunRecord, RunTrigger } from '../../../src-shared/domain/run';
import { DEFAULT_SCHEDULE } from '../../../src-shared/domain/schedule';
import { pauseSkipWhy } from '../../../src-shared/domain/site';
import { decideDueRuns } from '../../../src-main/background/due-runs';
import { createCatchUp } from '../../../src-main/background/catch-up';
import { runDuePass } from '../../../src-main/cli/run-due-command';
import { pauseSite, resumeSite } from '../../../src-main/features/site-lifecycle';
import { createLogger, memorySink, silentLogger } from '../../../src-main/logging/logger';
import { Scheduler, type ScheduledTrigger } from '../../../src-main/scheduler/scheduler';
import { dbWithSite } from '../db/fixtures';
import { FakeClock } from './fake-clock';

// Issue 16: a paused site gets no scheduled, catch-up or light run, and each path says why;
// a manual run is not the scheduler's business and stays possible.

const HOUR = 3600_000;
const DAY = 24 * HOUR;

describe('a paused site and the schedule', () => {
  it('the repository records the pause and says why the schedule skips the site; resume clears it', async () => {
    const db = await dbWithSite();
    expect(db.sites.skipWhy('site-1')).toBeNull();
    const pause = db.sites.pause('site-1', '  roof works until March ');
    expect(pause).toEqual({ pausedAt: '2026-11-27T10:00:00.000Z', reason: 'roof works until March' });
    expect(db.sites.get('site-1')?.pause).toEqual(pause);
    expect(db.sites.listSummaries()[0]?.pause).toEqual(pause);
    expect(db.sites.skipWhy('site-1')).toBe('skipped: paused — roof works until March');
    db.sites.resume('site-1');
    expect(db.sites.get('site-1')?.pause).toBeNull();
    expect(db.sites.skipWhy('site-1')).toBeNull();
    db.sites.pause('site-1', '');
    expect(db.sites.skipWhy('site-1')).toBe('skipped: paused');
  });

  it('the service keeps the first pause date when paused again, and refuses an unknown site or an overlong reason with the next step', async () => {
    const db = await dbWithSite();
    const deps = { db, log: silentLogger };
    expect(pauseSite(deps, 'site-1', 'sold')).toEqual({ name: 'Maple Court', pause: { pausedAt: '2026-11-27T10:00:00.000Z', reason: 'sold' } });
    db.db.prepare("UPDATE sites SET paused_at = '2026-11-01T00:00:00.000Z' WHERE id = 'site-1'").run();
    expect(pauseSite(deps, 'site-1', 'sold in December').pause).toEqual({ pausedAt: '2026-11-01T00:00:00.000Z', reason: 'sold in December' });
    expect(() => pauseSite(deps, 'nope', null)).toThrow(/Refresh the Overview/);
    expect(() => pauseSite(deps, 'site-1', 'x'.repeat(301))).toThrow(/keep it under 300/);
    expect(resumeSite(deps, 'site-1')).toEqual({ name: 'Maple Court', resumed: true });
    expect(resumeSite(deps, 'site-1')).toEqual({ name: 'Maple Court', resumed: false });
  });

  it('decideDueRuns skips a paused site — neither the missed slot nor a light sync — with the reason', () => {
    const decision = decideDueRuns({
      schedule: { ...DEFAULT_SCHEDULE, lightSyncMinutes: 30 },
      sites: [
        { siteId: 'paused', lastFullRun: new Date('2026-06-01T07:00:00Z'), pausedWhy: 'skipped: paused — roof works' },
        { siteId: 'open', lastFullRun: new Date('2026-06-01T07:00:00Z') },
      ],
      now: new Date('2026-06-04T09:30:00Z'),
      reason: 'resume',
      neverRunIsDue: true,
    });
    expect(decision.runs.map((r) => r.siteId)).toEqual(['open']);
    expect(decision.skipped).toEqual([{ siteId: 'paused', why: 'skipped: paused — roof works' }]);
  });

  it('the in-app scheduler runs neither the slot nor light syncs of a paused site, logs the skip once per slot, and runs it again once resumed', async () => {
    const clock = new FakeClock('2026-06-01T12:00:00Z');
    const sink = memorySink();
    const paused = new Map<string, string>([['a', pauseSkipWhy({ pausedAt: '2026-06-01T11:00:00Z', reason: 'roof works' })!]]);
    const runs: { siteId: string; trigger: ScheduledTrigger }[] = [];
    const last = new Map<string, Date>([['a', new Date('2026-06-01T07:00:00Z')], ['b', new Date('2026-06-01T07:00:00Z')]]);
    const scheduler = new Scheduler({
      clock,
      schedule: () => ({ ...DEFAULT_SCHEDULE, lightSyncMinutes: 60 }),
      sites: () => ['a', 'b'],
      pausedWhy: (siteId) => paused.get(siteId) ?? null,
      lastRun: (siteId) => last.get(siteId) ?? null,
      runSite: async (siteId, trigger) => {
        runs.push({ siteId, trigger });
        if (trigger !== 'light') last.set(siteId, clock.now());
      },
      logger: createLogger(sink),
    });
    scheduler.start();
    await clock.advance(DAY);
    await scheduler.idle();
    expect(runs.filter((r) => r.siteId === 'a')).toEqual([]);
    expect(runs.filter((r) => r.siteId === 'b' && r.trigger === 'scheduled')).toHaveLength(1);
    expect(runs.filter((r) => r.siteId === 'b' && r.trigger === 'light').length).toBeGreaterThan(10);
    const skips = sink.lines.filter((l) => l.includes('skipped: paused — roof works'));
    // Once for the start's catch-up of the 06-01 slot, once for the 06-02 slot — not every light tick.
    expect(skips.map((l) => /"slot":"([^"]+)"/.exec(l)?.[1])).toEqual(['2026-06-01T07:00:00.000Z', '2026-06-02T07:00:00.000Z']);
    expect(skips.every((l) => l.includes('"siteId":"a"'))).toBe(true);

    paused.clear();
    await clock.advance(DAY);
    await scheduler.idle();
    expect(runs.filter((r) => r.siteId === 'a' && r.trigger === 'scheduled')).toHaveLength(1);
    expect(runs.some((r) => r.siteId === 'a' && r.trigger === 'light')).toBe(true);
    scheduler.stop();
  });

  it('the catch-up after sleep leaves a paused site alone and reports the skip', async () => {
    const started: string[] = [];
    const skipped: string[] = [];
    const catchUp = createCatchUp({
      now: () => new Date('2026-06-04T09:30:00Z'),
      schedule: () => DEFAULT_SCHEDULE,
      siteIds: () => ['a', 'b'],
      lastFullRun: () => new Date('2026-06-01T07:00:00Z'),
      isRunning: () => false,
      pausedWhy: (siteId) => (siteId === 'a' ? 'skipped: paused — sold' : null),
      onPausedSkip: (siteId, why) => skipped.push(`${siteId}: ${why}`),
      runFull: async (siteId) => {
        started.push(siteId);
        return { outcome: 'succeeded', errorCode: null };
      },
      runLight: async () => undefined,
    });
    await catchUp.run('resume');
    expect(started).toEqual(['b']);
    expect(skipped).toEqual(['a: skipped: paused — sold']);
  });

  it('run-due runs the due sites but not a paused one, and names it in what was skipped', async () => {
    const ran: string[] = [];
    const record = (siteId: string, trigger: RunTrigger): RunRecord => ({
      id: `run-${siteId}`, siteId, trigger, dryRun: false, startedAt: '2026-06-04T09:30:00Z', endedAt: '2026-06-04T09:31:00Z', outcome: 'succeeded',
      counts: { communities: 1, apartments: 0, accountsCreated: 0, accountsUpdated: 0, accountsDeleted: 0, credentialsSet: 0, credentialsRemoved: 0, failedOperations: 0 },
      problemCount: 0, heldBackCount: 0, error: null,
    });
    const memory = new Map<string, string>();
    const result = await runDuePass({
      now: () => new Date('2026-06-04T09:30:00Z'),
      schedule: DEFAULT_SCHEDULE,
      siteIds: ['a', 'b'],
      lastFullRun: () => null,
      isRunning: () => false,
      pausedWhy: (siteId) => (siteId === 'a' ? 'skipped: paused — handed over to another installer' : null),
      memory: { get: (k) => memory.get(k) ?? null, set: (k, v) => void memory.set(k, v) },
      runFull: async (siteId, trigger) => {
        ran.push(siteId);
        return record(siteId, trigger);
      },
      runLight: async () => null,
      trigger: 'os-schedule',
    });
    expect(ran).toEqual(['b']);
    expect(result.skipped).toEqual([{ siteId: 'a', why: 'skipped: paused — handed over to another installer' }]);
  });
});
