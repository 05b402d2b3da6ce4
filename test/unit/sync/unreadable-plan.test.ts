import { describe, expect, it } from 'vitest';
import { propertyRef, refKey, unitRef } from '../../../src-shared/domain/external-ref';
import type { UnreadableObject } from '../../../src-shared/domain/unreadable';
import { revocationsUndone } from '../../../src-main/sync/engine';
import { plan } from '../../../src-main/sync/plan';
import { community, memberKey, ORIGIN, rm, site, sp, tenant, units } from './fixtures/world';

// Issue 13: one SmartPlus object that cannot be read is one problem line; the engine cannot know
// that community's whole state, so its deletions and removals wait (as after a failed read).
const TODAY = '2026-06-01';
const bad = (o: Partial<UnreadableObject> = {}): UnreadableObject => ({ object: 'resident r9', id: 'r9', field: 'role', expected: 'one of "master", "family"', got: '"owner"', ...o });

describe('planning with SmartPlus objects that could not be read', () => {
  it("an unreadable resident: one error line, no deletion in that community, creations still planned", () => {
    const state = { ...community({ residents: [{ unit: 101, contact: 11 }, { unit: 102, contact: 21 }] }), unreadable: [bad()] };
    const p = plan(rm([tenant(1), tenant(3, { unit: 103 })]), sp(state), site(), TODAY);
    expect(p.operations.filter((op) => op.kind === 'delete-family-member')).toEqual([]);
    expect(p.operations.some((op) => op.kind === 'create-family-member')).toBe(true);
    expect(p.problems.filter((x) => x.kind === 'unreadable-object')).toEqual([
      expect.objectContaining({ severity: 'error', propertyId: 1, subject: 'resident r9', field: 'role', value: '"owner"' }),
    ]);
    expect(p.problems.find((x) => x.kind === 'unreadable-object')?.reason).toContain('Save a diagnostics report');
    const whole = plan(rm([tenant(1), tenant(3, { unit: 103 })]), sp(community({ residents: [{ unit: 101, contact: 11 }, { unit: 102, contact: 21 }] })), site(), TODAY);
    expect(whole.operations.filter((op) => op.kind === 'delete-family-member')).toHaveLength(1);
  });

  it('nothing is planned on an object that could not be read: no second member, no apartment again, none of its members', () => {
    const lostMember = bad({ object: 'resident r101-11', id: 'r101-11', refKey: memberKey(101, 11) });
    const lostApartment = bad({ object: 'apartment a103', id: 'a103', field: 'masterAccountId', refKey: refKey(unitRef(ORIGIN, 103)) });
    const state = { ...community({ apartments: [101, 102] }), unreadable: [lostMember, lostApartment] };
    const p = plan(rm([tenant(1, { pin: '4821' }), tenant(2, { unit: 102 }), tenant(3, { unit: 103 })]), sp(state), site(), TODAY);
    const targets = p.operations.map((op) => `${op.kind} ${op.target.replace(/^rentmanager:acme:1:/, '')}`);
    expect(targets).toEqual(['create-family-member unit:102/contact:21']);
  });

  it('an unreadable community that names the property: not created again, nothing planned for it', () => {
    const lost = bad({ object: 'community c1', id: 'c1', field: 'timeZone', refKey: refKey(propertyRef(ORIGIN, 1)) });
    const p = plan(rm([tenant(1)]), { ...sp(), unreadable: [lost] }, site(), TODAY);
    expect(p.operations).toEqual([]);
    expect(p.problems.find((x) => x.kind === 'unreadable-object')).toMatchObject({ severity: 'error', propertyId: 1, subject: 'community c1' });
  });

  it('an unreadable community of no known property is a warning; the site is planned as usual', () => {
    const p = plan(rm([tenant(1)]), { ...sp(), unreadable: [bad({ object: 'community at position 3 of GET /communities', id: null })] }, site(), TODAY);
    expect(p.operations.some((op) => op.kind === 'create-community')).toBe(true);
    expect(p.problems.find((x) => x.kind === 'unreadable-object')).toMatchObject({ severity: 'warning', propertyId: null });
  });

  it("a contact Rent Manager sent unreadable holds its tenant's property only; the other property deletes as usual", () => {
    const rmSnap = rm([tenant(1), tenant(5, { property: 2, unit: 201 })], {
      units: [...units([101, 102]), ...units([201, 202], 2)],
      properties: [
        { id: 1, name: 'Maple', shortName: null, address: null, isActive: true },
        { id: 2, name: 'Oak', shortName: null, address: null, isActive: true },
      ],
      rowProblems: [{ collection: 'Contacts', id: 12, reason: 'tenant 1: ApplicantType: expected Primary or Occupant as text, got number 2' }],
    });
    const one = community({ apartments: [101, 102], residents: [{ unit: 101, contact: 11 }, { unit: 102, contact: 21 }] });
    const two = community({ property: 2, apartments: [201, 202], residents: [{ unit: 201, contact: 51 }, { unit: 202, contact: 61 }] });
    const p = plan(rmSnap, sp(one, two), site({ properties: [1, 2] }), TODAY);
    const deletions = p.operations.filter((op) => op.kind === 'delete-family-member').map((op) => op.display.propertyId);
    expect(deletions).toEqual([2]);
    expect(p.problems.filter((x) => x.kind === 'property-read-failed').map((x) => x.propertyId)).toEqual([1]);
    expect(p.problems.find((x) => x.kind === 'malformed-row')).toMatchObject({ propertyId: 1, field: 'ApplicantType' });
  });

  it('the run says which SmartPlus objects stopped its deletions; a warning alone stops none', () => {
    const state = { ...community({ residents: [{ unit: 101, contact: 11 }] }), unreadable: [bad()] };
    const p = plan(rm([tenant(1)]), sp(state), site(), TODAY);
    expect(revocationsUndone(p.problems, [])).toContain('SmartPlus sent objects SiteSync could not read: resident r9 (field role). Save a diagnostics report');
    const warned = plan(rm([tenant(1)]), { ...sp(community()), unreadable: [bad({ id: null })] }, site(), TODAY);
    expect(revocationsUndone(warned.problems, [])).toBeNull();
  });
});
