// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { DateTime } from 'luxon';
import { DEFAULT_SCHEDULE, type Schedule } from '../../../src-shared/domain/schedule';
import { nextSlot } from '../../../src-main/scheduler/next-run';
import { LAUNCHD_LABEL, launchdPlist } from '../../../src-main/os-schedule/launchd-plist';
import { TaskCommandSchema } from '../../../src-main/os-schedule/task-command';
import { parseXml } from './os-task-helpers';

const from = new Date('2026-01-01T00:00:00Z');
const command = TaskCommandSchema.parse({ program: '/Applications/SiteSync.app/Contents/MacOS/SiteSync', args: ['--cli'], env: { SITESYNC_HOME: '/Users/ana/Library/Application Support/SiteSync & Co' } });
const logFile = '/Users/ana/Library/Logs/SiteSync/run-due.log';

/** The plist's top-level dict as key → element. */
function plistDict(xml: string): Map<string, Element> {
  const dict = parseXml(xml).querySelector('plist > dict')!;
  const map = new Map<string, Element>();
  const children = [...dict.children];
  for (let i = 0; i < children.length; i += 2) map.set(children[i]!.textContent!, children[i + 1]!);
  return map;
}

/** StartCalendarInterval entries as HH:mm. */
function calendarTimes(dict: Map<string, Element>): string[] {
  return [...dict.get('StartCalendarInterval')!.children].map((d) => {
    const ints = [...d.getElementsByTagName('integer')].map((e) => Number(e.textContent));
    return `${String(ints[0]).padStart(2, '0')}:${String(ints[1]).padStart(2, '0')}`;
  });
}

describe('launchd agent plist', () => {
  it('is a well-formed plist that runs run-due at load and at the slots\u2019 local times', () => {
    const xml = launchdPlist({ schedule: DEFAULT_SCHEDULE, command, machineZone: 'America/New_York', from, logFile });
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE plist')).toBe(true);
    const dict = plistDict(xml);
    expect(dict.get('Label')!.textContent).toBe(LAUNCHD_LABEL);
    expect([...dict.get('ProgramArguments')!.children].map((e) => e.textContent)).toEqual([command.program, '--cli', 'run-due', '--trigger', 'os-schedule']);
    expect(dict.get('EnvironmentVariables')!.getElementsByTagName('string')[0]!.textContent).toBe('/Users/ana/Library/Application Support/SiteSync & Co');
    expect(dict.get('RunAtLoad')!.tagName).toBe('true');
    expect(dict.get('StandardOutPath')!.textContent).toBe(logFile);
    expect(dict.has('StartInterval')).toBe(false);
    // 07:00 UTC is 02:00 EST and 03:00 EDT: both listed, so no regeneration at the DST changes.
    expect(calendarTimes(dict)).toEqual(['02:00', '03:00']);
  });

  it.each([
    { machineZone: 'America/New_York', schedule: DEFAULT_SCHEDULE },
    { machineZone: 'Europe/Berlin', schedule: DEFAULT_SCHEDULE },
    { machineZone: 'America/Los_Angeles', schedule: { time: '09:00', zone: 'Europe/Paris', lightSyncMinutes: null } satisfies Schedule },
    { machineZone: 'UTC', schedule: { time: '03:00', zone: 'America/New_York', lightSyncMinutes: null } satisfies Schedule },
  ])('every 2026 slot of $schedule.time $schedule.zone is at a listed local time on a Mac in $machineZone (US and EU DST changes)', ({ machineZone, schedule }) => {
    const times = new Set(calendarTimes(plistDict(launchdPlist({ schedule, command, machineZone, from, logFile }))));
    let at = from;
    for (let day = 0; day < 365; day++) {
      at = nextSlot(schedule, at);
      const local = DateTime.fromJSDate(at, { zone: machineZone });
      expect(times.has(local.toFormat('HH:mm')), `${local.toISO()}`).toBe(true);
    }
    expect(times.size).toBeLessThanOrEqual(2);
  });

  it('a light sync adds StartInterval in seconds', () => {
    const dict = plistDict(launchdPlist({ schedule: { ...DEFAULT_SCHEDULE, lightSyncMinutes: 30 }, command, machineZone: 'UTC', from, logFile }));
    expect(dict.get('StartInterval')!.textContent).toBe('1800');
    expect(calendarTimes(dict)).toEqual(['07:00']);
  });
});
