import { z } from 'zod';
import { TimeZoneSchema } from './policy';

/**
 * When full syncs run (spec §6): every day at `time` in `zone`, plus an optional light
 * (changed-since) sync every `lightSyncMinutes`. The default is the cloud feature's instant,
 * 07:00 UTC — 3:00 a.m. EDT / 2:00 a.m. EST.
 */
export const ScheduleSchema = z.object({
  time: z.string().max(5).regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'expected a time as HH:mm (24-hour)'),
  zone: TimeZoneSchema,
  lightSyncMinutes: z.number().int().min(5).max(24 * 60).nullable(),
});
/** See {@link ScheduleSchema}. */
export type Schedule = z.infer<typeof ScheduleSchema>;

/** The default schedule: daily at 07:00 UTC, no light sync. */
export const DEFAULT_SCHEDULE: Schedule = { time: '07:00', zone: 'UTC', lightSyncMinutes: null };
