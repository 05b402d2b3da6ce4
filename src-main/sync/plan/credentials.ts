import type { SpResident } from '../../../src-shared/domain/smartplus';
import type { ProblemKind } from '../../../src-shared/domain/run';
import type { RmTenant } from '../../../src-shared/domain/rentmanager';
import { checkPin, maskPin } from '../../../src-shared/rules/pin';
import { checkRfCard } from '../../../src-shared/rules/rf-card';
import type { DesiredMember, MemberAfter } from './members';
import { problem, tenantLabel } from './problems';
import type { PlanSink, PropertyScope } from './structure';

/** What Rent Manager asks for one credential of one tenant. */
type Claim = { kind: 'value'; value: string } | { kind: 'clear' } | { kind: 'skip' };
const CLEAR: Claim = { kind: 'clear' };

/** The two credentials differ only in where SmartPlus keeps them and how a value is shown. */
interface CredentialKind {
  readonly field: 'pin' | 'rfCard';
  readonly label: string;
  readonly duplicate: ProblemKind;
  readonly raw: (t: RmTenant) => string | null;
  readonly held: (r: SpResident) => readonly string[];
  readonly show: (v: string) => string;
}

const PIN: CredentialKind = {
  field: 'pin',
  label: 'PIN',
  duplicate: 'duplicate-pin',
  raw: (t) => t.pin,
  held: (r) => (r.pin ? [r.pin] : []),
  show: (v) => maskPin(v),
};
const RF: CredentialKind = {
  field: 'rfCard',
  label: 'RF card',
  duplicate: 'duplicate-rf-card',
  raw: (t) => t.rfCard,
  held: (r) => r.rfCards.map((c) => c.toUpperCase()),
  show: (v) => v,
};

/**
 * Plans PINs and RF cards (spec §4) for one community. Each tenant's values go to its designated
 * contact's family member. Within the community a value belongs to one resident: a resident that
 * holds it and still claims it keeps it, and so does any holder SiteSync does not manage
 * (hand-made, master, held-back, unselected unit, or any holder after a failed read); otherwise
 * the claimant with the earliest creation date, then lowest tenant ID, wins, and a managed holder
 * that no longer claims it releases it first (removals run before sets, so values can even swap).
 * Invalid values are reported and skipped: the account keeps what it has. A credential whose
 * field is not chosen (`fields.pin` / `fields.rfCard` false) is left alone: no field means
 * "SiteSync does not manage it", never "everyone's value is empty" (spec §4).
 */
export function planCredentials(
  scope: PropertyScope,
  after: readonly MemberAfter[],
  deletedIds: ReadonlySet<string>,
  fields: { readonly pin: boolean; readonly rfCard: boolean },
  out: PlanSink,
): void {
  const residents = (scope.community?.state.residents ?? []).filter((r) => !deletedIds.has(r.id));
  const reported = new Set<number>();
  const claims = new Map<string, { pin: Claim; rf: Claim }>();
  for (const { member } of after) {
    const t = member.tenant;
    const pin = fields.pin ? claimOf(PIN, member, scope, !reported.has(t.id), out) : CLEAR;
    const rf = fields.rfCard ? claimOf(RF, member, scope, !reported.has(t.id), out) : CLEAR;
    reported.add(t.id);
    // Only the designated contact holds the tenant's credentials; any other account of the
    // tenant that still holds one gives it up (a new Primary, a cleared field, spec §4).
    claims.set(member.key, member.designated ? { pin, rf } : { pin: CLEAR, rf: CLEAR });
  }
  if (fields.pin) planKind(PIN, scope, after, residents, (k) => claims.get(k)?.pin, out);
  if (fields.rfCard) planKind(RF, scope, after, residents, (k) => claims.get(k)?.rf, out);
}

/** The member's tenant's value of `kind`; an invalid one is reported (once per tenant) at the member's unit, so the line links to its apartment. */
function claimOf(kind: CredentialKind, member: DesiredMember, scope: PropertyScope, report: boolean, out: PlanSink): Claim {
  const t = member.tenant;
  const raw = kind.raw(t);
  if (raw === null || raw.trim() === '') return { kind: 'clear' };
  const result = kind === PIN ? checkPin(raw) : checkRfCard(raw);
  const place = { propertyId: scope.property.id, unitId: member.unit.id, tenantId: t.id, subject: tenantLabel(t), field: kind.field };
  if (!result.ok) {
    if (report) {
      out.problems.push(problem(kind === PIN ? 'invalid-pin' : 'invalid-rf-card', 'error', { ...place, value: kind === PIN ? maskPin(raw) : raw },
        `${kind.label} not set: ${result.reason}. The account is synced without it; fix the value in Rent Manager.`));
    }
    return { kind: 'skip' };
  }
  if (report) {
    for (const warning of result.warnings) {
      out.problems.push(problem('weak-pin', 'warning', { ...place, value: maskPin(result.value) }, `PIN is set, but ${warning}.`));
    }
  }
  return { kind: 'value', value: result.value };
}

