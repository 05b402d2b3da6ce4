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
