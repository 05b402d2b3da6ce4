import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_PREFERENCES } from '../../../src-shared/domain/preferences';
import { createLogger, memorySink } from '../../../src-main/logging/logger';
import { JsonFilePreferencesStore } from '../../../src-main/services/preferences';

const dirs: string[] = [];
const tempFile = () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sitesync-prefs-'));
  dirs.push(dir);
  return path.join(dir, 'config', 'preferences.json');
};
afterEach(() => dirs.splice(0).forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

describe('JsonFilePreferencesStore', () => {
  it('starts from defaults: system theme, no window, 07:00 UTC', () => {
    const store = new JsonFilePreferencesStore(tempFile());
    expect(store.get()).toEqual(DEFAULT_PREFERENCES);
    expect(store.get()).toEqual({ theme: 'system', window: null, schedule: { time: '07:00', zone: 'UTC', lightSyncMinutes: null } });
  });

  it('saves changes, merges the schedule, survives a restart and notifies listeners', () => {
    const file = tempFile();
    const store = new JsonFilePreferencesStore(file);
    const seen: string[] = [];
    const off = store.onChange((p) => seen.push(p.theme));
    store.update({ theme: 'dark', window: { x: 10, y: 20, width: 1200, height: 800, maximized: false } });
    store.update({ schedule: { zone: 'America/New_York', lightSyncMinutes: 30 } });
    off();
    store.update({ theme: 'light' });
    expect(seen).toEqual(['dark', 'dark']);
    const reopened = new JsonFilePreferencesStore(file);
    expect(reopened.get()).toEqual({
      theme: 'light',
      window: { x: 10, y: 20, width: 1200, height: 800, maximized: false },
      schedule: { time: '07:00', zone: 'America/New_York', lightSyncMinutes: 30 },
    });
    expect(fs.readdirSync(path.dirname(file))).toEqual(['preferences.json']);
  });

  it('refuses invalid values and keeps the stored ones', () => {
    const file = tempFile();
    const store = new JsonFilePreferencesStore(file);
    expect(() => store.update({ schedule: { time: '25:00' } })).toThrow();
    expect(() => store.update({ theme: 'neon' as 'dark' })).toThrow();
    expect(store.get()).toEqual(DEFAULT_PREFERENCES);
    expect(fs.existsSync(file)).toBe(false);
  });

  it('falls back to defaults on a damaged file, and says so in the log', () => {
    const file = tempFile();
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, '{ not json');
    const sink = memorySink();
    expect(new JsonFilePreferencesStore(file, createLogger(sink)).get()).toEqual(DEFAULT_PREFERENCES);
    fs.writeFileSync(file, JSON.stringify({ theme: 'purple' }));
    expect(new JsonFilePreferencesStore(file, createLogger(sink)).get()).toEqual(DEFAULT_PREFERENCES);
    expect(sink.lines.map((l) => JSON.parse(l).msg)).toEqual(['preferences file unreadable; using defaults', 'preferences file invalid; using defaults']);
  });
});
