import { z } from 'zod';
import { CalendarDateSchema } from '../../domain/calendar-date';
import { DeletionDateSchema } from '../../domain/policy';
import { RunOutcomeSchema, RunProgressSchema, RunTriggerSchema } from '../../domain/run';
import { ScheduleSchema } from '../../domain/schedule';
import { SitePauseSchema, SubscriptionStateSchema } from '../../domain/site';

/** The last real (not dry) run of a site, as the overview shows it. */
export const OverviewLastRunSchema = z.object({
  id: z.string(),
  trigger: RunTriggerSchema,
  outcome: RunOutcomeSchema,
  startedAt: z.string(),
  endedAt: z.string().nullable(),
  problemCount: z.number().int(),
  /** Error-level problems: a succeeded run with one reads "Synced with problems" (issue 16). Absent ≡ 0. */
  errorCount: z.number().int().optional(),
  /** The run waits for approval (the site asks before applying, issue 15). */
  awaitingApproval: z.boolean().optional(),
});
/** See {@link OverviewLastRunSchema}. */
export type OverviewLastRun = z.infer<typeof OverviewLastRunSchema>;

/** The SmartPlus installer account a site syncs to (issue 16): its name, and whether it is the built-in sandbox. */
export const SiteAccountRefSchema = z.object({ id: z.string(), label: z.string(), isSandbox: z.boolean() });
/** See {@link SiteAccountRefSchema}. */
export type SiteAccountRef = z.infer<typeof SiteAccountRefSchema>;
/**
 * Removals a paused site has let come due (issue 16, rule 2): family members the next full run
 * would delete, from the local copy under the site's current policy. Only for a paused site with
 * at least one due; `since` is the earliest deletion date, `deletion` which date the policy uses.
 */
export const RemovalsDueSchema = z.object({
  count: z.number().int().positive(),
  since: CalendarDateSchema.nullable(),
  deletion: DeletionDateSchema,
});
/** See {@link RemovalsDueSchema}. */
export type RemovalsDue = z.infer<typeof RemovalsDueSchema>;

/** One site's sync health (spec §11: "one overview shows the sync health of every customer and site"). */
export const OverviewSiteSchema = z.object({
  id: z.string(),
  name: z.string(),
  propertyId: z.number().int(),
  apartmentCount: z.number().int(),
  /** When the local copy was taken; null before the first sync. */
  asOf: z.string().nullable(),
  lastRun: OverviewLastRunSchema.nullable(),
  /** Deletions held back by the mass-deletion guard that still wait for a decision, and the run that holds them. */
  heldBack: z.object({ runId: z.string(), count: z.number().int(), approval: z.boolean().optional() }).nullable(),
  subscription: SubscriptionStateSchema,
  subscriptionEndsAt: z.string().nullable(),
  /** When the schedule runs this site next. */
  nextRunAt: z.string(),
  /** The schedule skips this site since an undo (issue 15) until the installer resumes it. */
  schedulePaused: z.boolean().optional(),
  /** The installer paused the site (issue 16): when and why; absent or null when it is not paused. */
  pause: SitePauseSchema.nullable().optional(),
  /** The site's SmartPlus account; the "Sandbox" label follows it, not the app. Absent or null when it no longer exists. */
  smartPlusAccount: SiteAccountRefSchema.nullable().optional(),
  /** While paused (by the installer or after an undo): removals that have come due since the last sync; absent or null when none. */
  removalsDue: RemovalsDueSchema.nullable().optional(),
});
/** See {@link OverviewSiteSchema}. */
export type OverviewSite = z.infer<typeof OverviewSiteSchema>;

/** A customer (Rent Manager company) with its sites. Sites without a customer are grouped under `id: null`. */
export const OverviewCustomerSchema = z.object({
  id: z.string().nullable(),
  name: z.string(),
  isSandbox: z.boolean(),
  sites: z.array(OverviewSiteSchema),
});
/** See {@link OverviewCustomerSchema}. */
export type OverviewCustomer = z.infer<typeof OverviewCustomerSchema>;

/** Everything the overview screen shows. */
export const OverviewSchema = z.object({
  customers: z.array(OverviewCustomerSchema),
  schedule: ScheduleSchema,
  online: z.boolean(),
  /** True when the subscription states were just checked with SmartPlus (false: as last seen). */
  subscriptionChecked: z.boolean(),
  running: z.array(RunProgressSchema),
});
/** See {@link OverviewSchema}. */
export type Overview = z.infer<typeof OverviewSchema>;

/** Call schemas of the `overview.*` channels. */
export const overviewCalls = {
  'overview.get': { input: z.undefined(), output: OverviewSchema },
} as const;

/** The overview raises no events of its own (it follows `sync.*` and `app.onlineChanged`). */
export const overviewEvents = {} as const;
