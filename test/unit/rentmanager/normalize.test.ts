import { describe, expect, it } from 'vitest';
import { normalizeLease, normalizeNumericValue, normalizeProperty, normalizeTenant, pinFieldWarning, resolveField, toCalendarDate, udfValue } from '../../../src-main/rentmanager/normalize';
import type { TenantRow, UdfRow } from '../../../src-main/rentmanager/schemas';

const numericPin = { id: 61, name: 'Door PIN', fieldType: 'Numeric', parentType: 'Tenant' };
const textPin = { id: 63, name: 'Door PIN (Text)', fieldType: 'Text', parentType: 'Tenant' };
const rf = { id: 62, name: 'RF Card', fieldType: 'Text', parentType: 'Tenant' };

describe('dates and values', () => {
  it('reads Rent Manager dates as calendar dates, ignoring time and offsets', () => {
    expect(toCalendarDate('2025-06-01T00:00:00')).toBe('2025-06-01');
    expect(toCalendarDate('2025-06-01T23:59:59-04:00')).toBe('2025-06-01');
    expect(toCalendarDate('2025-02-30T00:00:00')).toBeNull();
    expect(toCalendarDate(undefined)).toBeNull();
  });

  it('normalises Numeric UDF values', () => {
    expect(normalizeNumericValue('1234.0')).toBe('1234');
    expect(normalizeNumericValue('1234.00')).toBe('1234');
    expect(normalizeNumericValue(' 482 ')).toBe('482');
    expect(normalizeNumericValue('12.5')).toBe('12.5');
  });

  it('picks a UDF value by field ID; Numeric normalised, Text raw, blank as null', () => {
    const values = [
      { UserDefinedFieldID: 61, Value: '4820.0', FieldType: 'Numeric' },
      { UserDefinedFieldID: 63, Value: '04820' },
      { UserDefinedFieldID: 62, Value: '   ' },
      { UserDefinedFieldID: 'broken' },
    ];
    expect(udfValue(values, numericPin)).toBe('4820');
    expect(udfValue(values, textPin)).toBe('04820');
    expect(udfValue(values, rf)).toBeNull();
    expect(udfValue(values, null)).toBeNull();
    expect(udfValue([{ UserDefinedFieldID: 63, Value: 1234 }], textPin)).toBe('1234');
  });

  it('warns about Numeric PIN fields only', () => {
    expect(pinFieldWarning(numericPin)).toMatch(/leading zeros/);
    expect(pinFieldWarning(textPin)).toBeNull();
    expect(pinFieldWarning(null)).toBeNull();
  });

  it('resolves a field by ID or by name (case-insensitive, tenant fields first)', () => {
    const fields: UdfRow[] = [
      { UserDefinedFieldID: 70, Name: 'Door PIN', FieldType: 'Text', ParentType: 'Unit' },
      { UserDefinedFieldID: 61, Name: 'Door PIN', FieldType: 'Numeric', ParentType: 'Tenant' },
    ];
    expect(resolveField(fields, 'door pin')?.id).toBe(61);
    expect(resolveField(fields, 70)?.parentType).toBe('Unit');
    expect(resolveField(fields, 'Gate Code')).toBeNull();
    expect(resolveField(fields, undefined)).toBeNull();
  });
});

