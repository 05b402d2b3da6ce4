import { CalendarDateSchema, type CalendarDate } from '../../src-shared/domain/calendar-date';
import type { RmContact, RmField, RmLease, RmProperty, RmRowProblem, RmSkippedContact, RmTenant, RmUnit } from '../../src-shared/domain/rentmanager';
import { looseInt } from '../lib/wire-read';
import { ContactRowSchema, describeIssues, LeaseRenewalRowSchema, LeaseRowSchema, PhoneRowSchema, UdvRowSchema, type LeaseRow, type PropertyRow, type TenantRow, type UdfRow, type UnitRow } from './schemas';

/**
 * Pure conversions from Rent Manager rows to the domain snapshot (src-shared/domain/rentmanager.ts).
 * No I/O, no clock: everything comes in as arguments.
 */

/** Reads a Rent Manager date (`yyyy-MM-ddTHH:mm:ss`, no offset) as the calendar date it names (reference §7); null if absent or invalid. */
export function toCalendarDate(value: string | null | undefined): CalendarDate | null {
  if (!value) return null;
  const day = value.slice(0, 10);
  return CalendarDateSchema.safeParse(day).success ? day : null;
}

/** Normalises a Numeric UDF value: `"1234.0"` / `"1234.00"` → `"1234"`; other text is only trimmed. */
export function normalizeNumericValue(value: string): string {
  const trimmed = value.trim();
  const m = /^(\d+)\.0*$/.exec(trimmed);
  return m ? m[1]! : trimmed;
}

/** True when a field definition is Rent Manager's Numeric type (a string, or a number on old builds). */
export function isNumericField(field: Pick<RmField, 'fieldType'>): boolean {
  return field.fieldType.toLowerCase() === 'numeric';
}

/** The warning shown when a Numeric field is chosen for PINs: it drops leading zeros (spec §15). */
export function pinFieldWarning(field: RmField | null): string | null {
  if (!field || !isNumericField(field)) return null;
  return `"${field.name}" is a Numeric field: Rent Manager drops leading zeros, so a PIN like 0482 arrives as 482. A Text field is recommended for PINs.`;
}

/** True for a tenant user-defined field (`ParentType` "Tenant", in any letter case). */
export function isTenantField(field: Pick<UdfRow, 'ParentType'>): boolean {
  return String(field.ParentType ?? '').toLowerCase() === 'tenant';
}

/** A UDF definition as the domain's field type. */
export function toField(row: UdfRow): RmField {
  return { id: row.UserDefinedFieldID, name: row.Name, fieldType: String(row.FieldType), parentType: row.ParentType === undefined ? null : String(row.ParentType) };
}

/** Picks the field the policy names (by ID, or by name case-insensitively, tenant fields first); null if none matches. */
export function resolveField(fields: readonly UdfRow[], choice: number | string | undefined): RmField | null {
  if (choice === undefined) return null;
  const tenantFirst = [...fields].sort((a, b) => Number(isTenantField(b)) - Number(isTenantField(a)));
  const row = typeof choice === 'number' ? fields.find((f) => f.UserDefinedFieldID === choice) : tenantFirst.find((f) => f.Name.trim().toLowerCase() === choice.trim().toLowerCase());
  return row ? toField(row) : null;
}

/** A property; the address is the primary address's text (street, city, state, ZIP). */
export function normalizeProperty(row: PropertyRow): RmProperty {
  const address = row.Addresses?.find((a) => a.IsPrimary) ?? row.Addresses?.[0];
  const text = address ? (address.Address?.replace(/\s*\r?\n\s*/g, ', ') ?? [address.Street, address.City, [address.State, address.PostalCode].filter(Boolean).join(' ')].filter(Boolean).join(', ')) : null;
  return { id: row.PropertyID, name: row.Name?.trim() || `Property ${row.PropertyID}`, shortName: row.ShortName?.trim() || null, address: text || null, isActive: row.IsActive ?? true };
}

/** A unit, named by its Rent Manager name. */
export function normalizeUnit(row: UnitRow): RmUnit {
  return { id: row.UnitID, propertyId: row.PropertyID, name: row.Name?.trim() || `Unit ${row.UnitID}` };
}

/**
 * A lease with its four dates. Lease start/end: with LeaseRenewals, the first term's start and
 * the last term's end (the whole tenancy); otherwise the calculated StartDate/EndDate.
 */
export function normalizeLease(row: LeaseRow, fallbackPropertyId: number): RmLease {
  const terms = (row.LeaseRenewals ?? []).flatMap((t) => {
    const parsed = LeaseRenewalRowSchema.safeParse(t);
    return parsed.success ? [parsed.data] : [];
  });
  const starts = terms.map((t) => toCalendarDate(t.StartDate)).filter((d): d is string => d !== null).sort();
  const ends = terms.map((t) => toCalendarDate(t.EndDate)).filter((d): d is string => d !== null).sort();
  return {
    id: row.LeaseID,
    tenantId: row.TenantID,
    unitId: row.UnitID ?? null,
    propertyId: row.PropertyID ?? fallbackPropertyId,
    moveIn: toCalendarDate(row.MoveInDate),
    moveOut: toCalendarDate(row.MoveOutDate),
    leaseStart: starts[0] ?? toCalendarDate(row.StartDate),
    leaseEnd: ends.at(-1) ?? toCalendarDate(row.EndDate),
  };
}

