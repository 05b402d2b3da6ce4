import { z } from 'zod';
import { AdoptionDecisionsSchema, AdoptionReviewSchema } from '../../domain/adoption';
import { BOUNDS, IdSchema } from './bounds';
import { CreationDateSchema, DeletionDateSchema, SyncPolicySchema, TimeZoneSchema } from '../../domain/policy';
import { ProblemSchema } from '../../domain/run';
import { PAUSE_REASON_MAX, SitePauseSchema, SiteSummarySchema } from '../../domain/site';
import { PlanSummarySchema } from '../../domain/sync-plan';

/** A customer the Get Site wizard offers: one Rent Manager connection, never its secret (spec §2, §8). */
export const CustomerOptionSchema = z.object({
  connectionId: IdSchema,
  name: z.string(),
  companyCode: z.string().nullable(),
  locationId: z.number().int().nullable(),
  isSandbox: z.boolean(),
  status: z.enum(['configured', 'missing', 'rejected']),
});
/** See {@link CustomerOptionSchema}. */
export type CustomerOption = z.infer<typeof CustomerOptionSchema>;

/** A property the customer enabled for the integration, with its unit count and the site already made from it. */
export const PropertyOptionSchema = z.object({
  id: z.number().int().positive(),
  name: z.string(),
  address: z.string().nullable(),
  unitCount: z.number().int().nonnegative(),
  /** The site already imported from this property, if any (importing it again is refused). */
  siteId: z.string().nullable(),
});
/** See {@link PropertyOptionSchema}. */
export type PropertyOption = z.infer<typeof PropertyOptionSchema>;

/**
 * A unit of a property, for the Custom apartments picker. `occupants`: how many tenants hold a
 * current lease on it (0 = vacant); absent when Rent Manager's leases could not be read.
 */
export const UnitOptionSchema = z.object({ id: z.number().int().positive(), name: z.string(), occupants: z.number().int().nonnegative().optional() });
/** See {@link UnitOptionSchema}. */
export type UnitOption = z.infer<typeof UnitOptionSchema>;

/** The policy choices the wizard asks for (the rest take the site defaults). */
export const WizardPolicySchema = z.object({
  creation: CreationDateSchema,
  deletion: DeletionDateSchema,
  sameAccessAsMaster: z.boolean(),
  /**
   * The fields the installer chose (issue 16): a UserDefinedFieldID, or null for "No field"
   * (credentials left alone). Absent: picked by name (older callers).
   */
  fields: z.object({ pin: z.number().int().positive().nullable(), rfCard: z.number().int().positive().nullable() }).optional(),
  /** The site's time zone (dates and the schedule); absent: the default. */
  timeZone: TimeZoneSchema.optional(),
  /** Days access lasts past the deletion date; absent: 0. */
  graceDays: z.number().int().min(0).max(60).optional(),
});
/** See {@link WizardPolicySchema}. */
export type WizardPolicy = z.infer<typeof WizardPolicySchema>;

/** "Link to an existing community": the hand-made community, the building with the units, and the review's answers. */
export const AdoptChoiceSchema = z.object({
  communityId: IdSchema,
  buildingId: IdSchema,
  decisions: AdoptionDecisionsSchema.default({ apartmentLinks: [], memberLinks: [], keepSeparate: [], leaveAlone: [] }),
});
/** See {@link AdoptChoiceSchema}. */
export type AdoptChoice = z.infer<typeof AdoptChoiceSchema>;

/** A SmartPlus community without a reference (made by hand) that a property may be linked to. */
export const CommunityOptionSchema = z.object({
  id: z.string(),
  name: z.string(),
  /** Named like the property (the likely match; listed first). */
  likely: z.boolean(),
  buildings: z.array(z.object({ id: z.string(), name: z.string() })),
});
/** See {@link CommunityOptionSchema}. */
export type CommunityOption = z.infer<typeof CommunityOptionSchema>;

/** What linking one property to a hand-made community would do, before anything is written. */
export const AdoptionPreviewSchema = z.object({
  propertyId: z.number().int(),
  communityId: z.string(),
  communityName: z.string(),
  buildingId: z.string(),
  review: AdoptionReviewSchema,
  /** What the import creates beside the links (the plan against the community as linked). */
  summary: PlanSummarySchema,
  /** Labels of the objects the questions name, for the choices: hand-made residents and apartments by id, contacts by `unitId:contactId`. */
  labels: z.object({
    residents: z.record(z.string(), z.string()),
    apartments: z.record(z.string(), z.string()),
    contacts: z.record(z.string(), z.string()),
  }),
});
/** See {@link AdoptionPreviewSchema}. */
export type AdoptionPreview = z.infer<typeof AdoptionPreviewSchema>;

