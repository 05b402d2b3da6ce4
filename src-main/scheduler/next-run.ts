import { DateTime } from 'luxon';
import type { Schedule } from '../../src-shared/domain/schedule';

/*
 * Daily slots of a schedule, computed with luxon in the schedule's zone.
 *
 * Time-zone changes (both documented and tested in test/unit/scheduler/next-run.test.ts):
 * - A local time that does not exist that day (02:30 in America/New_York on the spring-forward
 *   day, 2026-03-08) runs at the same wall-clock distance after the gap: 03:30 EDT (07:30 UTC).
 *   The run is neither skipped nor doubled.
 * - A local time that happens twice (01:30 in America/New_York on the fall-back day,
 *   2026-11-01) runs once, at the second occurrence: 01:30 EST (06:30 UTC).
 * - A schedule in UTC never moves; in New York it shows as 3:00 a.m. in summer, 2:00 a.m. in winter.
 */

function parseTime(time: string): { hour: number; minute: number } {
  const [hour, minute] = time.split(':').map(Number) as [number, number];
  return { hour, minute };
}

/** The instant of the schedule's slot on one local calendar day (given as a luxon date in the zone). */
function slotOn(schedule: Schedule, day: DateTime): DateTime {
  const { hour, minute } = parseTime(schedule.time);
  return DateTime.fromObject({ year: day.year, month: day.month, day: day.day, hour, minute }, { zone: schedule.zone });
}

/** The latest slot at or before `at`. */
export function previousSlot(schedule: Schedule, at: Date): Date {
  const now = DateTime.fromJSDate(at, { zone: schedule.zone });
  for (let back = 0; back <= 3; back++) {
    const slot = slotOn(schedule, now.minus({ days: back }));
    if (slot.toMillis() <= at.getTime()) return slot.toJSDate();
  }
  throw new Error('unreachable: a daily slot exists within three days');
}

/** The earliest slot strictly after `at`. */
export function nextSlot(schedule: Schedule, at: Date): Date {
  const now = DateTime.fromJSDate(at, { zone: schedule.zone });
  for (let ahead = 0; ahead <= 3; ahead++) {
    const slot = slotOn(schedule, now.plus({ days: ahead }));
    if (slot.toMillis() > at.getTime()) return slot.toJSDate();
  }
  throw new Error('unreachable: a daily slot exists within three days');
}

/**
 * How far ahead of the clock a last-run stamp may be and still count (36 h). A little ahead is a
 * clock that jumped back (or a timer that fired early): the run it stamps still covers its slot, as
 * before. Further ahead — a run stamped in 2031 by a clock that was once wrong — would hold every
 * slot back until then, so such a stamp is not believed (issue 12).
 */
export const FUTURE_STAMP_LIMIT_MS = 36 * 3600_000;

/**
 * The last-run time the schedule decides on: `lastRun`, unless it is more than
 * {@link FUTURE_STAMP_LIMIT_MS} after `now`; then `fallback` (the scheduler's own record of a
 * run, or the epoch: "no run known", so a missed slot is made up once). Pure.
 */
export function trustedLastRun(lastRun: Date | null, now: Date, fallback: Date): Date | null {
  if (!lastRun || lastRun.getTime() - now.getTime() <= FUTURE_STAMP_LIMIT_MS) return lastRun;
  return fallback;
}

/**
 * When the next scheduled run is due: the first slot after `now` that is also after `lastRun`
 * (so a run that started a moment before its slot, or a timer firing early, never makes the
 * same slot run twice). Pure: the caller passes the clock's `now`.
 */
export function nextRun(schedule: Schedule, lastRun: Date | null, now: Date): Date {
  const from = lastRun && lastRun.getTime() > now.getTime() ? lastRun : now;
  return nextSlot(schedule, from);
}

/**
 * The slot that was missed, if a catch-up run is due: the latest slot at or before `now`
 * when the last run started before it. However many slots were missed (a laptop asleep for
 * three days), only the latest counts: one catch-up. A site that never ran has nothing to
 * make up (its import is its first run).
 */
export function missedRun(schedule: Schedule, lastRun: Date | null, now: Date): Date | null {
  if (!lastRun) return null;
  const slot = previousSlot(schedule, now);
  return lastRun.getTime() < slot.getTime() ? slot : null;
}
