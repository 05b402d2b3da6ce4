import { z } from 'zod';
import { IdSchema } from './bounds';
import { RunProgressSchema, RunRecordSchema } from '../../domain/run';

/** What starting a manual run answers at once: the run, and whether one was already going (the click joined it). */
export const RunStartedSchema = z.object({ siteId: z.string(), runId: z.string(), joined: z.boolean() });
/** See {@link RunStartedSchema}. */
export type RunStarted = z.infer<typeof RunStartedSchema>;

/** Why "Resync all" left a site out, in words for the installer. */
export const RunSkippedSchema = z.object({
  siteId: z.string(),
  /** PAUSED: the installer paused the site (issue 16); "Resync all" leaves it out unless asked to include it. */
  code: z.enum(['SUBSCRIPTION_REQUIRED', 'OFFLINE', 'NOT_READY', 'PAUSED', 'FAILED']),
  reason: z.string(),
});
/** See {@link RunSkippedSchema}. */
export type RunSkipped = z.infer<typeof RunSkippedSchema>;

/** Event schemas of the `sync.*` events (progress bars and run completion). */
export const syncEvents = {
  'sync.progressed': RunProgressSchema,
  'sync.finished': RunRecordSchema,
  /**
   * A "Resync all" ended its starting: the sites started and those left out with why. The tray's
   * and the menu's "Resync all" run in main, so the Overview hears their result from this (issue 16).
   */
  'sync.resyncedAll': z.object({ started: z.array(RunStartedSchema), skipped: z.array(RunSkippedSchema) }),
} as const;

/**
 * Call schemas of the `sync.*` channels. Runs started here are always manual (spec §6: one click
 * resyncs); the outcome arrives as `sync.finished`, progress as `sync.progressed`.
 */
export const syncCalls = {
  'sync.runSite': { input: z.object({ siteId: IdSchema }), output: RunStartedSchema },
  'sync.runAll': {
    /** Paused sites are skipped unless `includePaused` (issue 16). */
    input: z.object({ includePaused: z.boolean().optional() }).optional(),
    output: z.object({ started: z.array(RunStartedSchema), skipped: z.array(RunSkippedSchema) }),
  },
  'sync.cancel': { input: z.object({ siteId: IdSchema }), output: z.object({ cancelled: z.boolean() }) },
  'sync.listRunning': { input: z.undefined(), output: z.array(RunProgressSchema) },
} as const;
