import type { AdoptionQuestion, AdoptionReview, ApartmentLink, CredentialFate, MemberLink, MemberRung } from '../../../src-shared/domain/adoption';
import { contactRef, refKey, type RmOrigin, unitRef } from '../../../src-shared/domain/external-ref';
import type { SpApartment, SpResident } from '../../../src-shared/domain/smartplus';
import { maskPin } from '../../../src-shared/rules/pin';
import { normaliseApartmentName, normaliseEmail, normalisePersonName, normalisePhone } from './normalise';

/** A Rent Manager contact that should become a family member of `unitId` (one per unit it leases). */
export interface AdoptionContact {
  readonly unitId: number;
  readonly tenantId: number;
  readonly contactId: number;
  readonly firstName: string;
  readonly lastName: string;
  readonly email: string | null;
  readonly phone: string | null;
  /** The PIN Rent Manager says this contact holds; null: none; undefined: PINs are not synced. */
  readonly pin?: string | null;
}

/** What both systems hold for one property and the building chosen for its units. */
export interface AdoptionInput {
  readonly origin: RmOrigin;
  readonly units: readonly { readonly id: number; readonly name: string }[];
  readonly contacts: readonly AdoptionContact[];
  /** The apartments of the chosen building. */
  readonly apartments: readonly SpApartment[];
  /** The family members of those apartments (masters are never linked). */
  readonly residents: readonly SpResident[];
  /**
   * The installer's answers to apartment questions (unit → hand-made apartment): linked as
   * "chosen", so the residents of those apartments are matched too. The question stays in the
   * review, answered, so the answer can still be changed.
   */
  readonly chosenApartments?: readonly { readonly unitId: number; readonly apartmentId: string }[];
}

/**
 * Proposes links between Rent Manager and hand-made SmartPlus objects (issue 16), strongest
 * evidence first, and lists — never guesses — whatever has two answers. Pure: reads nothing,
 * writes nothing; applying the links is a separate step.
 */
export function matchForAdoption(input: AdoptionInput): AdoptionReview {
  const questions: AdoptionQuestion[] = [];
  const { links: apartments, newUnits, apartmentOfUnit } = matchApartments(input, questions);
  const members = matchMembers(input, apartmentOfUnit, questions);
  const linkedResidents = new Set(members.map((m) => m.residentId));
  const questioned = new Set(questions.flatMap((q) => q.residentIds));
  const untouchedResidents = input.residents.filter(
    (r) => r.role === 'family' && r.externalRef === null && !linkedResidents.has(r.id) && !questioned.has(r.id),
  ).length;
  return { apartments, members, questions, newUnits, untouchedResidents };
}

function matchApartments(input: AdoptionInput, questions: AdoptionQuestion[]) {
  const handMade = input.apartments.filter((a) => a.externalRef === null);
  const chosen = (unitId: number, candidates: readonly SpApartment[]) => {
    const answer = input.chosenApartments?.find((c) => c.unitId === unitId);
    return answer ? candidates.find((a) => a.id === answer.apartmentId) : undefined;
  };
  const byRef = new Map(input.apartments.filter((a) => a.externalRef).map((a) => [refKey(a.externalRef!), a]));
  const proposals = new Map<number, { apartment: SpApartment; match: ApartmentLink['match'] }>();
  const apartmentOfUnit = new Map<number, string>();
  const newUnits: { unitId: number; unitName: string }[] = [];
  for (const unit of input.units) {
    const already = byRef.get(refKey(unitRef(input.origin, unit.id)));
    if (already) {
      apartmentOfUnit.set(unit.id, already.id);
      continue;
    }
    const exact = handMade.filter((a) => a.name.trim() === unit.name.trim());
    const wanted = normaliseApartmentName(unit.name);
    const candidates = exact.length > 0 ? exact : handMade.filter((a) => normaliseApartmentName(a.name) === wanted);
    if (candidates.length === 0) newUnits.push({ unitId: unit.id, unitName: unit.name });
    else if (candidates.length === 1) proposals.set(unit.id, { apartment: candidates[0]!, match: exact.length > 0 ? 'exact' : 'normalised' });
    else {
      const answer = chosen(unit.id, candidates);
      if (answer) proposals.set(unit.id, { apartment: answer, match: 'chosen' });
      questions.push({
        kind: 'apartment-two-candidates',
        unitId: unit.id,
        unitIds: [],
        contactIds: [],
        residentIds: [],
        apartmentIds: candidates.map((a) => a.id),
        text: `Unit ${unit.name} could be ${candidates.map((a) => `"${a.name}"`).join(' or ')}: choose one, or create a new apartment.`,
      });
    }
  }
  // One apartment proposed for two units (e.g. "01" and "1") is linked to neither.
  const unitsOfApartment = groupBy([...proposals], ([, p]) => p.apartment.id);
  const links: ApartmentLink[] = [];
  for (const [apartmentId, all] of unitsOfApartment) {
    let entries = all;
    if (entries.length > 1) {
      const names = entries.map(([unitId]) => input.units.find((u) => u.id === unitId)!.name);
      const apartment = entries[0]![1].apartment;
      questions.push({
        kind: 'apartment-two-units',
        unitId: null,
        unitIds: entries.map(([unitId]) => unitId),
        contactIds: [],
        residentIds: [],
        apartmentIds: [apartmentId],
        text: `Apartment "${apartment.name}" matches units ${names.join(' and ')}: choose which unit it is, or create new apartments for them.`,
      });
      const answer = input.chosenApartments?.find((c) => c.apartmentId === apartmentId && entries.some(([unitId]) => unitId === c.unitId));
      if (!answer) {
        // The other units get new apartments, as if nothing matched.
        for (const [unitId] of entries) newUnits.push({ unitId, unitName: input.units.find((u) => u.id === unitId)!.name });
        continue;
      }
      for (const [unitId] of entries) if (unitId !== answer.unitId) newUnits.push({ unitId, unitName: input.units.find((u) => u.id === unitId)!.name });
      entries = [[answer.unitId, { apartment, match: 'chosen' }]];
    }
    const [unitId, { apartment, match }] = entries[0]!;
    apartmentOfUnit.set(unitId, apartment.id);
    links.push({ unitId, unitName: input.units.find((u) => u.id === unitId)!.name, apartmentId: apartment.id, apartmentName: apartment.name, match });
  }
  links.sort((a, b) => a.unitId - b.unitId);
  newUnits.sort((a, b) => a.unitId - b.unitId);
  return { links, newUnits, apartmentOfUnit };
}

