import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src-main/db/database';
import { describeHolder, RUN_LOCK_STALE_MS, RunLockRepo } from '../../src-main/db/repositories/run-lock-repo';
import { RunsRepo } from '../../src-main/db/repositories/runs-repo';
import { SiteRunLocks } from '../../src-main/scheduler/site-run-lock';
import { type CliWorld, runCli, siteConfigFile, smartPlusState, startCliWorld } from '../support/cli-harness';

// Issue 14: two processes never run one site at once — one lock row per site in the shared
// database, with owner and heartbeat; a lock whose holder stopped beating goes stale.

function tempDbFile(): string {
  return path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'sitesync-lock-')), 'sitesync.db');
}

describe('the run lock (unit, injected clock)', () => {
  const app = { pid: 4242, host: 'laptop-7', kind: 'app' as const };
  const cli = { pid: 5151, host: 'laptop-7', kind: 'cli' as const };

  it('refuses a second owner while the heartbeat is fresh, and hands over once it is stale', () => {
    const file = tempDbFile();
    let now = new Date('2026-03-08T07:00:00.000Z');
    const clock = () => now;
    // Two connections to one file, as two processes have.
    const a = new RunLockRepo(openDatabase(file), clock);
    const b = new RunLockRepo(openDatabase(file), clock);
    expect(a.tryAcquire('site-1', app, 'token-a')).toEqual({ acquired: true });
    const refused = b.tryAcquire('site-1', cli, 'token-b');
    expect(refused).toMatchObject({ acquired: false, holder: { pid: 4242, host: 'laptop-7', kind: 'app', siteId: 'site-1' } });
    if (!refused.acquired) expect(describeHolder(refused.holder)).toBe('the SiteSync app (process 4242 on laptop-7, since 07:00:00 UTC)');
    // Another site is free.
    expect(b.tryAcquire('site-2', cli, 'token-b2')).toEqual({ acquired: true });

    // Heartbeats keep it: 90 s, beat, 90 s more — 3 min after acquiring, still held.
    now = new Date(now.getTime() + 90_000);
    expect(a.heartbeat('site-1', 'token-a')).toBe(true);
    now = new Date(now.getTime() + 90_000);
    expect(b.tryAcquire('site-1', cli, 'token-b').acquired).toBe(false);

    // No heartbeat for RUN_LOCK_STALE_MS: stale, taken over; the old holder can no longer beat or release it.
    now = new Date(now.getTime() + RUN_LOCK_STALE_MS - 90_000 - 1);
    expect(b.tryAcquire('site-1', cli, 'token-b').acquired).toBe(false);
    now = new Date(now.getTime() + 1);
    expect(a.holder('site-1')).toBeNull();
    expect(b.tryAcquire('site-1', cli, 'token-b')).toEqual({ acquired: true });
    expect(a.heartbeat('site-1', 'token-a')).toBe(false);
    a.release('site-1', 'token-a');
    expect(b.holder('site-1')).toMatchObject({ kind: 'cli', pid: 5151 });
    b.release('site-1', 'token-b');
    expect(a.holder('site-1')).toBeNull();
  });

  it('a lock whose owner process has exited is taken over at once (ownerGone)', () => {
    const repo = new RunLockRepo(openDatabase(tempDbFile()), () => new Date('2026-11-01T07:00:00Z'));
    repo.tryAcquire('site-1', app, 'token-a');
    expect(repo.tryAcquire('site-1', cli, 'token-b', () => false).acquired).toBe(false);
    expect(repo.tryAcquire('site-1', cli, 'token-b', (h) => h.pid === 4242).acquired).toBe(true);
  });

  it('the app starting while another process runs a site leaves that run alone (only crashed runs are interrupted)', async () => {
    const runs = new RunsRepo(openDatabase(tempDbFile()));
    runs.startRun({ id: 'cli-run', siteId: 'site-1', trigger: 'os-schedule', dryRun: false, startedAt: '2026-12-02T07:00:00.000Z' });
    runs.startRun({ id: 'crashed-run', siteId: 'site-2', trigger: 'scheduled', dryRun: false, startedAt: '2026-12-01T07:00:00.000Z' });
    expect(runs.markInterrupted('2026-12-02T07:00:30.000Z', ['site-1'])).toBe(1);
    expect((await runs.getRun('cli-run'))!.outcome).toBe('running');
    expect((await runs.getRun('crashed-run'))!.outcome).toBe('failed');
  });

  it('SiteRunLocks waits briefly, then says who holds it; released, the next one gets it', async () => {
    const repo = new RunLockRepo(openDatabase(tempDbFile()));
    const sleeps: number[] = [];
    const sleep = async (ms: number) => void sleeps.push(ms);
    const first = new SiteRunLocks({ repo, owner: app, ownerGone: () => false, sleep });
    const second = new SiteRunLocks({ repo, owner: cli, ownerGone: () => false, waitMs: 1_000, pollMs: 250, sleep });
    const held = await first.acquire('site-1');
    expect(held.acquired).toBe(true);
    const refused = await second.acquire('site-1');
    expect(refused).toMatchObject({ acquired: false, holder: { kind: 'app', pid: 4242 } });
    expect(sleeps).toEqual([250, 250, 250, 250]);
    if (held.acquired) held.release();
    expect((await second.acquire('site-1')).acquired).toBe(true);
  });
});

