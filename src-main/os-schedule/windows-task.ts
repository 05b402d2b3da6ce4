import { DateTime } from 'luxon';
import type { Schedule } from '../../src-shared/domain/schedule';
import { absoluteFireTimes } from './fire-times';
import { xmlEscape } from './launchd-plist';
import { type ParsedTaskCommand, quoteWindowsArg, RUN_DUE_ARGS } from './task-command';

/*
 * The Windows OS task (issue 14): a Task Scheduler task for the current user, registered with
 * `schtasks /Create /XML file /TN SiteSync\RunDue`. Daily calendar triggers whose StartBoundary
 * carries its UTC offset ("synchronize across time zones"), so each fires at a fixed instant
 * whatever the machine's zone and DST; a zone with DST is written as the slots' UTC times (see
 * fire-times.ts). A log-on trigger runs the check once after sign-in; StartWhenAvailable runs
 * a trigger missed while the machine was off or asleep.
 *
 * schtasks reads the XML as UTF-16: write the text with a BOM in UTF-16LE (the installer does).
 */

/** The task's path in Task Scheduler. */
export const WINDOWS_TASK_NAME = 'SiteSync\\RunDue';

/** The offset suffix Task Scheduler expects: `Z` or `±HH:MM`. */
function offsetSuffix(minutes: number): string {
  if (minutes === 0) return 'Z';
  const abs = Math.abs(minutes);
  return `${minutes < 0 ? '-' : '+'}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

/** The Task Scheduler XML. `userId` is `DOMAIN\user` of the signed-in user (`%USERDOMAIN%\%USERNAME%`). */
export function windowsTaskXml(input: { schedule: Schedule; command: ParsedTaskCommand; userId: string; from: Date }): string {
  const { schedule, command } = input;
  if (Object.keys(command.env).length > 0) throw new Error('windowsTaskXml: Task Scheduler cannot set environment variables; pass them as arguments');
  const fire = absoluteFireTimes(schedule, input.from);
  const day = DateTime.fromJSDate(input.from, { zone: fire.zone }).toFormat('yyyy-MM-dd');
  const boundary = (time: string) => `${day}T${time}:00${offsetSuffix(fire.offsetMinutes)}`;
  const triggers = fire.times.map((t) =>
    [
      '    <CalendarTrigger>',
      `      <StartBoundary>${boundary(t)}</StartBoundary>`,
      '      <Enabled>true</Enabled>',
      '      <ScheduleByDay><DaysInterval>1</DaysInterval></ScheduleByDay>',
      '    </CalendarTrigger>',
    ].join('\n'),
  );
  if (schedule.lightSyncMinutes) {
    triggers.push(
      [
        '    <TimeTrigger>',
        `      <Repetition><Interval>PT${schedule.lightSyncMinutes}M</Interval><StopAtDurationEnd>false</StopAtDurationEnd></Repetition>`,
        `      <StartBoundary>${boundary(fire.times[0]!)}</StartBoundary>`,
        '      <Enabled>true</Enabled>',
        '    </TimeTrigger>',
      ].join('\n'),
    );
  }
  const user = xmlEscape(input.userId);
  triggers.push(`    <LogonTrigger>\n      <Enabled>true</Enabled>\n      <UserId>${user}</UserId>\n      <Delay>PT2M</Delay>\n    </LogonTrigger>`);
  const args = [...command.args, ...RUN_DUE_ARGS].map(quoteWindowsArg).join(' ');
  return [
    '<?xml version="1.0" encoding="UTF-16"?>',
    '<Task version="1.2" xmlns="http://schemas.microsoft.com/windows/2004/02/mit/task">',
    '  <RegistrationInfo>',
    `    <Description>${xmlEscape(`SiteSync: daily sync at ${schedule.time} ${schedule.zone} and after sign-in (run-due)`)}</Description>`,
    `    <URI>\\${xmlEscape(WINDOWS_TASK_NAME)}</URI>`,
    '  </RegistrationInfo>',
    '  <Triggers>',
    ...triggers,
    '  </Triggers>',
    '  <Principals>',
    `    <Principal id="Author"><UserId>${user}</UserId><LogonType>InteractiveToken</LogonType><RunLevel>LeastPrivilege</RunLevel></Principal>`,
    '  </Principals>',
    '  <Settings>',
    '    <MultipleInstancesPolicy>IgnoreNew</MultipleInstancesPolicy>',
    '    <DisallowStartIfOnBatteries>false</DisallowStartIfOnBatteries>',
    '    <StopIfGoingOnBatteries>false</StopIfGoingOnBatteries>',
    '    <StartWhenAvailable>true</StartWhenAvailable>',
    '    <RunOnlyIfNetworkAvailable>false</RunOnlyIfNetworkAvailable>',
    '    <AllowStartOnDemand>true</AllowStartOnDemand>',
    '    <Enabled>true</Enabled>',
    '    <Hidden>false</Hidden>',
    '    <WakeToRun>false</WakeToRun>',
    '    <ExecutionTimeLimit>PT2H</ExecutionTimeLimit>',
    '  </Settings>',
    '  <Actions Context="Author">',
    '    <Exec>',
    `      <Command>${xmlEscape(/\s/.test(command.program) ? `"${command.program}"` : command.program)}</Command>`,
    `      <Arguments>${xmlEscape(args)}</Arguments>`,
    ...(command.workingDirectory ? [`      <WorkingDirectory>${xmlEscape(command.workingDirectory)}</WorkingDirectory>`] : []),
    '    </Exec>',
    '  </Actions>',
    '</Task>',
    '',
  ].join('\n');
}

/** The XML as schtasks wants the file: UTF-16LE with a byte-order mark. */
export function windowsTaskFileBytes(xml: string): Buffer {
  return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(xml, 'utf16le')]);
}
