import type { CalendarDate } from '../../../src-shared/domain/calendar-date';
import { parseRefPath, propertyRef, refKey, type ExternalRef, type RmOrigin } from '../../../src-shared/domain/external-ref';
import type { SiteConfig } from '../../../src-shared/domain/policy';
import type { RentManagerSnapshot, RmLease, RmProperty, RmTenant, RmUnit } from '../../../src-shared/domain/rentmanager';
import type { CommunityState, SmartPlusSnapshot, SpAccessGroup, SpApartment, SpResident } from '../../../src-shared/domain/smartplus';
import type { UnreadableObject } from '../../../src-shared/domain/unreadable';
import { plural } from '../../../src-shared/text/plural';

/** The family-member limit of an apartment SiteSync is about to create (the contract's default). */
export const DEFAULT_FAMILY_MEMBER_LIMIT = 10;

/** Options of {@link import('../plan').plan}. */
export interface PlanOptions {
  /** Apply deletions the mass-deletion guard would hold back (the user confirmed them). */
  readonly allowMassDelete?: boolean;
  /** Family members per apartment included in the price (billing preview only; default 5 — an assumption). */
  readonly freeFamilyMembersPerApartment?: number;
}

/** One SmartPlus community with lookups by externalRef key. */
export interface CommunityIndex {
  readonly state: CommunityState;
  readonly apartmentsByRef: ReadonlyMap<string, SpApartment>;
  /** Family members SiteSync created for this origin, by refKey (the only residents a sync may change). */
  readonly ownResidentsByRef: ReadonlyMap<string, SpResident>;
  /** Every family member (own or hand-made), by apartment ID: they all count towards the limit. */
  readonly familyByApartment: ReadonlyMap<string, readonly SpResident[]>;
  readonly familyCount: number;
  readonly defaultGroup: SpAccessGroup | null;
}

/** Everything the planner looks things up in, built once per plan. */
export interface PlanContext {
  readonly rm: RentManagerSnapshot;
  readonly config: SiteConfig;
  readonly today: CalendarDate;
  readonly origin: RmOrigin;
  readonly options: Required<PlanOptions>;
  readonly propertiesById: ReadonlyMap<number, RmProperty>;
  readonly unitsByProperty: ReadonlyMap<number, readonly RmUnit[]>;
  readonly tenantsById: ReadonlyMap<number, RmTenant>;
  readonly tenantByContact: ReadonlyMap<number, RmTenant>;
  /** Every lease on a unit, with its tenant (unit ID → leases). */
  readonly leasesByUnit: ReadonlyMap<number, readonly { readonly tenant: RmTenant; readonly lease: RmLease }[]>;
  /** Properties Rent Manager returned at least one tenant or lease for (an empty read is suspect). */
  readonly propertiesWithTenants: ReadonlySet<number>;
  /** Properties with at least one lease on a unit (tenants without any lease look like a permissions change). */
  readonly propertiesWithLeases: ReadonlySet<number>;
  /** Properties with at least one eligible (Primary or Occupant) contact on a leased tenant. */
  readonly propertiesWithContacts: ReadonlySet<number>;
  readonly failedProperties: ReadonlyMap<number, string>;
  readonly communitiesByRef: ReadonlyMap<string, CommunityIndex>;
  /** SmartPlus communities that could not be read, by the externalRef key they named. */
  readonly unreadableCommunities: ReadonlyMap<string, readonly UnreadableObject[]>;
  /** Communities SmartPlus sent that could not be read and named no readable externalRef: they may be this site's. */
  readonly unplacedUnreadable: readonly UnreadableObject[];
}

/** True when `ref` says SiteSync made the object from this Rent Manager company and location. */
export function isOwnRef(ref: ExternalRef | null, origin: RmOrigin): ref is ExternalRef {
  return ref !== null && ref.system === 'rentmanager' && ref.customer === origin.customer && ref.location === origin.location;
}

/** Builds the lookups. SmartPlus objects without an externalRef of this origin are kept only as context. */
export function buildContext(
  rm: RentManagerSnapshot,
  sp: SmartPlusSnapshot,
  config: SiteConfig,
  today: CalendarDate,
  options: PlanOptions,
): PlanContext {
  const origin = rm.origin;
  const unitsByProperty = new Map<number, RmUnit[]>();
  for (const unit of rm.units) {
    const list = unitsByProperty.get(unit.propertyId) ?? [];
    list.push(unit);
    unitsByProperty.set(unit.propertyId, list);
  }
  for (const list of unitsByProperty.values()) list.sort((a, b) => a.id - b.id);
  const leasesByUnit = new Map<number, { tenant: RmTenant; lease: RmLease }[]>();
  const propertiesWithTenants = new Set<number>();
  const propertiesWithLeases = new Set<number>();
  const propertiesWithContacts = new Set<number>();
  for (const tenant of rm.tenants) {
    propertiesWithTenants.add(tenant.propertyId);
    for (const lease of tenant.leases) {
      propertiesWithTenants.add(lease.propertyId);
      if (lease.unitId !== null) propertiesWithLeases.add(lease.propertyId);
      if (lease.unitId !== null && tenant.contacts.length > 0) propertiesWithContacts.add(lease.propertyId);
      if (lease.unitId === null) continue;
      const list = leasesByUnit.get(lease.unitId) ?? [];
      list.push({ tenant, lease });
      leasesByUnit.set(lease.unitId, list);
    }
  }
  const communitiesByRef = new Map<string, CommunityIndex>();
  for (const state of sp.communities) {
    if (!isOwnRef(state.community.externalRef, origin)) continue;
    communitiesByRef.set(refKey(state.community.externalRef), indexCommunity(state, origin));
  }
  const unreadableCommunities = new Map<string, UnreadableObject[]>();
  const unplacedUnreadable: UnreadableObject[] = [];
  for (const u of sp.unreadable ?? []) {
    if (!u.refKey) unplacedUnreadable.push(u);
    else unreadableCommunities.set(u.refKey, [...(unreadableCommunities.get(u.refKey) ?? []), u]);
  }
  return {
    rm,
    config,
    today,
    origin,
    options: {
      allowMassDelete: options.allowMassDelete ?? false,
      freeFamilyMembersPerApartment: options.freeFamilyMembersPerApartment ?? 5,
    },
    propertiesById: new Map(rm.properties.map((p) => [p.id, p])),
    unitsByProperty,
    tenantsById: new Map(rm.tenants.map((t) => [t.id, t])),
    tenantByContact: new Map(rm.tenants.flatMap((t) => t.contacts.map((c) => [c.id, t] as const))),
    leasesByUnit,
    propertiesWithTenants,
    propertiesWithLeases,
    propertiesWithContacts,
    failedProperties: failedReads(rm, config),
    communitiesByRef,
    unreadableCommunities,
    unplacedUnreadable,
  };
}