/** A SmartPlus installer account the wizard offers for a customer's new sites (issue 16): only those of the customer's side. */
export const SiteAccountOptionSchema = z.object({
  id: IdSchema,
  label: z.string(),
  isSandbox: z.boolean(),
  isDefault: z.boolean(),
  status: z.enum(['configured', 'missing', 'rejected']),
});
/** See {@link SiteAccountOptionSchema}. */
export type SiteAccountOption = z.infer<typeof SiteAccountOptionSchema>;

/** What to import: a customer, the shared policy, and per property all units or the picked ones. */
export const ImportRequestSchema = z.object({
  connectionId: IdSchema,
  /** The SmartPlus account to use (issue 16); absent: the default account of the customer's side. */
  smartPlusAccountId: IdSchema.optional(),
  policy: WizardPolicySchema,
  properties: z
    .array(
      z.object({
        propertyId: z.number().int().positive(),
        units: z.union([z.literal('all'), z.array(z.number().int().positive()).min(1, 'pick at least one unit').max(BOUNDS.units)]),
        /** Link to an existing (hand-made) community instead of creating one (issue 16); absent: create a new community. */
        adopt: AdoptChoiceSchema.optional(),
      }),
    )
    .min(1, 'pick at least one property')
    .max(BOUNDS.properties),
});
/** See {@link ImportRequestSchema}. */
export type ImportRequest = z.infer<typeof ImportRequestSchema>;

/** Whether the integration is paid for, and why not (spec §7). */
export const ImportReadinessSchema = z.object({
  active: z.boolean(),
  endsAt: z.string().nullable(),
  /** Why syncing is not possible, in words for the installer; null when active. */
  reason: z.string().nullable(),
});
/** See {@link ImportReadinessSchema}. */
export type ImportReadiness = z.infer<typeof ImportReadinessSchema>;

/** The dry-run plan of one property: counts, billing impact and problems (PINs masked). */
export const PropertyPreviewSchema = z.object({
  propertyId: z.number().int(),
  propertyName: z.string(),
  summary: PlanSummarySchema,
  /** What the installer should know before importing: invalid PINs, missing dates, duplicates — errors first (capped, PINs masked). */
  problems: z.array(ProblemSchema),
  /** Problems beyond the listed ones (the list is capped). */
  moreProblems: z.number().int().nonnegative(),
  /** Units left out by a Custom selection: they stay "in Rent Manager, not synced" (counted, not listed). */
  unitsNotSynced: z.number().int().nonnegative(),
});
/** See {@link PropertyPreviewSchema}. */
export type PropertyPreview = z.infer<typeof PropertyPreviewSchema>;

/** The wizard's review: the plan per property, and whether the integration is paid for. */
export const ImportPreviewSchema = z.object({
  plans: z.array(PropertyPreviewSchema),
  integration: ImportReadinessSchema,
  /** The Rent Manager fields the import reads PINs and RF cards from (picked by name; changeable in Settings). */
  fields: z.object({ pin: z.string().nullable(), rfCard: z.string().nullable() }),
});
/** See {@link ImportPreviewSchema}. */
export type ImportPreview = z.infer<typeof ImportPreviewSchema>;

/** A site created by an import and the run that syncs it (its progress arrives as `sync.progressed`). */
export const ImportedSiteSchema = z.object({
  siteId: z.string(),
  propertyId: z.number().int(),
  name: z.string(),
  runId: z.string(),
});
/** See {@link ImportedSiteSchema}. */
export type ImportedSite = z.infer<typeof ImportedSiteSchema>;

/** A property whose site could not be created or synced by an import (the others went ahead), and why. */
export const ImportNotStartedSchema = z.object({ propertyId: z.number().int(), name: z.string(), reason: z.string() });
/** See {@link ImportNotStartedSchema}. */
export type ImportNotStarted = z.infer<typeof ImportNotStartedSchema>;

/** A Rent Manager user-defined field offered for PINs or RF cards, with the Numeric-PIN warning when it applies. */
export const FieldOptionSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  fieldType: z.string(),
  parentType: z.string().nullable(),
  /** Set when this field would drop a PIN's leading zeros (a Numeric field, spec §15). */
  pinWarning: z.string().nullable(),
});
/** See {@link FieldOptionSchema}. */
export type FieldOption = z.infer<typeof FieldOptionSchema>;

