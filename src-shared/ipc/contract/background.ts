import { z } from 'zod';

/** The OS task of "Run the daily sync even when SiteSync is closed", as Settings shows it. */
export const OsTaskViewSchema = z.object({
  /** Whether the OS says the task is registered. */
  registered: z.boolean(),
  /** When it last ran (ISO), or the OS's words, or null. */
  lastRun: z.string().nullable(),
  /** What went wrong registering or reading it, in words; null when all is well. */
  problem: z.string().nullable(),
});
/** See {@link OsTaskViewSchema}. */
export type OsTaskView = z.infer<typeof OsTaskViewSchema>;

/** The three "stays on duty" switches of Settings (issue 14), each with its default filled. */
export const BackgroundSettingsSchema = z.object({
  /** Closing the window hides it to the tray (default on). */
  keepRunningInBackground: z.boolean(),
  /** Start SiteSync, hidden in the tray, when the user signs in (default on once a site was imported). */
  startAtSignIn: z.boolean(),
  /** An OS task runs the daily sync when SiteSync is not running (default off). */
  runWhenClosed: z.boolean(),
});
/** See {@link BackgroundSettingsSchema}. */
export type BackgroundSettings = z.infer<typeof BackgroundSettingsSchema>;

/** What the Settings card loads: the switches and the OS task's state. */
export const BackgroundViewSchema = BackgroundSettingsSchema.extend({ osTask: OsTaskViewSchema });
/** See {@link BackgroundViewSchema}. */
export type BackgroundView = z.infer<typeof BackgroundViewSchema>;

/** Call schemas of the `background.*` channels. */
export const backgroundCalls = {
  'background.getSettings': { input: z.undefined(), output: BackgroundViewSchema },
  /** Changes one or more switches; turning "run when closed" on or off registers or removes the OS task. */
  'background.saveSettings': { input: BackgroundSettingsSchema.partial(), output: BackgroundViewSchema },
} as const;
