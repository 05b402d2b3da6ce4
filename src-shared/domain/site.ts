import { z } from 'zod';
import { IdSchema } from '../ipc/contract/bounds';
import { SyncPolicySchema } from './policy';
import { ProblemSchema, RunOutcomeSchema } from './run';
import { DeviceRowSchema } from './device';
import { ChangeViewSchema } from './run-change';

/** A site's integration subscription as last seen (spec §7); `unknown` before the first check. */
export const SubscriptionStateSchema = z.enum(['active', 'expired', 'none', 'unknown']);
/** See {@link SubscriptionStateSchema}. */
export type SubscriptionState = z.infer<typeof SubscriptionStateSchema>;

/** A site the installer paused (issue 16): scheduled, catch-up and light runs skip it; manual runs still go, after a warning. */
export const SitePauseSchema = z.object({
  pausedAt: z.string(),
  /** The installer's reason as typed, or null when none was given. */
  reason: z.string().nullable(),
});
/** See {@link SitePauseSchema}. */
export type SitePause = z.infer<typeof SitePauseSchema>;

/** The longest pause reason kept. */
export const PAUSE_REASON_MAX = 300;

/** Why the schedule skips a site, in words for logs and `run-due` ("skipped: paused — roof works"); null when it runs. */
export function pauseSkipWhy(pause: SitePause | null | undefined): string | null {
  if (!pause) return null;
  return pause.reason ? `skipped: paused — ${pause.reason}` : 'skipped: paused';
}

/** A site: one SmartPlus community made from one Rent Manager property, with its policy (spec §8). */
export const SiteSchema = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  customerId: z.string().min(1).nullable(),
  /** The Rent Manager connection the site reads from. */
  connectionId: z.string().min(1).nullable(),
  propertyId: z.number().int().positive(),
  /** The SmartPlus community, once created. */
  communityId: z.string().min(1).nullable(),
  /** The SmartPlus installer account (a `smartplus` connection) the site syncs to; null = the default one of its side (issue 16). */
  smartPlusAccountId: z.string().min(1).nullable().default(null),
  policy: SyncPolicySchema,
  subscription: SubscriptionStateSchema,
  subscriptionEndsAt: z.string().nullable(),
  createdAt: z.string(),
  /** Set while the installer has paused the site; absent or null when it runs on schedule. */
  pause: SitePauseSchema.nullable().optional(),
});
/** See {@link SiteSchema}. */
export type Site = z.infer<typeof SiteSchema>;

/** A site as the overview lists it: the site, when its data was last synced, and its last run. */
export const SiteSummarySchema = SiteSchema.extend({
  /** When the locally kept copy was taken ("offline — data as of …"); null before the first sync. */
  asOf: z.string().nullable(),
  apartmentCount: z.number().int(),
  lastRun: z
    .object({ id: z.string(), outcome: RunOutcomeSchema, startedAt: z.string(), endedAt: z.string().nullable(), problemCount: z.number().int() })
    .nullable(),
});
/** See {@link SiteSummarySchema}. */
export type SiteSummary = z.infer<typeof SiteSummarySchema>;

/** The apartment list filters (spec §9), plus units in Rent Manager that are not synced (spec §5). */
export const ApartmentFilterSchema = z.enum(['all', 'problems', 'not-activated', 'vacant', 'not-synced']);
/** See {@link ApartmentFilterSchema}. */
export type ApartmentFilter = z.infer<typeof ApartmentFilterSchema>;

/** A page request of the apartment list. `search` matches unit, resident name, e-mail or RF card. */
export const ApartmentQuerySchema = z.object({
  siteId: IdSchema,
  search: z.string().max(200).default(''),
  filter: ApartmentFilterSchema.default('all'),
  page: z.number().int().min(0).default(0),
  pageSize: z.number().int().min(1).max(500).default(50),
});
/** See {@link ApartmentQuerySchema}. */
export type ApartmentQuery = z.input<typeof ApartmentQuerySchema>;

/** One line of the apartment list. Unsynced Rent Manager units have `synced: false` and no SmartPlus data. */
export const ApartmentRowSchema = z.object({
  id: z.string(),
  siteId: z.string(),
  name: z.string(),
  unitId: z.number().int().nullable(),
  synced: z.boolean(),
  activated: z.boolean(),
  familyMemberCount: z.number().int(),
  familyMemberLimit: z.number().int(),
  /** Family members' names, for the list ("Jane Doe, John Doe"). */
  residentNames: z.string(),
  problemCount: z.number().int(),
});
/** See {@link ApartmentRowSchema}. */
export type ApartmentRow = z.infer<typeof ApartmentRowSchema>;

/** A page of apartments, with the total for the pager and the data's age. */
export const ApartmentPageSchema = z.object({
  rows: z.array(ApartmentRowSchema),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  asOf: z.string().nullable(),
  /** The whole site, whatever the search (issue 16: the header counts synced apartments and Rent-Manager-only units apart). */
  siteCounts: z.object({ synced: z.number().int(), rentManagerOnly: z.number().int(), notActivated: z.number().int() }).optional(),
});
/** See {@link ApartmentPageSchema}. */
export type ApartmentPage = z.infer<typeof ApartmentPageSchema>;

/** A resident account as the apartment detail shows it. The PIN is never here: only whether one is set. */
export const ResidentRowSchema = z.object({
  id: z.string(),
  role: z.enum(['master', 'family']),
  firstName: z.string(),
  lastName: z.string(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  hasPin: z.boolean(),
  rfCards: z.array(z.string()),
  sameAccessAsMaster: z.boolean(),
  tenantId: z.number().int().nullable(),
  contactId: z.number().int().nullable(),
  /** From Rent Manager, when the sync knew it: Primary or Occupant. */
  applicantType: z.string().nullable(),
  /** The account's creation and deletion dates under the site's policy, and why (e.g. "Move-In Date 2026-03-01"). */
  accessFrom: z.string().nullable(),
  accessUntil: z.string().nullable(),
  accessReason: z.string().nullable(),
});
/** See {@link ResidentRowSchema}. */
export type ResidentRow = z.infer<typeof ResidentRowSchema>;

/** A problem of a past run that concerns one apartment (its sync history). */
export const ApartmentProblemSchema = ProblemSchema.extend({ runId: z.string(), runStartedAt: z.string() });
/** See {@link ApartmentProblemSchema}. */
export type ApartmentProblem = z.infer<typeof ApartmentProblemSchema>;

/** Everything the apartment detail screen shows (spec §9). */
export const ApartmentDetailSchema = z.object({
  apartment: ApartmentRowSchema,
  master: ResidentRowSchema.nullable(),
  familyMembers: z.array(ResidentRowSchema),
  devices: z.array(DeviceRowSchema),
  history: z.array(ApartmentProblemSchema),
  /** The changes runs made to this apartment, newest first (issue 15). */
  changes: z.array(ChangeViewSchema).optional(),
  asOf: z.string().nullable(),
});
/** See {@link ApartmentDetailSchema}. */
export type ApartmentDetail = z.infer<typeof ApartmentDetailSchema>;
