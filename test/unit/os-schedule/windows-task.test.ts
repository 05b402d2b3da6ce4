// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { DEFAULT_SCHEDULE, type Schedule } from '../../../src-shared/domain/schedule';
import { nextSlot } from '../../../src-main/scheduler/next-run';
import { quoteWindowsArg, TaskCommandSchema } from '../../../src-main/os-schedule/task-command';
import { WINDOWS_TASK_NAME, windowsTaskFileBytes, windowsTaskXml } from '../../../src-main/os-schedule/windows-task';
import { parseXml } from './os-task-helpers';

const from = new Date('2026-03-01T12:00:00Z');
const command = TaskCommandSchema.parse({ program: 'C:\\Program Files\\SiteSync\\SiteSync.exe', args: ['--cli'] });
const userId = 'OFFICE\\ana';

/** Reads a Windows command line back as CommandLineToArgvW does (the MSVC rules). */
function argvFromWindows(line: string): string[] {
  const args: string[] = [];
  let i = 0;
  while (i < line.length) {
    while (line[i] === ' ') i++;
    if (i >= line.length) break;
    let arg = '';
    let quoted = false;
    for (; i < line.length && (quoted || line[i] !== ' '); i++) {
      let slashes = 0;
      while (line[i] === '\\') {
        slashes++;
        i++;
      }
      if (line[i] === '"') {
        arg += '\\'.repeat(Math.floor(slashes / 2));
        if (slashes % 2 === 1) arg += '"';
        else quoted = !quoted;
      } else {
        arg += '\\'.repeat(slashes);
        if (i < line.length) arg += line[i];
        else break;
      }
    }
    args.push(arg);
  }
  return args;
}

/** Fire instants (ms) of a task's calendar triggers on `days` consecutive days from the first StartBoundary. */
function calendarInstants(doc: Document, days: number): Set<number> {
  const out = new Set<number>();
  for (const trigger of doc.getElementsByTagName('CalendarTrigger')) {
    const start = new Date(trigger.getElementsByTagName('StartBoundary')[0]!.textContent!).getTime();
    for (let day = 0; day < days; day++) out.add(start + day * 86_400_000);
  }
  return out;
}

describe('Task Scheduler XML', () => {
  it('daily at 07:00 UTC (StartBoundary carries the offset), at log-on, running the exe with run-due', () => {
    const xml = windowsTaskXml({ schedule: DEFAULT_SCHEDULE, command, userId, from });
    const doc = parseXml(xml);
    const task = doc.documentElement;
    expect(task.tagName).toBe('Task');
    expect(task.getAttribute('xmlns')).toBe('http://schemas.microsoft.com/windows/2004/02/mit/task');
    expect(doc.getElementsByTagName('URI')[0]!.textContent).toBe(`\\${WINDOWS_TASK_NAME}`);
    const calendar = [...doc.getElementsByTagName('CalendarTrigger')];
    expect(calendar.map((t) => t.getElementsByTagName('StartBoundary')[0]!.textContent)).toEqual(['2026-03-01T07:00:00Z']);
    expect(calendar[0]!.getElementsByTagName('DaysInterval')[0]!.textContent).toBe('1');
    const logon = doc.getElementsByTagName('LogonTrigger')[0]!;
    expect(logon.getElementsByTagName('UserId')[0]!.textContent).toBe(userId);
    expect(doc.getElementsByTagName('StartWhenAvailable')[0]!.textContent).toBe('true');
    expect(doc.getElementsByTagName('MultipleInstancesPolicy')[0]!.textContent).toBe('IgnoreNew');
    expect(doc.getElementsByTagName('Command')[0]!.textContent).toBe('"C:\\Program Files\\SiteSync\\SiteSync.exe"');
    expect(argvFromWindows(doc.getElementsByTagName('Arguments')[0]!.textContent!)).toEqual(['--cli', 'run-due', '--trigger', 'os-schedule']);
    expect(doc.getElementsByTagName('TimeTrigger')).toHaveLength(0);
  });

  it('a fixed-offset zone keeps its offset in StartBoundary', () => {
    const doc = parseXml(windowsTaskXml({ schedule: { time: '06:15', zone: 'Asia/Kolkata', lightSyncMinutes: null }, command, userId, from }));
    expect(doc.getElementsByTagName('StartBoundary')[0]!.textContent).toBe('2026-03-01T06:15:00+05:30');
  });

  it.each([
    { time: '03:00', zone: 'America/New_York', lightSyncMinutes: null },
    { time: '02:30', zone: 'Europe/Berlin', lightSyncMinutes: null },
    { time: '01:30', zone: 'America/New_York', lightSyncMinutes: null },
  ] satisfies Schedule[])('$time $zone: the triggers\u2019 fixed instants meet every slot from March 2026 to March 2027 (US and EU DST changes)', (schedule) => {
    const instants = calendarInstants(parseXml(windowsTaskXml({ schedule, command, userId, from })), 400);
    let at = from;
    for (let day = 0; day < 365; day++) {
      at = nextSlot(schedule, at);
      expect(instants.has(at.getTime()), at.toISOString()).toBe(true);
    }
  });

  it('a light sync repeats a time trigger; arguments and the user are escaped for XML', () => {
    const odd = TaskCommandSchema.parse({ program: 'C:\\Apps\\node.exe', args: ['--import', 'tsx', 'C:\\dev\\R&D "x"\\src-main\\cli.ts'] });
    const doc = parseXml(windowsTaskXml({ schedule: { ...DEFAULT_SCHEDULE, lightSyncMinutes: 30 }, command: odd, userId: 'R&D\\ana', from }));
    expect(doc.getElementsByTagName('Interval')[0]!.textContent).toBe('PT30M');
    expect(doc.getElementsByTagName('Command')[0]!.textContent).toBe('C:\\Apps\\node.exe');
    expect(argvFromWindows(doc.getElementsByTagName('Arguments')[0]!.textContent!)).toEqual(['--import', 'tsx', 'C:\\dev\\R&D "x"\\src-main\\cli.ts', 'run-due', '--trigger', 'os-schedule']);
    expect(doc.getElementsByTagName('UserId')[0]!.textContent).toBe('R&D\\ana');
    expect(() => windowsTaskXml({ schedule: DEFAULT_SCHEDULE, command: TaskCommandSchema.parse({ program: 'x.exe', env: { A: 'b' } }), userId, from })).toThrow(/environment/);
  });

  it('quoteWindowsArg round-trips through the MSVC rules', () => {
    for (const arg of ['plain', 'with space', 'trailing\\', 'C:\\a b\\', 'q"uote', 'back\\\\"slash', '']) {
      expect(argvFromWindows(`x ${quoteWindowsArg(arg)}`).slice(1)).toEqual([arg]);
    }
  });

  it('the XML check can fail: malformed XML is refused', () => {
    expect(() => parseXml('<Task><Triggers></Task>')).toThrow(/not well-formed/);
  });

  it('the file schtasks reads is UTF-16LE with a byte-order mark', () => {
    const bytes = windowsTaskFileBytes('<?xml version="1.0" encoding="UTF-16"?><Task/>');
    expect([...bytes.subarray(0, 4)]).toEqual([0xff, 0xfe, 0x3c, 0x00]);
    expect(bytes.subarray(2).toString('utf16le')).toBe('<?xml version="1.0" encoding="UTF-16"?><Task/>');
  });
});
