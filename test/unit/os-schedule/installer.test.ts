import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_SCHEDULE } from '../../../src-shared/domain/schedule';
import {
  type ExecResult,
  type InstallerEnv,
  type InstallerPort,
  installOsSchedule,
  OsScheduleError,
  osScheduleStatus,
  removeOsSchedule,
} from '../../../src-main/os-schedule/installer';
import { installerEnvironment, nodeInstallerPort } from '../../../src-main/os-schedule/node-port';
import { systemdServiceUnit, systemdTimerUnit } from '../../../src-main/os-schedule/systemd-units';
import { TaskCommandSchema } from '../../../src-main/os-schedule/task-command';

const now = new Date('2026-12-02T10:00:00Z');
const command = TaskCommandSchema.parse({ program: '/opt/SiteSync/sitesync', args: ['--cli'] });
const target = { schedule: DEFAULT_SCHEDULE, command };

type Reply = Partial<ExecResult> | ((args: readonly string[]) => Partial<ExecResult>);

/** A port on real files in a temp dir (or in memory) whose exec records each command and answers from a script. */
function fakePort(replies: Record<string, Reply> = {}, memory?: Map<string, string | Uint8Array>) {
  const calls: string[] = [];
  const port: InstallerPort = {
    ...nodeInstallerPort,
    ...(memory && {
      writeFile: async (f, d) => void memory.set(f, d),
      readFile: async (f) => (memory.has(f) ? String(memory.get(f)) : null),
      removeFile: async (f) => memory.delete(f),
    }),
    exec: async (program, args) => {
      const line = [program, ...args].join(' ');
      calls.push(line);
      const key = Object.keys(replies).find((k) => line.startsWith(k));
      const reply = key ? replies[key]! : {};
      return { code: 0, stdout: '', stderr: '', ...(typeof reply === 'function' ? reply(args) : reply) };
    },
  };
  return { port, calls };
}

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sitesync-os-schedule-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('schedule install | remove | status on Linux (systemd user timer)', () => {
  const env = (): InstallerEnv => ({ platform: 'linux', homeDir: dir, configHome: path.join(dir, '.config'), machineZone: 'UTC', now });
  const unitDir = () => path.join(dir, '.config', 'systemd', 'user');

  it('install writes both units and enables the timer; remove disables it and deletes them', async () => {
    const { port, calls } = fakePort();
    const { files } = await installOsSchedule(port, env(), target);
    expect(files).toEqual([path.join(unitDir(), 'sitesync-run-due.service'), path.join(unitDir(), 'sitesync-run-due.timer')]);
    expect(fs.readFileSync(files[0]!, 'utf8')).toBe(systemdServiceUnit(command));
    expect(fs.readFileSync(files[1]!, 'utf8')).toBe(systemdTimerUnit(DEFAULT_SCHEDULE, now));
    expect(calls).toEqual(['systemctl --user daemon-reload', 'systemctl --user enable --now sitesync-run-due.timer']);
    calls.length = 0;
    expect(await removeOsSchedule(port, env())).toEqual({ removed: true });
    expect(calls).toEqual(['systemctl --user disable --now sitesync-run-due.timer', 'systemctl --user daemon-reload']);
    expect(fs.readdirSync(unitDir())).toEqual([]);
  });

  it('remove when nothing is registered says so', async () => {
    const { port } = fakePort({ 'systemctl --user disable': { code: 1, stderr: 'Unit file sitesync-run-due.timer does not exist.' } });
    expect(await removeOsSchedule(port, env())).toEqual({ removed: false });
  });

  it('a failing systemctl is a clear error naming the command', async () => {
    const { port } = fakePort({ 'systemctl --user enable': { code: 1, stderr: 'Failed to connect to bus: No medium found' } });
    await expect(installOsSchedule(port, env(), target)).rejects.toThrow(OsScheduleError);
    await expect(installOsSchedule(port, env(), target)).rejects.toThrow(/systemctl --user enable --now sitesync-run-due.timer failed \(exit 1\): Failed to connect to bus/);
  });

  it('status reports the timer\u2019s state, last and next run (unix timestamps), the last result and whether it is current', async () => {
    const { port, calls } = fakePort({
      'systemctl --user show sitesync-run-due.timer': {
        stdout: 'LoadState=loaded\nActiveState=active\nSubState=waiting\nUnitFileState=enabled\nLastTriggerUSec=@1796194803\nNextElapseUSecRealtime=@1796281200\n',
      },
      'systemctl --user show sitesync-run-due.service': { stdout: 'Result=success\nExecMainStatus=0\n' },
    });
    await installOsSchedule(port, env(), target);
    calls.length = 0;
    const status = await osScheduleStatus(port, env(), target);
    expect(calls[0]).toBe('systemctl --user show sitesync-run-due.timer -p LoadState -p ActiveState -p SubState -p UnitFileState -p LastTriggerUSec -p NextElapseUSecRealtime --timestamp=unix');
    expect(status).toEqual({
      platform: 'linux',
      registered: true,
      state: 'active (waiting), enabled',
      files: [path.join(unitDir(), 'sitesync-run-due.service'), path.join(unitDir(), 'sitesync-run-due.timer')],
      lastRun: new Date('2026-12-02T07:00:03Z'),
      lastResult: 'success (exit 0)',
      nextRun: new Date('2026-12-03T07:00:00Z'),
      upToDate: true,
    });
    const moved = await osScheduleStatus(port, env(), { schedule: { ...DEFAULT_SCHEDULE, time: '06:00' }, command });
    expect(moved.upToDate).toBe(false);
  });

  it('status on an older systemd (no --timestamp=) reads the printed UTC time, and never-run as null', async () => {
    const { port } = fakePort({
      'systemctl --user show sitesync-run-due.timer': (args) =>
        args.includes('--timestamp=unix')
          ? { code: 1, stderr: "systemctl: unrecognized option '--timestamp=unix'" }
          : { stdout: 'ActiveState=active\nUnitFileState=enabled\nLastTriggerUSec=Wed 2026-12-02 07:00:03 UTC\nNextElapseUSecRealtime=n/a\n' },
    });
    const status = await osScheduleStatus(port, env());
    expect(status).toMatchObject({ registered: false, lastRun: new Date('2026-12-02T07:00:03Z'), nextRun: null, upToDate: null, files: [] });
  });
});

