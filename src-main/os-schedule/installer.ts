import path from 'node:path';
import { z } from 'zod';
import { ScheduleSchema } from '../../src-shared/domain/schedule';
import { LAUNCHD_LABEL, launchdPlist } from './launchd-plist';
import { parseKeyValues, parseLaunchctlPrint, parseSchtasksList, parseSystemdTimestamp } from './status-parse';
import { SYSTEMD_SERVICE, SYSTEMD_TIMER, systemdServiceUnit, systemdTimerUnit } from './systemd-units';
import { TaskCommandSchema } from './task-command';
import { WINDOWS_TASK_NAME, windowsTaskFileBytes, windowsTaskXml } from './windows-task';
import { plural } from '../../src-shared/text/plural';

/*
 * `schedule install | remove | status` (issue 14): registers the OS task that runs `run-due`
 * when SiteSync is not running. Every file and command goes through the injected port, so tests
 * use a temporary folder and a fake exec that records the commands (node-port.ts is the real one).
 */

/** What a command returned; a program that could not be started is code 127 with the reason in stderr. */
export interface ExecResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** The file system and process access the installer needs. */
export interface InstallerPort {
  /** Writes a file, creating its folder. */
  writeFile(file: string, data: string | Uint8Array): Promise<void>;
  /** A file's text, or null when it does not exist. */
  readFile(file: string): Promise<string | null>;
  /** Removes a file; false when it did not exist. */
  removeFile(file: string): Promise<boolean>;
  /** Creates a folder (and its parents). */
  mkdir(dir: string): Promise<void>;
  /** A file's modification time, or null when it does not exist. */
  mtime(file: string): Promise<Date | null>;
  /** Runs a program without a shell. */
  exec(program: string, args: readonly string[]): Promise<ExecResult>;
}

/** Where and for whom: read from the running process by the caller (node-port.ts `installerEnvironment`). */
export const InstallerEnvSchema = z.object({
  platform: z.enum(['linux', 'darwin', 'win32']),
  homeDir: z.string().min(1),
  /** Linux: $XDG_CONFIG_HOME or ~/.config. */
  configHome: z.string().min(1).optional(),
  /** Windows: where the task XML is staged for schtasks. */
  tempDir: z.string().min(1).optional(),
  /** macOS: the user's uid, for the gui/<uid> launchd domain. */
  uid: z.number().int().min(0).optional(),
  /** Windows: DOMAIN\user of the signed-in user. */
  userId: z.string().min(1).optional(),
  /** macOS: the machine's IANA zone (StartCalendarInterval is in local time). */
  machineZone: z.string().min(1),
  now: z.date(),
});
/** See {@link InstallerEnvSchema}. */
export type InstallerEnv = z.input<typeof InstallerEnvSchema>;

/** What to register: the schedule and the CLI command. */
export const InstallTargetSchema = z.object({ schedule: ScheduleSchema, command: TaskCommandSchema });
/** See {@link InstallTargetSchema}. */
export type InstallTarget = z.input<typeof InstallTargetSchema>;

/** An OS command the installer needed failed; the message says which and why. */
export class OsScheduleError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'OsScheduleError';
  }
}

/** What `status` reports. `lastRun` is a Date when the OS gives one, or the OS's own text. */
export interface OsScheduleStatus {
  readonly platform: 'linux' | 'darwin' | 'win32';
  readonly registered: boolean;
  /** The OS's words for the task's state (e.g. "active (waiting)", "Ready"). */
  readonly state: string | null;
  readonly files: readonly string[];
  readonly lastRun: Date | string | null;
  readonly lastResult: string | null;
  readonly nextRun: Date | string | null;
  /** When a target is given: whether the registered files match what install would write now (null: cannot tell). */
  readonly upToDate: boolean | null;
}

type Env = z.output<typeof InstallerEnvSchema>;

