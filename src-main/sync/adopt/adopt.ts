import { type AdoptionDecisions, type AdoptionReview, NO_DECISIONS } from '../../../src-shared/domain/adoption';
import { type ExternalRef, propertyRef, type RmOrigin, refKey } from '../../../src-shared/domain/external-ref';
import type { Problem } from '../../../src-shared/domain/run';
import { AppError } from '../../../src-shared/errors';
import type { CommunityState, SpCommunity } from '../../../src-shared/domain/smartplus';
import type { SyncPlan } from '../../../src-shared/domain/sync-plan';
import { problem } from '../plan/problems';
import { type AdoptionContact, matchForAdoption } from './match';
import { normalisePersonName } from './normalise';
import { plural } from '../../../src-shared/text/plural';

/** What adopting needs from SmartPlus beyond a sync: hand-made communities, and linking. */
export interface AdoptionPort {
  listCommunities(signal?: AbortSignal): Promise<readonly SpCommunity[]>;
  readCommunity(communityId: string, signal?: AbortSignal): Promise<CommunityState>;
  /** `PATCH … { externalRef }` on a hand-made community, apartment or family member. */
  link(kind: 'community' | 'apartment' | 'resident', id: string, ref: ExternalRef, signal?: AbortSignal): Promise<void>;
}

/** Which community and building to adopt for one property (the wizard's choice, or the site file's). */
export interface AdoptionChoice {
  /** A SmartPlus community id; default: the hand-made community named like the property. */
  readonly community?: string;
  /** A building id or name; default: "Building 1", else the community's only building. */
  readonly building?: string;
}

/** One property's adoption: what was (or, in a dry run, would be) linked, and what is left to decide. */
export interface PropertyAdoption {
  readonly propertyId: number;
  readonly communityId: string;
  readonly communityName: string;
  readonly buildingId: string;
  readonly review: AdoptionReview;
  /** Objects linked by this call (0 in a dry run). */
  readonly linked: number;
}

/** Thrown when the community or building cannot be chosen without the installer (CLI: exit 2). */
export class AdoptionChoiceError extends AppError {
  constructor(message: string) {
    super('ADOPTION_CHOICE_NEEDED', message);
    this.name = 'AdoptionChoiceError';
  }
}

/**
 * The Rent Manager side of the review, taken from a plan made as if SmartPlus had nothing for
 * the property: the units it would create apartments for and the contacts it would create family
 * members for, with the PIN the planner would give each. So adopting follows every sync rule
 * (dates, grace days, applicant types, custom unit lists) without restating them.
 */
export function wantedFromPlan(plan: SyncPlan, propertyId: number, pinsSynced: boolean): { units: { id: number; name: string }[]; contacts: AdoptionContact[] } {
  const ops = plan.operations.filter((op) => op.display.propertyId === propertyId);
  const pins = new Map(ops.flatMap((op) => (op.kind === 'set-pin' ? [[op.target, op.pin] as const] : [])));
  const units = ops.flatMap((op) => (op.kind === 'create-apartment' && op.display.unitId !== null ? [{ id: op.display.unitId, name: op.name }] : []));
  const contacts = ops.flatMap((op): AdoptionContact[] => {
    if (op.kind !== 'create-family-member' || op.display.unitId === null || op.display.contactId === null) return [];
    return [{
      unitId: op.display.unitId, tenantId: op.display.tenantId ?? 0, contactId: op.display.contactId,
      firstName: op.firstName, lastName: op.lastName, email: op.email, phone: op.phone,
      pin: pinsSynced ? (pins.get(refKey(op.ref)) ?? null) : undefined,
    }];
  });
  return { units, contacts };
}

