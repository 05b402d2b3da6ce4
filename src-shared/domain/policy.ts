import { IANAZone } from 'luxon';
import { z } from 'zod';
import { AdoptionDecisionsSchema } from './adoption';
import { BOUNDS } from '../ipc/contract/bounds';

/** Which Rent Manager date creates a family member account (spec §3). */
export const CreationDateSchema = z.enum(['move-in', 'lease-start']);
/** Which Rent Manager date deletes a family member account (spec §3). */
export const DeletionDateSchema = z.enum(['move-out', 'lease-end']);

/** All units, or only the units the installer picked (spec §5). */
export const ApartmentSelectionSchema = z.union([
  z.literal('all'),
  z.object({ custom: z.array(z.number().int().positive()).max(BOUNDS.units) }),
]);
/** See {@link ApartmentSelectionSchema}. */
export type ApartmentSelection = z.infer<typeof ApartmentSelectionSchema>;

/** An IANA time-zone name that luxon knows, e.g. America/New_York. */
export const TimeZoneSchema = z
  .string()
  .max(BOUNDS.timeZone)
  .refine((zone) => IANAZone.isValidZone(zone), { message: 'unknown time zone (use an IANA name like America/New_York)' });

/** A user-defined field chosen for PINs or RF cards: its Rent Manager ID, or its name to be looked up. */
export const FieldChoiceSchema = z.union([z.number().int().positive(), z.string().min(1).max(BOUNDS.name)]);
/** See {@link FieldChoiceSchema}. */
export type FieldChoice = z.infer<typeof FieldChoiceSchema>;

/**
 * The per-site sync policy (spec §3–§5). Defaults follow the spec: Move-In / Move-Out,
 * America/New_York, no grace days, all apartments.
 */
export const SyncPolicySchema = z.object({
  creation: CreationDateSchema.default('move-in'),
  deletion: DeletionDateSchema.default('move-out'),
  sameAccessAsMaster: z.boolean().default(false),
  apartments: ApartmentSelectionSchema.default('all'),
  timeZone: TimeZoneSchema.default('America/New_York'),
  graceDays: z.number().int().min(0).max(60).default(0),
  pinField: FieldChoiceSchema.optional(),
  rfCardField: FieldChoiceSchema.optional(),
  /**
   * "Apply changes automatically" (default) or "Ask me before applying" (issue 15): in ask mode a
   * scheduled or light-sync run plans, writes nothing and waits for approval. Absent = automatic.
   */
  applyMode: z.enum(['automatic', 'ask']).optional(),
  /** In ask mode, deletions of departed tenants still apply without asking (leaving them in is the bigger risk). Absent = true. */
  departuresWithoutAsking: z.boolean().optional(),
});
/** See {@link SyncPolicySchema}. */
export type SyncPolicy = z.infer<typeof SyncPolicySchema>;

/**
 * A site configuration: one or more Rent Manager properties sharing one policy (spec §8; the
 * CLI's `--site-config` file). Each property becomes one SmartPlus community.
 */
export const SiteConfigSchema = SyncPolicySchema.extend({
  properties: z.array(z.number().int().positive()).min(1, 'name at least one property ID').max(BOUNDS.properties),
  /** Adopt the hand-made SmartPlus community of each property instead of creating one (issue 16). */
  linkExisting: z.boolean().optional(),
  /** With `linkExisting` and one property: the SmartPlus community to adopt (default: the one named like the property). */
  community: z.string().max(BOUNDS.name).trim().min(1).optional(),
  /** With `linkExisting` and one property: the building with the units (default: "Building 1", else the only one). */
  building: z.string().max(BOUNDS.name).trim().min(1).optional(),
  /**
   * The installer's answers to the adoption review (the wizard's; a site file may carry them too):
   * extra links made with the community's, and contacts kept separate from or left beside a
   * same-name hand-made resident — the planner honours the last two on every run.
   */
  decisions: AdoptionDecisionsSchema.optional(),
  /** The SmartPlus installer account the sites sync to (issue 16), by its label or connection id; absent: the default account. */
  smartPlusAccount: z.string().max(BOUNDS.name).trim().min(1).optional(),
});
/** See {@link SiteConfigSchema}. */
export type SiteConfig = z.infer<typeof SiteConfigSchema>;

/** The policy with every default filled, for places that need a full value. */
export const DEFAULT_POLICY: SyncPolicy = SyncPolicySchema.parse({});