/** The files the task consists of on this OS (Windows keeps none: the task lives in Task Scheduler). */
export function osScheduleFiles(envInput: InstallerEnv): { unitDir?: string; files: string[]; logFile?: string } {
  const env = InstallerEnvSchema.parse(envInput);
  if (env.platform === 'linux') {
    const unitDir = path.posix.join(env.configHome ?? path.posix.join(env.homeDir, '.config'), 'systemd', 'user');
    return { unitDir, files: [path.posix.join(unitDir, SYSTEMD_SERVICE), path.posix.join(unitDir, SYSTEMD_TIMER)] };
  }
  if (env.platform === 'darwin') {
    return {
      files: [path.posix.join(env.homeDir, 'Library', 'LaunchAgents', `${LAUNCHD_LABEL}.plist`)],
      logFile: path.posix.join(env.homeDir, 'Library', 'Logs', 'SiteSync', 'run-due.log'),
    };
  }
  return { files: [] };
}

function contents(env: Env, target: z.output<typeof InstallTargetSchema>): Map<string, string> {
  const { files, logFile } = osScheduleFiles(env);
  if (env.platform === 'linux') {
    return new Map([
      [files[0]!, systemdServiceUnit(target.command)],
      [files[1]!, systemdTimerUnit(target.schedule, env.now)],
    ]);
  }
  if (env.platform === 'darwin') {
    return new Map([[files[0]!, launchdPlist({ schedule: target.schedule, command: target.command, machineZone: env.machineZone, from: env.now, logFile: logFile! })]]);
  }
  return new Map();
}

async function run(port: InstallerPort, program: string, args: readonly string[], allowFailure = false): Promise<ExecResult> {
  const result = await port.exec(program, args);
  if (result.code !== 0 && !allowFailure) {
    throw new OsScheduleError(`${[program, ...args].join(' ')} failed (exit ${result.code}): ${(result.stderr || result.stdout).trim() || 'no message'}`);
  }
  return result;
}

function launchdDomain(env: Env): string {
  if (env.uid === undefined) throw new OsScheduleError('macOS: the user id (uid) is needed for the launchd gui domain');
  return `gui/${env.uid}`;
}

/** Registers (or re-registers) the OS task; returns the files written and the commands run. */
export async function installOsSchedule(port: InstallerPort, envInput: InstallerEnv, targetInput: InstallTarget): Promise<{ files: string[] }> {
  const env = InstallerEnvSchema.parse(envInput);
  const target = InstallTargetSchema.parse(targetInput);
  const files = contents(env, target);
  if (env.platform === 'win32') {
    if (!env.tempDir || !env.userId) throw new OsScheduleError('Windows: tempDir and userId are needed to register the task');
    const staged = path.win32.join(env.tempDir, 'sitesync-run-due.xml');
    await port.writeFile(staged, windowsTaskFileBytes(windowsTaskXml({ schedule: target.schedule, command: target.command, userId: env.userId, from: env.now })));
    try {
      await run(port, 'schtasks', ['/Create', '/XML', staged, '/TN', WINDOWS_TASK_NAME, '/F']);
    } finally {
      await port.removeFile(staged);
    }
    return { files: [] };
  }
  for (const [file, text] of files) await port.writeFile(file, text);
  if (env.platform === 'linux') {
    await run(port, 'systemctl', ['--user', 'daemon-reload']);
    await run(port, 'systemctl', ['--user', 'enable', '--now', SYSTEMD_TIMER]);
  } else {
    await port.mkdir(path.posix.dirname(osScheduleFiles(env).logFile!));
    const domain = launchdDomain(env);
    // A loaded agent must be booted out before the new definition can be bootstrapped.
    await run(port, 'launchctl', ['bootout', `${domain}/${LAUNCHD_LABEL}`], true);
    await run(port, 'launchctl', ['bootstrap', domain, [...files.keys()][0]!]);
  }
  return { files: [...files.keys()] };
}

/** Unregisters the OS task and deletes its files; `removed` is false when nothing was registered. */
export async function removeOsSchedule(port: InstallerPort, envInput: InstallerEnv): Promise<{ removed: boolean }> {
  const env = InstallerEnvSchema.parse(envInput);
  if (env.platform === 'win32') {
    const result = await run(port, 'schtasks', ['/Delete', '/TN', WINDOWS_TASK_NAME, '/F'], true);
    return { removed: result.code === 0 };
  }
  const unloaded =
    env.platform === 'linux'
      ? await run(port, 'systemctl', ['--user', 'disable', '--now', SYSTEMD_TIMER], true)
      : await run(port, 'launchctl', ['bootout', `${launchdDomain(env)}/${LAUNCHD_LABEL}`], true);
  let removed = unloaded.code === 0;
  for (const file of osScheduleFiles(env).files) removed = (await port.removeFile(file)) || removed;
  if (env.platform === 'linux') await run(port, 'systemctl', ['--user', 'daemon-reload'], true);
  return { removed };
}

