import type { FieldKind } from './query';
import { tenantStatus, todayOf, type Row, type SandboxState } from './state';

/** Lookups over the state, rebuilt after every change (joins for embeds stay O(1)). */
export interface Indexes {
  visibleProperties: Set<number>;
  byId: Map<string, Map<number, Row>>;
  children: Map<string, Map<number, Row[]>>;
  today: string;
}

const ID_FIELDS: Record<string, string> = {
  Properties: 'PropertyID', Units: 'UnitID', Tenants: 'TenantID', Contacts: 'ContactID', Leases: 'LeaseID',
  LeaseRenewals: 'LeaseRenewalID', PhoneNumbers: 'PhoneNumberID', UserDefinedFields: 'UserDefinedFieldID',
  UserDefinedValues: 'UserDefinedValueID', UnitTypes: 'UnitTypeID', ContactTypes: 'ContactTypeID', Locations: 'LocationID',
};

function group(rows: Row[], key: string): Map<number, Row[]> {
  const map = new Map<number, Row[]>();
  for (const row of rows) {
    const k = row[key] as number;
    const list = map.get(k);
    if (list) list.push(row);
    else map.set(k, [row]);
  }
  return map;
}

/** Builds {@link Indexes} for a state. */
export function buildIndexes(state: SandboxState): Indexes {
  const excluded = new Set(state.excludedPropertyIds);
  const byId = new Map<string, Map<number, Row>>();
  for (const [name, rows] of Object.entries(tables(state))) {
    byId.set(name, new Map(rows.map((r) => [r[ID_FIELDS[name]!] as number, r])));
  }
  const children = new Map<string, Map<number, Row[]>>([
    ['contactsByTenant', group(state.contacts, 'ParentID')],
    ['phonesByContact', group(state.phoneNumbers, 'ParentID')],
    ['leasesByTenant', group(state.leases, 'TenantID')],
    ['leasesByUnit', group(state.leases, 'UnitID')],
    ['renewalsByLease', group(state.leaseRenewals, 'ParentLeaseID')],
    ['unitsByProperty', group(state.units, 'PropertyID')],
    ['udvByParent', group(state.userDefinedValues, 'ParentID')],
  ]);
  const visibleProperties = new Set(state.properties.map((p) => p.PropertyID as number).filter((id) => !excluded.has(id)));
  return { visibleProperties, byId, children, today: todayOf(state) };
}

function tables(state: SandboxState): Record<string, Row[]> {
  return {
    Properties: state.properties, Units: state.units, Tenants: state.tenants, Contacts: state.contacts, Leases: state.leases,
    LeaseRenewals: state.leaseRenewals, PhoneNumbers: state.phoneNumbers, UserDefinedFields: state.userDefinedFields,
    UserDefinedValues: state.userDefinedValues, UnitTypes: state.unitTypes, ContactTypes: state.contactTypes, Locations: state.locations,
  };
}

/** A related collection or object that `embeds=<name>` adds (and `/{Resource}/{id}/<name>` serves). */
export interface EmbedDef {
  resource: string;
  many: boolean;
  get(row: Row, ix: Indexes): Row[] | Row | undefined;
}

/** What the sandbox knows about one Rent Manager collection. */
export interface ResourceDef {
  name: string;
  idField: string;
  /** Fields accepted in `filters` (others get Rent Manager's 400). */
  filters: Record<string, FieldKind>;
  embeds: Record<string, EmbedDef>;
  /** Every row the caller may see, with computed fields filled. */
  rows(state: SandboxState, ix: Indexes): Row[];
  /** Calculated fields that exist only with a named embed (e.g. Lease StartDate/EndDate need LeaseRenewals). */
  calculated?(row: Row, embeds: ReadonlySet<string>, ix: Indexes): Row;
}

const kids = (ix: Indexes, map: string, id: unknown): Row[] => ix.children.get(map)?.get(id as number) ?? [];
const one = (ix: Indexes, table: string, id: unknown): Row | undefined => ix.byId.get(table)?.get(id as number);
const visible = (ix: Indexes) => (row: Row) => ix.visibleProperties.has(row.PropertyID as number);
const stamps: Record<string, FieldKind> = { CreateDate: 'date', UpdateDate: 'date' };

function udvRows(ix: Indexes, parentType: string, parentId: unknown): Row[] {
  return kids(ix, 'udvByParent', parentId)
    .map((v) => ({ v, f: one(ix, 'UserDefinedFields', v.UserDefinedFieldID) }))
    .filter(({ f }) => f?.ParentType === parentType)
    .map(({ v, f }) => ({ ...v, Name: f!.Name, FieldType: f!.FieldType }));
}

