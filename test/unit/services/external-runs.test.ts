import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { RunRecord } from '../../../src-shared/domain/run';
import { EMPTY_COUNTS } from '../../../src-shared/domain/run';
import { type LocalDb, openLocalDb } from '../../../src-main/db/local-db';
import { silentLogger } from '../../../src-main/logging/logger';
import { MemorySecretStore } from '../../../src-main/secrets/secret-store';
import { EventBus } from '../../../src-main/services/event-bus';
import { createExternalRunWatcher } from '../../../src-main/services/external-runs';

// Issue 14: the app notices runs another process (the CLI, the OS task) wrote to the shared
// database and emits the existing sync.finished event, so its screens refresh.

const open: LocalDb[] = [];
afterEach(() => {
  for (const db of open.splice(0)) db.close();
});

async function twoProcesses() {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'sitesync-ext-')), 'sitesync.db');
  const secrets = new MemorySecretStore();
  const app = await openLocalDb(file, secrets);
  const cli = await openLocalDb(file, secrets);
  open.push(app, cli);
  return { file, secrets, app, cli };
}

const run = (id: string, endedAt: string | null, trigger: RunRecord['trigger'] = 'os-schedule'): RunRecord => ({
  id, siteId: 'site-1', trigger, dryRun: false, startedAt: '2026-12-02T07:00:00.000Z', endedAt, outcome: endedAt ? 'failed' : 'running',
  counts: EMPTY_COUNTS, problemCount: 0, heldBackCount: 0, error: endedAt ? 'SmartPlus did not answer' : null,
});

describe('createExternalRunWatcher', () => {
  it('emits sync.finished for a run another connection finished, once; not for its own runs; nothing without a change', async () => {
    const { app, cli } = await twoProcesses();
    const events = new EventBus();
    const seen: string[] = [];
    events.on('sync.finished', (r) => seen.push(`${r.id}:${r.trigger}`));
    const watcher = createExternalRunWatcher({ db: app, events, now: () => new Date('2026-12-02T06:00:00.000Z'), log: silentLogger });
    expect(watcher.check()).toEqual([]);

    // The app's own run: finished (and announced) in this process.
    await app.runStore.saveRun(run('own', '2026-12-02T07:01:00.000Z', 'scheduled'));
    events.emit('sync.finished', run('own', '2026-12-02T07:01:00.000Z', 'scheduled'));
    // The OS task's runs in the other process: one running, one finished.
    await cli.runStore.saveRun(run('os-1', null));
    await cli.runStore.saveRun(run('os-2', '2026-12-02T07:02:00.000Z'));
    expect(watcher.check().map((r) => r.id)).toEqual(['os-2']);
    expect(seen).toEqual(['own:scheduled', 'os-2:os-schedule']);
    expect(watcher.check()).toEqual([]);

    await cli.runStore.saveRun(run('os-1', '2026-12-02T07:05:00.000Z'));
    expect(watcher.check().map((r) => r.id)).toEqual(['os-1']);
    expect(seen).toEqual(['own:scheduled', 'os-2:os-schedule', 'os-1:os-schedule']);
    watcher.close();
  });

  it('after a restart, reports the runs the OS task finished while the app was closed (and only those)', async () => {
    const { app, cli } = await twoProcesses();
    const first = createExternalRunWatcher({ db: app, events: new EventBus(), now: () => new Date('2026-12-02T06:00:00.000Z'), log: silentLogger });
    await cli.runStore.saveRun(run('before', '2026-12-01T07:01:00.000Z'));
    first.check();
    first.close(); // the app quits at 06:00
    await cli.runStore.saveRun(run('while-closed', '2026-12-02T07:01:00.000Z'));
    const events = new EventBus();
    const seen: string[] = [];
    events.on('sync.finished', (r) => seen.push(r.id));
    const second = createExternalRunWatcher({ db: app, events, now: () => new Date('2026-12-02T09:00:00.000Z'), log: silentLogger });
    second.check();
    expect(seen).toEqual(['while-closed']);
    second.close();
  });
});
