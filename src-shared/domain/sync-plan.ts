import { z } from 'zod';
import { CalendarDateSchema } from './calendar-date';
import { ExternalRefSchema } from './external-ref';
import { ProblemSchema } from './run';

/**
 * The sync plan: what a run will change in SmartPlus, as data (shared/style.md, "plan as data,
 * then apply"). The planner (src-main/sync/plan.ts) builds it; apply executes it; the Get Site
 * preview, the dry run and the CLI show it.
 *
 * Targets are named by externalRef key (`refKey`), never by SmartPlus ID alone, so an operation on
 * an object created earlier in the same run resolves once that object exists. Operation IDs are
 * `<kind>:<target>`: stable across re-plans, so journal rows and idempotency keys line up.
 */

/** Who and where an operation is about, for screens and reports (names as Rent Manager has them). */
export const OperationDisplaySchema = z.object({
  propertyId: z.number().int(),
  property: z.string(),
  unitId: z.number().int().nullable(),
  unit: z.string().nullable(),
  tenantId: z.number().int().nullable(),
  contactId: z.number().int().nullable(),
  /** A person, "Jane Doe (tenant 920)"; null for communities and apartments. */
  person: z.string().nullable(),
  /** The contact's Applicant Type in Rent Manager (Primary, Occupant), when the operation is about a person. */
  applicantType: z.string().nullable().optional(),
});
/** See {@link OperationDisplaySchema}. */
export type OperationDisplay = z.infer<typeof OperationDisplaySchema>;

/**
 * Family members' access (spec §3): the master account's groups, or the community's default
 * "24 Hours" group. Apply resolves the default group's ID (a new community has none at plan time).
 */
export const MemberAccessSchema = z.enum(['same-as-master', 'default-group']);
/** See {@link MemberAccessSchema}. */
export type MemberAccess = z.infer<typeof MemberAccessSchema>;

const base = {
  /** `<kind>:<target>` — stable across re-plans. */
  id: z.string(),
  /** refKey of the community (from the property) this operation belongs to. */
  communityRef: z.string(),
  /** refKey of the object acted on (community, apartment or family member). */
  target: z.string(),
  display: OperationDisplaySchema,
  /**
   * The rule behind the operation, for the run report ("Moved in on 2026-11-20.", "New PIN in
   * Rent Manager.", "Field cleared in Rent Manager."). The planner knows it; apply journals it.
   */
  why: z.string().optional(),
};

