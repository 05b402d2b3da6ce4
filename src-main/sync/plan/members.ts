import type { CalendarDate } from '../../../src-shared/domain/calendar-date';
import { contactRef, refKey, unitRef, type ExternalRef } from '../../../src-shared/domain/external-ref';
import type { RmContact, RmTenant, RmUnit } from '../../../src-shared/domain/rentmanager';
import type { SpResident } from '../../../src-shared/domain/smartplus';
import type { MemberAccess, OperationDisplay, OperationOf } from '../../../src-shared/domain/sync-plan';
import { DEFAULT_FAMILY_MEMBER_LIMIT, type PlanContext } from './context';
import { normalisePersonName } from '../adopt/normalise';
import { personDisplay, problem, tenantLabel } from './problems';
import type { PlanSink, PropertyScope } from './structure';
import { combinedStatus, leaseStatus, type TenancyStatus } from './windows';

/** A family member that should exist today: one per eligible contact per unit (spec §2, §3). */
export interface DesiredMember {
  readonly key: string;
  readonly ref: ExternalRef;
  readonly apartmentKey: string;
  readonly unit: RmUnit;
  readonly tenant: RmTenant;
  readonly contact: RmContact;
  /** The tenant's creation date in this unit: earlier wins a credential tie (spec §4). */
  readonly creation: CalendarDate;
  /** This contact receives the tenant's PIN and RF card (Primary, else lowest-ID Occupant). */
  readonly designated: boolean;
  readonly existing: SpResident | undefined;
  readonly display: OperationDisplay;
}

/** Tenancy status by `tenantId:unitId`, for deletion reasons. */
export type StatusIndex = ReadonlyMap<string, TenancyStatus>;

/**
 * The contact that holds a tenant's credentials (spec §4): the Primary contact (the one marked
 * primary first, then lowest contact ID), or with no Primary the Occupant with the lowest ID.
 */
export function designatedContact(tenant: RmTenant): RmContact | null {
  const byId = [...tenant.contacts].sort((a, b) => a.id - b.id);
  const primaries = byId.filter((c) => c.applicantType === 'Primary');
  return primaries.find((c) => c.isPrimary) ?? primaries[0] ?? byId.find((c) => c.applicantType === 'Occupant') ?? null;
}

/**
 * Finds the family members that should exist in the property's synced units today, and lists
 * tenants waiting for a creation date. Tenants are matched to units through their leases, so a
 * tenant with leases on two units gets a family member per unit per contact.
 */
export function collectDesired(ctx: PlanContext, scope: PropertyScope, out: PlanSink): { desired: DesiredMember[]; statuses: StatusIndex } {
  const perTenantUnit = new Map<string, { tenant: RmTenant; unit: RmUnit; statuses: TenancyStatus[] }>();
  for (const unit of scope.syncedUnits) {
    for (const { tenant, lease } of ctx.leasesByUnit.get(unit.id) ?? []) {
      const key = `${tenant.id}:${unit.id}`;
      const entry = perTenantUnit.get(key) ?? { tenant, unit, statuses: [] };
      entry.statuses.push(leaseStatus(lease, ctx.config, ctx.today));
      perTenantUnit.set(key, entry);
    }
  }
  const statuses = new Map<string, TenancyStatus>();
  const desired: DesiredMember[] = [];
  const entries = [...perTenantUnit.values()].sort((a, b) => a.unit.id - b.unit.id || a.tenant.id - b.tenant.id);
  for (const { tenant, unit, statuses: list } of entries) {
    const status = combinedStatus(list);
    statuses.set(`${tenant.id}:${unit.id}`, status);
    if (status.kind === 'missing-date') {
      const which = ctx.config.creation === 'move-in' ? 'move-in' : 'lease-start';
      out.problems.push(
        problem('missing-date', 'warning', { propertyId: scope.property.id, unitId: unit.id, tenantId: tenant.id, subject: tenantLabel(tenant), field: which },
          `Waiting for a ${which} date: set it in Rent Manager and the account is created by the next sync.`),
      );
      continue;
    }
    if (status.kind !== 'active') continue;
    const holder = designatedContact(tenant);
    const apartmentKey = refKey(unitRef(ctx.origin, unit.id));
    for (const contact of [...tenant.contacts].sort((a, b) => a.id - b.id)) {
      const ref = contactRef(ctx.origin, unit.id, contact.id);
      const key = refKey(ref);
      desired.push({
        key,
        ref,
        apartmentKey,
        unit,
        tenant,
        contact,
        creation: status.creation,
        designated: holder?.id === contact.id,
        existing: scope.community?.ownResidentsByRef.get(key),
        display: personDisplay(scope.property, unit, tenant, contact),
      });
    }
  }
  return { desired, statuses };
}

