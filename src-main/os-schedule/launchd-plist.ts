import type { Schedule } from '../../src-shared/domain/schedule';
import { slotTimesIn } from './fire-times';
import { type ParsedTaskCommand, taskArgv } from './task-command';

/*
 * The macOS OS task (issue 14): a launchd agent in ~/Library/LaunchAgents that runs `run-due`
 * at the schedule's times and once when loaded (log-on: RunAtLoad).
 *
 * StartCalendarInterval is in the machine's local time and has no zone, so the schedule's slots
 * are converted to the machine's zone (an input: the installer passes the current one). A zone
 * with DST gives two local times for one UTC slot (07:00 UTC is 02:00 in a New York winter,
 * 03:00 in summer); both are listed and the one that is not a slot finds nothing due, so DST
 * needs no regeneration. Moving the machine to another zone does: the app regenerates the
 * agent at start when it is installed, and `schedule install` always regenerates it.
 * launchd runs a calendar job missed during sleep once on wake (intervals coalesced).
 */

/** The agent's label (also its file name). */
export const LAUNCHD_LABEL = 'com.sitesync.desktop.run-due';

/** Escapes text for an XML text node or attribute. */
export function xmlEscape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

const str = (s: string) => `<string>${xmlEscape(s)}</string>`;
const int = (n: number) => `<integer>${n}</integer>`;

/** The launchd agent plist. `machineZone` is the Mac's current IANA zone; `logFile` receives the CLI's output. */
export function launchdPlist(input: { schedule: Schedule; command: ParsedTaskCommand; machineZone: string; from: Date; logFile: string }): string {
  const { schedule, command } = input;
  const times = slotTimesIn(schedule, input.machineZone, input.from);
  const body: string[] = [
    `  <key>Label</key>${str(LAUNCHD_LABEL)}`,
    '  <key>ProgramArguments</key>',
    '  <array>',
    ...taskArgv(command).map((a) => `    ${str(a)}`),
    '  </array>',
  ];
  const env = Object.entries(command.env);
  if (env.length > 0) {
    body.push('  <key>EnvironmentVariables</key>', '  <dict>', ...env.map(([k, v]) => `    <key>${xmlEscape(k)}</key>${str(v)}`), '  </dict>');
  }
  if (command.workingDirectory) body.push(`  <key>WorkingDirectory</key>${str(command.workingDirectory)}`);
  body.push(
    `  <!-- ${xmlEscape(`${schedule.time} ${schedule.zone}`)} in ${xmlEscape(input.machineZone)} local time -->`,
    '  <key>StartCalendarInterval</key>',
    '  <array>',
    ...times.map((t) => {
      const [hour, minute] = t.split(':').map(Number) as [number, number];
      return `    <dict><key>Hour</key>${int(hour)}<key>Minute</key>${int(minute)}</dict>`;
    }),
    '  </array>',
  );
  if (schedule.lightSyncMinutes) body.push(`  <key>StartInterval</key>${int(schedule.lightSyncMinutes * 60)}`);
  body.push(
    '  <key>RunAtLoad</key><true/>',
    `  <key>ProcessType</key>${str('Background')}`,
    `  <key>StandardOutPath</key>${str(input.logFile)}`,
    `  <key>StandardErrorPath</key>${str(input.logFile)}`,
  );
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">',
    '<plist version="1.0">',
    '<dict>',
    ...body,
    '</dict>',
    '</plist>',
    '',
  ].join('\n');
}