/** A tenant field with what the chosen properties hold in it: counts and a few masked samples (never a value). */
export const FieldSampleSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  fieldType: z.string(),
  /** Set when this field would drop a PIN's leading zeros (a Numeric field, spec §15). */
  pinWarning: z.string().nullable(),
  tenants: z.number().int().nonnegative(),
  tenantsWithValue: z.number().int().nonnegative(),
  /** A few values described by their shape only ("4 digits", "8 hex characters", "text, 7 characters"): never a value, not even part of one. */
  shapes: z.array(z.string()).max(5),
});
/** See {@link FieldSampleSchema}. */
export type FieldSample = z.infer<typeof FieldSampleSchema>;

/** A customer's properties that changed in the integration: enabled but not a site, or a site no longer enabled. */
export const PropertyChangesSchema = z.object({
  connectionId: z.string(),
  customerName: z.string(),
  newProperties: z.array(z.object({ id: z.number().int(), name: z.string() })),
  removedSites: z.array(z.object({ siteId: z.string(), name: z.string() })),
});
/** See {@link PropertyChangesSchema}. */
export type PropertyChanges = z.infer<typeof PropertyChangesSchema>;

/** Call schemas of the `sites.*` channels (Get Site from PMS wizard, per-site policy in Settings). */
export const sitesCalls = {
  'sites.list': { input: z.undefined(), output: z.array(SiteSummarySchema) },
  'sites.listCustomers': { input: z.undefined(), output: z.array(CustomerOptionSchema) },
  'sites.listProperties': { input: z.object({ connectionId: IdSchema }), output: z.array(PropertyOptionSchema) },
  'sites.listUnits': {
    input: z.object({ connectionId: IdSchema, propertyId: z.number().int().positive() }),
    output: z.array(UnitOptionSchema),
  },
  'sites.preview': { input: ImportRequestSchema, output: ImportPreviewSchema },
  'sites.import': { input: ImportRequestSchema, output: z.object({ sites: z.array(ImportedSiteSchema), notStarted: z.array(ImportNotStartedSchema) }) },
  'sites.cancelImport': { input: z.object({ siteIds: z.array(IdSchema).max(BOUNDS.properties) }), output: z.object({ cancelled: z.number().int() }) },
  'sites.updatePolicy': { input: z.object({ siteId: IdSchema, policy: SyncPolicySchema }), output: SyncPolicySchema },
  'sites.listFields': { input: z.object({ connectionId: IdSchema }), output: z.array(FieldOptionSchema) },
  'sites.listFieldSamples': {
    input: z.object({ connectionId: IdSchema, propertyIds: z.array(z.number().int().positive()).min(1).max(BOUNDS.properties) }),
    output: z.array(FieldSampleSchema),
  },
  'sites.removeSite': { input: z.object({ siteId: IdSchema }), output: z.object({ name: z.string() }) },
  'sites.pause': {
    input: z.object({ siteId: IdSchema, reason: z.string().max(PAUSE_REASON_MAX).nullable().default(null) }),
    output: z.object({ name: z.string(), pause: SitePauseSchema }),
  },
  'sites.resume': { input: z.object({ siteId: IdSchema }), output: z.object({ name: z.string(), resumed: z.boolean() }) },
  'sites.listPropertyChanges': { input: z.undefined(), output: z.array(PropertyChangesSchema) },
  'sites.dismissNewProperties': {
    input: z.object({ connectionId: IdSchema, propertyIds: z.array(z.number().int().positive()).min(1).max(BOUNDS.properties) }),
    output: z.object({ dismissed: z.number().int() }),
  },
  'sites.listAccounts': { input: z.object({ connectionId: IdSchema }), output: z.array(SiteAccountOptionSchema) },
  'sites.listCommunities': {
    input: z.object({ connectionId: IdSchema, propertyId: z.number().int().positive(), smartPlusAccountId: IdSchema.optional() }),
    output: z.array(CommunityOptionSchema),
  },
  'sites.previewAdoption': {
    input: z.object({
      connectionId: IdSchema,
      smartPlusAccountId: IdSchema.optional(),
      policy: WizardPolicySchema,
      propertyId: z.number().int().positive(),
      units: z.union([z.literal('all'), z.array(z.number().int().positive()).min(1).max(BOUNDS.units)]),
      communityId: IdSchema,
      buildingId: IdSchema,
      /** Answers to apartment questions so far (unit → hand-made apartment). */
      apartmentLinks: AdoptionDecisionsSchema.shape.apartmentLinks.optional(),
    }),
    output: AdoptionPreviewSchema,
  },
} as const;
