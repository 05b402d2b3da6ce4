/**
 * The comparisons used to adopt hand-made SmartPlus objects (issue 16). Deliberately narrow:
 * they find the same thing written differently, never a similar thing.
 */

const APARTMENT_PREFIX = /^(?:apartment|apt|unit|suite|ste|no|#)\.?\s*#?\s*/i;

/**
 * An apartment name as the same unit is written by hand and by Rent Manager: case, spaces,
 * "Apt"/"Unit"/"#" prefixes and leading zeros of numbers do not count ("Apt 0101" = "101",
 * "unit 2b" = "2B"). Letters and the order of the parts still do ("101A" ≠ "A101").
 */
export function normaliseApartmentName(name: string): string {
  const squeezed = name.normalize('NFKC').trim().replace(/\s+/g, ' ');
  const withoutPrefix = squeezed.replace(APARTMENT_PREFIX, '');
  return withoutPrefix
    .toLowerCase()
    .replace(/[\s-]+/g, '')
    .replace(/\d+/g, (digits) => String(Number(digits)));
}

/** First and last name for comparison: case, accents as typed, extra spaces do not count. */
export function normalisePersonName(first: string, last: string): string {
  return `${first} ${last}`.normalize('NFKC').trim().replace(/\s+/g, ' ').toLocaleLowerCase('en');
}

/** An e-mail address for comparison (case-insensitive, trimmed); null when empty. */
export function normaliseEmail(email: string | null): string | null {
  const trimmed = email?.trim().toLowerCase() ?? '';
  return trimmed === '' ? null : trimmed;
}

/**
 * A phone number for comparison: its digits, without a leading North American "1" when 11
 * digits long; null when fewer than 7 digits (an extension or a typo is no evidence).
 */
export function normalisePhone(phone: string | null): string | null {
  const digits = (phone ?? '').replace(/\D/g, '');
  const national = digits.length === 11 && digits.startsWith('1') ? digits.slice(1) : digits;
  return national.length >= 7 ? national : null;
}
