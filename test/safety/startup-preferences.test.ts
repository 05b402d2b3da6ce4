import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { StartupNotice } from '../../src-shared/ipc/contract/app';
import { FakeClock } from '../unit/scheduler/fake-clock';
import { filesLike, startOn, type StartedRig, userDataDir, value } from './helpers/startup-rig';

// Issue 12, "startup never dies silently": a preferences.json that is not JSON, or JSON whose
// values have the wrong types, is kept aside byte for byte under a dated name and the app starts
// on defaults with a notice. Before, electron-store threw on bad JSON (start() rejected, no
// window) and silently replaced wrong types with defaults — overwriting the file on the next save.

let rig: StartedRig | null = null;
afterEach(async () => {
  await rig?.stop();
  rig = null;
});

const prefsFile = (dir: string) => path.join(dir, 'preferences.json');
const notices = async (r: StartedRig) => value<{ notices: StartupNotice[] }>(await r.call('app.getStartupNotices')).notices;
const settings = async (r: StartedRig) => value<{ schedule: { time: string } }>(await r.call('settings.get'));

/** Starts over a preferences file holding `content`; expects a start with one preferences notice, the file kept byte-identical. */
async function startWithDamaged(content: Buffer | string): Promise<{ r: StartedRig; notice: StartupNotice; keptPath: string }> {
  const dir = userDataDir();
  const bytes = Buffer.from(content);
  fs.writeFileSync(prefsFile(dir), bytes);
  const r = (rig = await startOn(dir, { clock: new FakeClock('2026-12-02T15:30:00.000Z') }));
  expect(r.result.ok).toBe(true);
  expect(r.fatal).toEqual([]);
  const keptPath = path.join(dir, 'preferences.json.damaged-2026-12-02T1530');
  expect(filesLike(dir, 'preferences.json.damaged-')).toEqual(['preferences.json.damaged-2026-12-02T1530']);
  expect(fs.readFileSync(keptPath).equals(bytes)).toBe(true);
  const list = await notices(r);
  expect(list.map((n) => n.kind)).toEqual(['preferences-replaced']);
  return { r, notice: list[0]!, keptPath };
}

describe('invalid preferences: kept aside, defaults used, a notice with the next step', () => {
  it('bad JSON (cut off mid-write)', async () => {
    const { notice, keptPath } = await startWithDamaged('{"theme": "dark", "schedule": {"time": "06:');
    expect(notice).toMatchObject({ dismissible: true, keptFile: keptPath, message: expect.stringContaining('not valid JSON'), nextStep: expect.stringContaining('Settings') });
  });

  it('garbage bytes', async () => {
    await startWithDamaged(randomBytes(512));
  });

  it('an empty file', async () => {
    await startWithDamaged('');
  });

  it('valid JSON with wrong types: the notice names the fields', async () => {
    const { notice } = await startWithDamaged(JSON.stringify({ theme: 42, schedule: { time: true } }));
    expect(notice.message).toMatch(/wrong kind \(.*theme/);
    expect(notice.message).toMatch(/schedule/);
  });

  it('valid JSON of the wrong shape (an array)', async () => {
    await startWithDamaged('[1, 2, 3]');
  });

  it('valid JSON that is null', async () => {
    await startWithDamaged('null');
  });

  it('a window size below the minimum (a value of the right type but out of range)', async () => {
    await startWithDamaged(JSON.stringify({ window: { x: 0, y: 0, width: 5, height: 5 } }));
  });

  it('after the reset the app saves to a fresh file and never touches the kept one', async () => {
    const { r, keptPath } = await startWithDamaged('{not json');
    const kept = fs.readFileSync(keptPath);
    expect(value(await r.call('app.setTheme', { theme: 'dark' }))).toBeUndefined();
    expect(JSON.parse(fs.readFileSync(prefsFile(r.dir), 'utf8'))).toMatchObject({ theme: 'dark' });
    expect(fs.readFileSync(keptPath).equals(kept)).toBe(true);
  });

  it('the notice can be dismissed and stays dismissed for every window', async () => {
    const { r, notice } = await startWithDamaged('{');
    const after = value<{ notices: StartupNotice[] }>(await r.call('app.dismissStartupNotice', { id: notice.id }));
    expect(after.notices).toEqual([]);
    expect(await notices(r)).toEqual([]);
    expect(r.events.some((e) => e.event === 'app.startupNoticesChanged')).toBe(true);
  });
});

describe('valid preferences are used and never moved', () => {
  it('a good file: no notice, its schedule in use', async () => {
    const dir = userDataDir();
    fs.writeFileSync(prefsFile(dir), JSON.stringify({ theme: 'dark', schedule: { time: '05:45', zone: 'America/New_York', lightSyncMinutes: null } }));
    rig = await startOn(dir);
    expect(await notices(rig)).toEqual([]);
    expect(filesLike(dir, 'preferences.json.damaged-')).toEqual([]);
    expect((await settings(rig)).schedule.time).toBe('05:45');
  });

  it('a file with a byte-order mark (saved by a Windows editor) is not damage', async () => {
    const dir = userDataDir();
    fs.writeFileSync(prefsFile(dir), `\uFEFF${JSON.stringify({ schedule: { time: '05:45', zone: 'America/New_York', lightSyncMinutes: null } })}`);
    rig = await startOn(dir);
    expect(await notices(rig)).toEqual([]);
    expect((await settings(rig)).schedule.time).toBe('05:45');
  });
});

describe('both files damaged, or preferences unreadable', () => {
  it('a damaged database and damaged preferences: both kept, two notices, the app starts', async () => {
    const dir = userDataDir();
    const db = randomBytes(4096);
    fs.writeFileSync(path.join(dir, 'sitesync.db'), db);
    fs.writeFileSync(prefsFile(dir), '{"theme":');
    rig = await startOn(dir, { clock: new FakeClock('2026-12-02T15:30:00.000Z') });
    expect(rig.result.ok).toBe(true);
    expect((await notices(rig)).map((n) => n.kind).sort()).toEqual(['database-replaced', 'preferences-replaced']);
    expect(fs.readFileSync(path.join(dir, 'sitesync.db.damaged-2026-12-02T1530')).equals(db)).toBe(true);
    expect(fs.readFileSync(path.join(dir, 'preferences.json.damaged-2026-12-02T1530'), 'utf8')).toBe('{"theme":');
  });

  it('preferences.json that is a folder (cannot be read): an error dialog naming the log file, nothing moved', async () => {
    const dir = userDataDir();
    fs.mkdirSync(prefsFile(dir));
    rig = await startOn(dir);
    expect(rig.result.ok).toBe(false);
    expect(rig.fatal[0]?.message).toContain(path.join(dir, 'logs', 'sitesync.log'));
    expect(fs.statSync(prefsFile(dir)).isDirectory()).toBe(true);
  });
});
