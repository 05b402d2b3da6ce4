import { parseRefKey, parseRefPath, refKey, unitRef } from '../../../src-shared/domain/external-ref';
import type { Problem } from '../../../src-shared/domain/run';
import { type AccountImage, CHANGE_ACTION_LABELS, type RunChangeWithSecret } from '../../../src-shared/domain/run-change';
import type { CommunityState, SmartPlusSnapshot, SpApartment, SpResident } from '../../../src-shared/domain/smartplus';
import type { HeldBackDeletion, OperationDisplay, SyncOperation } from '../../../src-shared/domain/sync-plan';
import { MASS_DELETE_MIN, MASS_DELETE_SHARE } from '../plan/deletions';
import { problem } from '../plan/problems';

/** Options of {@link planUndo}. */
export interface UndoOptions {
  /** The run being undone (named in every reason). */
  readonly runId: string;
  /** Apply removals and changes the mass guard would hold back (the user confirmed). */
  readonly allowMassChange: boolean;
}

/** The inverse of a run, planned against SmartPlus as it is now. */
export interface UndoPlan {
  readonly operations: SyncOperation[];
  /** Removals and changes the mass guard holds back (applied only when confirmed). */
  readonly heldBack: HeldBackDeletion[];
  /** What is left as it is, and why: changed since, a value now held by someone else, no PIN kept. */
  readonly problems: Problem[];
}

type Change = RunChangeWithSecret;

/** What the undo sees of one community now. */
interface Now {
  readonly residents: Map<string, SpResident>;
  readonly apartments: Map<string, SpApartment>;
  readonly state: CommunityState;
}

/**
 * Plans the inverse of what a run applied (issue 15), target by target, against SmartPlus now:
 * a member the run created is deleted; one it deleted is created again with its names, contacts,
 * access and credentials; changed fields and credentials get their old values back; removed
 * credentials are set again. An object that is no longer as the run left it (changed since, by a
 * later run or by hand) is left and listed. A credential whose value someone else now holds is
 * reported, not taken. Apartments and communities are never deleted. The mass guard holds back
 * removals and changes over the bounds of spec §6. Undoing an undo run redoes the original.
 * Pure: no I/O, no clock.
 */
export function planUndo(changes: readonly Change[], snapshot: SmartPlusSnapshot, options: UndoOptions): UndoPlan {
  const now = new Map<string, Now>();
  for (const state of snapshot.communities) {
    if (!state.community.externalRef) continue;
    const residents = new Map<string, SpResident>();
    for (const r of state.residents) if (r.externalRef && r.role === 'family') residents.set(refKey(r.externalRef), r);
    const apartments = new Map<string, SpApartment>();
    for (const a of state.apartments) if (a.externalRef) apartments.set(refKey(a.externalRef), a);
    now.set(refKey(state.community.externalRef), { residents, apartments, state });
  }
  const ops: SyncOperation[] = [];
  const problems: Problem[] = [];
  const run = options.runId.slice(0, 8);
  const leave = (c: Change, why: string, severity: Problem['severity'] = 'warning') =>
    problems.push(problem('not-undone', severity, { propertyId: c.propertyId, unitId: c.unitId, tenantId: c.tenantId, contactId: c.contactId, subject: c.person ?? c.unit ?? c.property, field: c.action }, why));

  const groups = new Map<string, Change[]>();
  for (const c of changes) if (c.status === 'applied') groups.set(c.target, [...(groups.get(c.target) ?? []), c]);
  for (const [target, group] of groups) {
    const first = group[0]!;
    const community = now.get(first.communityRef);
    const base = { communityRef: first.communityRef, target, display: displayOf(first) };
    const why = (c: Change) => `Undo of run ${run}: ${CHANGE_ACTION_LABELS[c.action].toLowerCase()} by it.`;
    if (!community) {
      leave(first, `Changed since; not undone: the community is no longer in SmartPlus.`);
      continue;
    }
    const structural = group.filter((c) => c.kind.endsWith('-community') || c.kind.endsWith('-apartment'));
    if (structural.length > 0) {
      for (const c of structural) planStructural(c, community, base, why(c), ops, leave);
      continue;
    }
    const current = community.residents.get(target);
    const created = group.find((c) => c.action === 'account-created');
    const deleted = group.find((c) => c.action === 'account-deleted');
    const after = expectedAfter(group);
    if (created) {
      if (!current) leave(created, 'Changed since; not undone: the account the run created is gone already.', 'info');
      else if (!matches(current, after)) leave(created, `Changed since; not undone: ${differences(current, after)} changed after the run. The account is kept.`);
      else ops.push({ ...base, kind: 'delete-family-member', id: `delete-family-member:${target}`, residentId: current.id, reason: why(created), why: why(created) });
      continue;
    }
    if (deleted) {
      planRecreate(deleted, community, current, base, why(deleted), ops, leave);
      continue;
    }
    if (!current) {
      leave(first, 'Changed since; not undone: the account was deleted after the run.');
      continue;
    }
    if (!matches(current, after)) {
      leave(first, `Changed since; not undone: ${differences(current, after)} changed after the run.`);
      continue;
    }
    planRestore(group, current, base, why, ops, leave);
  }
  const credentialChecked = dropTakenValues(ops, now, problems);
  return guard(credentialChecked, now, options, problems);
}

