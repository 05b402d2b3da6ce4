import { z } from 'zod';

/**
 * Adopting a building that already has SmartPlus (issue 16): what links SiteSync proposes
 * between Rent Manager and hand-made SmartPlus objects, and what it will not decide alone.
 * Shown as a review before anything is written; applying links with `PATCH … externalRef`.
 */

/** How an apartment was matched to a unit: the same name, the same after normalising, or the installer's answer to a question. */
export const ApartmentMatchSchema = z.enum(['exact', 'normalised', 'chosen']);

/** How a family member was matched to a contact, strongest first. */
export const MemberRungSchema = z.enum(['linked', 'name-and-email', 'name-and-phone']);
/** See {@link MemberRungSchema}. */
export type MemberRung = z.infer<typeof MemberRungSchema>;

/** What becomes of a linked resident's credential: kept (Rent Manager agrees), changed, set, or none either side. */
export const CredentialFateSchema = z.object({
  fate: z.enum(['keep', 'change', 'set', 'none']),
  /** Masked old → new values for the review ("••21 → ••07"); never the values. */
  from: z.string().nullable(),
  to: z.string().nullable(),
});
/** See {@link CredentialFateSchema}. */
export type CredentialFate = z.infer<typeof CredentialFateSchema>;

export const ApartmentLinkSchema = z.object({
  unitId: z.number().int(),
  unitName: z.string(),
  apartmentId: z.string(),
  apartmentName: z.string(),
  match: ApartmentMatchSchema,
});
/** See {@link ApartmentLinkSchema}. */
export type ApartmentLink = z.infer<typeof ApartmentLinkSchema>;

export const MemberLinkSchema = z.object({
  unitId: z.number().int(),
  tenantId: z.number().int(),
  contactId: z.number().int(),
  residentId: z.string(),
  name: z.string(),
  rung: MemberRungSchema,
  pin: CredentialFateSchema,
});
/** See {@link MemberLinkSchema}. */
export type MemberLink = z.infer<typeof MemberLinkSchema>;

/** Something the installer decides: link, keep separate, or leave alone. */
export const AdoptionQuestionSchema = z.object({
  kind: z.enum(['apartment-two-candidates', 'apartment-two-units', 'same-email-other-name', 'contact-two-candidates', 'resident-two-contacts']),
  /** The unit the question is about; null for `apartment-two-units` (one apartment, several units: see `unitIds`). */
  unitId: z.number().int().nullable(),
  /** `apartment-two-units`: the units the one hand-made apartment matches (the candidates). */
  unitIds: z.array(z.number().int()).default([]),
  contactIds: z.array(z.number().int()),
  residentIds: z.array(z.string()),
  apartmentIds: z.array(z.string()),
  /** One sentence for the review. */
  text: z.string(),
});
/** See {@link AdoptionQuestionSchema}. */
export type AdoptionQuestion = z.infer<typeof AdoptionQuestionSchema>;

export const AdoptionReviewSchema = z.object({
  apartments: z.array(ApartmentLinkSchema),
  members: z.array(MemberLinkSchema),
  questions: z.array(AdoptionQuestionSchema),
  /** Units with no apartment of that name: created by the sync as usual. */
  newUnits: z.array(z.object({ unitId: z.number().int(), unitName: z.string() })),
  /** Hand-made residents that match no contact: left untouched. */
  untouchedResidents: z.number().int(),
});
/** See {@link AdoptionReviewSchema}. */
export type AdoptionReview = z.infer<typeof AdoptionReviewSchema>;

/** One Rent Manager contact in one unit (a family member to be, or not). */
export const UnitContactSchema = z.object({ unitId: z.number().int(), contactId: z.number().int() });
/** See {@link UnitContactSchema}. */
export type UnitContact = z.infer<typeof UnitContactSchema>;

/**
 * What the installer decided on the review's questions, as the engine applies it: extra links
 * (`PATCH … externalRef`, like the unambiguous ones), contacts created as new accounts beside a
 * same-name hand-made resident ("keep separate"), and contacts not created at all ("leave alone").
 */
