import { fail, pass, type RuleResult } from './result';

/** Card brands recognised from the number's leading digits (for display and grouping only). */
export type CardBrand = 'visa' | 'mastercard' | 'amex' | 'discover' | 'unknown';

/** Strips spaces and dashes from a typed card number. */
export function cardDigits(raw: string): string {
  return raw.replace(/[\s-]/g, '');
}

/** True when the digits pass the Luhn check. */
export function luhnValid(digits: string): boolean {
  if (!/^\d+$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

/** Detects the brand from the leading digits. */
export function cardBrand(raw: string): CardBrand {
  const d = cardDigits(raw);
  if (/^4/.test(d)) return 'visa';
  if (/^(5[1-5]|2(2[2-9]|[3-6]\d|7[01]|720))/.test(d)) return 'mastercard';
  if (/^3[47]/.test(d)) return 'amex';
  if (/^(6011|65|64[4-9])/.test(d)) return 'discover';
  return 'unknown';
}

/** Groups digits as people read them: 4-4-4-4 (Amex 4-6-5). */
export function groupCardNumber(raw: string): string {
  const d = cardDigits(raw).slice(0, 19);
  if (cardBrand(d) === 'amex') return [d.slice(0, 4), d.slice(4, 10), d.slice(10, 15)].filter(Boolean).join(' ');
  return d.match(/.{1,4}/g)?.join(' ') ?? '';
}

/** Checks a card number: 12–19 digits passing Luhn. */
export function checkCardNumber(raw: string): RuleResult {
  const d = cardDigits(raw);
  if (d === '') return fail('enter the card number');
  if (!/^\d+$/.test(d)) return fail('a card number has only digits');
  if (d.length < 12 || d.length > 19) return fail('a card number has 12 to 19 digits');
  if (!luhnValid(d)) return fail('this card number is not valid (check for a typo)');
  return pass(d);
}

/** Checks an expiry month/year against `today` (a card is valid through the end of its month). */
export function checkExpiry(month: number, year: number, today: { year: number; month: number }): RuleResult<{ month: number; year: number }> {
  if (!Number.isInteger(month) || month < 1 || month > 12) return fail('the month is 1 to 12');
  const fullYear = year < 100 ? 2000 + year : year;
  if (!Number.isInteger(fullYear) || fullYear > today.year + 25) return fail('the year is not valid');
  if (fullYear < today.year || (fullYear === today.year && month < today.month)) return fail('this card has expired');
  return pass({ month, year: fullYear });
}

/** Checks a security code: 3 or 4 digits. */
export function checkSecurityCode(raw: string): RuleResult {
  const code = raw.trim();
  if (!/^\d{3,4}$/.test(code)) return fail('the security code has 3 or 4 digits');
  return pass(code);
}