type Base = { communityRef: string; target: string; display: OperationDisplay };
type Leave = (c: Change, why: string, severity?: Problem['severity']) => void;

function displayOf(c: Change): OperationDisplay {
  return { propertyId: c.propertyId, property: c.property, unitId: c.unitId, unit: c.unit, tenantId: c.tenantId, contactId: c.contactId, person: c.person, applicantType: c.applicantType };
}

/** Apartments and communities: renames are reverted; creations are left (SiteSync never deletes them). */
function planStructural(c: Change, community: Now, base: Base, why: string, ops: SyncOperation[], leave: Leave): void {
  if (c.action === 'apartment-created' || c.action === 'community-created') {
    leave(c, `Kept: SiteSync does not delete ${c.action === 'apartment-created' ? 'apartments' : 'communities'} (${c.unit ?? c.property}); remove it in SmartPlus if it should go.`, 'info');
    return;
  }
  const name = c.fields.find((f) => f.field === 'name');
  if (c.action === 'apartment-updated' && name?.old) {
    const apartment = community.apartments.get(c.target);
    if (!apartment || apartment.name !== name.new) return leave(c, 'Changed since; not undone: the apartment was renamed again after the run.');
    ops.push({ ...base, kind: 'update-apartment', id: `update-apartment:${c.target}`, apartmentId: apartment.id, changes: { name: name.old }, why });
    return;
  }
  if (c.action === 'community-updated') {
    const state = community.state.community;
    const changes: { name?: string; address?: string | null; timeZone?: string } = {};
    for (const f of c.fields) {
      const field = f.field as 'name' | 'address' | 'timeZone';
      if ((state[field] ?? null) !== f.new) return leave(c, `Changed since; not undone: the community's ${field} changed after the run.`);
      if (field === 'address') changes.address = f.old;
      else if (f.old !== null) changes[field] = f.old;
    }
    ops.push({ ...base, kind: 'update-community', id: `update-community:${c.target}`, communityId: state.id, changes, why });
  }
}

/** The state the run left a member in, for the fields it touched (null = it touched none of that kind). */
interface After {
  readonly fields: Partial<Pick<AccountImage, 'firstName' | 'lastName' | 'email' | 'phone' | 'sameAccessAsMaster'>>;
  readonly pin: { known: boolean; value: string | null } | null;
  readonly cards: readonly string[] | null;
}

/**
 * The whole account as the run left it: the image before the run (or as created), with each
 * change of the run applied. Any difference now means the object changed since (issue 15: such
 * objects are left as they are), whichever field it is.
 */
function expectedAfter(group: readonly Change[]): After {
  const created = group.find((c) => c.action === 'account-created');
  const start = created?.after ?? group.find((c) => c.before)?.before ?? null;
  const fields: Record<string, unknown> = start
    ? { firstName: start.firstName, lastName: start.lastName, email: start.email, phone: start.phone, sameAccessAsMaster: start.sameAccessAsMaster }
    : {};
  let pin: After['pin'] = start ? (start.hasPin ? { known: false, value: null } : { known: true, value: null }) : null;
  let cards: After['cards'] = start ? [...start.rfCards] : null;
  for (const c of group) {
    if (c.action === 'account-updated' && c.after) {
      for (const f of c.fields) {
        if (f.field === 'access') fields['sameAccessAsMaster'] = c.after.sameAccessAsMaster;
        else fields[f.field] = c.after[f.field as 'firstName' | 'lastName' | 'email' | 'phone'];
      }
    }
    if (c.kind === 'set-pin' || c.kind === 'remove-pin') pin = c.kind === 'remove-pin' ? { known: true, value: null } : { known: c.secret !== null, value: c.secret?.pinAfter ?? null };
    if (c.kind === 'set-rf-cards' || c.kind === 'remove-rf-cards') cards = c.fields[0]?.new ? c.fields[0].new.split(', ') : [];
  }
  return { fields: fields as After['fields'], pin, cards };
}

