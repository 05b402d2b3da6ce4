import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { EMPTY_COUNTS } from '../../src-shared/domain/run';
import type { StartupNotice } from '../../src-shared/ipc/contract/app';
import { openDatabase } from '../../src-main/db/database';
import { openLocalDb } from '../../src-main/db/local-db';
import { MemorySecretStore } from '../../src-main/secrets/secret-store';
import { FakeClock } from '../unit/scheduler/fake-clock';
import { filesLike, startOn, type StartedRig, userDataDir, value } from './helpers/startup-rig';

// Issue 12, "startup never dies silently": a sitesync.db SQLite cannot read is kept aside —
// byte for byte, named with the date — a fresh database is created, and the shell gets a
// notice with the next step. Before, start() rejected: no window, no tray, no message.

let rig: StartedRig | null = null;
afterEach(async () => {
  await rig?.stop();
  rig = null;
});

const notices = async (r: StartedRig) => value<{ notices: StartupNotice[] }>(await r.call('app.getStartupNotices')).notices;

/** A real database with one run in it, closed (WAL checkpointed into the main file). */
async function realDatabase(dir: string, runs = 200): Promise<string> {
  const file = path.join(dir, 'sitesync.db');
  const db = await openLocalDb(file, new MemorySecretStore());
  for (let i = 0; i < runs; i++) db.runs.startRun({ siteId: `site-${i}`, trigger: 'manual', dryRun: false, startedAt: '2026-11-27T07:00:00.000Z' });
  db.close();
  return file;
}

