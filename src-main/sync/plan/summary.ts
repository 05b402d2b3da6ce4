import type { Problem } from '../../../src-shared/domain/run';
import {
  OPERATION_KINDS,
  phaseOf,
  APPLY_PHASES,
  type BillingImpact,
  type HeldBackDeletion,
  type OperationKind,
  type PlanSummary,
  type SyncOperation,
} from '../../../src-shared/domain/sync-plan';
import { naturalKey, type PlanContext } from './context';
import type { MemberAfter } from './members';
import type { PropertyScope } from './structure';

/** Running billing totals across a site's communities. */
export interface BillingTally {
  apartmentsToActivate: number;
  familyMembersOverAllowance: number;
}

/**
 * Adds one community's billing impact (spec §11): apartments that will need activation (new ones,
 * and existing ones with family members that are not activated) and family members beyond the
 * free allowance per apartment, counted on the state after the run.
 */
export function tallyBilling(
  ctx: PlanContext,
  scope: PropertyScope,
  operations: readonly SyncOperation[],
  after: readonly MemberAfter[],
  deletedIds: ReadonlySet<string>,
  tally: BillingTally,
): void {
  const allowance = ctx.options.freeFamilyMembersPerApartment;
  const created = new Map<string, number>();
  for (const { member, created: isNew } of after) if (isNew) created.set(member.apartmentKey, (created.get(member.apartmentKey) ?? 0) + 1);
  for (const op of operations) {
    if (op.kind !== 'create-apartment' || op.communityRef !== scope.communityRef) continue;
    tally.apartmentsToActivate++;
    tally.familyMembersOverAllowance += Math.max(0, (created.get(op.target) ?? 0) - allowance);
  }
  const community = scope.community;
  if (!community) return;
  for (const [key, apartment] of community.apartmentsByRef) {
    const staying = (community.familyByApartment.get(apartment.id) ?? []).filter((r) => !deletedIds.has(r.id)).length;
    const total = staying + (created.get(key) ?? 0);
    if (!apartment.activated && total > 0) tally.apartmentsToActivate++;
    tally.familyMembersOverAllowance += Math.max(0, total - allowance);
  }
}

const KIND_ORDER = new Map<OperationKind, number>(OPERATION_KINDS.map((k, i) => [k, i]));
const PHASE_ORDER = new Map<string, number>(APPLY_PHASES.map((p, i) => [p, i]));

/** Apply order, and the order screens list operations in: phase, wave, community, kind, target (natural). */
export function sortOperations(operations: readonly SyncOperation[]): SyncOperation[] {
  const keyed = operations.map((op) => {
    const { phase, wave } = phaseOf(op.kind);
    const head = `${PHASE_ORDER.get(phase)}${wave}`;
    return { op, key: `${head}\u0000${naturalKey(op.communityRef)}\u0000${String(KIND_ORDER.get(op.kind)).padStart(2, '0')}\u0000${naturalKey(op.target)}` };
  });
  keyed.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return keyed.map((k) => k.op);
}

/** Counts for the preview: operations per kind, held-back deletions, problems per severity, billing. */
export function summarize(
  ctx: PlanContext,
  operations: readonly SyncOperation[],
  heldBack: readonly HeldBackDeletion[],
  problems: readonly Problem[],
  billing: BillingTally,
): PlanSummary {
  const perKind = Object.fromEntries(OPERATION_KINDS.map((k) => [k, 0])) as Record<OperationKind, number>;
  for (const op of operations) perKind[op.kind]++;
  const bySeverity = { error: 0, warning: 0, info: 0 };
  for (const p of problems) bySeverity[p.severity]++;
  const impact: BillingImpact = { ...billing, freeAllowancePerApartment: ctx.options.freeFamilyMembersPerApartment };
  return { operations: perKind, totalOperations: operations.length, heldBack: heldBack.length, problems: bySeverity, billing: impact };
}
