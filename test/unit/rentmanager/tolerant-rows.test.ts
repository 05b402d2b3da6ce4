import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { normalizeTenant } from '../../../src-main/rentmanager/normalize';
import { readRentManagerSnapshot } from '../../../src-main/rentmanager/read-snapshot';
import { LeaseRowSchema, TenantRowSchema } from '../../../src-main/rentmanager/schemas';
import { SEED_UDF } from '../../../src-main/sandbox/rentmanager/seed';
import { startRentManagerSandbox, type RentManagerSandbox } from '../../../src-main/sandbox/rentmanager/server';
import { clientFor } from './helpers';

// Issue 13, "Tolerant readers", Rent Manager side (shared/reference/rent-manager-api.md §4, §7,
// §11): rows in the other legal shapes are read; what cannot be read is one row problem.
let sb: RentManagerSandbox;
beforeAll(async () => {
  sb = await startRentManagerSandbox({ seed: 'demo', asOf: '2026-06-15' });
});
afterAll(() => sb.close());
afterEach(() => sb.admin.reset());

/** The first active Primary contact of a tenant in property 4, with its tenant. */
async function aPrimaryContact() {
  const snap = await readRentManagerSnapshot(clientFor(sb), { propertyIds: [4] });
  const tenant = snap.tenants.find((t) => t.contacts.some((c) => c.applicantType === 'Primary') && t.leases.length > 0)!;
  return { tenant, contact: tenant.contacts.find((c) => c.applicantType === 'Primary')! };
}

describe('Rent Manager rows in every legal shape', () => {
  it('numbers sent as strings: a unit whose UnitTypeID is "3", a tenant whose TenantDisplayID is "920", are read', async () => {
    const units = await clientFor(sb).units({ filters: [] });
    const unit = units.rows.find((u) => u.PropertyID === 2)!;
    sb.admin.patchRow('units', unit.UnitID, { UnitTypeID: '3' });
    const { tenant } = await aPrimaryContact();
    sb.admin.patchRow('tenants', tenant.id, { TenantDisplayID: '920' });
    const client = clientFor(sb);
    const again = await client.units();
    expect(again.problems).toEqual([]);
    expect(again.rows.find((u) => u.UnitID === unit.UnitID)?.UnitTypeID).toBe(3);
    const snap = await readRentManagerSnapshot(client, { propertyIds: [4] });
    expect(snap.rowProblems).toEqual([]);
    expect(snap.tenants.find((t) => t.id === tenant.id)?.displayId).toBe(920);
  });

  it('enum values in another case: a PIN field whose ParentType is "tenant" and FieldType "NUMERIC" is read as Tenant / Numeric', async () => {
    sb.admin.patchRow('userDefinedFields', SEED_UDF.doorPinNumeric, { ParentType: 'tenant', FieldType: 'NUMERIC' });
    const snap = await readRentManagerSnapshot(clientFor(sb), { propertyIds: [1], pinField: 'Door PIN' });
    expect(snap.pinField).toEqual({ id: SEED_UDF.doorPinNumeric, name: 'Door PIN', fieldType: 'Numeric', parentType: 'Tenant' });
  });

  it("numeric applicant types: a contact whose ApplicantType is 1 is one row problem (the list is not published), not a contact 'never synced'", async () => {
    const { tenant, contact } = await aPrimaryContact();
    sb.admin.patchRow('contacts', contact.id, { ApplicantType: 1 });
    const snap = await readRentManagerSnapshot(clientFor(sb), { propertyIds: [4] });
    expect(snap.rowProblems).toEqual([{ collection: 'Contacts', id: contact.id, reason: `tenant ${tenant.id}: ApplicantType: expected Primary or Occupant as text, got number 1` }]);
    expect(snap.skippedContacts.some((s) => s.contactId === contact.id)).toBe(false);
    expect(snap.tenants.flatMap((t) => t.contacts).some((c) => c.id === contact.id)).toBe(false);
  });

  it('absent ≡ null: explicit nulls (Email, IsActive, MoveOutDate, UnitID, Contacts, embeds) read as absent', () => {
    const row = TenantRowSchema.parse({
      TenantID: 920, PropertyID: 12, Name: 'Jane Doe', Status: null, TenantDisplayID: null, UserDefinedValues: null,
      Contacts: [{ ContactID: 5001, FirstName: 'Jane', LastName: 'Doe', Email: null, IsActive: null, IsPrimary: true, ApplicantType: 'Primary', PhoneNumbers: null }],
      Leases: [{ LeaseID: 3100, TenantID: 920, UnitID: 441, PropertyID: 12, MoveInDate: '2025-06-01T00:00:00', MoveOutDate: null, LeaseRenewals: null }],
    });
    const out = normalizeTenant(row, { pinField: null, rfCardField: null });
    expect(out.problems).toEqual([]);
    expect(out.tenant).toMatchObject({ status: null, displayId: null, pin: null });
    expect(out.tenant.contacts).toEqual([{ id: 5001, tenantId: 920, firstName: 'Jane', lastName: 'Doe', email: null, phone: null, applicantType: 'Primary', isPrimary: true }]);
    expect(out.tenant.leases).toEqual([{ id: 3100, tenantId: 920, unitId: 441, propertyId: 12, moveIn: '2025-06-01', moveOut: null, leaseStart: null, leaseEnd: null }]);
  });

  it('dates with or without an offset or fraction read as the calendar date they name; a date that is none is one row problem', () => {
    const lease = (MoveInDate: unknown, MoveOutDate: unknown = null) => LeaseRowSchema.safeParse({ LeaseID: 1, TenantID: 2, UnitID: 3, MoveInDate, MoveOutDate });
    for (const form of ['2025-06-01T00:00:00', '2025-06-01T00:00:00-04:00', '2025-06-01T00:00:00Z', '2025-06-01T00:00:00.0000000', '2025-06-01T00:00:00.000+0200', '2025-06-01']) {
      expect(lease(form).success, form).toBe(true);
    }
    const tenant = TenantRowSchema.parse({
      TenantID: 2, PropertyID: 12,
      Leases: [
        { LeaseID: 1, TenantID: 2, UnitID: 3, MoveInDate: '2025-06-01T00:00:00-04:00', MoveOutDate: '2026-05-31T00:00:00.0000000' },
        { LeaseID: 4, TenantID: 2, UnitID: 5, MoveInDate: 'June 1st' },
      ],
    });
    const out = normalizeTenant(tenant, { pinField: null, rfCardField: null });
    expect(out.tenant.leases.map((l) => [l.id, l.moveIn, l.moveOut])).toEqual([[1, '2025-06-01', '2026-05-31']]);
    expect(out.problems).toEqual([{ collection: 'Leases', id: 4, reason: 'tenant 2: MoveInDate: expected a date (yyyy-MM-ddTHH:mm:ss), got "June 1st"' }]);
  });

  it('unknown fields are ignored', () => {
    const row = TenantRowSchema.parse({ TenantID: 1, PropertyID: 2, ConcurrencyID: 7, MetaTag: 'x', NewerBuildField: { Note: 'y' } });
    expect(row).toEqual({ TenantID: 1, PropertyID: 2 });
  });
});
