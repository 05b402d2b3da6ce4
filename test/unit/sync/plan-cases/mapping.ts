import { expect } from 'vitest';
import { contactRef, propertyRef, unitRef } from '../../../../src-shared/domain/external-ref';
import { community, contact, DEFAULT_GROUP, occupant, ORIGIN, rm, sp, tenant, units } from '../fixtures/world';
import type { PlanCase } from './case';

const inSync = (unit = 101, c = 11) => ({ unit, contact: c });

/** §2 mapping and updates of names, e-mails, phones and access. */
export const mappingCases: PlanCase[] = [
  {
    name: '§2 first sync: one community, an apartment per unit, a family member per eligible contact',
    rm: rm([tenant(1)]),
    sp: sp(),
    ops: [
      'create-community property:1',
      'create-apartment unit:101',
      'create-apartment unit:102',
      'create-apartment unit:103',
      'create-family-member unit:101/contact:11',
    ],
    problems: [],
    check: (p) => {
      const c = p.operations[0]!;
      expect(c).toMatchObject({ kind: 'create-community', name: 'Maple Court', address: '1 Maple St', timeZone: 'America/New_York', ref: propertyRef(ORIGIN, 1) });
      const a = p.operations[1]!;
      expect(a).toMatchObject({ kind: 'create-apartment', name: 'Apt 101', ref: unitRef(ORIGIN, 101), communityRef: 'rentmanager:acme:1:property:1' });
      const f = p.operations[4]!;
      expect(f).toMatchObject({ apartmentTarget: 'rentmanager:acme:1:unit:101', firstName: 'First11', lastName: 'Last11', email: 'c11@example.com', access: 'default-group' });
      expect(f.id).toBe('create-family-member:rentmanager:acme:1:unit:101/contact:11');
    },
  },
  {
    name: '§2 the community takes the site time zone',
    rm: rm([]),
    sp: sp(),
    config: { timeZone: 'America/Chicago' },
    ops: ['create-community property:1', 'create-apartment unit:101', 'create-apartment unit:102', 'create-apartment unit:103'],
    check: (p) => expect(p.operations[0]).toMatchObject({ timeZone: 'America/Chicago' }),
  },
  {
    name: '§2 a property renamed in Rent Manager renames its community',
    rm: rm([tenant(1)]),
    sp: sp(community({ name: 'Old Name', residents: [inSync()] })),
    ops: ['update-community property:1'],
    check: (p) => expect(p.operations[0]).toMatchObject({ communityId: 'c1', changes: { name: 'Maple Court' } }),
  },
  {
    name: '§2 a unit renamed in Rent Manager renames its apartment',
    rm: rm([tenant(1)], { units: [{ id: 101, propertyId: 1, name: 'Apt 101A' }, ...units([102, 103])] }),
    sp: sp(community({ residents: [inSync()] })),
    ops: ['update-apartment unit:101'],
    check: (p) => expect(p.operations[0]).toMatchObject({ apartmentId: 'a101', changes: { name: 'Apt 101A' } }),
  },
  {
    name: '§2 a site of two properties gets two communities',
    rm: rm([tenant(1), tenant(2, { unit: 201, property: 2 })], {
      properties: [
        { id: 1, name: 'Maple Court', shortName: null, address: '1 Maple St', isActive: true },
        { id: 2, name: 'Oak Yard', shortName: null, address: null, isActive: true },
      ],
      units: [...units([101]), ...units([201], 2)],
    }),
    sp: sp(),
    config: { properties: [1, 2] },
    ops: [
      'create-community property:1',
      'create-community property:2',
      'create-apartment unit:101',
      'create-apartment unit:201',
      'create-family-member unit:101/contact:11',
      'create-family-member unit:201/contact:21',
    ],
  },
  {
    name: '§2 roommates: a Primary and an Occupant of one tenant are two family members',
    rm: rm([tenant(1, { contacts: [contact(11, 1), occupant(12, 1)] })]),
    ops: ['create-family-member unit:101/contact:11', 'create-family-member unit:101/contact:12'],
  },
  {
    name: '§2 roommates: two tenants on leases of one unit',
    rm: rm([tenant(1), tenant(2)]),
    ops: ['create-family-member unit:101/contact:11', 'create-family-member unit:101/contact:21'],
  },
  {
    name: '§2 a contact on two units\' leases is two family members',
    rm: rm([
      tenant(1, {
        leases: [
          { id: 1, tenantId: 1, unitId: 101, propertyId: 1, moveIn: '2026-01-01', moveOut: null, leaseStart: null, leaseEnd: null },
          { id: 2, tenantId: 1, unitId: 102, propertyId: 1, moveIn: '2026-02-01', moveOut: null, leaseStart: null, leaseEnd: null },
        ],
      }),
    ]),
    ops: ['create-family-member unit:101/contact:11', 'create-family-member unit:102/contact:11'],
    check: (p) => expect(p.operations[1]).toMatchObject({ ref: contactRef(ORIGIN, 102, 11) }),
  },
  {
    name: '§2 guarantors and other contact types are never synced',
    rm: rm([tenant(1)], { skippedContacts: [{ contactId: 12, tenantId: 1, name: 'Guy Guarantor', applicantType: 'Guarantor', reason: 'Applicant Type Guarantor' }] }),
    ops: ['create-family-member unit:101/contact:11'],
  },
  {
    name: '§2 a synced contact that became a guarantor is deleted',
    rm: rm([tenant(1)], { skippedContacts: [{ contactId: 12, tenantId: 1, name: 'Guy', applicantType: 'Guarantor', reason: 'Applicant Type Guarantor' }] }),
    sp: sp(community({ residents: [inSync(), inSync(101, 12)] })),
    ops: ['delete-family-member unit:101/contact:12'],
    check: (p) => expect(p.operations[0]).toMatchObject({ residentId: 'r101-12', reason: expect.stringContaining('Guarantor') }),
  },
  {
    name: '§2 everything in step: no operations',
    rm: rm([tenant(1, { pin: '2468', rf: '0A1B' })]),
    sp: sp(community({ residents: [{ ...inSync(), pin: '2468', rf: ['0A1B'] }] })),
    ops: [],
    problems: [],
  },
  {
    name: '§2 hand-made accounts are never changed or deleted',
    rm: rm([tenant(1)]),
    sp: sp(community({ residents: [inSync(), { unit: 101, contact: null, first: 'Bob', email: null }, { unit: 102, contact: null, pin: '5555' }] })),
    ops: [],
  },
  {
    name: '§2 identity by reference, not name: a hand-made apartment named like the unit is left alone',
    rm: rm([tenant(1)]),
    sp: sp({ ...community({ apartments: [102, 103] }), apartments: [...community({ apartments: [102, 103] }).apartments, { id: 'hand', buildingId: 'b1', name: 'Apt 101', externalRef: null, masterAccountId: 'mh', activated: true, familyMemberLimit: 10 }] }),
    ops: ['create-apartment unit:101', 'create-family-member unit:101/contact:11'],
  },
  {
    name: '§2 accounts from another Rent Manager location are not ours',
    rm: rm([tenant(1)]),
    sp: sp({
      ...community({ residents: [inSync()] }),
      residents: [
        ...community({ residents: [inSync()] }).residents,
        { id: 'x', apartmentId: 'a101', role: 'family', firstName: 'X', lastName: 'Y', email: null, phone: null, externalRef: contactRef({ customer: 'acme', location: 2 }, 101, 99), pin: null, rfCards: [], accessGroupIds: [], sameAccessAsMaster: false },
      ],
    }),
    ops: [],
  },
  {
    name: '§2 a master account is never deleted, even with a reference',
    rm: rm([tenant(1)]),
    sp: sp(community({ residents: [inSync(), { unit: 101, contact: 77, role: 'master' }] })),
    ops: [],
  },
  {
    name: '§3 a changed first name updates the family member',
    rm: rm([tenant(1, { contacts: [contact(11, 1, { firstName: 'Janet' })] })]),
    sp: sp(community({ residents: [inSync()] })),
    ops: ['update-family-member unit:101/contact:11'],
    check: (p) => expect(p.operations[0]).toMatchObject({ residentId: 'r101-11', changes: { firstName: 'Janet' } }),
  },
  {
    name: '§3 a changed e-mail and phone update the family member',
    rm: rm([tenant(1, { contacts: [contact(11, 1, { email: 'new@example.com', phone: '555-0100' })] })]),
    sp: sp(community({ residents: [inSync()] })),
    ops: ['update-family-member unit:101/contact:11'],
    check: (p) => expect(p.operations[0]).toMatchObject({ changes: { email: 'new@example.com', phone: '555-0100' } }),
  },
  {
    name: '§3 an e-mail removed in Rent Manager is removed, with a missing-email warning',
    rm: rm([tenant(1, { contacts: [contact(11, 1, { email: '  ' })] })]),
    sp: sp(community({ residents: [inSync()] })),
    ops: ['update-family-member unit:101/contact:11'],
    problems: ['missing-email c11'],
    check: (p) => expect(p.operations[0]).toMatchObject({ changes: { email: null } }),
  },
  {
    name: '§3 access same as master: new family members get sameAccessAsMaster',
    rm: rm([tenant(1)]),
    config: { sameAccessAsMaster: true },
    ops: ['create-family-member unit:101/contact:11'],
    check: (p) => expect(p.operations[0]).toMatchObject({ access: 'same-as-master' }),
  },
  {
    name: '§3 access policy switched to same-as-master updates existing members',
    rm: rm([tenant(1)]),
    config: { sameAccessAsMaster: true },
    sp: sp(community({ residents: [inSync()] })),
    ops: ['update-family-member unit:101/contact:11'],
    check: (p) => expect(p.operations[0]).toMatchObject({ changes: { access: 'same-as-master' } }),
  },
  {
    name: '§3 access policy "not same": a member with master access moves to the default 24 Hours group',
    rm: rm([tenant(1)]),
    sp: sp(community({ residents: [{ ...inSync(), sameAccessAsMaster: true }] })),
    ops: ['update-family-member unit:101/contact:11'],
    check: (p) => expect(p.operations[0]).toMatchObject({ changes: { access: 'default-group' } }),
  },
  {
    name: '§3 access policy "not same": a member in another group goes back to the default group only',
    rm: rm([tenant(1)]),
    sp: sp(community({ residents: [{ ...inSync(), groups: ['ag-night', DEFAULT_GROUP] }] })),
    ops: ['update-family-member unit:101/contact:11'],
  },
];