const blank = (v: string | null | undefined) => (v ?? '').trim();
const sameCards = (a: readonly string[], b: readonly string[]) => a.map((x) => x.toUpperCase()).sort().join() === b.map((x) => x.toUpperCase()).sort().join();

function mismatched(r: SpResident, after: After): string[] {
  const out: string[] = [];
  for (const [field, value] of Object.entries(after.fields)) {
    const cur = r[field as keyof typeof after.fields];
    if (typeof value === 'boolean' ? cur !== value : blank(cur as string | null) !== blank(value as string | null)) out.push(field === 'sameAccessAsMaster' ? 'access' : field);
  }
  if (after.pin && (after.pin.known ? r.pin !== after.pin.value : r.pin === null)) out.push('PIN');
  if (after.cards && !sameCards(r.rfCards, after.cards)) out.push('RF card');
  return out;
}

function matches(r: SpResident, after: After): boolean {
  return mismatched(r, after).length === 0;
}

function differences(r: SpResident, after: After): string {
  return mismatched(r, after).join(', ');
}

/** A member the run deleted comes back: names, contacts, access, then its PIN and RF cards (set after the create). */
function planRecreate(c: Change, community: Now, current: SpResident | undefined, base: Base, why: string, ops: SyncOperation[], leave: Leave): void {
  if (current) return leave(c, 'Changed since; not undone: the account exists again (created after the run).', 'info');
  const before = c.before;
  const ref = c.ref ?? parseRefKey(c.target);
  const path = ref ? parseRefPath(ref.id) : null;
  if (!before || !ref || path?.kind !== 'contact') return leave(c, 'Not undone: the run did not keep what the account was before.');
  const apartmentKey = refKey(unitRef(ref, path.unitId));
  if (!community.apartments.has(apartmentKey)) return leave(c, `Changed since; not undone: apartment ${c.unit ?? path.unitId} is no longer in SmartPlus.`);
  ops.push({
    ...base, kind: 'create-family-member', id: `create-family-member:${c.target}`, ref, apartmentTarget: apartmentKey,
    firstName: before.firstName, lastName: before.lastName, email: before.email, phone: before.phone,
    access: before.sameAccessAsMaster ? 'same-as-master' : 'default-group', why,
  });
  if (before.hasPin) {
    if (c.secret?.pinBefore) ops.push({ ...base, kind: 'set-pin', id: `set-pin:${c.target}`, residentId: null, pin: c.secret.pinBefore, why });
    else leave(c, 'PIN not restored: its value was not kept on this computer (no keychain when the run was made). Set it again in Rent Manager or SmartPlus.');
  }
  if (before.rfCards.length > 0) ops.push({ ...base, kind: 'set-rf-cards', id: `set-rf-cards:${c.target}`, residentId: null, cards: [...before.rfCards], why });
}

/** Changed fields and credentials of a member that is still as the run left it get their old values back. */
function planRestore(group: readonly Change[], current: SpResident, base: Base, why: (c: Change) => string, ops: SyncOperation[], leave: Leave): void {
  const update = group.find((c) => c.action === 'account-updated');
  if (update?.before) {
    const changes: Extract<SyncOperation, { kind: 'update-family-member' }>['changes'] = {};
    for (const f of update.fields) {
      if (f.field === 'access') changes.access = update.before.sameAccessAsMaster ? 'same-as-master' : 'default-group';
      else if (f.field === 'firstName' || f.field === 'lastName') changes[f.field] = update.before[f.field];
      else if (f.field === 'email' || f.field === 'phone') changes[f.field] = update.before[f.field];
    }
    ops.push({ ...base, kind: 'update-family-member', id: `update-family-member:${base.target}`, residentId: current.id, changes, why: why(update) });
  }
  const pin = group.find((c) => c.kind === 'set-pin' || c.kind === 'remove-pin');
  if (pin) {
    const had = pin.fields[0]?.old !== null && pin.fields[0]?.old !== undefined;
    if (!had) ops.push({ ...base, kind: 'remove-pin', id: `remove-pin:${base.target}`, residentId: current.id, why: why(pin) });
    else if (pin.secret?.pinBefore) ops.push({ ...base, kind: 'set-pin', id: `set-pin:${base.target}`, residentId: current.id, pin: pin.secret.pinBefore, why: why(pin) });
    else leave(pin, 'PIN not restored: its old value was not kept on this computer (no keychain when the run was made).');
  }
  const card = group.find((c) => c.kind === 'set-rf-cards' || c.kind === 'remove-rf-cards');
  if (card) {
    const old = card.before?.rfCards ?? [];
    if (old.length === 0) ops.push({ ...base, kind: 'remove-rf-cards', id: `remove-rf-cards:${base.target}`, residentId: current.id, keep: [], why: why(card) });
    else ops.push({ ...base, kind: 'set-rf-cards', id: `set-rf-cards:${base.target}`, residentId: current.id, cards: [...old], why: why(card) });
  }
}

