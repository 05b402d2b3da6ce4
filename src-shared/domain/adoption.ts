import { z } from 'zod';

/**
 * Adopting a building that already has SmartPlus (issue 16): what links SiteSync proposes
 * between Rent Manager and hand-made SmartPlus objects, and what it will not decide alone.
 * Shown as a review before anything is written; applying links with `PATCH … externalRef`.
 */

/** How an apartment was matched to a unit: the same name, or the same after normalising. */
export const ApartmentMatchSchema = z.enum(['exact', 'normalised']);

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
  kind: z.enum(['apartment-two-candidates', 'same-email-other-name', 'contact-two-candidates', 'resident-two-contacts']),
  unitId: z.number().int().nullable(),
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