function matchMembers(input: AdoptionInput, apartmentOfUnit: ReadonlyMap<number, string>, questions: AdoptionQuestion[]): MemberLink[] {
  const family = input.residents.filter((r) => r.role === 'family');
  const byRef = new Map(family.filter((r) => r.externalRef).map((r) => [refKey(r.externalRef!), r]));
  const proposals: { contact: AdoptionContact; resident: SpResident; rung: MemberRung }[] = [];
  for (const contact of input.contacts) {
    const linked = byRef.get(refKey(contactRef(input.origin, contact.unitId, contact.contactId)));
    if (linked) {
      proposals.push({ contact, resident: linked, rung: 'linked' });
      continue;
    }
    const apartmentId = apartmentOfUnit.get(contact.unitId);
    if (!apartmentId) continue;
    const pool = family.filter((r) => r.apartmentId === apartmentId && r.externalRef === null);
    const name = normalisePersonName(contact.firstName, contact.lastName);
    const sameName = pool.filter((r) => normalisePersonName(r.firstName, r.lastName) === name);
    const email = normaliseEmail(contact.email);
    const phone = normalisePhone(contact.phone);
    const byEmail = email ? sameName.filter((r) => normaliseEmail(r.email) === email) : [];
    const byPhone = phone ? sameName.filter((r) => normalisePhone(r.phone) === phone) : [];
    const [rung, candidates] = byEmail.length > 0 ? (['name-and-email', byEmail] as const) : (['name-and-phone', byPhone] as const);
    const label = `${contact.firstName} ${contact.lastName}`.trim();
    if (candidates.length === 1) proposals.push({ contact, resident: candidates[0]!, rung });
    else if (candidates.length > 1) {
      questions.push(memberQuestion('contact-two-candidates', contact, candidates, `${label} matches ${candidates.length} residents of the apartment: choose one, or keep them separate.`));
    } else if (email) {
      const otherName = pool.filter((r) => normaliseEmail(r.email) === email);
      if (otherName.length > 0) {
        const names = otherName.map((r) => `${r.firstName} ${r.lastName}`.trim()).join(', ');
        questions.push(memberQuestion('same-email-other-name', contact, otherName, `${label} has the e-mail of ${names}, under another name: link them, or keep them separate.`));
      }
    }
  }
  const contactsOfResident = groupBy(proposals, (p) => p.resident.id);
  const links: MemberLink[] = [];
  for (const [, entries] of contactsOfResident) {
    if (entries.length > 1 && entries.some((e) => e.rung !== 'linked')) {
      const { resident } = entries[0]!;
      const names = entries.map((e) => `${e.contact.firstName} ${e.contact.lastName}`.trim()).join(' and ');
      questions.push({
        kind: 'resident-two-contacts',
        unitId: entries[0]!.contact.unitId,
        unitIds: [],
        contactIds: entries.map((e) => e.contact.contactId),
        residentIds: [resident.id],
        apartmentIds: [resident.apartmentId],
        text: `${resident.firstName} ${resident.lastName} matches ${names}: choose which contact it is.`,
      });
      continue;
    }
    for (const { contact, resident, rung } of entries) {
      links.push({
        unitId: contact.unitId,
        tenantId: contact.tenantId,
        contactId: contact.contactId,
        residentId: resident.id,
        name: `${contact.firstName} ${contact.lastName}`.trim(),
        rung,
        pin: pinFate(resident.pin, contact.pin),
      });
    }
  }
  return links.sort((a, b) => a.unitId - b.unitId || a.contactId - b.contactId);
}

/** What a link does to the resident's PIN: Rent Manager agreeing keeps it; otherwise old → new (masked). */
export function pinFate(held: string | null, wanted: string | null | undefined): CredentialFate {
  if (wanted === undefined) return { fate: held ? 'keep' : 'none', from: held ? maskPin(held) : null, to: held ? maskPin(held) : null };
  if (held === wanted) return { fate: held ? 'keep' : 'none', from: held ? maskPin(held) : null, to: held ? maskPin(held) : null };
  if (!held) return { fate: 'set', from: null, to: maskPin(wanted) };
  return { fate: 'change', from: maskPin(held), to: wanted ? maskPin(wanted) : null };
}

function memberQuestion(kind: AdoptionQuestion['kind'], contact: AdoptionContact, residents: readonly SpResident[], text: string): AdoptionQuestion {
  return {
    kind,
    unitId: contact.unitId,
    unitIds: [],
    contactIds: [contact.contactId],
    residentIds: residents.map((r) => r.id),
    apartmentIds: [...new Set(residents.map((r) => r.apartmentId))],
    text,
  };
}

function groupBy<T, K>(items: readonly T[], key: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) groups.set(key(item), [...(groups.get(key(item)) ?? []), item]);
  return groups;
}