function tenantRow(row: Row, ix: Indexes): Row {
  return { ...row, Status: tenantStatus(kids(ix, 'leasesByTenant', row.TenantID), ix.today) };
}

/** The active term of a lease: the renewal covering today, else the latest one. */
function activeRenewal(renewals: Row[], today: string): Row | undefined {
  const t = `${today}T00:00:00`;
  return renewals.find((r) => String(r.StartDate) <= t && String(r.EndDate) >= t) ?? renewals.at(-1);
}

/** Every collection the sandbox serves, by resource name. */
export const RESOURCES: Record<string, ResourceDef> = {
  Locations: {
    name: 'Locations', idField: 'LocationID', filters: { LocationID: 'int', Name: 'string' }, embeds: {},
    rows: (s) => s.locations,
  },
  Properties: {
    name: 'Properties', idField: 'PropertyID',
    filters: { PropertyID: 'int', Name: 'string', ShortName: 'string', IsActive: 'bool', ...stamps },
    embeds: {
      Addresses: { resource: 'Addresses', many: true, get: (r) => r.Addresses as Row[] },
      PrimaryAddress: { resource: 'Addresses', many: false, get: (r) => (r.Addresses as Row[]).find((a) => a.IsPrimary) },
      Units: { resource: 'Units', many: true, get: (r, ix) => kids(ix, 'unitsByProperty', r.PropertyID) },
      UserDefinedValues: { resource: 'UserDefinedValues', many: true, get: (r, ix) => udvRows(ix, 'Property', r.PropertyID) },
    },
    rows: (s, ix) => s.properties.filter(visible(ix)),
    calculated: (r, embeds, ix) => (embeds.has('Units') ? { UnitCount: kids(ix, 'unitsByProperty', r.PropertyID).length } : {}),
  },
  Units: {
    name: 'Units', idField: 'UnitID',
    filters: { UnitID: 'int', PropertyID: 'int', Name: 'string', UnitTypeID: 'int', ...stamps },
    embeds: {
      UnitType: { resource: 'UnitTypes', many: false, get: (r, ix) => one(ix, 'UnitTypes', r.UnitTypeID) },
      Leases: { resource: 'Leases', many: true, get: (r, ix) => kids(ix, 'leasesByUnit', r.UnitID) },
      Property: { resource: 'Properties', many: false, get: (r, ix) => one(ix, 'Properties', r.PropertyID) },
      UserDefinedValues: { resource: 'UserDefinedValues', many: true, get: (r, ix) => udvRows(ix, 'Unit', r.UnitID) },
    },
    rows: (s, ix) => s.units.filter(visible(ix)),
  },
  UnitTypes: { name: 'UnitTypes', idField: 'UnitTypeID', filters: { UnitTypeID: 'int', Name: 'string' }, embeds: {}, rows: (s) => s.unitTypes },
  Tenants: {
    name: 'Tenants', idField: 'TenantID',
    filters: { TenantID: 'int', TenantDisplayID: 'int', PropertyID: 'int', Status: 'string', Name: 'string', FirstName: 'string', LastName: 'string', ...stamps },
    embeds: {
      Contacts: { resource: 'Contacts', many: true, get: (r, ix) => kids(ix, 'contactsByTenant', r.TenantID) },
      Leases: { resource: 'Leases', many: true, get: (r, ix) => kids(ix, 'leasesByTenant', r.TenantID) },
      UserDefinedValues: { resource: 'UserDefinedValues', many: true, get: (r, ix) => udvRows(ix, 'Tenant', r.TenantID) },
      Property: { resource: 'Properties', many: false, get: (r, ix) => one(ix, 'Properties', r.PropertyID) },
    },
    rows: (s, ix) => s.tenants.filter(visible(ix)).map((r) => tenantRow(r, ix)),
  },
  Contacts: {
    name: 'Contacts', idField: 'ContactID',
    filters: { ContactID: 'int', ParentID: 'int', ParentType: 'string', IsActive: 'bool', IsPrimary: 'bool', ContactTypeID: 'int', ...stamps },
    embeds: {
      PhoneNumbers: { resource: 'PhoneNumbers', many: true, get: (r, ix) => kids(ix, 'phonesByContact', r.ContactID) },
      ContactType: { resource: 'ContactTypes', many: false, get: (r, ix) => one(ix, 'ContactTypes', r.ContactTypeID) },
      UserDefinedValues: { resource: 'UserDefinedValues', many: true, get: (r, ix) => udvRows(ix, 'Contact', r.ContactID) },
    },
    rows: (s, ix) => s.contacts.filter((c) => ix.visibleProperties.has(one(ix, 'Tenants', c.ParentID)?.PropertyID as number)),
  },
  ContactTypes: { name: 'ContactTypes', idField: 'ContactTypeID', filters: { ContactTypeID: 'int', Name: 'string' }, embeds: {}, rows: (s) => s.contactTypes },
  PhoneNumbers: { name: 'PhoneNumbers', idField: 'PhoneNumberID', filters: { PhoneNumberID: 'int', ParentID: 'int' }, embeds: {}, rows: (s) => s.phoneNumbers },
  Leases: {
    name: 'Leases', idField: 'LeaseID',
    filters: { LeaseID: 'int', TenantID: 'int', UnitID: 'int', PropertyID: 'int', MoveInDate: 'date', MoveOutDate: 'date', ...stamps },
    embeds: {
      LeaseRenewals: { resource: 'LeaseRenewals', many: true, get: (r, ix) => kids(ix, 'renewalsByLease', r.LeaseID) },
      ActiveLeaseRenewal: { resource: 'LeaseRenewals', many: false, get: (r, ix) => activeRenewal(kids(ix, 'renewalsByLease', r.LeaseID), ix.today) },
      Tenant: { resource: 'Tenants', many: false, get: (r, ix) => one(ix, 'Tenants', r.TenantID) },
      Unit: { resource: 'Units', many: false, get: (r, ix) => one(ix, 'Units', r.UnitID) },
      Property: { resource: 'Properties', many: false, get: (r, ix) => one(ix, 'Properties', r.PropertyID) },
    },
    rows: (s, ix) => s.leases.filter(visible(ix)),
    calculated: (r, embeds, ix) => {
      if (!embeds.has('LeaseRenewals')) return {};
      const term = activeRenewal(kids(ix, 'renewalsByLease', r.LeaseID), ix.today);
      return term ? { StartDate: term.StartDate, EndDate: term.EndDate } : {};
    },
  },
  LeaseRenewals: {
    name: 'LeaseRenewals', idField: 'LeaseRenewalID', filters: { LeaseRenewalID: 'int', ParentLeaseID: 'int', UnitID: 'int', ...stamps }, embeds: {},
    rows: (s, ix) => s.leaseRenewals.filter((r) => ix.visibleProperties.has(one(ix, 'Leases', r.ParentLeaseID)?.PropertyID as number)),
  },
  UserDefinedFields: {
    name: 'UserDefinedFields', idField: 'UserDefinedFieldID',
    filters: { UserDefinedFieldID: 'int', Name: 'string', FieldType: 'string', ParentType: 'string' }, embeds: {},
    rows: (s) => s.userDefinedFields,
  },
  UserDefinedValues: { name: 'UserDefinedValues', idField: 'UserDefinedValueID', filters: {}, embeds: {}, rows: () => [] },
  Addresses: { name: 'Addresses', idField: 'AddressID', filters: {}, embeds: {}, rows: () => [] },
};

