import { addDays } from '../../../src-shared/domain/calendar-date';
import { createPrng, type Prng } from './prng';
import { CITIES, EMAIL_DOMAINS, FIRST_NAMES, LAST_NAMES, PROPERTY_KINDS, PROPERTY_NAMES, STREETS } from './seed-data';
import { rmDate, takeId, type Row, type SandboxState, type SeedSpec } from './state';

/** IDs of the user-defined fields every seeded portfolio carries (stable, so tests and docs can name them). */
export const SEED_UDF = { doorPinNumeric: 61, rfCardText: 62, doorPinText: 63, petName: 64, parkingSpace: 65 } as const;

/** Contact types every seeded portfolio carries. */
export const SEED_CONTACT_TYPE = { tenant: 1, guarantor: 2, emergency: 3 } as const;

const DEMO_UNIT_COUNTS = [124, 96, 52, 28];

/**
 * Generates a portfolio deterministically: the same spec and `today` give the same rows.
 * `demo` ≈ 300 units in 4 properties with every edge case the sync must handle; `bench`
 * (10,000 units) or `{ units }` ≈ 2.5 contacts per unit for load tests.
 */
export function generatePortfolio(spec: SeedSpec, today: string, asOf: string | null): SandboxState {
  const demo = spec === 'demo';
  const unitTotal = spec === 'demo' ? 300 : spec === 'bench' ? 10_000 : spec.units;
  const rng = createPrng(demo ? 20_260_101 : 7_919 + unitTotal);
  const state = emptyState(spec, asOf);
  const counts = demo ? DEMO_UNIT_COUNTS : typeof spec === 'object' && spec.properties ? evenSizes(unitTotal, spec.properties) : distinctSizes(unitTotal);
  const created = rmDate(addDays(today, -2_400));
  counts.forEach((count, index) => {
    const propertyId = addProperty(state, rng, index, created);
    const current: number[] = [];
    for (let i = 0; i < count; i++) {
      const unitId = addUnitRow(state, rng, propertyId, unitName(index, i, count), created);
      populateUnit(state, rng, { propertyId, unitId, today, pastShare: demo ? 0.25 : 0.1, current });
    }
    if (demo && index === 0) applyDemoEdgeCases(state, current);
  });
  return state;
}

function emptyState(spec: SeedSpec, asOf: string | null): SandboxState {
  return {
    version: 1,
    asOf,
    seed: spec,
    nextIds: { properties: 1, units: 100, tenants: 1000, contacts: 5000, phoneNumbers: 1, leases: 3000, leaseRenewals: 1, userDefinedValues: 9000 },
    locations: [{ LocationID: 1, Name: 'Default', FriendlyName: 'Sandbox Property Management', IsMainLocation: true, IsTWAEnabled: false }],
    properties: [],
    unitTypes: [
      { UnitTypeID: 1, Name: 'Studio', Bedrooms: 0, Bathrooms: 1 },
      { UnitTypeID: 2, Name: '1BR', Bedrooms: 1, Bathrooms: 1 },
      { UnitTypeID: 3, Name: '2BR', Bedrooms: 2, Bathrooms: 1.5 },
      { UnitTypeID: 4, Name: '3BR', Bedrooms: 3, Bathrooms: 2 },
    ],
    units: [],
    tenants: [],
    contactTypes: [
      { ContactTypeID: SEED_CONTACT_TYPE.tenant, Name: 'Tenant', Description: 'Leaseholder or occupant', ParentType: 'Tenant' },
      { ContactTypeID: SEED_CONTACT_TYPE.guarantor, Name: 'Guarantor', Description: 'Financial guarantor', ParentType: 'Tenant' },
      { ContactTypeID: SEED_CONTACT_TYPE.emergency, Name: 'Emergency Contact', Description: 'Call in an emergency', ParentType: 'Tenant' },
    ],
    contacts: [],
    phoneNumbers: [],
    leases: [],
    leaseRenewals: [],
    userDefinedFields: [
      udf(SEED_UDF.doorPinNumeric, 'Door PIN', 'Numeric', 'Tenant', 1),
      udf(SEED_UDF.rfCardText, 'RF Card', 'Text', 'Tenant', 2),
      udf(SEED_UDF.doorPinText, 'Door PIN (Text)', 'Text', 'Tenant', 3),
      udf(SEED_UDF.petName, 'Pet Name', 'Text', 'Tenant', 4),
      udf(SEED_UDF.parkingSpace, 'Parking Space', 'Text', 'Unit', 5),
    ],
    userDefinedValues: [],
    excludedPropertyIds: [],
  };
}