/** A family member after this run: already there, or created by it. */
export interface MemberAfter {
  readonly member: DesiredMember;
  readonly created: boolean;
}

/**
 * Plans creates and updates of the desired family members. Creates respect each apartment's
 * family-member limit, counting every family member that stays (hand-made ones included, the
 * ones deleted by this run excluded); earlier tenants and Primary contacts get the free places
 * first. Returns the members that exist after the run, for credentials and billing.
 */
export function planMembers(
  ctx: PlanContext,
  scope: PropertyScope,
  desired: readonly DesiredMember[],
  deletedResidentIds: ReadonlySet<string>,
  out: PlanSink,
): MemberAfter[] {
  const access: MemberAccess = ctx.config.sameAccessAsMaster ? 'same-as-master' : 'default-group';
  const after: MemberAfter[] = [];
  const used = new Map<string, number>();
  const limitOf = (apartmentKey: string): { used: number; limit: number } => {
    const apartment = scope.community?.apartmentsByRef.get(apartmentKey);
    const staying = apartment
      ? (scope.community?.familyByApartment.get(apartment.id) ?? []).filter((r) => !deletedResidentIds.has(r.id)).length
      : 0;
    return { used: used.get(apartmentKey) ?? staying, limit: apartment?.familyMemberLimit ?? DEFAULT_FAMILY_MEMBER_LIMIT };
  };
  for (const m of desired) {
    if (!m.existing) continue;
    after.push({ member: m, created: false });
    const update = memberUpdate(scope, m, m.existing, access);
    if (update) out.operations.push(update);
  }
  const newcomers = desired
    .filter((m) => !m.existing)
    .sort((a, b) => (a.creation < b.creation ? -1 : a.creation > b.creation ? 1 : 0) || a.tenant.id - b.tenant.id
      || Number(b.designated) - Number(a.designated) || a.unit.id - b.unit.id || a.contact.id - b.contact.id);
  for (const m of newcomers) {
    const { used: count, limit } = limitOf(m.apartmentKey);
    const place = { propertyId: scope.property.id, unitId: m.unit.id, tenantId: m.tenant.id, contactId: m.contact.id, subject: m.display.person };
    const decided = decisionOf(ctx, m);
    // Left alone in the adoption review: not created, as the installer asked.
    if (decided === 'leave') continue;
    const twin = decided === 'separate' ? undefined : handMadeTwin(scope, m);
    if (twin) {
      // Adopted buildings (issue 16): a second account beside the hand-made one would be a duplicate.
      out.problems.push(problem('adoption-question', 'warning', place,
        `Apartment "${m.unit.name}" already has a hand-made resident named ${twin.firstName} ${twin.lastName}: SiteSync does not add a second account${m.designated ? ' (nor its PIN and RF card)' : ''}. Link them in Get Site from PMS, or remove the hand-made one in SmartPlus.`));
      continue;
    }
    if (count >= limit) {
      out.problems.push(problem('over-family-limit', 'error', place,
        `Apartment "${m.unit.name}" already has ${count} of ${limit} family members: this account is not created${m.designated ? ', nor its PIN and RF card' : ''}. Raise the apartment's limit or remove an account in SmartPlus.`));
      continue;
    }
    used.set(m.apartmentKey, count + 1);
    after.push({ member: m, created: true });
    out.operations.push({
      kind: 'create-family-member',
      id: `create-family-member:${m.key}`,
      communityRef: scope.communityRef,
      target: m.key,
      display: m.display,
      ref: m.ref,
      apartmentTarget: m.apartmentKey,
      firstName: m.contact.firstName,
      lastName: m.contact.lastName,
      email: blankToNull(m.contact.email),
      phone: blankToNull(m.contact.phone),
      access,
      why: `${ctx.config.creation === 'move-in' ? 'Moved in on' : 'Lease started on'} ${m.creation}${scope.community?.apartmentsByRef.has(m.apartmentKey) ? '' : ' (new unit)'}.`,
    });
  }
  for (const { member: m } of after) {
    if (blankToNull(m.contact.email) !== null) continue;
    out.problems.push(problem('missing-email', 'warning',
      { propertyId: scope.property.id, unitId: m.unit.id, tenantId: m.tenant.id, contactId: m.contact.id, subject: m.display.person, field: 'email' },
      'No e-mail address in Rent Manager: the account works for PIN and card, but the person cannot sign in to the SmartPlus app.'));
  }
  return after;
}

