import type { SpResident } from '../../../src-shared/domain/smartplus';
import { displayOperation, type HeldBackDeletion, type HeldCredentialOp, type SyncOperation } from '../../../src-shared/domain/sync-plan';
import { checkPin } from '../../../src-shared/rules/pin';
import { checkRfCard } from '../../../src-shared/rules/rf-card';
import type { PlanContext } from './context';
import { MASS_DELETE_MIN, MASS_DELETE_SHARE } from './deletions';
import type { MemberAfter } from './members';
import { problem } from './problems';
import type { PlanSink, PropertyScope } from './structure';
import { plural } from '../../../src-shared/text/plural';

type CredentialOp = Extract<SyncOperation, { kind: 'set-pin' | 'remove-pin' | 'set-rf-cards' | 'remove-rf-cards' }>;

const isCredential = (op: SyncOperation): op is CredentialOp =>
  op.kind === 'set-pin' || op.kind === 'remove-pin' || op.kind === 'set-rf-cards' || op.kind === 'remove-rf-cards';

/**
 * The mass guard over credentials (spec §6, issue 12), for one community's credential operations.
 * Removals, and changes of a value a resident already holds, count; over the deletion guard's
 * bounds (more than 10 % of the community's family members and more than 5) they are held back
 * for confirmation, with the sets that would take a value from a resident that keeps it (they
 * could only fail while the holder is held). A PIN field and an RF card field that look swapped
 * hold back every credential operation of the community, and the problem says so. New values for
 * residents without one apply, as does everything else. Lifted by `allowMassDelete` (confirmed).
 */
export function guardCredentials(
  ctx: PlanContext,
  scope: PropertyScope,
  operations: readonly SyncOperation[],
  after: readonly MemberAfter[],
  deletedIds: ReadonlySet<string>,
  out: PlanSink,
): { operations: SyncOperation[]; heldBack: HeldBackDeletion[] } {
  const community = scope.community;
  const credentials = operations.filter(isCredential);
  if (!community || credentials.length === 0 || ctx.options.allowMassDelete) return { operations: [...operations], heldBack: [] };
  const residents = new Map(community.state.residents.map((r) => [r.id, r]));
  const total = community.familyCount;
  const over = (n: number) => n > total * MASS_DELETE_SHARE && n > MASS_DELETE_MIN;
  const changes = credentials.filter((op) => isChange(op, residents));
  const swapped = swapEvidence(after);
  if (!over(changes.length) && !over(swapped)) return { operations: [...operations], heldBack: [] };

  let held: CredentialOp[];
  let why: string;
  if (over(swapped)) {
    held = credentials;
    const pin = ctx.rm.pinField?.name ?? 'the PIN field';
    const rf = ctx.rm.rfCardField?.name ?? 'the RF card field';
    why = `The PIN field "${pin}" and the RF card field "${rf}" look swapped: for ${plural(swapped, 'tenant')} one field holds what SmartPlus has as the other credential, or a value only valid as the other kind. Check the two fields in Settings.`;
  } else {
    const heldIds = new Set(changes.map((op) => op.id));
    // A set that takes a value from a resident who keeps it (its removal is held) could only fail.
    held = credentials.filter((op) => heldIds.has(op.id) || takesFromKeeper(op, community.state.residents, deletedIds));
    why = `This run would remove or change ${plural(changes.length, 'PIN or RF card', 'PINs and RF cards')} among the community's ${total} family member accounts (more than ${MASS_DELETE_SHARE * 100}% and more than ${MASS_DELETE_MIN}): a Rent Manager field renamed, re-created or emptied must not lock the building out.`;
  }
  const heldIds = new Set(held.map((op) => op.id));
  out.problems.push(
    problem('held-back-credentials', 'warning', { propertyId: scope.property.id, subject: scope.property.name, field: 'credentials' },
      `${why} ${held.length === 1 ? 'The credential change is' : `The ${held.length} credential changes are`} held back until you confirm them; everything else is applied.`),
  );
  return {
    operations: operations.filter((op) => !heldIds.has(op.id)),
    heldBack: held.map((op) => ({ operation: heldOperation(op, residents), reason: why })),
  };
}

/** A removal, or a set that replaces a value the resident already holds. */
function isChange(op: CredentialOp, residents: ReadonlyMap<string, SpResident>): boolean {
  if (op.kind === 'remove-pin' || op.kind === 'remove-rf-cards') return true;
  const r = op.residentId === null ? undefined : residents.get(op.residentId);
  if (!r) return false;
  return op.kind === 'set-pin' ? r.pin !== null : r.rfCards.length > 0;
}

function takesFromKeeper(op: CredentialOp, residents: readonly SpResident[], deletedIds: ReadonlySet<string>): boolean {
  if (op.kind !== 'set-pin' && op.kind !== 'set-rf-cards') return false;
  const values = op.kind === 'set-pin' ? [op.pin] : op.cards.map((c) => c.toUpperCase());
  return residents.some((r) => r.id !== op.residentId && !deletedIds.has(r.id)
    && (op.kind === 'set-pin' ? values.includes(r.pin ?? '') : r.rfCards.some((c) => values.includes(c.toUpperCase()))));
}

/**
 * Tenants whose fields look like the other credential: the PIN field carries the card SmartPlus
 * has for them (or a value only valid as a card), or the RF card field carries their SmartPlus PIN.
 */
function swapEvidence(after: readonly MemberAfter[]): number {
  let count = 0;
  for (const { member } of after) {
    if (!member.designated) continue;
    const pin = member.tenant.pin?.trim() ?? '';
    const rf = member.tenant.rfCard?.trim().toUpperCase() ?? '';
    const r = member.existing;
    // Only a would-be change counts: a tenant whose PIN and card are the same digits on purpose is no swap.
    const pinLooksLikeCard = pin !== '' && r?.pin !== pin
      && ((r?.rfCards ?? []).some((c) => c.toUpperCase() === pin.toUpperCase()) || (!checkPin(pin).ok && checkRfCard(pin).ok && /[a-f]/i.test(pin)));
    const cardLooksLikePin = rf !== '' && r?.pin != null && r.pin === rf && !r.rfCards.some((c) => c.toUpperCase() === rf);
    if (pinLooksLikeCard || cardLooksLikePin) count++;
  }
  return count;
}

function heldOperation(op: CredentialOp, residents: ReadonlyMap<string, SpResident>): HeldCredentialOp {
  const holds = op.residentId !== null && residents.get(op.residentId);
  const reason =
    op.kind === 'remove-pin' ? 'PIN removed: the PIN field is empty in Rent Manager, or the PIN now belongs to someone else.'
    : op.kind === 'remove-rf-cards' ? 'RF card removed: the RF card field is empty in Rent Manager, or the card now belongs to someone else.'
    : op.kind === 'set-pin' ? (holds && holds.pin !== null ? 'PIN changed to the value in Rent Manager.' : 'PIN set: the value is still held by another account.')
    : holds && holds.rfCards.length > 0 ? 'RF card changed to the value in Rent Manager.' : 'RF card set: the card is still held by another account.';
  // PINs are masked in what is stored: a confirmation re-plans and applies the fresh operation.
  return { ...(displayOperation(op) as CredentialOp), reason };
}