function udf(id: number, name: string, fieldType: string, parentType: string, sortOrder: number): Row {
  return { UserDefinedFieldID: id, Name: name, FieldType: fieldType, ParentType: parentType, IsRequired: false, PrecisionValue: 0, DefaultValue: '', SortOrder: sortOrder, CreateDate: '2020-03-02T09:15:00', UpdateDate: '2020-03-02T09:15:00' };
}

/** `n` property sizes summing to `total` (at least one unit each), for many small properties. */
function evenSizes(total: number, n: number): number[] {
  const count = Math.min(n, total);
  return Array.from({ length: count }, (_, i) => Math.floor(total / count) + (i < total % count ? 1 : 0));
}

/** Distinct property sizes summing to `total`, about 250 units each. */
function distinctSizes(total: number): number[] {
  const n = Math.max(1, Math.min(Math.round(total / 250), Math.floor(Math.sqrt(2 * total))));
  const weights = Array.from({ length: n }, (_, i) => 1 + i * 0.06);
  const sum = weights.reduce((a, b) => a + b, 0);
  const sizes = weights.map((w) => Math.max(1, Math.floor((total * w) / sum)));
  sizes[n - 1]! += total - sizes.reduce((a, b) => a + b, 0);
  return sizes;
}

function addProperty(state: SandboxState, rng: Prng, index: number, created: string): number {
  const id = takeId(state, 'properties');
  const base = PROPERTY_NAMES[index % PROPERTY_NAMES.length]!;
  const kind = PROPERTY_KINDS[index % PROPERTY_KINDS.length]!;
  const round = Math.floor(index / PROPERTY_NAMES.length);
  const name = `${base} ${kind}${round > 0 ? ` ${round + 1}` : ''}`;
  const place = CITIES[index % CITIES.length]!;
  const street = `${rng.int(10, 2900)} ${rng.pick(STREETS)}`;
  const postal = `${place.zip}${String(rng.int(1, 99)).padStart(2, '0')}`;
  state.properties.push({
    PropertyID: id,
    Name: name,
    ShortName: `${base.replace(/[^A-Za-z]/g, '').slice(0, 6).toUpperCase()}${round > 0 ? round + 1 : ''}`,
    IsActive: true,
    PropertyType: 'Residential',
    IsCommercial: false,
    Email: `leasing@${base.replace(/[^A-Za-z]/g, '').toLowerCase()}.example.com`,
    CreateDate: created,
    UpdateDate: created,
    Addresses: [{ AddressID: id, AddressTypeID: 1, Address: `${street}\r\n${place.city}, ${place.state} ${postal}`, Street: street, City: place.city, State: place.state, PostalCode: postal, IsPrimary: true, IsBilling: false, ParentID: id, ParentType: 'Property' }],
  });
  return id;
}

function unitName(propertyIndex: number, i: number, count: number): string {
  if (count <= 40) return `${String.fromCharCode(65 + (propertyIndex % 26))}${i + 1}`;
  const perFloor = count > 200 ? 20 : 12;
  return String((Math.floor(i / perFloor) + 1) * 100 + (i % perFloor) + 1);
}

/** Adds a unit row; also used by the sandbox's addUnit. */
export function addUnitRow(state: SandboxState, rng: Prng, propertyId: number, name: string, created: string): number {
  const id = takeId(state, 'units');
  const type = state.unitTypes[rng.int(0, state.unitTypes.length - 1)]!;
  state.units.push({ UnitID: id, PropertyID: propertyId, Name: name, UnitTypeID: type.UnitTypeID, Bedrooms: type.Bedrooms, Bathrooms: type.Bathrooms, SquareFootage: 450 + Number(type.Bedrooms) * 320 + rng.int(0, 120), SortOrder: id, CreateDate: created, UpdateDate: created });
  return id;
}