describe('a damaged database is kept aside and replaced, with a notice', () => {
  it('garbage bytes: the app starts, says so, and keeps the file byte-identical under a dated name', async () => {
    const dir = userDataDir();
    const garbage = randomBytes(8192);
    fs.writeFileSync(path.join(dir, 'sitesync.db'), garbage);
    const clock = new FakeClock('2026-12-02T15:30:12.000Z');
    rig = await startOn(dir, { clock });
    expect(rig.result.ok).toBe(true);
    expect(rig.fatal).toEqual([]);
    expect(filesLike(dir, 'sitesync.db.damaged-')).toEqual(['sitesync.db.damaged-2026-12-02T1530']);
    expect(fs.readFileSync(path.join(dir, 'sitesync.db.damaged-2026-12-02T1530')).equals(garbage)).toBe(true);
    const [notice] = await notices(rig);
    expect(notice).toMatchObject({
      kind: 'database-replaced',
      dismissible: true,
      keptFile: path.join(dir, 'sitesync.db.damaged-2026-12-02T1530'),
      message: expect.stringContaining('kept it unchanged'),
      nextStep: expect.stringMatching(/connections and sites again/),
    });
    // The fresh database works: the app answers from it.
    expect(value(await rig.call('sites.list'))).toEqual([]);
    expect(rig.logLines.some((l) => l.includes('database damaged; kept aside'))).toBe(true);
  });

  it('its WAL and shared-memory files go aside with it, each byte-identical', async () => {
    const dir = userDataDir();
    const parts = { '': randomBytes(4096), '-wal': randomBytes(3000), '-shm': randomBytes(32768) };
    for (const [suffix, bytes] of Object.entries(parts)) fs.writeFileSync(path.join(dir, `sitesync.db${suffix}`), bytes);
    rig = await startOn(dir, { clock: new FakeClock('2026-12-02T15:30:00.000Z') });
    expect(rig.result.ok).toBe(true);
    for (const [suffix, bytes] of Object.entries(parts)) {
      expect(fs.readFileSync(path.join(dir, `sitesync.db.damaged-2026-12-02T1530${suffix}`)).equals(bytes)).toBe(true);
    }
  });

  it('a real database with a page overwritten (header intact) is found by the check and kept', async () => {
    const dir = userDataDir();
    const file = await realDatabase(dir);
    const bytes = fs.readFileSync(file);
    expect(bytes.length).toBeGreaterThan(4096 * 4);
    randomBytes(4096).copy(bytes, 4096 * 2);
    fs.writeFileSync(file, bytes);
    rig = await startOn(dir);
    expect(rig.result.ok).toBe(true);
    const kept = filesLike(dir, 'sitesync.db.damaged-');
    expect(kept).toHaveLength(1);
    expect(fs.readFileSync(path.join(dir, kept[0]!)).equals(bytes)).toBe(true);
    expect((await notices(rig)).map((n) => n.kind)).toEqual(['database-replaced']);
  });

  it('a database cut off halfway (a disk that filled during a write) is kept and replaced', async () => {
    const dir = userDataDir();
    const file = await realDatabase(dir);
    const half = fs.readFileSync(file).subarray(0, Math.floor(fs.statSync(file).size / 2));
    fs.writeFileSync(file, half);
    rig = await startOn(dir);
    expect(rig.result.ok).toBe(true);
    const kept = filesLike(dir, 'sitesync.db.damaged-');
    expect(kept).toHaveLength(1);
    expect(fs.readFileSync(path.join(dir, kept[0]!)).equals(half)).toBe(true);
  });

  it('damaged twice in the same minute: the second copy gets its own name, the first is not overwritten', async () => {
    const dir = userDataDir();
    const first = randomBytes(2048);
    const second = randomBytes(2048);
    fs.writeFileSync(path.join(dir, 'sitesync.db'), first);
    rig = await startOn(dir, { clock: new FakeClock('2026-12-02T15:30:00.000Z') });
    await rig.stop();
    fs.rmSync(path.join(dir, 'sitesync.db'));
    for (const s of ['-wal', '-shm']) fs.rmSync(path.join(dir, `sitesync.db${s}`), { force: true });
    fs.writeFileSync(path.join(dir, 'sitesync.db'), second);
    rig = await startOn(dir, { clock: new FakeClock('2026-12-02T15:30:40.000Z') });
    expect(filesLike(dir, 'sitesync.db.damaged-').filter((f) => !/-(wal|shm)$/.test(f))).toEqual(['sitesync.db.damaged-2026-12-02T1530', 'sitesync.db.damaged-2026-12-02T1530-2']);
    expect(fs.readFileSync(path.join(dir, 'sitesync.db.damaged-2026-12-02T1530')).equals(first)).toBe(true);
    expect(fs.readFileSync(path.join(dir, 'sitesync.db.damaged-2026-12-02T1530-2')).equals(second)).toBe(true);
  });
});

/** A database as a crash leaves it: recent writes only in the WAL (not checkpointed), copied while open. */
async function crashedDatabase(dir: string): Promise<string> {
  const file = await realDatabase(dir, 50);
  const live = openDatabase(file);
  live.pragma('wal_autocheckpoint = 0');
  live.prepare(`INSERT INTO runs (id, site_id, trigger, dry_run, started_at, outcome, counts_json) VALUES ('in-wal', 'site-wal', 'manual', 0, '2026-11-27T08:00:00.000Z', 'running', ?)`).run(JSON.stringify(EMPTY_COUNTS));
  const frozen = { db: fs.readFileSync(file), wal: fs.readFileSync(`${file}-wal`) };
  live.close();
  fs.writeFileSync(file, frozen.db);
  fs.writeFileSync(`${file}-wal`, frozen.wal);
  fs.rmSync(`${file}-shm`, { force: true });
  return file;
}

