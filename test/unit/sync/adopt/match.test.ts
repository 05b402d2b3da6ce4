import { describe, expect, it } from 'vitest';
import { contactRef, unitRef } from '../../../../src-shared/domain/external-ref';
import type { SpApartment, SpResident } from '../../../../src-shared/domain/smartplus';
import { type AdoptionContact, matchForAdoption, pinFate } from '../../../../src-main/sync/adopt/match';
import { normaliseApartmentName, normalisePhone } from '../../../../src-main/sync/adopt/normalise';

const origin = { customer: 'acme', location: 1 };
const apartment = (id: string, name: string, externalRef: SpApartment['externalRef'] = null): SpApartment => ({
  id, buildingId: 'b1', name, externalRef, masterAccountId: `m-${id}`, activated: false, familyMemberLimit: 10,
});
const resident = (id: string, apartmentId: string, first: string, last: string, more: Partial<SpResident> = {}): SpResident => ({
  id, apartmentId, role: 'family', firstName: first, lastName: last, email: null, phone: null, externalRef: null,
  pin: null, rfCards: [], accessGroupIds: [], sameAccessAsMaster: true, ...more,
});
const contact = (unitId: number, contactId: number, first: string, last: string, more: Partial<AdoptionContact> = {}): AdoptionContact => ({
  unitId, tenantId: contactId * 10, contactId, firstName: first, lastName: last, email: null, phone: null, ...more,
});

describe('apartment names', () => {
  it.each([
    ['101', '101'], ['Apt 101', '101'], ['apt. 0101', '101'], ['Unit 2B', '2b'], ['#7', '7'], ['  12  A ', '12a'], ['Suite 004', '4'],
  ])('%s reads as %s', (raw, normal) => expect(normaliseApartmentName(raw)).toBe(normal));
  it('keeps letters and their order', () => {
    expect(normaliseApartmentName('101A')).not.toBe(normaliseApartmentName('A101'));
    expect(normaliseApartmentName('Unit 1')).not.toBe(normaliseApartmentName('Unit 11'));
  });
  it('reads phone numbers by their digits and ignores too-short ones', () => {
    expect(normalisePhone('+1 (555) 010-2030')).toBe(normalisePhone('555.010.2030'));
    expect(normalisePhone('x204')).toBeNull();
  });
});