interface UnitContext {
  propertyId: number;
  unitId: number;
  today: string;
  pastShare: number;
  current: number[];
}

function populateUnit(state: SandboxState, rng: Prng, ctx: UnitContext): void {
  const { today } = ctx;
  const roll = rng.next();
  let firstMoveIn: string | null = null;
  if (roll < 0.86) {
    firstMoveIn = addDays(today, -rng.int(20, 1_800));
    const notice = rng.chance(0.08) ? addDays(today, rng.int(1, 45)) : null;
    ctx.current.push(addTenantRow(state, rng, { ...ctx, moveIn: firstMoveIn, moveOut: notice }));
  } else if (roll < 0.91) {
    addTenantRow(state, rng, { ...ctx, moveIn: addDays(today, rng.int(1, 60)), moveOut: null });
  } else if (roll < 0.93) {
    addTenantRow(state, rng, { ...ctx, moveIn: null, moveOut: null });
  }
  if (rng.chance(ctx.pastShare)) {
    const end = addDays(firstMoveIn ?? today, -rng.int(2, 60));
    addTenantRow(state, rng, { ...ctx, moveIn: addDays(end, -rng.int(300, 900)), moveOut: end });
  }
}

/** What a new tenant looks like; `pin`/`rfCard` undefined = generate, null = none. */
export interface NewTenant {
  propertyId: number;
  unitId: number;
  today: string;
  moveIn: string | null;
  moveOut: string | null;
  firstName?: string;
  lastName?: string;
  occupants?: { firstName: string; lastName: string }[];
  pin?: string | null;
  rfCard?: string | null;
}

/** Adds a tenant with contacts, phone numbers, a lease with renewals and UDF values; returns its ID. */
export function addTenantRow(state: SandboxState, rng: Prng, t: NewTenant): number {
  const id = takeId(state, 'tenants');
  const lastName = t.lastName ?? rng.pick(LAST_NAMES);
  const firstName = t.firstName ?? rng.pick(FIRST_NAMES);
  const stamped = addDays(t.moveIn ?? t.today, -rng.int(5, 40));
  const stamp = rmDate(stamped < t.today ? stamped : addDays(t.today, -1));
  state.tenants.push({ TenantID: id, TenantDisplayID: id, Name: `${firstName} ${lastName}`, FirstName: firstName, LastName: lastName, IsCompany: false, PropertyID: t.propertyId, CreateDate: stamp, UpdateDate: stamp });
  const noPrimary = t.firstName === undefined && rng.chance(0.02);
  if (!noPrimary) addContact(state, rng, id, { firstName, lastName, applicantType: 'Primary', isPrimary: true, type: SEED_CONTACT_TYPE.tenant }, stamp);
  const occupants = t.occupants ?? Array.from({ length: rng.pick([0, 0, 0, 0, 1, 1, 1, 2, 2, 3]) + (noPrimary ? 1 : 0) }, () => ({ firstName: rng.pick(FIRST_NAMES), lastName: rng.chance(0.6) ? lastName : rng.pick(LAST_NAMES) }));
  for (const o of occupants) {
    addContact(state, rng, id, { ...o, applicantType: 'Occupant', isPrimary: false, type: SEED_CONTACT_TYPE.tenant, inactive: t.occupants === undefined && rng.chance(0.07) }, stamp);
  }
  if (t.firstName === undefined) {
    if (rng.chance(0.12)) addContact(state, rng, id, { firstName: rng.pick(FIRST_NAMES), lastName: rng.pick(LAST_NAMES), applicantType: 'Guarantor', isPrimary: false, type: SEED_CONTACT_TYPE.guarantor }, stamp);
    if (rng.chance(0.04)) addContact(state, rng, id, { firstName: rng.pick(FIRST_NAMES), lastName: rng.pick(LAST_NAMES), applicantType: 'Co-Signer', isPrimary: false, type: SEED_CONTACT_TYPE.guarantor }, stamp);
    if (rng.chance(0.36)) addContact(state, rng, id, { firstName: rng.pick(FIRST_NAMES), lastName: rng.pick(LAST_NAMES), applicantType: null, isPrimary: false, type: SEED_CONTACT_TYPE.emergency }, stamp);
  }
  addLease(state, rng, id, t, stamp);
  const pin = t.pin === undefined ? (rng.chance(0.8) ? randomPin(rng) : null) : t.pin;
  const rf = t.rfCard === undefined ? (rng.chance(0.7) ? randomRf(rng) : null) : t.rfCard;
  pushUdfValue(state, SEED_UDF.doorPinText, id, pin, stamp);
  pushUdfValue(state, SEED_UDF.doorPinNumeric, id, numericForm(pin), stamp);
  pushUdfValue(state, SEED_UDF.rfCardText, id, rf, stamp);
  if (rng.chance(0.1)) pushUdfValue(state, SEED_UDF.petName, id, rng.pick(['Biscuit', 'Luna', 'Max', 'Pepper']), stamp);
  return id;
}

