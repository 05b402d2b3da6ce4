import { expect } from 'vitest';
import { community, contact, occupant, rm, sp, tenant, type ResidentSpec } from '../fixtures/world';
import type { PlanCase } from './case';

const m11 = { unit: 101, contact: 11 };
const m21 = { unit: 101, contact: 21 };
const withMembers = (...r: ResidentSpec[]) => sp(community({ residents: r }));

/** §4 PINs and RF cards: validation, holder, uniqueness, clearing, limits and warnings. */
export const credentialCases: PlanCase[] = [
  {
    name: '§4 a valid PIN goes to the new account',
    rm: rm([tenant(1, { pin: '2468' })]),
    ops: ['create-family-member unit:101/contact:11', 'set-pin unit:101/contact:11 =2468'],
    check: (p) => expect(p.operations[1]).toMatchObject({ residentId: null }),
  },
  {
    name: '§4 PIN goes to the Primary contact, not the Occupant',
    rm: rm([tenant(1, { pin: '2468', contacts: [occupant(12, 1), contact(13, 1)] })]),
    ops: ['create-family-member unit:101/contact:12', 'create-family-member unit:101/contact:13', 'set-pin unit:101/contact:13 =2468'],
  },
  {
    name: '§4 no Primary: PIN and card go to the Occupant with the lowest contact ID',
    rm: rm([tenant(1, { pin: '2468', rf: 'AB', contacts: [occupant(15, 1), occupant(12, 1)] })]),
    ops: [
      'create-family-member unit:101/contact:12',
      'create-family-member unit:101/contact:15',
      'set-pin unit:101/contact:12 =2468',
      'set-rf-cards unit:101/contact:12 =AB',
    ],
  },
  {
    name: '§4 PIN starting with 9: account created, PIN skipped and reported masked',
    rm: rm([tenant(1, { pin: '9123' })]),
    ops: ['create-family-member unit:101/contact:11'],
    problems: ['invalid-pin t1'],
    check: (p) => {
      expect(p.problems[0]).toMatchObject({ field: 'pin', value: '••••', subject: 'Tenant 1 (tenant 1)' });
      expect(p.problems[0]!.reason).toContain('must not start with 9');
      expect(JSON.stringify(p.problems)).not.toContain('9123');
    },
  },
  { name: '§4 a 1-digit PIN is invalid', rm: rm([tenant(1, { pin: '5' })]), ops: ['create-family-member unit:101/contact:11'], problems: ['invalid-pin t1'] },
  { name: '§4 a 9-digit PIN is invalid', rm: rm([tenant(1, { pin: '123456789' })]), ops: ['create-family-member unit:101/contact:11'], problems: ['invalid-pin t1'] },
  { name: '§4 a PIN with a letter is invalid', rm: rm([tenant(1, { pin: '12a4' })]), ops: ['create-family-member unit:101/contact:11'], problems: ['invalid-pin t1'] },
  {
    name: '§4 a 2-digit PIN is valid but the SmartPlus app refuses it: set, with a warning',
    rm: rm([tenant(1, { pin: '12' })]),
    ops: ['create-family-member unit:101/contact:11', 'set-pin unit:101/contact:11 =12'],
    problems: ['weak-pin t1'],
  },
  { name: '§4 an 8-digit PIN is valid', rm: rm([tenant(1, { pin: '12345678' })]), ops: ['create-family-member unit:101/contact:11', 'set-pin unit:101/contact:11 =12345678'], problems: [] },
  {
    name: '§4 a PIN of one repeated digit gets a warning',
    rm: rm([tenant(1, { pin: '1111' })]),
    ops: ['create-family-member unit:101/contact:11', 'set-pin unit:101/contact:11 =1111'],
    problems: ['weak-pin t1'],
  },
  { name: '§4 RF card in lowercase is stored uppercase', rm: rm([tenant(1, { rf: '0a1b2c' })]), ops: ['create-family-member unit:101/contact:11', 'set-rf-cards unit:101/contact:11 =0A1B2C'] },
  { name: '§4 RF card with surrounding spaces is trimmed', rm: rm([tenant(1, { rf: '  0A1B ' })]), ops: ['create-family-member unit:101/contact:11', 'set-rf-cards unit:101/contact:11 =0A1B'] },
  { name: '§4 RF card of 16 characters is valid', rm: rm([tenant(1, { rf: '0123456789ABCDEF' })]), ops: ['create-family-member unit:101/contact:11', 'set-rf-cards unit:101/contact:11 =0123456789ABCDEF'] },
  { name: '§4 RF card of 17 characters is invalid', rm: rm([tenant(1, { rf: '0123456789ABCDEF0' })]), ops: ['create-family-member unit:101/contact:11'], problems: ['invalid-rf-card t1'] },
  {
    name: '§4 RF card with a G is invalid, reported with its value',
    rm: rm([tenant(1, { rf: '0A1G' })]),
    ops: ['create-family-member unit:101/contact:11'],
    problems: ['invalid-rf-card t1'],
    check: (p) => expect(p.problems[0]).toMatchObject({ value: '0A1G', field: 'rfCard' }),
  },
  {
    name: '§4 duplicate PIN, nobody holds it: the earlier creation date wins',
    rm: rm([tenant(1, { pin: '2468', moveIn: '2026-01-01' }), tenant(2, { pin: '2468', moveIn: '2025-12-01' })]),
    ops: ['create-family-member unit:101/contact:11', 'create-family-member unit:101/contact:21', 'set-pin unit:101/contact:21 =2468'],
    problems: ['duplicate-pin c11'],
    check: (p) => expect(p.problems[0]!.value).toBe('••••'),
  },
  {
    name: '§4 duplicate PIN, same creation date: the lower tenant ID wins',
    rm: rm([tenant(2, { pin: '2468' }), tenant(1, { pin: '2468', unit: 102 })]),
    ops: ['create-family-member unit:101/contact:21', 'create-family-member unit:102/contact:11', 'set-pin unit:102/contact:11 =2468'],
    problems: ['duplicate-pin c21'],
  },
  {
    name: '§4 duplicate PIN: whoever holds it in SmartPlus keeps it, even against an earlier tenant',
    rm: rm([tenant(1, { pin: '2468', moveIn: '2026-02-01' }), tenant(2, { pin: '2468', moveIn: '2025-01-01' })]),
    sp: withMembers({ ...m11, pin: '2468' }, m21),
    ops: [],
    problems: ['duplicate-pin c21'],
  },
  {
    name: '§4 a PIN held by a hand-made account stays there; the tenant is reported',
    rm: rm([tenant(1, { pin: '2468' })]),
    sp: withMembers(m11, { unit: 102, contact: null, pin: '2468' }),
    ops: [],
    problems: ['duplicate-pin c11'],
  },
  {
    name: '§4 duplicate RF card (any case): the holder keeps it',
    rm: rm([tenant(1, { rf: '0a1b' }), tenant(2, { rf: '0A1B' })]),
    sp: withMembers(m11, { ...m21, rf: ['0A1B'] }),
    ops: [],
    problems: ['duplicate-rf-card c11'],
  },
  {
    name: '§4 uniqueness is per community: the same PIN in two communities is fine',
    rm: rm([tenant(1, { pin: '2468' }), tenant(2, { pin: '2468', unit: 201, property: 2 })], {
      properties: [
        { id: 1, name: 'Maple Court', shortName: null, address: '1 Maple St', isActive: true },
        { id: 2, name: 'Oak Yard', shortName: null, address: null, isActive: true },
      ],
      units: [{ id: 101, propertyId: 1, name: 'Apt 101' }, { id: 201, propertyId: 2, name: 'Apt 201' }],
    }),
    sp: sp(),
    config: { properties: [1, 2] },
    check: (p) => expect(p.operations.filter((o) => o.kind === 'set-pin')).toHaveLength(2),
    problems: [],
  },
  {
    name: '§4 one contact on two units of a community: its PIN goes to one account only',
    rm: rm([
      tenant(1, {
        pin: '2468',
        leases: [
          { id: 1, tenantId: 1, unitId: 101, propertyId: 1, moveIn: '2026-01-01', moveOut: null, leaseStart: null, leaseEnd: null },
          { id: 2, tenantId: 1, unitId: 102, propertyId: 1, moveIn: '2026-01-01', moveOut: null, leaseStart: null, leaseEnd: null },
        ],
      }),
    ]),
    ops: ['create-family-member unit:101/contact:11', 'create-family-member unit:102/contact:11', 'set-pin unit:101/contact:11 =2468'],
    problems: ['duplicate-pin c11'],
  },
  { name: '§4 PIN cleared in Rent Manager → removed', rm: rm([tenant(1)]), sp: withMembers({ ...m11, pin: '2468' }), ops: ['remove-pin unit:101/contact:11'] },
  { name: '§4 RF card cleared in Rent Manager → removed', rm: rm([tenant(1)]), sp: withMembers({ ...m11, rf: ['0A1B'] }), ops: ['remove-rf-cards unit:101/contact:11'] },
  { name: '§4 PIN changed → set to the new value', rm: rm([tenant(1, { pin: '1357' })]), sp: withMembers({ ...m11, pin: '2468' }), ops: ['set-pin unit:101/contact:11 =1357'] },
  {
    name: '§4 two tenants swap PINs: both removed first, then both set',
    rm: rm([tenant(1, { pin: '2222' }), tenant(2, { pin: '1111' })]),
    sp: withMembers({ ...m11, pin: '1111' }, { ...m21, pin: '2222' }),
    ops: ['remove-pin unit:101/contact:11', 'remove-pin unit:101/contact:21', 'set-pin unit:101/contact:11 =2222', 'set-pin unit:101/contact:21 =1111'],
    problems: ['weak-pin t1', 'weak-pin t2'],
  },
  {
    name: '§4 a PIN leaving with a moved-out tenant goes to the new tenant',
    rm: rm([tenant(1, { pin: '2468', moveOut: '2026-05-01' }), tenant(2, { pin: '2468', moveIn: '2026-05-15' })]),
    sp: withMembers({ ...m11, pin: '2468' }),
    ops: ['create-family-member unit:101/contact:21', 'set-pin unit:101/contact:21 =2468', 'delete-family-member unit:101/contact:11'],
    problems: [],
  },
  {
    name: '§4 an invalid new PIN is skipped: the account keeps its PIN and the value is reported',
    rm: rm([tenant(1, { pin: '9999' })]),
    sp: withMembers({ ...m11, pin: '2468' }),
    ops: [],
    problems: ['invalid-pin t1'],
  },
  {
    name: '§4 the Primary changes: the old Primary\'s account releases the PIN to the new one',
    rm: rm([tenant(1, { pin: '2468', contacts: [occupant(11, 1), contact(12, 1)] })]),
    sp: withMembers({ ...m11, pin: '2468' }, { unit: 101, contact: 12 }),
    ops: ['remove-pin unit:101/contact:11', 'set-pin unit:101/contact:12 =2468'],
  },
  {
    name: '§4 over the family-member limit: not created (nor its PIN), reported',
    rm: rm([tenant(1, { pin: '2468' })]),
    sp: sp(community({ limit: 1, residents: [{ unit: 101, contact: null }] })),
    ops: [],
    problems: ['over-family-limit c11'],
  },
  {
    name: '§4 a place freed by a deletion in the same run counts for the limit',
    rm: rm([tenant(1, { moveOut: '2026-05-01' }), tenant(2)]),
    sp: sp(community({ limit: 1, residents: [m11] })),
    ops: ['create-family-member unit:101/contact:21', 'delete-family-member unit:101/contact:11'],
  },
  {
    name: '§4 at the limit the Primary gets the place first, the Occupant is reported',
    rm: rm([tenant(1, { contacts: [occupant(12, 1), contact(13, 1)] })]),
    sp: sp(community({ limit: 1 })),
    ops: ['create-family-member unit:101/contact:13'],
    problems: ['over-family-limit c12'],
  },
  {
    name: '§4 missing e-mail: created anyway, with a warning',
    rm: rm([tenant(1, { contacts: [contact(11, 1, { email: null })] })]),
    ops: ['create-family-member unit:101/contact:11'],
    problems: ['missing-email c11'],
    check: (p) => expect(p.operations[0]).toMatchObject({ email: null }),
  },
  {
    name: '§4 no PIN field chosen: held PINs are neither removed nor set (issue 12)',
    rm: rm([tenant(1), tenant(2, { unit: 102, pin: '1357' })], { pinField: null }),
    sp: withMembers({ ...m11, pin: '2468' }, { unit: 102, contact: 21, pin: '8642' }),
    ops: [],
    problems: [],
  },
  {
    name: '§4 no RF card field chosen: held cards are neither removed nor set (issue 12)',
    rm: rm([tenant(1), tenant(2, { unit: 102, rf: 'AB' })], { rfCardField: null }),
    sp: withMembers({ ...m11, rf: ['0A1B'] }, { unit: 102, contact: 21, rf: ['CD'] }),
    ops: [],
    problems: [],
  },
  {
    name: '§4 no PIN field chosen: an Occupant holding a PIN keeps it, the RF field still syncs (issue 12)',
    rm: rm([tenant(1, { rf: 'AB', contacts: [contact(11, 1), occupant(12, 1)] })], { pinField: null }),
    sp: withMembers({ ...m11 }, { unit: 101, contact: 12, pin: '2468' }),
    ops: ['set-rf-cards unit:101/contact:11 =AB'],
  },
  {
    name: '§4 no field chosen at all: a newcomer is created without credentials, nothing is reported (issue 12)',
    rm: rm([tenant(1, { pin: '9123', rf: 'ZZ' })], { pinField: null, rfCardField: null }),
    ops: ['create-family-member unit:101/contact:11'],
    problems: [],
  },
];