/**
 * Serialises a row as Rent Manager does: null/undefined fields omitted, embeds only when asked
 * for with plural `embeds` (dot paths nest; names under the singular `embed` come back as empty
 * lists, reference §5.3), calculated fields only with their embed, and —
 * when `fields` is given — only the listed fields (an embed must be listed too, reference §5.3).
 */
export function serialize(def: ResourceDef, row: Row, embeds: readonly string[], fields: readonly string[], ix: Indexes, ignored: readonly string[] = []): Row {
  const top = new Set(embeds.map((e) => e.split('.')[0]!));
  const out: Row = {};
  for (const [key, value] of Object.entries(row)) {
    if (value === null || value === undefined || key in def.embeds) continue;
    out[key] = value;
  }
  Object.assign(out, def.calculated?.(row, top, ix));
  for (const name of top) {
    const embed = def.embeds[name];
    if (!embed) continue;
    const child = RESOURCES[embed.resource]!;
    const nested = embeds.filter((e) => e.startsWith(`${name}.`)).map((e) => e.slice(name.length + 1));
    const value = embed.get(row, ix);
    const prepare = (r: Row) => serialize(child, child.name === 'Tenants' ? tenantRow(r, ix) : r, nested, [], ix);
    if (embed.many) out[name] = ((value as Row[] | undefined) ?? []).map(prepare);
    else if (value) out[name] = prepare(value as Row);
  }
  for (const name of ignored) {
    const embed = Object.entries(def.embeds).find(([k]) => k.toLowerCase() === name.toLowerCase());
    if (embed?.[1].many && !(embed[0] in out)) out[embed[0]] = [];
  }
  if (fields.length === 0) return out;
  const wanted = new Set(fields.map((f) => f.toLowerCase()));
  return Object.fromEntries(Object.entries(out).filter(([k]) => wanted.has(k.toLowerCase())));
}
