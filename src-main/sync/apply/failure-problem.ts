import type { Problem } from '../../../src-shared/domain/run';
import type { SyncOperation } from '../../../src-shared/domain/sync-plan';
import { problem } from '../plan/problems';

/** A field SmartPlus refused (a 422's `details: [{ field, reason }]`, contract "Errors"). */
export interface RefusedField {
  readonly field: string;
  readonly reason: string | null;
  /** The value SiteSync sent, display-safe: null for secrets (PINs, cards), which are never shown. */
  readonly value: string | null;
}

const SECRET = /pin|card/i;

/** The fields a 422 names, from the SmartPlus error's details (`fields`, or the contract's raw `details`). */
function refusedFields(error: unknown): { field: string; reason: string | null }[] {
  const details = (error as { details?: Record<string, unknown> } | null)?.details;
  const list = details?.['fields'] ?? details?.['details'];
  if (!Array.isArray(list)) return [];
  return list.flatMap((d) => {
    const item = d as { field?: unknown; reason?: unknown } | null;
    return typeof item?.field === 'string' ? [{ field: item.field, reason: typeof item.reason === 'string' ? item.reason : null }] : [];
  });
}

/** What the operation sent in `field` (the first segment of a dotted path), as text; null when it sent nothing there. */
function sentValue(op: SyncOperation, field: string): string | null {
  const top = field.split('.')[0]!;
  const body: Record<string, unknown> = 'changes' in op ? { ...op, ...op.changes } : { ...op };
  const value = body[top];
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return null;
}

/**
 * The first field a SmartPlus 422 refused, with the value this operation sent for it (issue 13:
 * "a tenant with an invalid e-mail" says which value). PINs and card numbers are never returned,
 * and a server reason that repeats a PIN is dropped.
 */
export function refusedField(op: SyncOperation, error: unknown): RefusedField | null {
  const code = (error as { code?: unknown } | null)?.code;
  if (code !== 'SP_VALIDATION_FAILED') return null;
  const first = refusedFields(error)[0];
  if (!first) return null;
  const secret = SECRET.test(first.field) || op.kind === 'set-pin' || op.kind === 'set-rf-cards';
  const leaks = op.kind === 'set-pin' && first.reason !== null && first.reason.includes(op.pin);
  return { field: first.field, reason: leaks ? null : first.reason, value: secret ? null : sentValue(op, first.field) };
}

function whatOf(op: SyncOperation): string {
  const d = op.display;
  return [d.property, d.unit, d.person].filter((x): x is string => !!x).join(' / ');
}

/**
 * The problem line of an operation that failed: who and what, the error code and message, and —
 * for a SmartPlus 422 — the refused field, the value sent and SmartPlus's reason, so the installer
 * can correct that record in Rent Manager.
 */
export function failureProblem(op: SyncOperation, error: { code: string; message: string }, cause?: unknown): Problem {
  const d = op.display;
  const place = { propertyId: d.propertyId, unitId: d.unitId, tenantId: d.tenantId, contactId: d.contactId, subject: whatOf(op) };
  const refused = refusedField(op, cause);
  if (!refused) {
    return problem('operation-failed', 'error', { ...place, field: op.kind }, `${op.kind} failed (${error.code}): ${error.message}. The next sync tries again.`);
  }
  const who = d.person ?? whatOf(op);
  const value = refused.value === null ? '' : ` "${refused.value}"`;
  return problem('operation-failed', 'error', { ...place, field: refused.field, value: refused.value },
    `${op.kind} failed (${error.code}): SmartPlus refused the ${refused.field}${value} of ${who}${refused.reason ? ` (${refused.reason})` : ''}. Correct it in Rent Manager; the next sync tries again.`);
}
