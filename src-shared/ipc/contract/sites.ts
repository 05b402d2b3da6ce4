import { z } from 'zod';
import { BOUNDS, IdSchema } from './bounds';
import { CreationDateSchema, DeletionDateSchema, SyncPolicySchema } from '../../domain/policy';
import { ProblemSchema } from '../../domain/run';
import { SiteSummarySchema } from '../../domain/site';
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

/** A unit of a property, for the Custom apartments picker. */
export const UnitOptionSchema = z.object({ id: z.number().int().positive(), name: z.string() });
/** See {@link UnitOptionSchema}. */
export type UnitOption = z.infer<typeof UnitOptionSchema>;

/** The policy choices the wizard asks for (the rest take the site defaults). */
export const WizardPolicySchema = z.object({
  creation: CreationDateSchema,
  deletion: DeletionDateSchema,
  sameAccessAsMaster: z.boolean(),
});
/** See {@link WizardPolicySchema}. */
export type WizardPolicy = z.infer<typeof WizardPolicySchema>;

/** What to import: a customer, the shared policy, and per property all units or the picked ones. */
export const ImportRequestSchema = z.object({
  connectionId: IdSchema,
  policy: WizardPolicySchema,
  properties: z
    .array(
      z.object({
        propertyId: z.number().int().positive(),
        units: z.union([z.literal('all'), z.array(z.number().int().positive()).min(1, 'pick at least one unit').max(BOUNDS.units)]),
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

/** Call schemas of the `sites.*` channels (Get Site from PMS wizard, per-site policy in Settings). */
export const sitesCalls = {
  'sites.list': { input: z.undefined(), output: z.array(SiteSummarySchema) },
  'sites.customers': { input: z.undefined(), output: z.array(CustomerOptionSchema) },
  'sites.properties': { input: z.object({ connectionId: IdSchema }), output: z.array(PropertyOptionSchema) },
  'sites.units': {
    input: z.object({ connectionId: IdSchema, propertyId: z.number().int().positive() }),
    output: z.array(UnitOptionSchema),
  },
  'sites.preview': { input: ImportRequestSchema, output: ImportPreviewSchema },
  'sites.import': { input: ImportRequestSchema, output: z.object({ sites: z.array(ImportedSiteSchema), notStarted: z.array(ImportNotStartedSchema) }) },
  'sites.cancelImport': { input: z.object({ siteIds: z.array(IdSchema).max(BOUNDS.properties) }), output: z.object({ cancelled: z.number().int() }) },
  'sites.updatePolicy': { input: z.object({ siteId: IdSchema, policy: SyncPolicySchema }), output: SyncPolicySchema },
  'sites.fields': { input: z.object({ connectionId: IdSchema }), output: z.array(FieldOptionSchema) },
} as const;