describe('schedule install | remove | status on macOS (launchd agent)', () => {
  const env = (): InstallerEnv => ({ platform: 'darwin', homeDir: dir, uid: 501, machineZone: 'America/New_York', now });
  const plist = () => path.join(dir, 'Library', 'LaunchAgents', 'com.sitesync.desktop.run-due.plist');

  it('install writes the agent, boots out an old one and bootstraps it in the gui domain; remove boots it out and deletes it', async () => {
    const { port, calls } = fakePort({ 'launchctl bootout': { code: 113, stderr: 'Could not find service' } });
    expect(await installOsSchedule(port, env(), target)).toEqual({ files: [plist()] });
    expect(fs.readFileSync(plist(), 'utf8')).toContain('<key>RunAtLoad</key><true/>');
    expect(fs.existsSync(path.join(dir, 'Library', 'Logs', 'SiteSync'))).toBe(true);
    expect(calls).toEqual(['launchctl bootout gui/501/com.sitesync.desktop.run-due', `launchctl bootstrap gui/501 ${plist()}`]);
    calls.length = 0;
    expect(await removeOsSchedule(port, env())).toEqual({ removed: true });
    expect(calls).toEqual(['launchctl bootout gui/501/com.sitesync.desktop.run-due']);
    expect(fs.existsSync(plist())).toBe(false);
  });

  it('status: launchctl print\u2019s state and last exit code; the last run is when the agent last wrote its log', async () => {
    const { port } = fakePort({ 'launchctl print': { stdout: 'gui/501/com.sitesync.desktop.run-due = {\n\tstate = not running\n\truns = 3\n\tlast exit code = 0\n}\n' } });
    await installOsSchedule(port, env(), target);
    const log = path.join(dir, 'Library', 'Logs', 'SiteSync', 'run-due.log');
    fs.writeFileSync(log, 'Nothing is due.\n');
    fs.utimesSync(log, new Date('2026-12-02T07:00:09Z'), new Date('2026-12-02T07:00:09Z'));
    expect(await osScheduleStatus(port, env(), target)).toEqual({
      platform: 'darwin',
      registered: true,
      state: 'not running, 3 runs since load',
      files: [plist()],
      lastRun: new Date('2026-12-02T07:00:09Z'),
      lastResult: '0',
      nextRun: null,
      upToDate: true,
    });
  });

  it('without a uid the gui domain is unknown: a clear error', async () => {
    await expect(installOsSchedule(fakePort().port, { ...env(), uid: undefined }, target)).rejects.toThrow(/uid/);
  });
});

