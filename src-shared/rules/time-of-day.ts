import { fail, pass, type RuleResult } from './result';

/** What the installer is told when a time cannot be read: the forms that work. */
export const TIME_HINT = 'Enter a time like 2:30, 14:30, 2:30 PM or 2pm.';

/**
 * Reads a time of day as an installer types it (issue 16): "2:30", "02:30", "14:30", "2:30 PM",
 * "2:30pm", "2 pm", "2pm", "12am", "1430", "2.30". Without AM/PM it is 24-hour ("2:30" is
 * 02:30); a bare hour needs AM or PM ("7" alone is refused, as it could be either). Returns
 * the time as HH:mm (24-hour), the form schedules are stored in.
 */
export function parseTimeOfDay(raw: string): RuleResult {
  const text = raw.trim().toLowerCase().replace(/\s+/g, ' ');
  if (text === '') return fail(`No time entered. ${TIME_HINT}`);
  const m = /^(\d{1,2})(?:[:.h ]?(\d{2}))? ?(a\.?m\.?|p\.?m\.?|a|p)?$/.exec(text);
  if (!m) return fail(`“${raw.trim()}” is not a time. ${TIME_HINT}`);
  const [, h, min, meridiem] = m;
  let hour = Number(h);
  const minute = min === undefined ? 0 : Number(min);
  if (min === undefined && !meridiem) return fail(`“${raw.trim()}” needs minutes or AM/PM (for example ${hour}:00 or ${hour}pm). ${TIME_HINT}`);
  if (minute > 59) return fail(`Minutes go from 00 to 59 (“${raw.trim()}”). ${TIME_HINT}`);
  if (meridiem) {
    if (hour < 1 || hour > 12) return fail(`With AM or PM the hour goes from 1 to 12 (“${raw.trim()}”). ${TIME_HINT}`);
    const pm = meridiem.startsWith('p');
    hour = (hour % 12) + (pm ? 12 : 0);
  } else if (hour > 23) {
    return fail(`Hours go from 0 to 23 (“${raw.trim()}”). ${TIME_HINT}`);
  }
  return pass(`${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`);
}
