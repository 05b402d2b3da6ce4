import { z } from 'zod';
import { maskPin } from '../rules/pin';
import { ExternalRefSchema } from './external-ref';
import { OPERATION_KINDS } from './sync-plan';

/**
 * What one run changed in SmartPlus, change by change (issue 15): the run report's lines, an
 * apartment's history, the cross-run search and the undo planner all read these. A change is
 * written by the sync engine's journal (src-main/sync/apply/change.ts builds it from the operation
 * and the SmartPlus state the plan was made on) and stored by src-main/db. PIN values never
 * appear here: `fields` shows them masked, and the values themselves travel only as a
 * {@link ChangeSecret}, which the database keeps encrypted.
 */

/** What happened, in the words of the run report. */
export const CHANGE_ACTIONS = [
  'community-created',
  'community-updated',
  'apartment-created',
  'apartment-updated',
  'account-created',
  'account-updated',
  'account-deleted',
  'pin-set',
  'pin-changed',
  'pin-removed',
  'rf-card-set',
  'rf-card-removed',
] as const;
/** See {@link CHANGE_ACTIONS}. */
export const ChangeActionSchema = z.enum(CHANGE_ACTIONS);
/** See {@link CHANGE_ACTIONS}. */
export type ChangeAction = z.infer<typeof ChangeActionSchema>;

/** Actions that take access away: what "who lost access" searches for. */
export const REVOKING_ACTIONS: ReadonlySet<ChangeAction> = new Set(['account-deleted', 'pin-removed', 'rf-card-removed']);

/** How the change ended: done, tried and refused, or held back by the mass guard for confirmation. */
export const ChangeStatusSchema = z.enum(['applied', 'failed', 'held-back']);
/** See {@link ChangeStatusSchema}. */
export type ChangeStatus = z.infer<typeof ChangeStatusSchema>;

/** One field's old → new value, display-safe (a PIN is "••••" or null, never its digits). */
export const FieldChangeSchema = z.object({ field: z.string(), old: z.string().nullable(), new: z.string().nullable() });
/** See {@link FieldChangeSchema}. */
export type FieldChange = z.infer<typeof FieldChangeSchema>;

/** A family member's account as it was before or after the change (no PIN: see {@link ChangeSecret}). */
export const AccountImageSchema = z.object({
  firstName: z.string(),
  lastName: z.string(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  sameAccessAsMaster: z.boolean(),
  accessGroupIds: z.array(z.string()),
  rfCards: z.array(z.string()),
  hasPin: z.boolean(),
});
/** See {@link AccountImageSchema}. */
export type AccountImage = z.infer<typeof AccountImageSchema>;

/** The PINs around a change, kept only encrypted at rest (issue 15: "credentials kept encrypted in the journal"). */
export const ChangeSecretSchema = z.object({ pinBefore: z.string().nullable(), pinAfter: z.string().nullable() });
/** See {@link ChangeSecretSchema}. */
export type ChangeSecret = z.infer<typeof ChangeSecretSchema>;

/** One change as the engine records it (before the store gives it a place in the run). */
export const ChangeDraftSchema = z.object({
  opId: z.string(),
  kind: z.enum(OPERATION_KINDS),
  action: ChangeActionSchema,
  /** refKey of the object acted on, and of its community. */
  target: z.string(),
  communityRef: z.string(),
  /** The object's externalRef (re-creating a deleted member needs it). */
  ref: ExternalRefSchema.nullable(),
  /** SmartPlus IDs: the object changed, and its apartment (the link to the apartment's detail). */
  objectId: z.string().nullable(),
  apartmentId: z.string().nullable(),
  property: z.string(),
  propertyId: z.number().int(),
  unit: z.string().nullable(),
  unitId: z.number().int().nullable(),
  /** "Jane Doe (tenant 920)"; null for communities and apartments. */
  person: z.string().nullable(),
  applicantType: z.string().nullable(),
  tenantId: z.number().int().nullable(),
  contactId: z.number().int().nullable(),
  fields: z.array(FieldChangeSchema),
  /** The rule behind it: "Moved out on 2026-11-26.", "New PIN in Rent Manager.", "Field cleared in Rent Manager." */
  why: z.string(),
  before: AccountImageSchema.nullable(),
  after: AccountImageSchema.nullable(),
  /** Why it failed (code and message), for failed changes. */
  error: z.string().nullable(),
});
/** See {@link ChangeDraftSchema}. */
export type ChangeDraft = z.infer<typeof ChangeDraftSchema>;

/** A stored change: the draft with its run, place in the run, site, time and how it ended. */
export const RunChangeSchema = ChangeDraftSchema.extend({
  runId: z.string(),
  seq: z.number().int(),
  siteId: z.string(),
  at: z.string(),
  status: ChangeStatusSchema,
  /** A PIN value is kept (encrypted) and can be revealed on request. */
  pinKept: z.boolean(),
});
/** See {@link RunChangeSchema}. */
export type RunChange = z.infer<typeof RunChangeSchema>;

/**
 * One change a run made, as screens show it (issue 15): who, where, what (old → new, PINs masked)
 * and why. The account images the undo planner works from stay in main.
 */
export const ChangeViewSchema = RunChangeSchema.omit({ before: true, after: true, ref: true });
/** See {@link ChangeViewSchema}. */
export type ChangeView = z.infer<typeof ChangeViewSchema>;

/** A change as screens get it: no account images, and any PIN field masked whatever it carries. */
export function toChangeView(c: RunChange): ChangeView {
  const { before: _before, after: _after, ref: _ref, ...view } = c;
  return { ...view, fields: view.fields.map(maskedField) };
}

/** A field change as a screen or report may show it: a PIN is masked whatever the change carries. */
export function maskedField(f: FieldChange): FieldChange {
  if (!/pin/i.test(f.field)) return f;
  return { field: f.field, old: f.old === null ? null : maskPin(f.old), new: f.new === null ? null : maskPin(f.new) };
}

/** A stored change with its PINs decrypted — main process only (the undo planner); never sent to a screen. */
export interface RunChangeWithSecret extends RunChange {
  /** Null when no PIN was involved or it cannot be decrypted on this computer. */
  readonly secret: ChangeSecret | null;
}

/** "Account deleted", "PIN changed" — an action as a line of the report says it. */
export const CHANGE_ACTION_LABELS: Record<ChangeAction, string> = {
  'community-created': 'Community created',
  'community-updated': 'Community updated',
  'apartment-created': 'Apartment created',
  'apartment-updated': 'Apartment updated',
  'account-created': 'Account created',
  'account-updated': 'Account updated',
  'account-deleted': 'Account deleted',
  'pin-set': 'PIN set',
  'pin-changed': 'PIN changed',
  'pin-removed': 'PIN removed',
  'rf-card-set': 'RF card set',
  'rf-card-removed': 'RF card removed',
};

/** "email: a@x → b@x; PIN: •••• → ••••" — a change's fields in one line (values already display-safe). */
export function fieldsLine(fields: readonly FieldChange[]): string {
  return fields.map((f) => `${f.field}: ${f.old ?? '—'} → ${f.new ?? '—'}`).join('; ');
}
