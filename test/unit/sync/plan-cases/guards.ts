import { expect } from 'vitest';
import { community, contact, occupant, rm, sp, tenant, units, type ResidentSpec } from '../fixtures/world';
import type { RmTenant } from '../../../../src-shared/domain/rentmanager';
import type { PlanCase } from './case';

/** `n` tenants 100.. in unit 101, and their synced family members. */
function crowd(n: number): { tenants: RmTenant[]; members: ResidentSpec[] } {
  const tenants = Array.from({ length: n }, (_, i) => tenant(100 + i));
  return { tenants, members: tenants.map((t) => ({ unit: 101, contact: t.contacts[0]!.id })) };
}

/** A community of `total` synced members of which `leaving` are gone from Rent Manager. */
function massCase(total: number, leaving: number) {
  const { tenants, members } = crowd(total);
  return { rm: rm(tenants.slice(leaving)), sp: sp(community({ residents: members, limit: 100 })) };
}

const deletes = (n: number) => Array.from({ length: n }, (_, i) => `delete-family-member unit:101/contact:${(100 + i) * 10 + 1}`);

/** §5 All / Custom, removed units and properties; §6 failed reads and the mass-deletion guard; §11 billing. */
export const guardCases: PlanCase[] = [
  {
    name: '§5 Custom: only the picked units sync; the others are listed as not synced',
    rm: rm([tenant(1), tenant(2, { unit: 102 })]),
    sp: sp(),
    config: { apartments: { custom: [101] } },
    ops: ['create-community property:1', 'create-apartment unit:101', 'create-family-member unit:101/contact:11'],
    problems: ['unit-not-synced u102', 'unit-not-synced u103'],
  },
  {
    name: '§5 Custom with a unit added later in Rent Manager: not synced, shown as in Rent Manager',
    rm: rm([tenant(1), tenant(4, { unit: 104 })], { units: units([101, 104]) }),
    sp: sp(community({ apartments: [101], residents: [{ unit: 101, contact: 11 }] })),
    config: { apartments: { custom: [101] } },
    ops: [],
    problems: ['unit-not-synced u104'],
  },
  {
    name: '§5 All with a unit added later: its apartment is created',
    rm: rm([tenant(1)], { units: units([101, 102, 103, 104]) }),
    sp: sp(community({ residents: [{ unit: 101, contact: 11 }] })),
    ops: ['create-apartment unit:104'],
  },
  {
    name: '§5 a unit removed from Rent Manager: apartment flagged, its accounts untouched',
    rm: rm([tenant(1)], { units: units([101, 102]) }),
    sp: sp(community({ residents: [{ unit: 101, contact: 11 }, { unit: 103, contact: 31 }] })),
    ops: [],
    problems: ['unit-removed u103'],
  },
  {
    name: '§5 a unit taken out of the Custom selection keeps its apartment and accounts',
    rm: rm([tenant(1), tenant(2, { unit: 102, pin: '2468' })]),
    sp: sp(community({ residents: [{ unit: 101, contact: 11 }, { unit: 102, contact: 21, pin: '1357' }] })),
    config: { apartments: { custom: [101, 103] } },
    ops: [],
    problems: ['unit-not-synced u102'],
  },
  {
    name: '§5 a Custom pick that is in no property is reported',
    rm: rm([tenant(1)]),
    sp: sp(community({ residents: [{ unit: 101, contact: 11 }] })),
    config: { apartments: { custom: [101, 102, 103, 999] } },
    ops: [],
    problems: ['unit-removed u999'],
  },
  {
    name: '§5 a property gone from Rent Manager: community flagged, nothing deleted',
    rm: rm([], { properties: [], units: [] }),
    sp: sp(community({ residents: [{ unit: 101, contact: 11 }] })),
    ops: [],
    problems: ['property-removed p1'],
  },
  {
    name: '§5 a property made inactive is treated as gone from the integration',
    rm: rm([tenant(1)], { properties: [{ id: 1, name: 'Maple Court', shortName: null, address: null, isActive: false }] }),
    sp: sp(community({ residents: [{ unit: 101, contact: 11 }] })),
    ops: [],
    problems: ['property-removed p1'],
  },
  {
    name: '§5 a site property Rent Manager does not know: nothing created, reported',
    rm: rm([], { properties: [], units: [] }),
    sp: sp(),
    ops: [],
    problems: ['property-removed p1'],
  },
  {
    name: '§6 failed property read: no deletions, creates still happen',
    rm: rm([tenant(2)], { failedProperties: [{ propertyId: 1, reason: 'HTTP 503 on /Tenants page 3' }] }),
    sp: sp(community({ residents: [{ unit: 101, contact: 11 }] })),
    ops: ['create-family-member unit:101/contact:21'],
    problems: ['property-read-failed p1'],
  },
  {
    name: '§6 failed property read: a PIN that looks cleared is not removed',
    rm: rm([tenant(1)], { failedProperties: [{ propertyId: 1, reason: 'partial' }] }),
    sp: sp(community({ residents: [{ unit: 101, contact: 11, pin: '2468', rf: ['AB'] }] })),
    ops: [],
    problems: ['property-read-failed p1'],
  },
  {
    name: '§6 mass deletion: 6 of 20 (> 10% and > 5) are held back, the rest applies',
    ...(() => {
      const c = massCase(20, 6);
      return { rm: rm([...c.rm.tenants, tenant(1, { unit: 102 })]), sp: c.sp };
    })(),
    ops: ['create-family-member unit:102/contact:11'],
    heldBack: 6,
    problems: ['held-back-deletion p1'],
    check: (p) => {
      expect(p.heldBack[0]!.reason).toContain('6 of the community\'s 20');
      expect(p.heldBack.map((h) => h.operation.kind)).toEqual(Array(6).fill('delete-family-member'));
    },
  },
  { name: '§6 mass deletion: 5 of 10 is not more than 5 → applied', ...massCase(10, 5), ops: deletes(5), heldBack: 0 },
  { name: '§6 mass deletion: 6 of 60 is not more than 10% → applied', ...massCase(60, 6), ops: deletes(6), heldBack: 0 },
  { name: '§6 mass deletion: 6 of 59 is more than 10% and more than 5 → held back', ...massCase(59, 6), ops: [], heldBack: 6 },
  { name: '§6 mass deletion confirmed (allowMassDelete) → applied', ...massCase(20, 6), options: { allowMassDelete: true }, ops: deletes(6), heldBack: 0, problems: [] },
  {
    name: '§6 an empty Rent Manager read never locks the building out (few accounts)',
    rm: rm([]),
    sp: sp(community({ residents: [{ unit: 101, contact: 11 }, { unit: 102, contact: 21 }, { unit: 103, contact: 31 }] })),
    ops: [],
    heldBack: 3,
    problems: ['held-back-deletion p1'],
  },
  {
    name: '§6 an empty read of units and tenants: apartments flagged, nothing deleted',
    rm: rm([], { units: [] }),
    sp: sp(community({ residents: [{ unit: 101, contact: 11 }] })),
    ops: [],
    heldBack: 0,
    problems: ['unit-removed u101', 'unit-removed u102', 'unit-removed u103'],
  },
  {
    name: '§6 a held-back account keeps its PIN against a newcomer',
    ...(() => {
      const c = massCase(20, 6);
      const members = c.sp.communities[0]!.residents.map((r) => (r.id === 'r101-1001' ? { ...r, pin: '2468' } : r));
      return { rm: rm([...c.rm.tenants, tenant(1, { unit: 102, pin: '2468' })]), sp: sp({ ...c.sp.communities[0]!, residents: members }) };
    })(),
    ops: ['create-family-member unit:102/contact:11'],
    heldBack: 6,
    problems: ['duplicate-pin c11', 'held-back-deletion p1'],
  },
  {
    name: '§11 billing: new apartments need activation; family members over the free allowance',
    rm: rm([tenant(1, { contacts: Array.from({ length: 7 }, (_, i) => contact(11 + i, 1, { applicantType: i === 0 ? 'Primary' : 'Occupant', isPrimary: i === 0 })) })]),
    sp: sp(),
    check: (p) => expect(p.summary.billing).toEqual({ apartmentsToActivate: 3, familyMembersOverAllowance: 2, freeAllowancePerApartment: 5 }),
  },
  {
    name: '§11 billing: an existing apartment with residents but not activated needs activation',
    rm: rm([tenant(1)]),
    sp: sp(community({ activated: false, residents: [{ unit: 101, contact: 11 }] })),
    ops: [],
    check: (p) => expect(p.summary.billing.apartmentsToActivate).toBe(1),
  },
  {
    name: '§11 billing: the free allowance is a parameter',
    rm: rm([tenant(1), tenant(2)]),
    options: { freeFamilyMembersPerApartment: 1 },
    check: (p) => {
      expect(p.summary.billing).toEqual({ apartmentsToActivate: 0, familyMembersOverAllowance: 1, freeAllowancePerApartment: 1 });
      expect(p.summary.operations['create-family-member']).toBe(2);
      expect(p.summary.totalOperations).toBe(2);
    },
  },
  {
    name: '§11 read problems are reported: unreadable rows, a Numeric PIN field',
    rm: rm([tenant(1)], {
      rowProblems: [{ collection: 'Tenants', id: 55, reason: 'no TenantID' }],
      pinField: { id: 7, name: 'PIN', fieldType: 'Numeric', parentType: 'Tenant' },
    }),
    sp: sp(community({ residents: [{ unit: 101, contact: 11 }] })),
    ops: [],
    problems: ['malformed-row -', 'numeric-pin-field -', 'property-read-failed p1'],
  },
  {
    name: '§6 an unreadable Rent Manager row cancels deletions (a dropped lease must not delete its tenant)',
    rm: rm([tenant(1)], { rowProblems: [{ collection: 'Leases', id: 200, reason: 'MoveInDate: expected a date' }] }),
    sp: sp(community({ residents: [{ unit: 101, contact: 11 }, { unit: 102, contact: 21 }] })),
    ops: [],
    check: (p) => {
      expect(p.operations.filter((op) => op.kind === 'delete-family-member')).toEqual([]);
      expect(p.problems.find((x) => x.kind === 'property-read-failed')?.reason).toContain('could not read');
    },
  },
  {
    name: '§6 outage guard: tenants returned without any lease hold back even one deletion',
    rm: rm([tenant(1, { leases: [] })]),
    sp: sp(community({ residents: [{ unit: 101, contact: 11 }] })),
    ops: [],
    heldBack: 1,
    check: (p) => expect(p.heldBack[0]!.reason).toContain('no leases'),
  },
  {
    name: '§6 outage guard: tenants returned without Primary or Occupant contacts hold back their deletions',
    rm: rm([tenant(1, { contacts: [] }), tenant(2, { unit: 102, contacts: [] })]),
    sp: sp(community({ residents: [{ unit: 101, contact: 11 }, { unit: 102, contact: 21 }] })),
    ops: [],
    heldBack: 2,
    check: (p) => expect(p.heldBack[0]!.reason).toContain('no Primary or Occupant contacts'),
  },
  {
    name: '§4 a new Primary with the PIN cleared in the same edit: the Occupant that held it loses it',
    rm: rm([tenant(1, { contacts: [contact(12, 1), occupant(10, 1)] })]),
    sp: sp(community({ residents: [{ unit: 101, contact: 10, pin: '1234' }] })),
    check: (p) => {
      expect(p.operations.filter((op) => op.kind === 'remove-pin').map((op) => op.target)).toEqual([expect.stringContaining('unit:101/contact:10')]);
      expect(p.operations.some((op) => op.kind === 'set-pin')).toBe(false);
    },
  },
  {
    name: '§3 a real last move-out (lease kept, with its date) is still deleted',
    rm: rm([tenant(1, { moveOut: '2026-05-31' })]),
    sp: sp(community({ residents: [{ unit: 101, contact: 11 }] })),
    ops: ['delete-family-member unit:101/contact:11'],
    heldBack: 0,
  },
  {
    name: '§6 credential guard: PIN values gone for 8 of 20 (a UDF re-created) — the removals are held back (issue 12)',
    ...credentialCase(20, (i) => (i < 8 ? { pin: null } : {})),
    ops: [],
    heldBack: 8,
    problems: ['held-back-credentials p1'],
    check: (p) => {
      expect(p.heldBack.map((h) => h.operation.kind)).toEqual(Array(8).fill('remove-pin'));
      expect(p.heldBack[0]!.reason).toContain('remove or change 8 PINs and RF cards');
      expect(p.problems[0]!.reason).toContain('held back until you confirm them');
    },
  },
  {
    name: '§6 credential guard: 5 PIN removals of 20 are under the guard and apply (issue 12)',
    ...credentialCase(20, (i) => (i < 5 ? { pin: null } : {})),
    ops: Array.from({ length: 5 }, (_, i) => `remove-pin unit:101/contact:${(100 + i) * 10 + 1}`),
    heldBack: 0,
  },
  {
    name: '§6 credential guard: 7 PIN and card changes of 20 are held back; a new PIN for an account without one applies (issue 12)',
    ...credentialCase(20, (i) => (i < 4 ? { pin: `${5000 + i}` } : i < 7 ? { rf: `CD${i}` } : {}), (i) => (i === 19 ? { pin: null } : {})),
    ops: ['set-pin unit:101/contact:1191 =2019'],
    heldBack: 7,
    check: (p) => {
      expect(p.heldBack.map((h) => h.operation.kind).sort()).toEqual([...Array(4).fill('set-pin'), ...Array(3).fill('set-rf-cards')]);
      // Stored held-back operations never carry a PIN in clear.
      expect(JSON.stringify(p.heldBack)).not.toMatch(/500\d/);
    },
  },
  {
    name: '§6 credential guard: confirmed (allowMassDelete), the 8 removals apply (issue 12)',
    ...credentialCase(20, (i) => (i < 8 ? { pin: null } : {})),
    options: { allowMassDelete: true },
    ops: Array.from({ length: 8 }, (_, i) => `remove-pin unit:101/contact:${(100 + i) * 10 + 1}`),
    heldBack: 0,
  },
  {
    name: '§6 credential guard: PIN and RF card fields swapped — every credential change is held and the problem names the swap (issue 12)',
    ...credentialCase(20, (i) => ({ pin: `AB${i}`, rf: `${2000 + i}` })),
    ops: [],
    check: (p) => {
      expect(p.heldBack.length).toBeGreaterThanOrEqual(20);
      expect(p.heldBack.every((h) => h.operation.kind !== 'delete-family-member')).toBe(true);
      const held = p.problems.find((x) => x.kind === 'held-back-credentials')!;
      expect(held.reason).toContain('look swapped');
      expect(held.reason).toContain('"Door PIN"');
      expect(held.reason).toContain('"RF Card"');
    },
  },
  {
    name: '§6 credential guard: swapped only in 3 of 20 tenants (a typo) is not a swap; those changes apply (issue 12)',
    ...credentialCase(20, (i) => (i < 3 ? { rf: `${2000 + i}` } : {})),
    heldBack: 0,
    check: (p) => expect(p.operations.filter((op) => op.kind === 'set-rf-cards')).toHaveLength(3),
  },
  {
    name: '§6 credential guard: tenants whose PIN and card are the same digits on purpose are no swap (issue 12)',
    ...credentialCase(20, (i) => ({ pin: `${2000 + i}`, rf: `${2000 + i}` }), (i) => ({ pin: i < 19 ? `${2000 + i}` : null, rf: [`${2000 + i}`] })),
    ops: ['set-pin unit:101/contact:1191 =2019'],
    heldBack: 0,
  },
];

/**
 * `n` tenants 100.. in unit 101, each synced with PIN 2000+i and card AB<i>; `rmChange(i)` edits
 * what Rent Manager says now, `spChange(i)` what SmartPlus holds.
 */
function credentialCase(n: number, rmChange: (i: number) => { pin?: string | null; rf?: string | null }, spChange: (i: number) => { pin?: string | null; rf?: string[] } = () => ({})) {
  const tenants = Array.from({ length: n }, (_, i) => tenant(100 + i, { pin: `${2000 + i}`, rf: `AB${i}`, ...rmChange(i) }));
  const members: ResidentSpec[] = tenants.map((t, i) => ({ unit: 101, contact: t.contacts[0]!.id, pin: `${2000 + i}`, rf: [`AB${i}`], ...spChange(i) }));
  return { rm: rm(tenants), sp: sp(community({ residents: members, limit: 100 })) };
}
