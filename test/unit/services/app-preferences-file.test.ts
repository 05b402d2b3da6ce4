import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { APP_PREFERENCES_FILE, AppPreferencesFile } from '../../../src-main/services/app-preferences-file';
import { appUserDataDir } from '../../../src-main/cli/home';

describe('the app’s preferences file without Electron (the CLI shares it)', () => {
  it('reads and writes electron-store’s layout, keeps its other keys, and sees the other process’s changes at once', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sitesync-prefs-'));
    const file = path.join(dir, APP_PREFERENCES_FILE);
    // As electron-store (conf) writes it: the value under its key, conf's own bookkeeping beside it.
    fs.writeFileSync(file, JSON.stringify({ __internal__: { migrations: { version: '0.1.0' } }, preferences: { theme: 'dark', schedule: { time: '03:00', zone: 'America/New_York', lightSyncMinutes: null } } }, undefined, '\t'));
    const cli = new AppPreferencesFile(dir);
    expect(cli.get()).toMatchObject({ theme: 'dark', schedule: { time: '03:00', zone: 'America/New_York' } });
    cli.update({ runWhenClosed: true });
    const whole = JSON.parse(fs.readFileSync(file, 'utf8'));
    expect(whole.__internal__).toEqual({ migrations: { version: '0.1.0' } });
    expect(whole.preferences).toMatchObject({ theme: 'dark', runWhenClosed: true });
    // Another process (the app) writes: the next get() sees it without a reload.
    fs.writeFileSync(file, JSON.stringify({ preferences: { ...whole.preferences, schedule: { time: '05:30', zone: 'UTC', lightSyncMinutes: 30 } } }, undefined, '\t'));
    expect(cli.get().schedule).toEqual({ time: '05:30', zone: 'UTC', lightSyncMinutes: 30 });
  });

  it('a missing or broken file means defaults', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sitesync-prefs-'));
    expect(new AppPreferencesFile(dir).get().schedule).toEqual({ time: '07:00', zone: 'UTC', lightSyncMinutes: null });
    fs.writeFileSync(path.join(dir, APP_PREFERENCES_FILE), '{ not json');
    expect(new AppPreferencesFile(dir).get().theme).toBe('system');
  });
});

describe('the app’s user-data folder, as Electron names it for productName SiteSync', () => {
  it.each([
    ['linux', {}, '/home/ana', '/home/ana/.config/SiteSync'],
    ['linux', { XDG_CONFIG_HOME: '/srv/conf' }, '/home/ana', '/srv/conf/SiteSync'],
    ['darwin', {}, '/Users/ana', '/Users/ana/Library/Application Support/SiteSync'],
    ['win32', { APPDATA: 'C:\\Users\\ana\\AppData\\Roaming' }, 'C:\\Users\\ana', 'C:\\Users\\ana\\AppData\\Roaming\\SiteSync'],
  ] as const)('%s %j', (platform, env, home, expected) => {
    expect(appUserDataDir(platform, env, home)).toBe(expected);
  });
});
