import { z } from 'zod';

/** A calendar date without time or zone, `YYYY-MM-DD` (Rent Manager move/lease dates; SmartPlus lease dates). */
export const CalendarDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date as YYYY-MM-DD')
  .refine((s) => isRealDate(s), 'not a real calendar date');
/** See {@link CalendarDateSchema}. */
export type CalendarDate = z.infer<typeof CalendarDateSchema>;

function isRealDate(s: string): boolean {
  const [y, m, d] = s.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** Adds whole days to a calendar date (no zone involved: pure calendar arithmetic). */
export function addDays(date: CalendarDate, days: number): CalendarDate {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const t = new Date(Date.UTC(y, m - 1, d + days));
  return t.toISOString().slice(0, 10);
}

/** Compares two calendar dates (lexical order equals calendar order for YYYY-MM-DD). */
export function compareDates(a: CalendarDate, b: CalendarDate): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