export const AdoptionDecisionsSchema = z.object({
  apartmentLinks: z.array(z.object({ unitId: z.number().int(), apartmentId: z.string().min(1).max(200) })).max(5000).default([]),
  memberLinks: z.array(UnitContactSchema.extend({ residentId: z.string().min(1).max(200) })).max(5000).default([]),
  keepSeparate: z.array(UnitContactSchema).max(5000).default([]),
  leaveAlone: z.array(UnitContactSchema).max(5000).default([]),
});
/** See {@link AdoptionDecisionsSchema}. */
export type AdoptionDecisions = z.infer<typeof AdoptionDecisionsSchema>;

/** No decisions: only the unambiguous links are applied. */
export const NO_DECISIONS: AdoptionDecisions = { apartmentLinks: [], memberLinks: [], keepSeparate: [], leaveAlone: [] };

/** The installer's answer to one question: link to one candidate (its id), keep separate, or leave alone. */
export type QuestionChoice = { link: string } | 'separate' | 'leave';

/** A question's stable key (its kind and the objects it names), so a choice survives a reload of the review. */
export function questionKey(q: AdoptionQuestion): string {
  return [q.kind, q.unitId ?? q.unitIds.join('.'), q.contactIds.join('.'), q.residentIds.join('.'), q.apartmentIds.join('.')].join('|');
}

/** The candidates a question offers to link to: apartments, units (one apartment, two units), residents, or (one resident, two contacts) contacts. */
export function questionCandidates(q: AdoptionQuestion): { kind: 'apartment' | 'unit' | 'resident' | 'contact'; ids: string[] } {
  if (q.kind === 'apartment-two-candidates') return { kind: 'apartment', ids: q.apartmentIds };
  if (q.kind === 'apartment-two-units') return { kind: 'unit', ids: q.unitIds.map(String) };
  if (q.kind === 'resident-two-contacts') return { kind: 'contact', ids: q.contactIds.map(String) };
  return { kind: 'resident', ids: q.residentIds };
}

/**
 * Turns the installer's choices into {@link AdoptionDecisions}. A question without a choice
 * decides nothing (its objects stay as the planner leaves them); "keep separate" of an apartment
 * question means a new apartment, which the sync creates anyway.
 */
export function decisionsFrom(questions: readonly AdoptionQuestion[], choices: Readonly<Record<string, QuestionChoice>>): AdoptionDecisions {
  const out: AdoptionDecisions = { apartmentLinks: [], memberLinks: [], keepSeparate: [], leaveAlone: [] };
  for (const q of questions) {
    const choice = choices[questionKey(q)];
    if (!choice) continue;
    if (q.kind === 'apartment-two-units') {
      // The apartment is linked to the chosen unit; the other units get new apartments, as "keep separate" does.
      const unitId = typeof choice === 'object' ? Number(choice.link) : NaN;
      if (q.unitIds.includes(unitId) && q.apartmentIds[0]) out.apartmentLinks.push({ unitId, apartmentId: q.apartmentIds[0] });
      continue;
    }
    if (q.unitId === null) continue;
    const unitId = q.unitId;
    const contacts = q.contactIds.map((contactId) => ({ unitId, contactId }));
    if (q.kind === 'apartment-two-candidates') {
      if (typeof choice === 'object' && q.apartmentIds.includes(choice.link)) out.apartmentLinks.push({ unitId, apartmentId: choice.link });
      continue;
    }
    if (choice === 'separate') out.keepSeparate.push(...contacts);
    else if (choice === 'leave') out.leaveAlone.push(...contacts);
    else if (q.kind === 'resident-two-contacts') {
      const contactId = Number(choice.link);
      if (q.contactIds.includes(contactId) && q.residentIds[0]) {
        out.memberLinks.push({ unitId, contactId, residentId: q.residentIds[0] });
        // The other contact is not this resident: it gets its own account.
        out.keepSeparate.push(...contacts.filter((c) => c.contactId !== contactId));
      }
    } else if (q.residentIds.includes(choice.link) && q.contactIds[0] !== undefined) {
      out.memberLinks.push({ unitId, contactId: q.contactIds[0], residentId: choice.link });
    }
  }
  return out;
}

/** How the wizard adopts one property: the hand-made community, its building, and the decisions. */
export const SiteAdoptionSchema = z.object({
  communityId: z.string().min(1).max(200),
  buildingId: z.string().min(1).max(200),
  decisions: AdoptionDecisionsSchema,
});
/** See {@link SiteAdoptionSchema}. */
export type SiteAdoption = z.infer<typeof SiteAdoptionSchema>;