describe('rows', () => {
  it('a property takes its primary address on one line', () => {
    expect(normalizeProperty({ PropertyID: 1, Name: ' Maple Court ', Addresses: [{ Address: '12 Oak St\r\nKnoxville, TN 37901', IsPrimary: true }] })).toEqual({ id: 1, name: 'Maple Court', shortName: null, address: '12 Oak St, Knoxville, TN 37901', isActive: true });
    expect(normalizeProperty({ PropertyID: 2, IsActive: false }).name).toBe('Property 2');
  });

  it('lease start/end span the renewals; without them the calculated fields are used', () => {
    const lease = normalizeLease({ LeaseID: 1, TenantID: 2, UnitID: 3, MoveInDate: '2024-01-05T00:00:00', LeaseRenewals: [{ LeaseRenewalID: 1, StartDate: '2024-01-01T00:00:00', EndDate: '2024-12-31T00:00:00' }, { LeaseRenewalID: 2, StartDate: '2025-01-01T00:00:00', EndDate: '2025-12-31T00:00:00' }] }, 9);
    expect(lease).toEqual({ id: 1, tenantId: 2, unitId: 3, propertyId: 9, moveIn: '2024-01-05', moveOut: null, leaseStart: '2024-01-01', leaseEnd: '2025-12-31' });
    expect(normalizeLease({ LeaseID: 1, TenantID: 2, StartDate: '2024-02-01T00:00:00', EndDate: '2025-01-31T00:00:00' }, 9)).toMatchObject({ unitId: null, leaseStart: '2024-02-01', leaseEnd: '2025-01-31' });
  });

  it('a tenant keeps active Primary/Occupant contacts and lists every other contact with a reason', () => {
    const row: TenantRow = {
      TenantID: 920, PropertyID: 12, Name: 'Jane Doe', Status: 'Current',
      Contacts: [
        { ContactID: 3, FirstName: 'Sam', LastName: 'Doe', ApplicantType: 'Occupant', IsActive: true },
        { ContactID: 1, FirstName: 'Jane', LastName: 'Doe', ApplicantType: 'Primary', IsPrimary: true, Email: 'jane@example.com', PhoneNumbers: [{ PhoneNumber: '(555) 000-1111' }, { PhoneNumber: '(555) 123-4567', IsPrimary: true }] },
        { ContactID: 4, FirstName: 'Gary', LastName: 'Guarantor', ApplicantType: 'Guarantor' },
        { ContactID: 5, FirstName: 'Emma', LastName: 'Emergency' },
        { ContactID: 6, FirstName: 'Old', LastName: 'Roommate', ApplicantType: 'Occupant', IsActive: false },
        { ContactID: 'seven', FirstName: 'Broken' },
      ],
      Leases: [{ LeaseID: 31, TenantID: 920, UnitID: 441, MoveInDate: '2025-06-01T00:00:00' }],
      UserDefinedValues: [{ UserDefinedFieldID: 61, Value: '1234.0' }, { UserDefinedFieldID: 62, Value: 'a1b2' }],
    };
    const out = normalizeTenant(row, { pinField: numericPin, rfCardField: rf });
    expect(out.tenant.contacts.map((c) => [c.id, c.applicantType, c.phone])).toEqual([[1, 'Primary', '(555) 123-4567'], [3, 'Occupant', null]]);
    expect(out.tenant).toMatchObject({ pin: '1234', rfCard: 'a1b2', status: 'Current', propertyId: 12 });
    expect(out.tenant.leases).toEqual([{ id: 31, tenantId: 920, unitId: 441, propertyId: 12, moveIn: '2025-06-01', moveOut: null, leaseStart: null, leaseEnd: null }]);
    expect(out.skipped.map((s) => [s.contactId, s.reason])).toEqual([
      [4, expect.stringContaining('Guarantor')],
      [5, expect.stringContaining('no applicant type')],
      [6, 'inactive contact'],
    ]);
    expect(out.problems).toEqual([{ collection: 'Contacts', id: null, reason: expect.stringContaining('tenant 920') }]);
  });

  it('leases from the /Leases read (with lease dates) replace the embedded ones', () => {
    const row: TenantRow = { TenantID: 1, PropertyID: 2, Leases: [{ LeaseID: 5, TenantID: 1, MoveInDate: '2025-01-01T00:00:00' }] };
    const leases = new Map([[1, [{ LeaseID: 5, TenantID: 1, UnitID: 7, PropertyID: 2, MoveInDate: '2025-01-01T00:00:00', StartDate: '2025-01-01T00:00:00', EndDate: '2025-12-31T00:00:00' }]]]);
    expect(normalizeTenant(row, { pinField: null, rfCardField: null, leases }).tenant.leases[0]).toMatchObject({ unitId: 7, leaseEnd: '2025-12-31' });
  });
});
