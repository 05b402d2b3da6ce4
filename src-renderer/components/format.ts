/** Formats an ISO instant in the user's locale and zone, e.g. "Nov 27, 2026, 3:00 AM". */
export function formatDateTime(iso: string, zone?: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short', ...(zone ? { timeZone: zone } : {}) }).format(date);
}

/** Formats cents as money, e.g. 1234 → "$12.34". */
export function formatMoney(cents: number, currency = 'USD'): string {
  return new Intl.NumberFormat(undefined, { style: 'currency', currency }).format(cents / 100);
}

const CALENDAR_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * Formats a date the one way every screen shows dates (issue 16), e.g. "Jan 2, 2027": an ISO
 * instant in the user's zone (or `zone`), a calendar date ("2027-01-02", a move-out date) as
 * that day whatever the zone.
 */
export function formatDate(value: string, zone?: string): string {
  const calendar = CALENDAR_DATE.exec(value);
  const date = calendar ? new Date(Date.UTC(Number(calendar[1]), Number(calendar[2]) - 1, Number(calendar[3]), 12)) : new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  const timeZone = calendar ? 'UTC' : zone;
  return new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', ...(timeZone ? { timeZone } : {}) }).format(date);
}

/** "2026-02-30" is not a day (Date.UTC would roll it into March). */
function isRealDay(date: string): boolean {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const day = new Date(Date.UTC(y, m - 1, d));
  return day.getUTCFullYear() === y && day.getUTCMonth() === m - 1 && day.getUTCDate() === d;
}

// A calendar date inside a sentence: not part of a longer number, nor an instant ("2026-12-02T…").
const DATE_IN_TEXT = /(?<![\d-])(\d{4}-\d{2}-\d{2})(?![\dT:-])/g;

/**
 * A sentence main wrote (a change's or a problem's reason, "Moved out on 2026-12-02.") with its
 * calendar dates the way every screen shows dates (issue 16: one date format), e.g. "Moved out on
 * Dec 2, 2026.". Runs kept from before read the same way; the CLI and the log keep ISO dates.
 */
export function readableDates(text: string): string {
  return text.replace(DATE_IN_TEXT, (date) => (isRealDay(date) ? formatDate(date) : date));
}