interface NewContact {
  firstName: string;
  lastName: string;
  applicantType: string | null;
  isPrimary: boolean;
  type: number;
  inactive?: boolean;
}

function addContact(state: SandboxState, rng: Prng, tenantId: number, c: NewContact, stamp: string): void {
  const id = takeId(state, 'contacts');
  const email = rng.chance(0.9) ? `${c.firstName}.${c.lastName}${rng.int(1, 99)}@${rng.pick(EMAIL_DOMAINS)}`.toLowerCase().replace(/[^a-z0-9.@]/g, '') : undefined;
  state.contacts.push({ ContactID: id, FirstName: c.firstName, LastName: c.lastName, Email: email, IsPrimary: c.isPrimary, IsActive: !c.inactive, ApplicantType: c.applicantType ?? undefined, ContactTypeID: c.type, ParentID: tenantId, ParentType: 'Tenant', IsShowOnBill: c.isPrimary, CreateDate: stamp, UpdateDate: stamp });
  if (rng.chance(0.85)) {
    const digits = `${rng.pick(['865', '614', '919', '804', '518', '813'])}555${String(rng.int(100, 9999)).padStart(4, '0')}`;
    state.phoneNumbers.push({ PhoneNumberID: takeId(state, 'phoneNumbers'), PhoneNumberTypeID: rng.pick([1, 3, 3]), PhoneNumber: `(${digits.slice(0, 3)}) ${digits.slice(3, 6)}-${digits.slice(6)}`, StrippedPhoneNumber: digits, IsPrimary: true, IsTextReady: false, IsOptOut: false, ParentID: id, ParentType: 'Contact' });
  }
}

function addLease(state: SandboxState, rng: Prng, tenantId: number, t: NewTenant, stamp: string): void {
  const id = takeId(state, 'leases');
  const lease: Row = { LeaseID: id, TenantID: tenantId, UnitID: t.unitId, PropertyID: t.propertyId, IsMoveOutConfirmed: false, IsCommercial: false, SortOrder: 1, CreateDate: stamp, UpdateDate: stamp };
  if (t.moveIn) lease.MoveInDate = rmDate(t.moveIn);
  if (t.moveOut) {
    lease.MoveOutDate = rmDate(t.moveOut);
    lease.ExpectedMoveOutDate = rmDate(t.moveOut);
    lease.NoticeDate = rmDate(addDays(t.moveOut, -30));
    lease.IsMoveOutConfirmed = t.moveOut < t.today;
  }
  state.leases.push(lease);
  if (!t.moveIn || rng.chance(0.04)) return;
  let start = rng.chance(0.2) ? addDays(t.moveIn, -rng.int(1, 7)) : t.moveIn;
  const last = t.moveOut ?? t.today;
  for (let term = 0; term < 12; term++) {
    const end = addDays(addDays(start, 365), -1);
    state.leaseRenewals.push({ LeaseRenewalID: takeId(state, 'leaseRenewals'), ParentLeaseID: id, UnitID: t.unitId, LeaseTermID: 2, LeaseLength: 12, SignDate: rmDate(addDays(start, -14)), StartDate: rmDate(start), EndDate: rmDate(end), CreateDate: stamp, UpdateDate: stamp });
    if (end >= last) break;
    start = addDays(end, 1);
  }
}