/** The hand-made community to adopt for a property: the one asked for, else the only one named like it. */
export function chooseCommunity(communities: readonly SpCommunity[], propertyName: string, requested?: string): SpCommunity {
  if (requested) {
    const found = communities.find((c) => c.id === requested);
    if (!found) throw new AdoptionChoiceError(`SmartPlus has no community ${requested}.`);
    if (found.externalRef) throw new AdoptionChoiceError(`Community "${found.name}" (${found.id}) is already linked to a property; choose a hand-made one.`);
    return found;
  }
  const wanted = normalisePersonName(propertyName, '');
  const named = communities.filter((c) => !c.externalRef && normalisePersonName(c.name, '') === wanted);
  if (named.length === 1) return named[0]!;
  const handMade = communities.filter((c) => !c.externalRef).map((c) => `"${c.name}" (${c.id})`);
  throw new AdoptionChoiceError(
    named.length > 1
      ? `${named.length} hand-made communities are named "${propertyName}": name one with "community".`
      : `No hand-made community is named "${propertyName}". Name one with "community"${handMade.length ? `: ${handMade.join(', ')}` : ' (this account has none)'}.`,
  );
}

/** The building that holds the units: the one asked for, else "Building 1", else the only one. */
export function chooseBuilding(state: CommunityState, requested?: string): string {
  const { buildings } = state;
  if (requested) {
    const found = buildings.find((b) => b.id === requested || b.name === requested);
    if (!found) throw new AdoptionChoiceError(`Community "${state.community.name}" has no building "${requested}"; it has ${buildings.map((b) => `"${b.name}"`).join(', ')}.`);
    return found.id;
  }
  const first = buildings.find((b) => b.name === 'Building 1') ?? (buildings.length === 1 ? buildings[0] : undefined);
  if (!first) throw new AdoptionChoiceError(`Community "${state.community.name}" has ${buildings.length} buildings: name the one with the units with "building" (${buildings.map((b) => `"${b.name}"`).join(', ')}).`);
  return first.id;
}

/**
 * Adopts one property's hand-made community: matches, then (unless `dryRun`) links the community,
 * the unambiguous apartments and family members with their references, in that order. Nothing is
 * created or deleted here; the sync that follows does the rest as usual.
 */
export async function adoptProperty(args: {
  port: AdoptionPort;
  origin: RmOrigin;
  propertyId: number;
  propertyName: string;
  wanted: ReturnType<typeof wantedFromPlan>;
  choice: AdoptionChoice;
  /** The installer's answers to the review's questions; their links are applied after the unambiguous ones. */
  decisions?: AdoptionDecisions;
  dryRun: boolean;
  signal?: AbortSignal;
}): Promise<PropertyAdoption> {
  const { port, signal } = args;
  const community = chooseCommunity(await port.listCommunities(signal), args.propertyName, args.choice.community);
  const state = await port.readCommunity(community.id, signal);
  const buildingId = chooseBuilding(state, args.choice.building);
  const inBuilding = state.apartments.filter((a) => a.buildingId === buildingId);
  const apartmentIds = new Set(inBuilding.map((a) => a.id));
  const review = matchForAdoption({
    origin: args.origin,
    units: args.wanted.units,
    contacts: args.wanted.contacts,
    apartments: inBuilding,
    residents: state.residents.filter((r) => apartmentIds.has(r.apartmentId)),
    chosenApartments: args.decisions?.apartmentLinks ?? [],
  });
  let linked = 0;
  if (!args.dryRun) {
    await port.link('community', community.id, propertyRef(args.origin, args.propertyId), signal);
    linked += 1;
    for (const a of review.apartments) {
      await port.link('apartment', a.apartmentId, { system: 'rentmanager', ...args.origin, id: `unit:${a.unitId}` }, signal);
      linked += 1;
    }
    for (const m of review.members.filter((x) => x.rung !== 'linked')) {
      await port.link('resident', m.residentId, { system: 'rentmanager', ...args.origin, id: `unit:${m.unitId}/contact:${m.contactId}` }, signal);
      linked += 1;
    }
    for (const link of chosenLinks(review, args.decisions ?? NO_DECISIONS, inBuilding, state.residents, apartmentIds)) {
      await port.link(link.kind, link.id, { system: 'rentmanager', ...args.origin, id: link.ref }, signal);
      linked += 1;
    }
  }
  return { propertyId: args.propertyId, communityId: community.id, communityName: community.name, buildingId, review, linked };
}

