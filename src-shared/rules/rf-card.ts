import { fail, pass, type RuleResult } from './result';

/**
 * Checks an RF card number (spec §4): 1 to 16 characters, each 0-9 or A-F. Lowercase a-f is
 * accepted and stored uppercase; surrounding spaces are trimmed; nothing else is valid.
 */
export function checkRfCard(raw: string): RuleResult {
  const card = raw.trim().toUpperCase();
  if (card === '') return fail('empty');
  if (card.length > 16) return fail('too long: an RF card has 1 to 16 characters');
  if (!/^[0-9A-F]+$/.test(card)) return fail('only digits 0-9 and letters A-F are allowed');
  return pass(card);
}