/** Writes a tenant's PIN into both PIN fields: the Text one as typed, the Numeric one as Rent Manager stores a number. */
export function setTenantPin(state: SandboxState, tenantId: number, pin: string | null, stamp: string): void {
  setUdfValue(state, SEED_UDF.doorPinText, tenantId, pin, stamp);
  setUdfValue(state, SEED_UDF.doorPinNumeric, tenantId, numericForm(pin), stamp);
}

/** How a Numeric UDF holds a PIN: leading zeros lost, sometimes a decimal form ("1234.0"), reference §4.6. */
function numericForm(pin: string | null): string | null {
  return pin !== null && /^\d+$/.test(pin) ? `${Number(pin)}${Number(pin) % 2 === 0 ? '.0' : ''}` : pin;
}

function pushUdfValue(state: SandboxState, fieldId: number, parentId: number, value: string | null, stamp: string): void {
  if (value === null) return;
  state.userDefinedValues.push({ UserDefinedValueID: takeId(state, 'userDefinedValues'), UserDefinedFieldID: fieldId, ParentID: parentId, Value: value, CreateDate: stamp, UpdateDate: stamp });
}

/** Sets (or, with null, clears) one UDF value of a parent record. */
export function setUdfValue(state: SandboxState, fieldId: number, parentId: number, value: string | null, stamp: string): void {
  const existing = state.userDefinedValues.find((v) => v.UserDefinedFieldID === fieldId && v.ParentID === parentId);
  if (existing) {
    existing.Value = value ?? '';
    existing.UpdateDate = stamp;
  } else if (value !== null) {
    state.userDefinedValues.push({ UserDefinedValueID: takeId(state, 'userDefinedValues'), UserDefinedFieldID: fieldId, ParentID: parentId, Value: value, CreateDate: stamp, UpdateDate: stamp });
  }
}

function randomPin(rng: Prng): string {
  if (rng.chance(0.04)) return `0${rng.int(100, 999)}`;
  return `${rng.int(1, 8)}${String(rng.int(0, 10 ** rng.int(3, 5) - 1)).padStart(3, '0')}`.slice(0, 6);
}

function randomRf(rng: Prng): string {
  const hex = '0123456789ABCDEF';
  return Array.from({ length: rng.pick([8, 8, 8, 10]) }, () => rng.pick(hex.split(''))).join('');
}

/**
 * The demo's deliberate edge cases, on current tenants of the first property, in order:
 * PIN starting with 9, a 1-digit PIN, a 9-digit PIN, a duplicate PIN (two tenants), a PIN
 * with a leading zero, a PIN with a letter, a lowercase RF card, an RF card with spaces, an
 * RF card with a non-hex letter, a 17-character RF card, a one-digit-repeated PIN, a 2-digit
 * PIN, and a duplicate RF card (two tenants).
 */
export const DEMO_EDGE_CASES: readonly { pin?: string; rfCard?: string }[] = [
  { pin: '9123' }, { pin: '7' }, { pin: '123456789' }, { pin: '4455' }, { pin: '4455' }, { pin: '0482' }, { pin: '12a4' },
  { rfCard: 'a1b2c3d4' }, { rfCard: ' 00ABCDEF ' }, { rfCard: 'XYZ123' }, { rfCard: '0123456789ABCDEF0' },
  { pin: '1111' }, { pin: '12' }, { rfCard: 'CAFE0001' }, { rfCard: 'CAFE0001' },
];

function applyDemoEdgeCases(state: SandboxState, current: number[]): void {
  DEMO_EDGE_CASES.forEach((edge, i) => {
    const tenantId = current[i];
    if (tenantId === undefined) return;
    const stamp = String(state.tenants.find((t) => t.TenantID === tenantId)?.UpdateDate);
    if (edge.pin !== undefined) setTenantPin(state, tenantId, edge.pin, stamp);
    if (edge.rfCard !== undefined) setUdfValue(state, SEED_UDF.rfCardText, tenantId, edge.rfCard, stamp);
  });
}
