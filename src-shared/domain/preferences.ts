import { z } from 'zod';
import { DEFAULT_SCHEDULE, ScheduleSchema } from './schedule';

/** The colour theme: follow the OS, or force light or dark. */
export const ThemeSchema = z.enum(['system', 'light', 'dark']);
/** See {@link ThemeSchema}. */
export type Theme = z.infer<typeof ThemeSchema>;

/** The main window's last position and size, restored at start. */
export const WindowBoundsSchema = z.object({
  x: z.number().int(),
  y: z.number().int(),
  width: z.number().int().min(200),
  height: z.number().int().min(200),
  maximized: z.boolean().default(false),
});
/** See {@link WindowBoundsSchema}. */
export type WindowBounds = z.infer<typeof WindowBoundsSchema>;

/**
 * Bounds of "maximum requests in flight" to SmartPlus (issue 13). The client keeps rate ×
 * latency requests in flight (20/s × 0.4 s = 8 at 400 ms), so 16 covers a slow line with room;
 * a lower cap suits a shared or metered connection, a higher one a very slow link.
 */
export const MAX_REQUESTS_IN_FLIGHT = { min: 1, max: 64, default: 16 } as const;

/** See {@link MAX_REQUESTS_IN_FLIGHT}. */
export const MaxRequestsInFlightSchema = z.number().int().min(MAX_REQUESTS_IN_FLIGHT.min).max(MAX_REQUESTS_IN_FLIGHT.max);

/** How many days of run history are kept (runs, problems, journal, changes); older ones are pruned at start (issue 15). */
export const KEEP_HISTORY_DAYS = { min: 30, max: 3650, default: 400 } as const;

/**
 * The user's preferences (issue 6: theme, window state, schedule). Nothing secret belongs here:
 * the file is plain JSON on disk. Every field has a default, so a missing or partial file works.
 */
export const PreferencesSchema = z.object({
  theme: ThemeSchema.default('system'),
  window: WindowBoundsSchema.nullable().default(null),
  schedule: ScheduleSchema.default(DEFAULT_SCHEDULE),
  /** "Keep running in the background" (issue 14); absent: its default, on. */
  keepRunningInBackground: z.boolean().optional(),
  /** "Start SiteSync when I sign in"; absent: its default, on once a site was imported. */
  startAtSignIn: z.boolean().optional(),
  /** "Run the daily sync even when SiteSync is closed": whether the OS task should be registered (off unless turned on). */
  runWhenClosed: z.boolean().optional(),
  /** Whether the one-time "still running in the tray" notification was shown. */
  trayNoticeShown: z.boolean().optional(),
  /** The cap on SmartPlus requests in flight at once (Settings → Sync speed); absent = MAX_REQUESTS_IN_FLIGHT.default. */
  maxRequestsInFlight: MaxRequestsInFlightSchema.optional(),
  /** Days of run history kept; absent = KEEP_HISTORY_DAYS.default (one year of audits plus margin). */
  keepHistoryDays: z.number().int().min(KEEP_HISTORY_DAYS.min).max(KEEP_HISTORY_DAYS.max).optional(),
});
/** See {@link PreferencesSchema}. */
export type Preferences = z.infer<typeof PreferencesSchema>;

/** The preferences with every default filled. */
export const DEFAULT_PREFERENCES: Preferences = PreferencesSchema.parse({});
