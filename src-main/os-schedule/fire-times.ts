import { DateTime, IANAZone } from 'luxon';
import type { Schedule } from '../../src-shared/domain/schedule';
import { nextSlot } from '../scheduler/next-run';

/*
 * When an OS task should fire so that it meets every slot of the schedule (slots are the
 * scheduler's: src-main/scheduler/next-run.ts). OS timers cannot all express "07:00 in
 * America/New_York" the way the scheduler means it: systemd skips a local time inside a DST
 * gap and fires the first of two on fall-back, launchd knows only the machine's local time.
 * So each generator fires at every wall-clock time a slot falls on over the coming year; a
 * fire that is not at a slot finds nothing due (`run-due` runs each slot once), so an extra
 * fire is harmless and a missed slot is impossible.
 */

/** Days looked ahead: a full year covers both DST changes of every zone. */
const HORIZON_DAYS = 366;

/** Whether `zone` keeps one UTC offset for the coming year (UTC, Etc/GMT+5, Asia/Kolkata, …). */
export function isFixedOffsetZone(zone: string, from: Date): boolean {
  const start = DateTime.fromJSDate(from, { zone });
  const offset = start.offset;
  for (let day = 1; day <= HORIZON_DAYS; day++) if (start.plus({ days: day }).offset !== offset) return false;
  return true;
}

/** The distinct wall-clock times (HH:mm, sorted) in `zone` at which the schedule's slots fall over the coming year. */
export function slotTimesIn(schedule: Schedule, zone: string, from: Date): string[] {
  if (!IANAZone.isValidZone(zone)) throw new Error(`unknown time zone "${zone}"`);
  const times = new Set<string>();
  let at = from;
  for (let day = 0; day < HORIZON_DAYS; day++) {
    at = nextSlot(schedule, at);
    times.add(DateTime.fromJSDate(at, { zone }).toFormat('HH:mm'));
  }
  return [...times].sort();
}

/**
 * Absolute fire times for OS timers that take a zone or offset (systemd, Task Scheduler): the
 * schedule's own time and zone when that zone has a fixed offset, else the slots' UTC times.
 */
export function absoluteFireTimes(schedule: Schedule, from: Date): { zone: string; offsetMinutes: number; times: string[] } {
  if (isFixedOffsetZone(schedule.zone, from)) {
    return { zone: schedule.zone, offsetMinutes: DateTime.fromJSDate(from, { zone: schedule.zone }).offset, times: [schedule.time] };
  }
  return { zone: 'UTC', offsetMinutes: 0, times: slotTimesIn(schedule, 'UTC', from) };
}