/** What is registered and when it last ran. With a target, also whether the registration is current. */
export async function osScheduleStatus(port: InstallerPort, envInput: InstallerEnv, targetInput?: InstallTarget): Promise<OsScheduleStatus> {
  const env = InstallerEnvSchema.parse(envInput);
  const expected = targetInput ? contents(env, InstallTargetSchema.parse(targetInput)) : null;
  const { files, logFile } = osScheduleFiles(env);
  const present: string[] = [];
  let upToDate: boolean | null = expected && env.platform !== 'win32' ? true : null;
  for (const file of files) {
    const text = await port.readFile(file);
    if (text !== null) present.push(file);
    if (upToDate !== null && text !== expected!.get(file)) upToDate = false;
  }
  const base = { platform: env.platform, files: present, upToDate };
  if (env.platform === 'linux') {
    const show = await showSystemd(port, SYSTEMD_TIMER, ['LoadState', 'ActiveState', 'SubState', 'UnitFileState', 'LastTriggerUSec', 'NextElapseUSecRealtime']);
    const service = await showSystemd(port, SYSTEMD_SERVICE, ['Result', 'ExecMainStatus']);
    const enabled = show.get('UnitFileState') === 'enabled';
    const active = show.get('ActiveState');
    return {
      ...base,
      // Without a reachable user manager (no session bus) the files are all there is to go by.
      registered: present.length === files.length && (enabled || show.size === 0),
      state: active ? `${active}${show.get('SubState') ? ` (${show.get('SubState')})` : ''}, ${show.get('UnitFileState') ?? 'unknown'}` : 'systemctl --user is not reachable',
      lastRun: parseSystemdTimestamp(show.get('LastTriggerUSec')),
      lastResult: service.get('Result') ? `${service.get('Result')}${service.has('ExecMainStatus') ? ` (exit ${service.get('ExecMainStatus')})` : ''}` : null,
      nextRun: parseSystemdTimestamp(show.get('NextElapseUSecRealtime')),
    };
  }
  if (env.platform === 'darwin') {
    const printed = await run(port, 'launchctl', ['print', `${launchdDomain(env)}/${LAUNCHD_LABEL}`], true);
    const info = printed.code === 0 ? parseLaunchctlPrint(printed.stdout) : { state: null, runs: null, lastExitCode: null };
    return {
      ...base,
      registered: present.length === files.length && printed.code === 0,
      state: info.state === null ? null : `${info.state}${info.runs !== null ? `, ${plural(info.runs, 'run')} since load` : ''}`,
      // launchd keeps no run time; the agent's log file is written by every run.
      lastRun: await port.mtime(logFile!),
      lastResult: info.lastExitCode,
      nextRun: null,
    };
  }
  const query = await run(port, 'schtasks', ['/Query', '/TN', WINDOWS_TASK_NAME, '/V', '/FO', 'LIST'], true);
  const info = query.code === 0 ? parseSchtasksList(query.stdout) : null;
  return { ...base, registered: info !== null, state: info?.status ?? null, lastRun: info?.lastRunTime ?? null, lastResult: info?.lastResult ?? null, nextRun: info?.nextRunTime ?? null };
}

/** `systemctl --user show` with unix timestamps, falling back for a systemd older than `--timestamp=` (v248). */
async function showSystemd(port: InstallerPort, unit: string, props: string[]): Promise<Map<string, string>> {
  const args = ['--user', 'show', unit, ...props.flatMap((p) => ['-p', p])];
  let result = await run(port, 'systemctl', [...args, '--timestamp=unix'], true);
  if (result.code !== 0 && /timestamp/i.test(result.stderr)) result = await run(port, 'systemctl', args, true);
  return result.code === 0 ? parseKeyValues(result.stdout) : new Map();
}