/** A hand-made (unlinked) family member of the same name in the member's apartment, if any. */
/** What the installer decided for this contact in the adoption review: kept separate, left alone, or nothing. */
function decisionOf(ctx: PlanContext, m: DesiredMember): 'separate' | 'leave' | null {
  const is = (c: { unitId: number; contactId: number }) => c.unitId === m.unit.id && c.contactId === m.contact.id;
  if (ctx.config.decisions?.leaveAlone.some(is)) return 'leave';
  if (ctx.config.decisions?.keepSeparate.some(is)) return 'separate';
  return null;
}

function handMadeTwin(scope: PropertyScope, m: DesiredMember): SpResident | undefined {
  const apartment = scope.community?.apartmentsByRef.get(m.apartmentKey);
  if (!apartment) return undefined;
  const name = normalisePersonName(m.contact.firstName, m.contact.lastName);
  return (scope.community?.familyByApartment.get(apartment.id) ?? []).find(
    (r) => r.externalRef === null && normalisePersonName(r.firstName, r.lastName) === name,
  );
}

function memberUpdate(
  scope: PropertyScope,
  m: DesiredMember,
  r: SpResident,
  access: MemberAccess,
): OperationOf<'update-family-member'> | null {
  const changes: OperationOf<'update-family-member'>['changes'] = {};
  if (r.firstName !== m.contact.firstName) changes.firstName = m.contact.firstName;
  if (r.lastName !== m.contact.lastName) changes.lastName = m.contact.lastName;
  const email = blankToNull(m.contact.email);
  if (blankToNull(r.email) !== email) changes.email = email;
  const phone = blankToNull(m.contact.phone);
  if (blankToNull(r.phone) !== phone) changes.phone = phone;
  if (!hasAccess(r, access, scope.community?.defaultGroup?.id ?? null)) changes.access = access;
  if (Object.keys(changes).length === 0) return null;
  const named = Object.keys(changes).filter((k) => k !== 'access');
  const why = [
    named.length > 0 ? `${named.map((k) => FIELD_WORDS[k] ?? k).join(', ')} changed in Rent Manager` : null,
    changes.access ? `access set by the site's policy (${access === 'same-as-master' ? 'same as the main account' : 'default group'})` : null,
  ].filter((x): x is string => x !== null).join('; ');
  return {
    kind: 'update-family-member',
    id: `update-family-member:${m.key}`,
    communityRef: scope.communityRef,
    target: m.key,
    display: m.display,
    residentId: r.id,
    changes,
    why: `${why.charAt(0).toUpperCase()}${why.slice(1)}.`,
  };
}

const FIELD_WORDS: Record<string, string> = { firstName: 'first name', lastName: 'last name', email: 'e-mail', phone: 'phone' };

/** True when a resident already has the access the policy asks for (spec §3). */
export function hasAccess(r: SpResident, access: MemberAccess, defaultGroupId: string | null): boolean {
  if (access === 'same-as-master') return r.sameAccessAsMaster;
  if (r.sameAccessAsMaster) return false;
  if (defaultGroupId === null) return true;
  return r.accessGroupIds.length === 1 && r.accessGroupIds[0] === defaultGroupId;
}

/** Rent Manager and SmartPlus both say "none" as null or an empty string; compare them as one. */
export function blankToNull(value: string | null | undefined): string | null {
  const v = value?.trim() ?? '';
  return v === '' ? null : v;
}