/**
 * Drops sets whose value someone else holds now and keeps (spec §4: a value belongs to one
 * person; the undo reports it instead of taking it). Values this plan frees first (deletions,
 * removals, changes of the holder) count as free.
 */
function dropTakenValues(ops: SyncOperation[], now: ReadonlyMap<string, Now>, problems: Problem[]): SyncOperation[] {
  const releasing = new Set(ops.flatMap((op) => (op.kind === 'delete-family-member' || op.kind === 'remove-pin' || op.kind === 'remove-rf-cards' || op.kind === 'set-pin' || op.kind === 'set-rf-cards') && 'residentId' in op && op.residentId ? [op.residentId] : []));
  return ops.filter((op) => {
    if (op.kind !== 'set-pin' && op.kind !== 'set-rf-cards') return true;
    const community = now.get(op.communityRef);
    const holder = community?.state.residents.find((r) => r.id !== op.residentId && !releasing.has(r.id)
      && (op.kind === 'set-pin' ? r.pin === op.pin : r.rfCards.some((c) => op.cards.some((x) => x.toUpperCase() === c.toUpperCase()))));
    if (!holder) return true;
    const d = op.display;
    const label = op.kind === 'set-pin' ? 'PIN' : 'RF card';
    problems.push(problem(op.kind === 'set-pin' ? 'duplicate-pin' : 'duplicate-rf-card', 'error',
      { propertyId: d.propertyId, unitId: d.unitId, tenantId: d.tenantId, contactId: d.contactId, subject: d.person, field: op.kind === 'set-pin' ? 'pin' : 'rfCard', value: op.kind === 'set-pin' ? '••••' : op.cards.join(', ') },
      `${label} not restored: in this community it now belongs to ${`${holder.firstName} ${holder.lastName}`.trim() || 'another account'}. It is reported, not taken.`));
    return false;
  });
}

/** The mass guard of spec §6 over the undo: deletions and credential removals or changes per community. */
function guard(ops: SyncOperation[], now: ReadonlyMap<string, Now>, options: UndoOptions, problems: Problem[]): UndoPlan {
  if (options.allowMassChange) return { operations: ops, heldBack: [], problems };
  const risky = (op: SyncOperation) => op.kind === 'delete-family-member' || op.kind === 'remove-pin' || op.kind === 'remove-rf-cards' || ((op.kind === 'set-pin' || op.kind === 'set-rf-cards') && op.residentId !== null);
  const heldBack: HeldBackDeletion[] = [];
  const held = new Set<string>();
  for (const [ref, community] of now) {
    const mine = ops.filter((op) => op.communityRef === ref && risky(op));
    const total = community.state.residents.filter((r) => r.role === 'family').length;
    if (!(mine.length > total * MASS_DELETE_SHARE && mine.length > MASS_DELETE_MIN)) continue;
    const why = `This undo would delete or change the credentials of ${mine.length} of the community's ${total} family member accounts (more than ${MASS_DELETE_SHARE * 100}% and more than ${MASS_DELETE_MIN}). Undo again with "apply the held-back changes" to apply them.`;
    problems.push(problem('held-back-deletion', 'warning', { propertyId: mine[0]!.display.propertyId, subject: mine[0]!.display.property }, why));
    for (const op of mine) {
      held.add(op.id);
      const masked = op.kind === 'set-pin' ? { ...op, pin: '••••' } : op;
      heldBack.push({ operation: { ...masked, reason: op.why ?? 'Undo' } as HeldBackDeletion['operation'], reason: why });
    }
  }
  return { operations: ops.filter((op) => !held.has(op.id)), heldBack, problems };
}