describe('matchForAdoption', () => {
  const units = [{ id: 1, name: '101' }, { id: 2, name: '102' }, { id: 3, name: '103' }];

  it('links apartments exactly first, then normalised, and lists units left to create', () => {
    const review = matchForAdoption({
      origin, units, contacts: [], residents: [],
      apartments: [apartment('a1', '101'), apartment('a2', 'Apt 102'), apartment('a9', 'Lobby')],
    });
    expect(review.apartments).toEqual([
      { unitId: 1, unitName: '101', apartmentId: 'a1', apartmentName: '101', match: 'exact' },
      { unitId: 2, unitName: '102', apartmentId: 'a2', apartmentName: 'Apt 102', match: 'normalised' },
    ]);
    expect(review.newUnits).toEqual([{ unitId: 3, unitName: '103' }]);
    expect(review.questions).toEqual([]);
  });

  it('prefers the exact name over a normalised one', () => {
    const review = matchForAdoption({ origin, units: [units[0]!], contacts: [], residents: [], apartments: [apartment('a1', 'Apt 101'), apartment('a2', '101')] });
    expect(review.apartments.map((a) => a.apartmentId)).toEqual(['a2']);
  });

  it('asks when two apartments fit one unit, or one apartment fits two units', () => {
    const two = matchForAdoption({ origin, units: [units[0]!], contacts: [], residents: [], apartments: [apartment('a1', 'Apt 101'), apartment('a2', 'Unit 101')] });
    expect(two.apartments).toEqual([]);
    expect(two.questions).toMatchObject([{ kind: 'apartment-two-candidates', unitId: 1, apartmentIds: ['a1', 'a2'] }]);
    const shared = matchForAdoption({ origin, units: [{ id: 1, name: '01' }, { id: 2, name: '1' }], contacts: [], residents: [], apartments: [apartment('a1', 'Apt 001')] });
    expect(shared.apartments).toEqual([]);
    expect(shared.questions).toMatchObject([{ kind: 'apartment-two-units', unitId: null, unitIds: [1, 2], apartmentIds: ['a1'] }]);
    // Until answered, both units get new apartments (and say so in the review).
    expect(shared.newUnits).toEqual([{ unitId: 1, unitName: '01' }, { unitId: 2, unitName: '1' }]);
  });

  it('an answered apartment question links the chosen apartment, matches its residents, and stays in the review', () => {
    const residents = [resident('r1', 'a1', 'Ana', 'Diaz', { email: 'ana@x.test' })];
    const contacts = [contact(2, 21, 'Ana', 'Diaz', { email: 'ana@x.test' })];
    const shared = matchForAdoption({
      origin, units: [{ id: 1, name: '01' }, { id: 2, name: '1' }], contacts, residents, apartments: [apartment('a1', 'Apt 001')],
      chosenApartments: [{ unitId: 2, apartmentId: 'a1' }],
    });
    expect(shared.apartments).toEqual([{ unitId: 2, unitName: '1', apartmentId: 'a1', apartmentName: 'Apt 001', match: 'chosen' }]);
    expect(shared.newUnits).toEqual([{ unitId: 1, unitName: '01' }]);
    expect(shared.members).toMatchObject([{ unitId: 2, contactId: 21, residentId: 'r1', rung: 'name-and-email' }]);
    expect(shared.questions).toMatchObject([{ kind: 'apartment-two-units' }]);
    const two = matchForAdoption({
      origin, units: [{ id: 2, name: '101' }], contacts, residents: [resident('r1', 'a2', 'Ana', 'Diaz', { email: 'ana@x.test' })],
      apartments: [apartment('a1', 'Apt 101'), apartment('a2', 'Unit 101')],
      chosenApartments: [{ unitId: 2, apartmentId: 'a2' }],
    });
    expect(two.apartments).toMatchObject([{ unitId: 2, apartmentId: 'a2', match: 'chosen' }]);
    expect(two.members).toMatchObject([{ residentId: 'r1' }]);
    // An answer naming an apartment the question does not offer is ignored.
    const stale = matchForAdoption({
      origin, units: [{ id: 2, name: '101' }], contacts: [], residents: [],
      apartments: [apartment('a1', 'Apt 101'), apartment('a2', 'Unit 101')], chosenApartments: [{ unitId: 2, apartmentId: 'a9' }],
    });
    expect(stale.apartments).toEqual([]);
  });

  it('never re-links an apartment that already carries a reference', () => {
    const review = matchForAdoption({
      origin, units: [units[0]!], contacts: [], residents: [],
      apartments: [apartment('a1', '101', unitRef(origin, 1)), apartment('a2', '101')],
    });
    expect(review.apartments).toEqual([]);
    expect(review.newUnits).toEqual([]);
  });

  it('links family members by the ladder: linked, then name + e-mail, then name + phone', () => {
    const review = matchForAdoption({
      origin, units, apartments: [apartment('a1', '101'), apartment('a2', '102'), apartment('a3', '103')],
      contacts: [
        contact(1, 11, 'Ana', 'Diaz', { email: 'ANA@example.com' }),
        contact(2, 21, 'Bo', 'Chen', { phone: '(555) 010-2030' }),
        contact(3, 31, 'Cy', 'Ode'),
      ],
      residents: [
        resident('r1', 'a1', 'ana', 'diaz ', { email: 'ana@example.com' }),
        resident('r2', 'a2', 'Bo', 'Chen', { phone: '+1 555 010 2030' }),
        resident('r3', 'a3', 'Cy', 'Ode', { externalRef: contactRef(origin, 3, 31) }),
        resident('r4', 'a3', 'Dee', 'Hand'),
      ],
    });
    expect(review.members.map((m) => [m.contactId, m.residentId, m.rung])).toEqual([
      [11, 'r1', 'name-and-email'], [21, 'r2', 'name-and-phone'], [31, 'r3', 'linked'],
    ]);
    expect(review.untouchedResidents).toBe(1);
  });

  it('does not link on a name alone', () => {
    const review = matchForAdoption({ origin, units: [units[0]!], apartments: [apartment('a1', '101')], contacts: [contact(1, 11, 'Ana', 'Diaz')], residents: [resident('r1', 'a1', 'Ana', 'Diaz')] });
    expect(review.members).toEqual([]);
    expect(review.untouchedResidents).toBe(1);
  });

  it('lists the same e-mail under another name, two candidates, and one resident for two contacts — linking none', () => {
    const review = matchForAdoption({
      origin, units, apartments: [apartment('a1', '101'), apartment('a2', '102'), apartment('a3', '103')],
      contacts: [
        contact(1, 11, 'Ana', 'Diaz', { email: 'family@example.com' }),
        contact(2, 21, 'Bo', 'Chen', { email: 'bo@example.com' }),
        contact(3, 31, 'Cy', 'Ode', { email: 'cy@example.com' }),
        contact(3, 32, 'Cy', 'Ode', { email: 'cy@example.com' }),
      ],
      residents: [
        resident('r1', 'a1', 'Luis', 'Diaz', { email: 'family@example.com' }),
        resident('r2', 'a2', 'Bo', 'Chen', { email: 'bo@example.com' }),
        resident('r3', 'a2', 'Bo', 'Chen', { email: 'BO@example.com' }),
        resident('r4', 'a3', 'Cy', 'Ode', { email: 'cy@example.com' }),
      ],
    });
    expect(review.members).toEqual([]);
    expect(review.questions.map((q) => q.kind).sort()).toEqual(['contact-two-candidates', 'resident-two-contacts', 'same-email-other-name']);
    expect(review.questions.find((q) => q.kind === 'resident-two-contacts')).toMatchObject({ contactIds: [31, 32], residentIds: ['r4'] });
    expect(review.untouchedResidents).toBe(0);
  });

  it('keeps a hand-made PIN Rent Manager agrees with and shows a different one as a change, masked', () => {
    const review = matchForAdoption({
      origin, units: [units[0]!, units[1]!], apartments: [apartment('a1', '101'), apartment('a2', '102')],
      contacts: [contact(1, 11, 'Ana', 'Diaz', { email: 'a@x.io', pin: '4821' }), contact(2, 21, 'Bo', 'Chen', { email: 'b@x.io', pin: '7777' })],
      residents: [resident('r1', 'a1', 'Ana', 'Diaz', { email: 'a@x.io', pin: '4821' }), resident('r2', 'a2', 'Bo', 'Chen', { email: 'b@x.io', pin: '1234' })],
    });
    expect(review.members.map((m) => m.pin.fate)).toEqual(['keep', 'change']);
    expect(JSON.stringify(review)).not.toMatch(/4821|7777|1234/);
  });

  it('reads credential fates', () => {
    expect(pinFate(null, undefined).fate).toBe('none');
    expect(pinFate('1111', undefined).fate).toBe('keep');
    expect(pinFate(null, '2222').fate).toBe('set');
    expect(pinFate('1111', null).fate).toBe('change');
  });
});
