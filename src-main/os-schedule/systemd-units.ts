import type { Schedule } from '../../src-shared/domain/schedule';
import { absoluteFireTimes } from './fire-times';
import { type ParsedTaskCommand, taskArgv } from './task-command';

/*
 * The Linux OS task (issue 14): a systemd user service that runs `run-due` once, and a user
 * timer that starts it at the schedule's times and once after log-on. Pure text generation;
 * the installer writes the files to ~/.config/systemd/user/ and enables the timer.
 *
 * - `OnCalendar=` carries its zone. A fixed-offset zone (the default, UTC) is written as is:
 *   `*-*-* 07:00:00 UTC`. A zone with DST is written as the slots' UTC times (see
 *   fire-times.ts: systemd would skip a time in a DST gap and fire the first of two on fall-back).
 * - `OnStartupSec=` fires after the user's service manager starts — the user's first log-on.
 * - `Persistent=true` fires once at boot or log-on for a calendar time missed while off.
 * - A light sync (if set) is `OnUnitActiveSec=`: that long after the service last ran.
 */

/** The unit names (the timer starts the service of the same name). */
export const SYSTEMD_SERVICE = 'sitesync-run-due.service';
/** See {@link SYSTEMD_SERVICE}. */
export const SYSTEMD_TIMER = 'sitesync-run-due.timer';

/** How long after log-on the first check runs (lets the desktop session and network settle). */
const STARTUP_DELAY = '2min';

/** Quotes one word for ExecStart= / Environment= (systemd.syntax: C-style escapes in quotes, `%%` for specifiers, `$$` for `$`). */
export function quoteSystemdWord(word: string, opts: { dollar: boolean }): string {
  let escaped = word.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/%/g, '%%');
  if (opts.dollar) escaped = escaped.replace(/\$/g, '$$$$');
  return `"${escaped}"`;
}

/** The service unit: one `run-due`, then exit. */
export function systemdServiceUnit(command: ParsedTaskCommand): string {
  const lines = [
    '[Unit]',
    'Description=SiteSync: run every site whose daily sync is due (run-due)',
    '',
    '[Service]',
    'Type=oneshot',
    `ExecStart=${taskArgv(command).map((w) => quoteSystemdWord(w, { dollar: true })).join(' ')}`,
    ...Object.entries(command.env).map(([k, v]) => `Environment=${quoteSystemdWord(`${k}=${v}`, { dollar: false })}`),
    ...(command.workingDirectory ? [`WorkingDirectory=${quoteSystemdWord(command.workingDirectory, { dollar: false })}`] : []),
    // A run of hundreds of sites takes a while; a hung one must not block the next day's.
    'TimeoutStartSec=2h',
    '',
  ];
  return lines.join('\n');
}

/** The timer unit: the schedule's daily times, once after log-on, and catch-up of a time missed while off. */
export function systemdTimerUnit(schedule: Schedule, from: Date): string {
  const fire = absoluteFireTimes(schedule, from);
  const light = schedule.lightSyncMinutes ? [`OnUnitActiveSec=${schedule.lightSyncMinutes}min`] : [];
  return [
    '[Unit]',
    `Description=SiteSync: daily sync at ${schedule.time} ${schedule.zone} and after log-on`,
    '',
    '[Timer]',
    ...fire.times.map((t) => `OnCalendar=*-*-* ${t}:00 ${fire.zone}`),
    `OnStartupSec=${STARTUP_DELAY}`,
    ...light,
    'Persistent=true',
    'AccuracySec=1min',
    `Unit=${SYSTEMD_SERVICE}`,
    '',
    '[Install]',
    'WantedBy=timers.target',
    '',
  ].join('\n');
}
