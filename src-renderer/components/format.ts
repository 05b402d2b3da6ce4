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