/** The raw value of field `field` among a tenant's UDF values (Numeric values normalised); null when empty. */
export function udfValue(values: readonly unknown[] | undefined, field: RmField | null): string | null {
  if (!field || !values) return null;
  for (const v of values) {
    const parsed = UdvRowSchema.safeParse(v);
    if (!parsed.success || parsed.data.UserDefinedFieldID !== field.id || parsed.data.Value === undefined) continue;
    const raw = String(parsed.data.Value);
    if (raw.trim() === '') return null;
    return isNumericField(field) ? normalizeNumericValue(raw) : raw;
  }
  return null;
}

/** Everything a tenant row yields: the tenant, the contacts never synced, and problems with embedded rows. */
export interface NormalizedTenant {
  tenant: RmTenant;
  skipped: RmSkippedContact[];
  problems: RmRowProblem[];
}

/**
 * A tenant with eligible contacts (active, Applicant Type Primary or Occupant — spec §2) and
 * leases. Leases from the `/Leases` read (which carry lease start/end) replace the embedded ones.
 */
export function normalizeTenant(row: TenantRow, ctx: { pinField: RmField | null; rfCardField: RmField | null; leases?: ReadonlyMap<number, LeaseRow[]> }): NormalizedTenant {
  const problems: RmRowProblem[] = [];
  const skipped: RmSkippedContact[] = [];
  const contacts: RmContact[] = [];
  for (const raw of row.Contacts ?? []) {
    const parsed = ContactRowSchema.safeParse(raw);
    if (!parsed.success) {
      problems.push({ collection: 'Contacts', id: idOf(raw, 'ContactID'), reason: `tenant ${row.TenantID}: ${describeIssues(parsed.error, raw)}` });
      continue;
    }
    const c = parsed.data;
    const name = [c.FirstName, c.LastName].filter(Boolean).join(' ').trim();
    if (typeof c.ApplicantType === 'number') {
      // eApplicantType's numbers are not published (reference §4.4, §12): guessing could sync a
      // guarantor or drop an occupant, so the contact is refused as one row problem; the
      // property's deletions wait, as for any row that could not be read.
      problems.push({ collection: 'Contacts', id: c.ContactID, reason: `tenant ${row.TenantID}: ApplicantType: expected Primary or Occupant as text, got number ${c.ApplicantType}` });
      continue;
    }
    const type = c.ApplicantType === undefined ? null : c.ApplicantType;
    const kind = type?.trim().toLowerCase();
    const reason = c.IsActive === false ? 'inactive contact' : kind === 'primary' || kind === 'occupant' ? null : type === null ? 'no applicant type (e.g. an emergency contact): never synced' : `applicant type "${type}" is never synced (only Primary and Occupant)`;
    if (reason) {
      skipped.push({ contactId: c.ContactID, tenantId: row.TenantID, name, applicantType: type, reason });
      continue;
    }
    contacts.push({ id: c.ContactID, tenantId: row.TenantID, firstName: c.FirstName?.trim() ?? '', lastName: c.LastName?.trim() ?? '', email: c.Email?.trim() || null, phone: primaryPhone(c.PhoneNumbers), applicantType: kind === 'primary' ? 'Primary' : 'Occupant', isPrimary: c.IsPrimary ?? false });
  }
  const leases = new Map<number, RmLease>();
  for (const raw of row.Leases ?? []) {
    const parsed = LeaseRowSchema.safeParse(raw);
    if (parsed.success) leases.set(parsed.data.LeaseID, normalizeLease(parsed.data, row.PropertyID));
    else problems.push({ collection: 'Leases', id: idOf(raw, 'LeaseID'), reason: `tenant ${row.TenantID}: ${describeIssues(parsed.error, raw)}` });
  }
  for (const lease of ctx.leases?.get(row.TenantID) ?? []) leases.set(lease.LeaseID, normalizeLease(lease, row.PropertyID));
  const name = row.Name?.trim() || [row.FirstName, row.LastName].filter(Boolean).join(' ').trim() || `Tenant ${row.TenantID}`;
  return {
    tenant: {
      id: row.TenantID,
      displayId: row.TenantDisplayID ?? null,
      propertyId: row.PropertyID,
      name,
      status: row.Status === undefined ? null : String(row.Status),
      pin: udfValue(row.UserDefinedValues, ctx.pinField),
      rfCard: udfValue(row.UserDefinedValues, ctx.rfCardField),
      contacts: contacts.sort((a, b) => a.id - b.id),
      leases: [...leases.values()].sort((a, b) => a.id - b.id),
    },
    skipped,
    problems,
  };
}

function primaryPhone(list: readonly unknown[] | undefined): string | null {
  const phones = (list ?? []).flatMap((p) => {
    const parsed = PhoneRowSchema.safeParse(p);
    return parsed.success && parsed.data.PhoneNumber?.trim() ? [parsed.data] : [];
  });
  return (phones.find((p) => p.IsPrimary) ?? phones[0])?.PhoneNumber?.trim() ?? null;
}

function idOf(raw: unknown, key: string): number | null {
  const parsed = looseInt().safeParse(raw && typeof raw === 'object' ? (raw as Record<string, unknown>)[key] : undefined);
  return parsed.success ? parsed.data : null;
}
