import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createBackgroundService, type OsTaskControl } from '../../../src-main/features/background-service';
import type { InstallTarget } from '../../../src-main/os-schedule/installer';
import { silentLogger } from '../../../src-main/logging/logger';
import { AppPreferencesFile } from '../../../src-main/services/app-preferences-file';

function rig(options: { imported?: boolean; failInstall?: boolean } = {}) {
  const prefs = new AppPreferencesFile(fs.mkdtempSync(path.join(os.tmpdir(), 'sitesync-bg-')));
  const calls: string[] = [];
  let registered = false;
  const osTask: OsTaskControl = {
    async install(target: InstallTarget) {
      if (options.failInstall) throw new Error('systemctl --user enable failed (exit 1): Failed to connect to bus');
      calls.push(`install ${target.schedule.time} ${target.schedule.zone} ${target.command.program}`);
      registered = true;
    },
    async remove() {
      calls.push('remove');
      registered = false;
    },
    async status() {
      return { platform: 'linux', registered, state: null, files: [], lastRun: registered ? new Date('2026-12-02T07:00:05Z') : null, lastResult: null, nextRun: null, upToDate: true };
    },
  };
  const service = createBackgroundService({
    preferences: prefs,
    log: silentLogger,
    hasImportedSite: () => options.imported ?? false,
    osTask,
    taskCommand: () => ({ program: '/opt/SiteSync/sitesync', args: ['--cli'] }),
  });
  return { prefs, calls, service };
}

describe('the background settings service', () => {
  it('defaults: keep running on, start at sign-in on only after the first import, run when closed off', async () => {
    expect(await rig().service.get()).toEqual({ keepRunningInBackground: true, startAtSignIn: false, runWhenClosed: false, osTask: { registered: false, lastRun: null, problem: null } });
    expect((await rig({ imported: true }).service.get()).startAtSignIn).toBe(true);
  });

  it('"Run the daily sync even when SiteSync is closed" registers the OS task for the schedule, and removes it', async () => {
    const { service, calls, prefs } = rig();
    prefs.update({ schedule: { time: '03:00', zone: 'America/New_York' } });
    const on = await service.save({ runWhenClosed: true });
    expect(on).toMatchObject({ runWhenClosed: true, osTask: { registered: true, lastRun: '2026-12-02T07:00:05.000Z', problem: null } });
    expect(calls).toEqual(['install 03:00 America/New_York /opt/SiteSync/sitesync']);
    // A new schedule registers it again; a change of another switch does not touch it.
    prefs.update({ schedule: { time: '04:00' } });
    await service.scheduleChanged();
    await service.save({ keepRunningInBackground: false });
    expect(calls).toEqual(['install 03:00 America/New_York /opt/SiteSync/sitesync', 'install 04:00 America/New_York /opt/SiteSync/sitesync']);
    expect(await service.save({ runWhenClosed: false })).toMatchObject({ runWhenClosed: false, keepRunningInBackground: false, osTask: { registered: false } });
    expect(calls.at(-1)).toBe('remove');
  });

  it('a failed registration leaves the switch off and says why', async () => {
    const { service, prefs } = rig({ failInstall: true });
    const view = await service.save({ runWhenClosed: true });
    expect(view.runWhenClosed).toBe(false);
    expect(prefs.get().runWhenClosed).toBe(false);
    expect(view.osTask.problem).toMatch(/could not be registered: systemctl --user enable failed/);
  });
});
