import { z } from 'zod';
import { MaxRequestsInFlightSchema } from '../../domain/preferences';
import { ScheduleSchema } from '../../domain/schedule';

/** The schedule as Settings shows it: the saved schedule, and when the next full run is due. */
export const ScheduleViewSchema = z.object({
  schedule: ScheduleSchema,
  /** The next full run, as an ISO instant (the screen shows it in local and Eastern time). */
  nextRunAt: z.string(),
});
/** See {@link ScheduleViewSchema}. */
export type ScheduleView = z.infer<typeof ScheduleViewSchema>;

/** Everything the Settings screen loads at once (per-site policies come from `sites.list`). */
export const SettingsViewSchema = ScheduleViewSchema.extend({
  /** True when the app runs on the built-in sandbox (Reset sandbox is offered only then). */
  sandbox: z.boolean(),
});
/** See {@link SettingsViewSchema}. */
export type SettingsView = z.infer<typeof SettingsViewSchema>;

/** Call schemas of the `settings.*` channels (spec §6, §12). */
export const settingsCalls = {
  'settings.get': { input: z.undefined(), output: SettingsViewSchema },
  'settings.saveSchedule': { input: ScheduleSchema, output: ScheduleViewSchema },
  'settings.previewSchedule': { input: ScheduleSchema, output: ScheduleViewSchema },
  'settings.resetSandbox': { input: z.undefined(), output: z.undefined() },
  /** The cap on SmartPlus requests in flight at once (Settings → Sync speed). */
  'settings.getMaxRequestsInFlight': { input: z.undefined(), output: MaxRequestsInFlightSchema },
  'settings.saveMaxRequestsInFlight': { input: MaxRequestsInFlightSchema, output: MaxRequestsInFlightSchema },
} as const;