/**
 * Properties whose Rent Manager read cannot be trusted for deletions (spec §6): those the read
 * reported as failed or partial, the property of a record that could not be read, and — when
 * such a record's property is unknown — every property of the site: a lease dropped for one odd
 * field must not delete its tenant's accounts.
 */
function failedReads(rm: RentManagerSnapshot, config: SiteConfig): Map<number, string> {
  const failed = new Map(rm.failedProperties.map((f) => [f.propertyId, f.reason] as const));
  const rowsOf = new Map<number, RentManagerSnapshot['rowProblems']>();
  for (const row of rm.rowProblems) {
    for (const propertyId of rowProperties(rm, row) ?? config.properties) rowsOf.set(propertyId, [...(rowsOf.get(propertyId) ?? []), row]);
  }
  for (const propertyId of config.properties) {
    const rows = rowsOf.get(propertyId);
    if (!rows || failed.has(propertyId)) continue;
    const first = rows[0]!;
    failed.set(propertyId, `Rent Manager sent ${plural(rows.length, 'record')} SiteSync could not read, e.g. ${first.collection} ${first.id ?? ''}: ${first.reason}`.replace('  ', ' '));
  }
  return failed;
}

/**
 * The properties an unreadable row concerns, when that is sure: a contact or lease embedded in a
 * tenant that was read ("tenant 920: …") concerns the tenant's property and those of its leases.
 * A top-level row that could not be read has no trustworthy property: null (every property waits).
 */
export function rowProperties(rm: RentManagerSnapshot, row: RentManagerSnapshot['rowProblems'][number]): number[] | null {
  const owner = /^tenant (\d+): /.exec(row.reason);
  const tenant = owner ? rm.tenants.find((t) => t.id === Number(owner[1])) : undefined;
  if (!tenant) return null;
  return [...new Set([tenant.propertyId, ...tenant.leases.map((l) => l.propertyId)])].sort((x, y) => x - y);
}

function indexCommunity(state: CommunityState, origin: RmOrigin): CommunityIndex {
  const apartmentsByRef = new Map<string, SpApartment>();
  for (const apt of state.apartments) {
    if (isOwnRef(apt.externalRef, origin) && parseRefPath(apt.externalRef.id)?.kind === 'unit') {
      apartmentsByRef.set(refKey(apt.externalRef), apt);
    }
  }
  const ownResidentsByRef = new Map<string, SpResident>();
  const familyByApartment = new Map<string, SpResident[]>();
  let familyCount = 0;
  for (const r of state.residents) {
    // A master account is never ours to change, even if it carried a reference.
    if (r.role !== 'family') continue;
    familyCount++;
    const list = familyByApartment.get(r.apartmentId) ?? [];
    list.push(r);
    familyByApartment.set(r.apartmentId, list);
    if (isOwnRef(r.externalRef, origin) && parseRefPath(r.externalRef.id)?.kind === 'contact') {
      ownResidentsByRef.set(refKey(r.externalRef), r);
    }
  }
  const defaultGroup =
    state.accessGroups.find((g) => g.isDefault) ?? state.accessGroups.find((g) => g.name === '24 Hours') ?? null;
  return { state, apartmentsByRef, ownResidentsByRef, familyByApartment, familyCount, defaultGroup };
}

/** The community of property `propertyId`, if SmartPlus has it. */
export function communityOf(ctx: PlanContext, propertyId: number): CommunityIndex | undefined {
  return ctx.communitiesByRef.get(refKey(propertyRef(ctx.origin, propertyId)));
}

const naturalKeys = new Map<string, string>();

/**
 * A sort key that orders strings with embedded numbers naturally (`unit:9` before `unit:10`):
 * every digit run is left-padded, so plain string order is natural order. Memoised: plans sort
 * tens of thousands of refKeys.
 */
export function naturalKey(s: string): string {
  let key = naturalKeys.get(s);
  if (key === undefined) {
    key = s.replace(/\d+/g, (d) => d.padStart(15, '0'));
    if (naturalKeys.size > 200_000) naturalKeys.clear();
    naturalKeys.set(s, key);
  }
  return key;
}

/** Compares strings with embedded numbers naturally, for a stable, readable order. */
export function naturalCompare(a: string, b: string): number {
  const x = naturalKey(a);
  const y = naturalKey(b);
  return x < y ? -1 : x > y ? 1 : 0;
}
