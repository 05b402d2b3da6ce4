import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { openLocalDb } from '../../src-main/db/local-db';
import { MemorySecretStore } from '../../src-main/secrets/secret-store';
import { runCli } from '../support/cli-harness';

// Issue 12: runs left `running` by a crash or kill are marked interrupted by the next CLI start
// too (before, only the app's start did it, so `runs` showed a run "running" forever).

async function homeWithRunningRun(): Promise<{ home: string; runId: string; finishedId: string }> {
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'sitesync-interrupted-'));
  const db = await openLocalDb(path.join(home, 'sitesync.db'), new MemorySecretStore());
  const finished = db.runs.startRun({ siteId: 'cli:site', trigger: 'cli', dryRun: false, startedAt: '2026-11-27T06:00:00.000Z' });
  db.runs.finishRun(finished.id, { outcome: 'succeeded', endedAt: '2026-11-27T06:01:00.000Z', counts: finished.counts });
  const crashed = db.runs.startRun({ siteId: 'cli:site', trigger: 'cli', dryRun: false, startedAt: '2026-11-27T07:00:00.000Z' });
  db.close();
  return { home, runId: crashed.id, finishedId: finished.id };
}

describe('the next CLI start marks a crashed run interrupted', () => {
  it('`runs --json` after a killed run: the run is interrupted (failed, with the reason), the finished one untouched', async () => {
    const { home, runId, finishedId } = await homeWithRunningRun();
    const result = await runCli(['runs', '--json'], { ...process.env, SITESYNC_HOME: home });
    expect(result.code).toBe(0);
    const runs = JSON.parse(result.stdout) as Array<{ id: string; outcome: string; error: string | null; endedAt: string | null }>;
    expect(runs.find((r) => r.id === runId)).toMatchObject({ outcome: 'failed', error: expect.stringMatching(/^interrupted/) });
    expect(runs.find((r) => r.id === runId)?.endedAt).not.toBeNull();
    expect(runs.find((r) => r.id === finishedId)).toMatchObject({ outcome: 'succeeded', error: null });

    // It is recorded, not only shown: the database says so after the CLI exits.
    const db = await openLocalDb(path.join(home, 'sitesync.db'), new MemorySecretStore());
    expect(db.runs.getRun(runId)).toMatchObject({ outcome: 'failed', error: expect.stringMatching(/^interrupted/) });
    db.close();
  });

  it('`runs` (text) no longer lists the crashed run as running', async () => {
    const { home } = await homeWithRunningRun();
    const result = await runCli(['runs'], { ...process.env, SITESYNC_HOME: home });
    expect(result.code).toBe(0);
    expect(result.stdout).not.toMatch(/\brunning\b/);
    expect(result.stdout).toMatch(/\bfailed\b/);
  });

  it('leaves alone a run whose site another live process holds the lock of (it is still going)', async () => {
    const home = fs.mkdtempSync(path.join(os.tmpdir(), 'sitesync-interrupted-'));
    const db = await openLocalDb(path.join(home, 'sitesync.db'), new MemorySecretStore());
    const live = db.runs.startRun({ siteId: 'site-live', trigger: 'os-schedule', dryRun: false, startedAt: '2026-11-27T07:00:00.000Z' });
    const crashed = db.runs.startRun({ siteId: 'site-crashed', trigger: 'cli', dryRun: false, startedAt: '2026-11-27T07:00:00.000Z' });
    // Another process of this host that is alive, holding site-live's lock.
    const other = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)'], { stdio: 'ignore' });
    try {
      expect(db.runLocks.tryAcquire('site-live', { pid: other.pid!, host: os.hostname() || 'localhost', kind: 'cli' }, 'token-1').acquired).toBe(true);
      db.close();
      const result = await runCli(['runs', '--json'], { ...process.env, SITESYNC_HOME: home });
      const runs = JSON.parse(result.stdout) as Array<{ id: string; outcome: string }>;
      expect(runs.find((r) => r.id === live.id)?.outcome).toBe('running');
      expect(runs.find((r) => r.id === crashed.id)?.outcome).toBe('failed');
    } finally {
      other.kill('SIGKILL');
    }
  });
});