/**
 * The installer's extra links that still make sense: the apartment or resident is hand-made, in
 * the chosen building and not linked by this run already; the unit or contact not linked either.
 * A stale decision (the review changed since) is skipped, never forced.
 */
function chosenLinks(
  review: AdoptionReview,
  decisions: AdoptionDecisions,
  apartments: CommunityState['apartments'],
  residents: CommunityState['residents'],
  inBuilding: ReadonlySet<string>,
): { kind: 'apartment' | 'resident'; id: string; ref: string }[] {
  const takenApartments = new Set(review.apartments.map((a) => a.apartmentId));
  const linkedUnits = new Set(review.apartments.map((a) => a.unitId));
  const takenResidents = new Set(review.members.map((m) => m.residentId));
  const linkedContacts = new Set(review.members.map((m) => `${m.unitId}:${m.contactId}`));
  const out: { kind: 'apartment' | 'resident'; id: string; ref: string }[] = [];
  for (const d of decisions.apartmentLinks) {
    const apartment = apartments.find((a) => a.id === d.apartmentId && a.externalRef === null);
    if (!apartment || takenApartments.has(apartment.id) || linkedUnits.has(d.unitId)) continue;
    takenApartments.add(apartment.id);
    linkedUnits.add(d.unitId);
    out.push({ kind: 'apartment', id: apartment.id, ref: `unit:${d.unitId}` });
  }
  for (const d of decisions.memberLinks) {
    const resident = residents.find((r) => r.id === d.residentId && r.role === 'family' && r.externalRef === null && inBuilding.has(r.apartmentId));
    const key = `${d.unitId}:${d.contactId}`;
    if (!resident || takenResidents.has(resident.id) || linkedContacts.has(key)) continue;
    takenResidents.add(resident.id);
    linkedContacts.add(key);
    out.push({ kind: 'resident', id: resident.id, ref: `unit:${d.unitId}/contact:${d.contactId}` });
  }
  return out;
}

/** The review as problems of the run: each question a warning (nothing linked for it), the links as one info line. */
export function adoptionProblems(adoption: PropertyAdoption, dryRun: boolean, decisions: AdoptionDecisions = NO_DECISIONS): Problem[] {
  const { review, propertyId } = adoption;
  const verb = dryRun ? 'would link' : 'linked';
  const residents = review.members.filter((m) => m.rung !== 'linked').length;
  const links = review.apartments.length + residents;
  return [
    problem('adoption-linked', 'info', { propertyId, subject: adoption.communityName },
      `SiteSync ${verb} community "${adoption.communityName}" with ${plural(links, 'hand-made object')} (${plural(review.apartments.length, 'apartment')}, ${plural(residents, 'resident')}); ${plural(review.newUnits.length, 'unit gets a new apartment', 'units get new apartments')} and ${plural(review.untouchedResidents, 'hand-made resident stays', 'hand-made residents stay')} untouched.`),
    ...review.questions.filter((q) => !isAnswered(q, decisions)).map((q) =>
      problem('adoption-question', 'warning', { propertyId, unitId: q.unitId, contactId: q.contactIds[0] ?? null, subject: adoption.communityName },
        `${q.text} SiteSync linked nothing for this; decide in Get Site from PMS, or link by hand.`)),
  ];
}

/** Whether the installer answered a question: every contact (or the unit, for an apartment) it names has a decision. */
function isAnswered(q: AdoptionReview['questions'][number], d: AdoptionDecisions): boolean {
  if (q.kind === 'apartment-two-candidates') return d.apartmentLinks.some((l) => l.unitId === q.unitId);
  if (q.kind === 'apartment-two-units') return d.apartmentLinks.some((l) => l.apartmentId === q.apartmentIds[0] && q.unitIds.includes(l.unitId));
  const decided = (contactId: number) =>
    [...d.memberLinks, ...d.keepSeparate, ...d.leaveAlone].some((c) => c.unitId === q.unitId && c.contactId === contactId);
  return q.contactIds.length > 0 && q.contactIds.every(decided);
}