describe('two real CLI processes run one site at once (both sandboxes, one SITESYNC_HOME)', () => {
  const PROPERTY = 4; // Oak Street Townhomes, 28 units
  let world: CliWorld;
  let env: NodeJS.ProcessEnv;
  let siteId: string;
  let cleanWrites: Record<string, number>;

  const writes = (): Record<string, number> =>
    Object.fromEntries(Object.entries(world.sp.admin.counters().byRoute).filter(([route, n]) => !route.startsWith('GET') && !route.includes('/auth') && n > 0));

  beforeAll(async () => {
    world = await startCliWorld();
    env = world.env();
    world.sp.admin.resetCounters();
    const added = await runCli(['sites', 'add', '--site-config', siteConfigFile({ properties: [PROPERTY] }), '--json'], env);
    expect(added.code, added.stderr).toBe(0);
    siteId = (JSON.parse(added.stdout) as { sites: { id: string }[] }).sites[0]!.id;
    cleanWrites = writes();
  }, 180_000);

  afterAll(async () => {
    await world?.close();
  });

  it('only one applies: SmartPlus sees each write once; the other is refused with who holds the site (exit 4)', async () => {
    // SmartPlus forgets the community, so a sync has the whole import to write again.
    world.resetSmartPlus();
    world.sp.admin.resetCounters();
    // Slow answers keep the first run going well past the second one's wait for the lock.
    world.sp.admin.latency(60);
    // Two processes, as two terminals (or the OS task and a terminal) would be.
    const [a, b] = await Promise.all([runCli(['sync', '--site', siteId, '--json'], env, { process: true }), runCli(['sync', '--site', siteId, '--json'], env, { process: true })]);
    world.sp.admin.latency(0);
    const codes = [a.code, b.code].sort();
    const why = (r: typeof a) => `exit ${r.code}: ${r.stderr.slice(0, 400)} ${r.stdout.slice(0, 200)} ${r.stdout.match(/"outcome":"[a-z-]+"|"error":"[^"]{0,300}"/g)?.join(' ') ?? ''}`;
    expect(codes, `${why(a)}\n${why(b)}`).toEqual([0, 4]);
    const refused = a.code === 4 ? a : b;
    expect(refused.stderr).toMatch(/is being synced by a SiteSync command line \(process \d+ on .+, since \d\d:\d\d:\d\d UTC\)/);
    expect(writes()).toEqual(cleanWrites);
    const state = await smartPlusState(world, PROPERTY);
    expect(state.apartments).toHaveLength(28);
    expect(state.duplicates).toEqual([]);
    // The lock is gone once the run ended: the next sync runs (and has nothing to write).
    const after = await runCli(['sync', '--site', siteId, '--json'], env);
    expect(after.code, after.stderr).toBe(0);
  }, 240_000);
});
