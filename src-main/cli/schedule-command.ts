import { type InstallerEnv, type InstallerPort, type InstallTarget, installOsSchedule, OsScheduleError, type OsScheduleStatus, osScheduleStatus, removeOsSchedule } from '../os-schedule/installer';
import { taskArgv, TaskCommandSchema } from '../os-schedule/task-command';
import { EXIT, UsageError } from './cli-error';

/** What `schedule …` needs: the OS port and environment, and what to register (read lazily: only install and status use it). */
export interface ScheduleCommandDeps {
  readonly port: InstallerPort;
  readonly env: InstallerEnv;
  readonly target: () => InstallTarget | Promise<InstallTarget>;
  readonly out: (s: string) => void;
  readonly err: (s: string) => void;
}

/** The actions of `schedule`. */
export const SCHEDULE_ACTIONS = ['install', 'remove', 'status'] as const;

/** Usage of `schedule`, for the CLI's help text. */
export const SCHEDULE_HELP = `  schedule install | remove | status [--json]
      Registers (install) or deletes (remove) the OS task that runs "run-due" at the schedule's
      times and once after sign-in even when SiteSync is closed: a systemd user timer on Linux,
      a launchd agent on macOS, a Task Scheduler task on Windows. status shows what is registered
      and when it last ran.`;

const when = (v: Date | string | null) => (v === null ? 'never' : v instanceof Date ? `${v.toISOString().slice(0, 19).replace('T', ' ')} UTC` : v);

/** Runs `schedule <action>`; resolves with the exit code (a bad action throws UsageError: exit 2). */
export async function scheduleCommand(action: string | undefined, args: { json?: boolean }, deps: ScheduleCommandDeps): Promise<number> {
  if (!action || !(SCHEDULE_ACTIONS as readonly string[]).includes(action)) {
    throw new UsageError(`schedule needs one of: ${SCHEDULE_ACTIONS.join(', ')}${action ? ` (got "${action}")` : ''}.`);
  }
  try {
    if (action === 'install') {
      const target = await deps.target();
      const { files } = await installOsSchedule(deps.port, deps.env, target);
      const argv = taskArgv(TaskCommandSchema.parse(target.command));
      if (args.json) deps.out(JSON.stringify({ installed: true, platform: deps.env.platform, files, command: argv }));
      else {
        deps.out(`Registered the OS task: daily at ${target.schedule.time} ${target.schedule.zone} and once after sign-in.`);
        deps.out(`It runs: ${argv.join(' ')}`);
        for (const file of files) deps.out(`  ${file}`);
      }
      return EXIT.done;
    }
    if (action === 'remove') {
      const { removed } = await removeOsSchedule(deps.port, deps.env);
      deps.out(args.json ? JSON.stringify({ removed }) : removed ? 'Removed the OS task.' : 'No OS task was registered.');
      return EXIT.done;
    }
    const status = await osScheduleStatus(deps.port, deps.env, await deps.target());
    deps.out(args.json ? JSON.stringify(status) : statusText(status));
    return EXIT.done;
  } catch (error) {
    if (!(error instanceof OsScheduleError)) throw error;
    deps.err(`sitesync: ${error.message}`);
    return EXIT.failed;
  }
}

/** The human form of `schedule status`. */
export function statusText(status: OsScheduleStatus): string {
  const kind = { linux: 'systemd user timer', darwin: 'launchd agent', win32: 'Task Scheduler task' }[status.platform];
  if (!status.registered) return `No OS task is registered (${kind}). Run "schedule install" to register one.`;
  return [
    `OS task: ${kind}, registered${status.state ? ` (${status.state})` : ''}`,
    `Last ran: ${when(status.lastRun)}${status.lastResult ? ` (result: ${status.lastResult})` : ''}`,
    ...(status.nextRun !== null ? [`Next run: ${when(status.nextRun)}`] : []),
    ...(status.upToDate === false ? ['It was registered for another schedule or program: run "schedule install" again.'] : []),
    ...status.files.map((f) => `  ${f}`),
  ].join('\n');
}