/** Creates the community of a property; SmartPlus creates its "Building 1" with it. */
export const CreateCommunityOpSchema = z.object({
  ...base,
  kind: z.literal('create-community'),
  ref: ExternalRefSchema,
  name: z.string(),
  address: z.string().nullable(),
  timeZone: z.string(),
});
/** Renames / re-addresses a community that SiteSync created. */
export const UpdateCommunityOpSchema = z.object({
  ...base,
  kind: z.literal('update-community'),
  communityId: z.string(),
  changes: z.object({ name: z.string().optional(), address: z.string().nullable().optional(), timeZone: z.string().optional() }),
});
/** Creates an apartment (with its master account) in the community's "Building 1". */
export const CreateApartmentOpSchema = z.object({
  ...base,
  kind: z.literal('create-apartment'),
  ref: ExternalRefSchema,
  name: z.string(),
});
/** Renames an apartment after its unit (spec §2). */
export const UpdateApartmentOpSchema = z.object({
  ...base,
  kind: z.literal('update-apartment'),
  apartmentId: z.string(),
  changes: z.object({ name: z.string() }),
});
/** Creates a family member account for a contact in a unit. */
export const CreateFamilyMemberOpSchema = z.object({
  ...base,
  kind: z.literal('create-family-member'),
  ref: ExternalRefSchema,
  /** refKey of the apartment (unit) it goes into. */
  apartmentTarget: z.string(),
  firstName: z.string(),
  lastName: z.string(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  access: MemberAccessSchema,
});
/** Brings a family member's name, contact details or access in line with Rent Manager and the policy. */
export const UpdateFamilyMemberOpSchema = z.object({
  ...base,
  kind: z.literal('update-family-member'),
  residentId: z.string(),
  changes: z.object({
    firstName: z.string().optional(),
    lastName: z.string().optional(),
    email: z.string().nullable().optional(),
    phone: z.string().nullable().optional(),
    access: MemberAccessSchema.optional(),
  }),
});
/**
 * Sets a PIN. The value is needed to apply, so it is in the plan: show plans through
 * `displayPlan` (PINs masked) and never log an operation's payload.
 */
export const SetPinOpSchema = z.object({
  ...base,
  kind: z.literal('set-pin'),
  residentId: z.string().nullable(),
  pin: z.string(),
});
/** Removes a PIN: the field was cleared, or the value now belongs to someone else. */
export const RemovePinOpSchema = z.object({ ...base, kind: z.literal('remove-pin'), residentId: z.string() });
/** Sets the RF cards of a family member (the tenant's one card, uppercase). */
export const SetRfCardsOpSchema = z.object({
  ...base,
  kind: z.literal('set-rf-cards'),
  residentId: z.string().nullable(),
  cards: z.array(z.string()),
});
/** Removes RF cards (field cleared, or a card now belongs to someone else): the resident keeps `keep`. */
export const RemoveRfCardsOpSchema = z.object({
  ...base,
  kind: z.literal('remove-rf-cards'),
  residentId: z.string(),
  keep: z.array(z.string()),
});
/** Deletes a family member account SiteSync created (never a master, never a hand-made one). */
export const DeleteFamilyMemberOpSchema = z.object({
  ...base,
  kind: z.literal('delete-family-member'),
  residentId: z.string(),
  reason: z.string(),
});

/** One step of a plan. */
export const SyncOperationSchema = z.discriminatedUnion('kind', [
  CreateCommunityOpSchema,
  UpdateCommunityOpSchema,
  CreateApartmentOpSchema,
  UpdateApartmentOpSchema,
  CreateFamilyMemberOpSchema,
  UpdateFamilyMemberOpSchema,
  SetPinOpSchema,
  RemovePinOpSchema,
  SetRfCardsOpSchema,
  RemoveRfCardsOpSchema,
  DeleteFamilyMemberOpSchema,
]);
/** See {@link SyncOperationSchema}. */
export type SyncOperation = z.infer<typeof SyncOperationSchema>;
/** The `kind` of an operation. */
export type OperationKind = SyncOperation['kind'];
/** The operation of kind `K`. */
export type OperationOf<K extends OperationKind> = Extract<SyncOperation, { kind: K }>;
/** See {@link DeleteFamilyMemberOpSchema}. */
export type DeleteFamilyMemberOp = OperationOf<'delete-family-member'>;

/** Every operation kind, in apply order. */
export const OPERATION_KINDS = [
  'create-community',
  'update-community',
  'create-apartment',
  'update-apartment',
  'create-family-member',
  'update-family-member',
  'remove-pin',
  'remove-rf-cards',
  'set-pin',
  'set-rf-cards',
  'delete-family-member',
] as const satisfies readonly OperationKind[];

/** Apply phases, in order (issue 5): communities → apartments → family members → credentials → deletions. */
export const APPLY_PHASES = ['communities', 'apartments', 'family-members', 'credentials', 'deletions'] as const;
/** One of {@link APPLY_PHASES}. */
export type ApplyPhase = (typeof APPLY_PHASES)[number];

/**
 * The phase and wave an operation runs in. Waves run one after another inside a phase: credential
 * removals (wave 0) free values before sets (wave 1) give them to someone else, so a PIN can move
 * between two residents (even swap) without a conflict.
 */
export function phaseOf(kind: OperationKind): { phase: ApplyPhase; wave: number } {
  switch (kind) {
    case 'create-community':
    case 'update-community':
      return { phase: 'communities', wave: 0 };
    case 'create-apartment':
    case 'update-apartment':
      return { phase: 'apartments', wave: 0 };
    case 'create-family-member':
    case 'update-family-member':
      return { phase: 'family-members', wave: 0 };
    case 'remove-pin':
    case 'remove-rf-cards':
      return { phase: 'credentials', wave: 0 };
    case 'set-pin':
    case 'set-rf-cards':
      return { phase: 'credentials', wave: 1 };
    case 'delete-family-member':
      return { phase: 'deletions', wave: 0 };
  }
}

/**
 * A credential removal or change the mass guard held back (spec §6, issue 12), with what it does
 * (`reason`). Stored PIN values are masked: a confirmation re-plans and applies the fresh operation.
 */
export const HeldCredentialOpSchema = z.discriminatedUnion('kind', [
  SetPinOpSchema.extend({ reason: z.string() }),
  RemovePinOpSchema.extend({ reason: z.string() }),
  SetRfCardsOpSchema.extend({ reason: z.string() }),
  RemoveRfCardsOpSchema.extend({ reason: z.string() }),
]);
/** See {@link HeldCredentialOpSchema}. */
export type HeldCredentialOp = z.infer<typeof HeldCredentialOpSchema>;

/** Any operation waiting for approval in an ask-first run (issue 15), with what it does; PINs masked. */
export const HeldOperationSchema = z.discriminatedUnion('kind', [
  CreateCommunityOpSchema.extend({ reason: z.string() }),
  UpdateCommunityOpSchema.extend({ reason: z.string() }),
  CreateApartmentOpSchema.extend({ reason: z.string() }),
  UpdateApartmentOpSchema.extend({ reason: z.string() }),
  CreateFamilyMemberOpSchema.extend({ reason: z.string() }),
  UpdateFamilyMemberOpSchema.extend({ reason: z.string() }),
  SetPinOpSchema.extend({ reason: z.string() }),
  RemovePinOpSchema.extend({ reason: z.string() }),
  SetRfCardsOpSchema.extend({ reason: z.string() }),
  RemoveRfCardsOpSchema.extend({ reason: z.string() }),
  DeleteFamilyMemberOpSchema,
]);
/** See {@link HeldOperationSchema}. */
export type HeldOperation = z.infer<typeof HeldOperationSchema>;

/**
 * An operation held back — by the mass guard (spec §6: a deletion, or a credential removal or
 * change), or because the site asks before applying (`approval`, issue 15) — with why; applied
 * only once confirmed. (The name predates credentials and approvals.)
 */
export const HeldBackDeletionSchema = z.object({
  operation: z.union([DeleteFamilyMemberOpSchema, HeldCredentialOpSchema, HeldOperationSchema]),
  reason: z.string(),
  /** Held because the site asks before applying, not by the mass guard. */
  approval: z.boolean().optional(),
});
/** See {@link HeldBackDeletionSchema}. */
export type HeldBackDeletion = z.infer<typeof HeldBackDeletionSchema>;

/**
 * What a plan changes in billing (spec §11). `familyMembersOverAllowance` counts family members
 * beyond `freeAllowancePerApartment` per apartment — an assumption: the contract prices
 * "additional app" accounts but does not say how many are free, so the allowance is a parameter.
 */
export const BillingImpactSchema = z.object({
  apartmentsToActivate: z.number().int(),
  familyMembersOverAllowance: z.number().int(),
  freeAllowancePerApartment: z.number().int(),
});
/** See {@link BillingImpactSchema}. */
export type BillingImpact = z.infer<typeof BillingImpactSchema>;

/** Counts for a plan's preview: operations per kind, held-back deletions, problems per severity, billing. */
export const PlanSummarySchema = z.object({
  operations: z.record(z.enum(OPERATION_KINDS), z.number().int()),
  totalOperations: z.number().int(),
  heldBack: z.number().int(),
  problems: z.object({ error: z.number().int(), warning: z.number().int(), info: z.number().int() }),
  billing: BillingImpactSchema,
});
/** See {@link PlanSummarySchema}. */
export type PlanSummary = z.infer<typeof PlanSummarySchema>;

/** A whole plan for one site on one day. */
export const SyncPlanSchema = z.object({
  today: CalendarDateSchema,
  operations: z.array(SyncOperationSchema),
  heldBack: z.array(HeldBackDeletionSchema),
  problems: z.array(ProblemSchema),
  summary: PlanSummarySchema,
});
/** See {@link SyncPlanSchema}. */
export type SyncPlan = z.infer<typeof SyncPlanSchema>;

/** The plan as screens, JSON output and logs may show it: every PIN masked. */
export function displayPlan(plan: SyncPlan): SyncPlan {
  return { ...plan, operations: plan.operations.map(displayOperation) };
}

/** One operation with its PIN (if any) masked. */
export function displayOperation(op: SyncOperation): SyncOperation {
  return op.kind === 'set-pin' ? { ...op, pin: '••••' } : op;
}
