import { DateTime } from 'luxon';
import type { CalendarDate } from '../../src-shared/domain/calendar-date';

/**
 * The calendar date at `instant` in `zone` (spec §3: "today" is the date in the site's time
 * zone). The planner takes this date, never a clock; across a DST change the date still turns
 * at local midnight, which is all the planner needs.
 */
export function todayInZone(instant: Date, zone: string): CalendarDate {
  const local = DateTime.fromJSDate(instant, { zone });
  if (!local.isValid) throw new Error(`Cannot compute a date in zone "${zone}": ${local.invalidExplanation ?? 'invalid'}`);
  return local.toISODate()!;
}