describe('a crash WAL beside the database', () => {
  it('damaged pages with a valid WAL: the database and its WAL are both kept byte-identical (the check never checkpoints the original)', async () => {
    const dir = userDataDir();
    const file = await crashedDatabase(dir);
    const bytes = fs.readFileSync(file);
    randomBytes(4096).copy(bytes, 4096 * 2);
    fs.writeFileSync(file, bytes);
    const wal = fs.readFileSync(`${file}-wal`);
    expect(wal.length).toBeGreaterThan(0);
    rig = await startOn(dir, { clock: new FakeClock('2026-12-02T15:30:00.000Z') });
    expect(rig.result.ok).toBe(true);
    expect(fs.readFileSync(path.join(dir, 'sitesync.db.damaged-2026-12-02T1530')).equals(bytes)).toBe(true);
    expect(fs.readFileSync(path.join(dir, 'sitesync.db.damaged-2026-12-02T1530-wal')).equals(wal)).toBe(true);
    expect(filesLike(dir, '.startup-check-')).toEqual([]);
  });

  it('a healthy database with a crash WAL is not moved, and the writes in the WAL are there', async () => {
    const dir = userDataDir();
    await crashedDatabase(dir);
    rig = await startOn(dir);
    expect(await notices(rig)).toEqual([]);
    expect(filesLike(dir, 'sitesync.db.damaged-')).toEqual([]);
    // The start marks the crashed run interrupted: it was read from the WAL.
    expect(rig.result.ok && rig.result.services.ctx.db.runs.getRun('in-wal')).toMatchObject({ outcome: 'failed', error: expect.stringMatching(/^interrupted/) });
  });
});

describe('a database that is not damaged is never moved', () => {
  it('a healthy database starts as it was: no notice, its data still there', async () => {
    const dir = userDataDir();
    const file = await realDatabase(dir, 3);
    rig = await startOn(dir);
    expect(await notices(rig)).toEqual([]);
    expect(filesLike(dir, 'sitesync.db.damaged-')).toEqual([]);
    expect(fs.existsSync(file)).toBe(true);
    expect(rig.result.ok && rig.result.services.ctx.db.runs.listRuns('site-1')).toHaveLength(1);
  });

  it('a database from a newer SiteSync stays in place, byte-identical, and the error dialog names the log file', async () => {
    const dir = userDataDir();
    const file = path.join(dir, 'sitesync.db');
    const db = openDatabase(file);
    db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (99, ?, ?)').run('from-the-future', '2027-01-01');
    db.close();
    const before = fs.readFileSync(file);
    rig = await startOn(dir);
    expect(rig.result.ok).toBe(false);
    expect(rig.fatal).toHaveLength(1);
    expect(rig.fatal[0]!.title).toBe('SiteSync could not start');
    expect(rig.fatal[0]!.message).toContain('newer SiteSync');
    expect(rig.fatal[0]!.message).toContain(path.join(dir, 'logs', 'sitesync.log'));
    expect(filesLike(dir, 'sitesync.db.damaged-')).toEqual([]);
    expect(fs.readFileSync(file).equals(before)).toBe(true);
  });

  it('a start error while the log cannot be written either: the dialog says so and what to do, instead of pointing at a missing file', async () => {
    const parent = userDataDir();
    const notADir = path.join(parent, 'userData');
    fs.writeFileSync(notADir, 'I am a file');
    rig = await startOn(notADir, { logError: 'ENOSPC' });
    expect(rig.fatal[0]!.message).toMatch(/The log could not be written \(ENOSPC\)/);
    expect(rig.fatal[0]!.message).toMatch(/Free some disk space/);
  });

  it('any other start error (the user-data path is a file) is an error dialog with the log path, not a silent death', async () => {
    const parent = userDataDir();
    const notADir = path.join(parent, 'userData');
    fs.writeFileSync(notADir, 'I am a file');
    rig = await startOn(notADir);
    expect(rig.result.ok).toBe(false);
    expect(rig.fatal).toHaveLength(1);
    expect(rig.fatal[0]!.message).toMatch(/Nothing was deleted/);
    expect(rig.fatal[0]!.message).toContain(path.join(notADir, 'logs', 'sitesync.log'));
    expect(fs.readFileSync(notADir, 'utf8')).toBe('I am a file');
  });
});
