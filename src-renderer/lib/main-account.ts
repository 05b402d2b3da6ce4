/**
 * How an apartment's main (master) account is named on screen (issue 16). SmartPlus names it
 * after the unit ("106"), which reads as a bare number; so it is "Unit 106 (main account)",
 * with the primary tenant's name beside it when the synced data knows one. A main account
 * someone renamed in SmartPlus keeps its own name.
 */

const squash = (text: string) => text.toLowerCase().replace(/^(apt\.?|apartment|unit|#)\s*/, '').replace(/\s+/g, '');

/** The unit as words: "Unit 106", or the name as it is when it already says "Apt 4B" or "Unit 7". */
export function unitWords(apartmentName: string): string {
  return /^(apt\.?|apartment|unit|suite)\b/i.test(apartmentName.trim()) ? apartmentName.trim() : `Unit ${apartmentName.trim()}`;
}

/** The main account's title and, when known, its primary tenant. */
export function mainAccountLabel(
  master: { firstName: string; lastName: string },
  apartmentName: string,
  familyMembers: ReadonlyArray<{ firstName: string; lastName: string; applicantType: string | null }>,
): { title: string; primaryTenant: string | null } {
  const own = `${master.firstName} ${master.lastName}`.trim();
  const generic = own === '' || squash(own) === squash(apartmentName);
  const primary = familyMembers.find((f) => f.applicantType?.toLowerCase() === 'primary');
  const primaryName = primary ? `${primary.firstName} ${primary.lastName}`.trim() || null : null;
  return { title: generic ? `${unitWords(apartmentName)} (main account)` : own, primaryTenant: primaryName };
}