function planKind(
  kind: CredentialKind,
  scope: PropertyScope,
  after: readonly MemberAfter[],
  residents: readonly SpResident[],
  claimFor: (key: string) => Claim | undefined,
  out: PlanSink,
): void {
  const holderOf = new Map<string, SpResident>();
  for (const r of residents) for (const v of kind.held(r)) holderOf.set(v, r);
  const memberByResident = new Map<string, DesiredMember>();
  for (const { member } of after) if (member.existing) memberByResident.set(member.existing.id, member);

  const claimants = new Map<string, DesiredMember[]>();
  for (const { member } of after) {
    const claim = claimFor(member.key);
    if (claim?.kind !== 'value') continue;
    const list = claimants.get(claim.value);
    if (list) list.push(member);
    else claimants.set(claim.value, [member]);
  }
  const winners = new Map<string, DesiredMember>(); // value -> member
  const released = new Map<string, Set<string>>(); // resident id -> values it gives up
  for (const [value, list] of [...claimants].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const holder = holderOf.get(value);
    const holdingClaimant = holder ? list.find((m) => m.existing?.id === holder.id) : undefined;
    let winner: DesiredMember | undefined;
    if (holdingClaimant) winner = holdingClaimant;
    else if (holder && (!memberByResident.has(holder.id) || scope.readFailed)) winner = undefined;
    else {
      winner = [...list].sort(byPrecedence)[0];
      if (holder) released.set(holder.id, (released.get(holder.id) ?? new Set()).add(value));
    }
    if (winner) winners.set(value, winner);
    for (const loser of list) {
      if (loser === winner) continue;
      const who = winner ? tenantLabel(winner.tenant) : holderLabel(holder!, memberByResident);
      out.problems.push(problem(kind.duplicate, 'error',
        { propertyId: scope.property.id, unitId: loser.unit.id, tenantId: loser.tenant.id, contactId: loser.contact.id,
          subject: tenantLabel(loser.tenant), field: kind.field, value: kind.show(value) },
        `${kind.label} not set: in this community it already belongs to ${who === tenantLabel(loser.tenant) ? 'another of this tenant\'s accounts' : who}. Give each person their own ${kind.label}.`));
    }
  }

  const base = (m: DesiredMember) => ({ communityRef: scope.communityRef, target: m.key, display: m.display });
  const afterRelease = new Map<string, readonly string[]>();
  for (const { member } of after) {
    const r = member.existing;
    if (!r) continue;
    const held = kind.held(r);
    const gone = released.get(r.id);
    const claim = claimFor(member.key);
    const clearing = claim?.kind === 'clear' && !scope.readFailed && held.length > 0;
    if (!gone && !clearing) continue;
    const keep = clearing ? [] : held.filter((v) => !gone!.has(v));
    afterRelease.set(member.key, keep);
    const newHolder = gone ? winners.get([...gone][0]!) : undefined;
    const why = clearing
      ? (member.designated ? `${kind.label} field cleared in Rent Manager.` : `${kind.label} belongs to the tenant's designated contact, not this one.`)
      : `${kind.label} now belongs to ${newHolder ? tenantLabel(newHolder.tenant) : 'another tenant'}.`;
    if (kind === PIN) out.operations.push({ kind: 'remove-pin', id: `remove-pin:${member.key}`, ...base(member), residentId: r.id, why });
    else out.operations.push({ kind: 'remove-rf-cards', id: `remove-rf-cards:${member.key}`, ...base(member), residentId: r.id, keep, why });
  }
  for (const [value, m] of winners) {
    const current = afterRelease.get(m.key) ?? (m.existing ? kind.held(m.existing) : []);
    if (current.length === 1 && current[0] === value) continue;
    const residentId = m.existing?.id ?? null;
    const why = current.length > 0 ? `New ${kind.label} in Rent Manager.` : m.existing ? `${kind.label} set in Rent Manager.` : `${kind.label} of the new account, from Rent Manager.`;
    if (kind === PIN) out.operations.push({ kind: 'set-pin', id: `set-pin:${m.key}`, ...base(m), residentId, pin: value, why });
    else out.operations.push({ kind: 'set-rf-cards', id: `set-rf-cards:${m.key}`, ...base(m), residentId, cards: [value], why });
  }
}

function byPrecedence(a: DesiredMember, b: DesiredMember): number {
  if (a.creation !== b.creation) return a.creation < b.creation ? -1 : 1;
  return a.tenant.id - b.tenant.id || a.unit.id - b.unit.id || a.contact.id - b.contact.id;
}

function holderLabel(r: SpResident, members: ReadonlyMap<string, DesiredMember>): string {
  const m = members.get(r.id);
  if (m) return tenantLabel(m.tenant);
  const name = `${r.firstName} ${r.lastName}`.trim() || 'an account';
  return r.role === 'master' ? `the master account of an apartment (${name})` : `${name}, an account kept in SmartPlus`;
}