describe('schedule install | remove | status on Windows (Task Scheduler)', () => {
  const env: InstallerEnv = { platform: 'win32', homeDir: 'C:\\Users\\ana', tempDir: 'C:\\Users\\ana\\AppData\\Local\\Temp', userId: 'OFFICE\\ana', machineZone: 'America/New_York', now };
  const staged = 'C:\\Users\\ana\\AppData\\Local\\Temp\\sitesync-run-due.xml';

  it('install stages the XML (UTF-16) and registers it with schtasks /Create /XML /TN, then deletes the staged file', async () => {
    const memory = new Map<string, string | Uint8Array>();
    let seen: Uint8Array | undefined;
    const { port, calls } = fakePort({ 'schtasks /Create': () => ((seen = memory.get(staged) as Uint8Array), {}) }, memory);
    await installOsSchedule(port, env, target);
    expect(calls).toEqual([`schtasks /Create /XML ${staged} /TN SiteSync\\RunDue /F`]);
    expect(Buffer.from(seen!).subarray(2).toString('utf16le')).toContain('<StartBoundary>2026-12-02T07:00:00Z</StartBoundary>');
    expect(memory.has(staged)).toBe(false);
  });

  it('the staged file is deleted even when schtasks refuses the task', async () => {
    const memory = new Map<string, string | Uint8Array>();
    const { port } = fakePort({ 'schtasks /Create': { code: 1, stderr: 'ERROR: Access is denied.' } }, memory);
    await expect(installOsSchedule(port, env, target)).rejects.toThrow(/Access is denied/);
    expect(memory.size).toBe(0);
  });

  it('status parses schtasks /Query /V /FO LIST; an unknown task is not registered; remove deletes it', async () => {
    const list = 'Folder: \\SiteSync\r\nHostName:      OFFICE-PC\r\nTaskName:      \\SiteSync\\RunDue\r\nNext Run Time: 12/3/2026 7:00:00 AM\r\nStatus:        Ready\r\nLast Run Time: 12/2/2026 7:00:01 AM\r\nLast Result:   0\r\n';
    const { port, calls } = fakePort({ 'schtasks /Query': { stdout: list } }, new Map());
    expect(await osScheduleStatus(port, env)).toEqual({
      platform: 'win32',
      registered: true,
      state: 'Ready',
      files: [],
      lastRun: '12/2/2026 7:00:01 AM',
      lastResult: '0',
      nextRun: '12/3/2026 7:00:00 AM',
      upToDate: null,
    });
    expect(calls).toEqual(['schtasks /Query /TN SiteSync\\RunDue /V /FO LIST']);
    const missing = fakePort({ 'schtasks': { code: 1, stderr: 'ERROR: The system cannot find the file specified.' } }, new Map());
    expect((await osScheduleStatus(missing.port, env)).registered).toBe(false);
    expect(await removeOsSchedule(missing.port, env)).toEqual({ removed: false });
    expect(await removeOsSchedule(port, env)).toEqual({ removed: true });
    expect(calls.at(-1)).toBe('schtasks /Delete /TN SiteSync\\RunDue /F');
  });
});

describe('nodeInstallerPort', () => {
  it('writes into new folders, reads, stats and removes files; missing files are null/false', async () => {
    const file = path.join(dir, 'a', 'b', 'x.txt');
    await nodeInstallerPort.writeFile(file, 'hello');
    expect(await nodeInstallerPort.readFile(file)).toBe('hello');
    expect(await nodeInstallerPort.mtime(file)).toBeInstanceOf(Date);
    expect(await nodeInstallerPort.removeFile(file)).toBe(true);
    expect(await nodeInstallerPort.removeFile(file)).toBe(false);
    expect(await nodeInstallerPort.readFile(file)).toBeNull();
    expect(await nodeInstallerPort.mtime(file)).toBeNull();
  });

  it('exec returns the exit code and output without a shell; a missing program is 127', async () => {
    expect(await nodeInstallerPort.exec(process.execPath, ['-e', 'process.stdout.write("a $HOME b"); process.exit(3)'])).toMatchObject({ code: 3, stdout: 'a $HOME b' });
    const missing = await nodeInstallerPort.exec(path.join(dir, 'no-such-program'), []);
    expect(missing.code).toBe(127);
    expect(missing.stderr).toMatch(/ENOENT/);
  });
});

describe('installerEnvironment', () => {
  it('reads this process: platform, home, XDG config, uid, Windows user, machine zone', () => {
    const env = installerEnvironment({ XDG_CONFIG_HOME: '/x/config', USERDOMAIN: 'OFFICE', USERNAME: 'ana' }, now);
    expect(env).toMatchObject({ platform: process.platform, homeDir: os.homedir(), configHome: '/x/config', userId: 'OFFICE\\ana', now });
    expect(env.machineZone).toBe(Intl.DateTimeFormat().resolvedOptions().timeZone);
    expect(installerEnvironment({ XDG_CONFIG_HOME: '' }).configHome).toBeUndefined();
    if (process.getuid) expect(env.uid).toBe(process.getuid());
  });
});
