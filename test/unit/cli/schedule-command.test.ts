import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_SCHEDULE } from '../../../src-shared/domain/schedule';
import { scheduleCommand, type ScheduleCommandDeps } from '../../../src-main/cli/schedule-command';
import { UsageError } from '../../../src-main/cli/cli-error';
import type { ExecResult } from '../../../src-main/os-schedule/installer';
import { nodeInstallerPort } from '../../../src-main/os-schedule/node-port';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sitesync-schedule-cli-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

/** Deps on a temp config folder whose exec records commands and answers `systemctl show` with `show`. */
function deps(show: Partial<ExecResult> = {}, failEnable = false) {
  const calls: string[] = [];
  const out: string[] = [];
  const err: string[] = [];
  const d: ScheduleCommandDeps = {
    port: {
      ...nodeInstallerPort,
      exec: async (program, args) => {
        const line = [program, ...args].join(' ');
        calls.push(line);
        if (failEnable && line.includes('enable')) return { code: 1, stdout: '', stderr: 'Failed to connect to bus: No medium found' };
        if (line.includes('show sitesync-run-due.timer')) return { code: 0, stdout: '', stderr: '', ...show };
        return { code: 0, stdout: '', stderr: '' };
      },
    },
    env: { platform: 'linux', homeDir: dir, configHome: path.join(dir, '.config'), machineZone: 'UTC', now: new Date('2026-12-02T10:00:00Z') },
    target: () => ({ schedule: DEFAULT_SCHEDULE, command: { program: '/opt/SiteSync/sitesync', args: ['--cli'] } }),
    out: (s) => void out.push(s),
    err: (s) => void err.push(s),
  };
  return { d, calls, out, err };
}

describe('scheduleCommand', () => {
  it('install registers the timer and says what it runs; --json gives the files and argv', async () => {
    const { d, calls, out } = deps();
    expect(await scheduleCommand('install', {}, d)).toBe(0);
    expect(out[0]).toBe('Registered the OS task: daily at 07:00 UTC and once after sign-in.');
    expect(out[1]).toBe('It runs: /opt/SiteSync/sitesync --cli run-due --trigger os-schedule');
    expect(calls).toContain('systemctl --user enable --now sitesync-run-due.timer');
    out.length = 0;
    expect(await scheduleCommand('install', { json: true }, d)).toBe(0);
    expect(JSON.parse(out[0]!)).toMatchObject({ installed: true, platform: 'linux', command: ['/opt/SiteSync/sitesync', '--cli', 'run-due', '--trigger', 'os-schedule'] });
  });

  it('status shows what is registered and when it last ran; nothing registered says how to register', async () => {
    const none = deps({ stdout: 'ActiveState=inactive\nUnitFileState=\n' });
    expect(await scheduleCommand('status', {}, none.d)).toBe(0);
    expect(none.out).toEqual(['No OS task is registered (systemd user timer). Run "schedule install" to register one.']);
    const on = deps({ stdout: 'ActiveState=active\nSubState=waiting\nUnitFileState=enabled\nLastTriggerUSec=@1796194803\nNextElapseUSecRealtime=@1796281200\n' });
    await scheduleCommand('install', {}, on.d);
    on.out.length = 0;
    expect(await scheduleCommand('status', {}, on.d)).toBe(0);
    expect(on.out[0]!.split('\n').slice(0, 3)).toEqual([
      'OS task: systemd user timer, registered (active (waiting), enabled)',
      'Last ran: 2026-12-02 07:00:03 UTC',
      'Next run: 2026-12-03 07:00:00 UTC',
    ]);
    on.out.length = 0;
    await scheduleCommand('status', { json: true }, on.d);
    expect(JSON.parse(on.out[0]!)).toMatchObject({ registered: true, lastRun: '2026-12-02T07:00:03.000Z', upToDate: true });
  });

  it('remove deletes it, and says so when there was none', async () => {
    const { d, out } = deps();
    await scheduleCommand('install', {}, d);
    expect(await scheduleCommand('remove', {}, d)).toBe(0);
    expect(out.at(-1)).toBe('Removed the OS task.');
    expect(fs.readdirSync(path.join(dir, '.config', 'systemd', 'user'))).toEqual([]);
  });

  it('an OS command failing is exit 1 with its message; a bad action is a usage error', async () => {
    const { d, err } = deps({}, true);
    expect(await scheduleCommand('install', {}, d)).toBe(1);
    expect(err[0]).toMatch(/^sitesync: systemctl --user enable --now sitesync-run-due.timer failed \(exit 1\): Failed to connect to bus/);
    await expect(scheduleCommand('enable', {}, d)).rejects.toThrow(UsageError);
    await expect(scheduleCommand(undefined, {}, d)).rejects.toThrow(/install, remove, status/);
  });
});
