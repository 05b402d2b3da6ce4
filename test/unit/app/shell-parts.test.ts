import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { applicationMenuTemplate, trayMenuTemplate } from '../../../src-main/app/menu';
import { runNotification } from '../../../src-main/app/notifications';
import { DEFAULT_BOUNDS, restoreBounds } from '../../../src-main/app/window-state';
import { EMPTY_COUNTS, type RunRecord } from '../../../src-shared/domain/run';
import { copyNativeModules, isForeignPrebuild, nativeModuleClosure } from '../../../forge/native-modules';

const actions = { resyncCurrentSite: vi.fn(), resyncAll: vi.fn(), open: vi.fn(), openLogFolder: vi.fn(), openHelp: vi.fn() };
type Item = { label?: string; role?: string; accelerator?: string; submenu?: Item[]; click?: () => void };
const flatten = (items: Item[]): Item[] => items.flatMap((i) => [i, ...flatten(i.submenu ?? [])]);

describe('application menu', () => {
  it('makes Ctrl/Cmd+R resync the current site in production, with no reload role', () => {
    const items = flatten(applicationMenuTemplate({ isMac: false, isDev: false, actions }) as Item[]);
    const resync = items.find((i) => i.accelerator === 'CmdOrCtrl+R')!;
    expect(resync.label).toBe('Resync Current Site');
    resync.click!();
    expect(actions.resyncCurrentSite).toHaveBeenCalledOnce();
    expect(items.some((i) => i.role === 'reload' || i.role === 'forceReload' || i.role === 'toggleDevTools')).toBe(false);
  });

  it('offers reload (on F5) and devtools only while developing', () => {
    const items = flatten(applicationMenuTemplate({ isMac: true, isDev: true, actions }) as Item[]);
    expect(items.find((i) => i.role === 'reload')?.accelerator).toBe('F5');
    expect(items.some((i) => i.role === 'appMenu')).toBe(true);
  });

  it('tray menu: Resync all, Open SiteSync, Quit SiteSync', () => {
    const tray = trayMenuTemplate({ resyncAll: vi.fn(), openWindow: vi.fn(), quit: vi.fn() }) as Item[];
    expect(tray.filter((i) => i.label).map((i) => i.label)).toEqual(['Resync all', 'Open SiteSync', 'Quit SiteSync']);
  });
});

describe('run notifications', () => {
  const run = (over: Partial<RunRecord>): RunRecord => ({
    id: 'r1', siteId: 's1', trigger: 'scheduled', dryRun: false, startedAt: '', endedAt: '', outcome: 'succeeded',
    counts: EMPTY_COUNTS, problemCount: 0, heldBackCount: 0, error: null, ...over,
  });
  it('notifies unattended runs that failed or held deletions back, and nothing else', () => {
    expect(runNotification(run({ outcome: 'failed', error: 'Rent Manager refused the password.' }), 'Maple Court')?.title).toBe('Sync of Maple Court failed');
    expect(runNotification(run({ outcome: 'held-back', heldBackCount: 12, trigger: 'catch-up' }), 'Maple Court')?.body).toContain('12 account deletions');
    expect(runNotification(run({ outcome: 'succeeded' }), 'x')).toBeNull();
    expect(runNotification(run({ outcome: 'failed', trigger: 'manual' }), 'x')).toBeNull();
  });
  it('an ask-first run says how many changes wait for the site (issue 15)', () => {
    expect(runNotification(run({ outcome: 'held-back', heldBackCount: 7, awaitingApproval: true }), 'Oak Street')?.title).toBe('7 changes waiting for Oak Street');
    expect(runNotification(run({ outcome: 'held-back', heldBackCount: 7, awaitingApproval: true, trigger: 'manual' }), 'Oak Street')).toBeNull();
  });
});

describe('window state', () => {
  const laptop = [{ x: 0, y: 0, width: 1440, height: 900 }];
  it('restores bounds that are visible on a display', () => {
    expect(restoreBounds({ x: 100, y: 80, width: 1200, height: 800 }, laptop)).toEqual({ x: 100, y: 80, width: 1200, height: 800, maximized: undefined });
  });
  it('drops the position when the window would open off-screen (monitor unplugged)', () => {
    expect(restoreBounds({ x: 2500, y: 100, width: 1200, height: 800 }, laptop)).toEqual({ width: 1200, height: 800, maximized: undefined });
  });
  it('uses defaults on first start and enforces a minimum size', () => {
    expect(restoreBounds(undefined, laptop)).toEqual(DEFAULT_BOUNDS);
    expect(restoreBounds({ x: 0, y: 0, width: 200, height: 100 }, laptop)).toMatchObject({ width: 900, height: 600 });
  });
});

describe('packaging hook: native modules', () => {
  const nodeModules = path.resolve(import.meta.dirname, '../../../node_modules');
  it('finds better-sqlite3, @napi-rs/keyring, their dependencies and the installed platform binary', () => {
    const closure = nativeModuleClosure(nodeModules);
    expect(closure).toEqual(expect.arrayContaining(['better-sqlite3', '@napi-rs/keyring', 'node-addon-api']));
    expect(closure.some((n) => n.startsWith('@napi-rs/keyring-linux-'))).toBe(process.platform === 'linux');
    expect(closure.some((n) => n.includes('darwin') || n.includes('win32'))).toBe(false);
  });
  it('fails with a clear message when a required module is missing', () => {
    expect(() => nativeModuleClosure(nodeModules, ['no-such-native-module'])).toThrow(/npm ci/);
  });
  it('keeps only the target platform prebuild', () => {
    expect(isForeignPrebuild('prebuilds/linux-x64.node', 'linux', 'x64')).toBe(false);
    expect(isForeignPrebuild('prebuilds/win32-x64.node', 'linux', 'x64')).toBe(true);
    expect(isForeignPrebuild('lib/index.js', 'linux', 'x64')).toBe(false);
  });
  it('copies a loadable better-sqlite3 into the build folder without sources', () => {
    const buildPath = fs.mkdtempSync(path.join(os.tmpdir(), 'sitesync-pack-'));
    try {
      copyNativeModules({ nodeModulesDir: nodeModules, buildPath, platform: process.platform, arch: process.arch });
      const copied = path.join(buildPath, 'node_modules', 'better-sqlite3');
      expect(fs.existsSync(path.join(copied, 'deps'))).toBe(false);
      expect(fs.readdirSync(path.join(copied, 'prebuilds'))).toEqual([`${process.platform}-${process.arch}.node`]);
      // Load the copy in a fresh process, as the packaged app would (two copies of one native
      // addon in one process are not supported).
      const script = "const D = require('better-sqlite3'); const db = new D(':memory:'); process.stdout.write(JSON.stringify(db.prepare('select 1 + 1 as two').get()));";
      const out = execFileSync(process.execPath, ['-e', script], { cwd: buildPath, env: { ...process.env, NODE_PATH: '' } }).toString();
      expect(JSON.parse(out)).toEqual({ two: 2 });
    } finally {
      fs.rmSync(buildPath, { recursive: true, force: true });
    }
  });
});
