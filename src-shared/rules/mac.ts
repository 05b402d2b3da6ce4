import { fail, pass, type RuleResult } from './result';

/**
 * Checks a device MAC address (spec §10): 12 hex digits, with or without ':' or '-'
 * separators (between byte pairs). Returns it normalised: uppercase, no separators.
 */
export function checkMac(raw: string): RuleResult {
  const text = raw.trim();
  if (text === '') return fail('empty');
  const plain = /^[0-9a-fA-F]{12}$/.test(text);
  const separated = /^[0-9a-fA-F]{2}([:-])[0-9a-fA-F]{2}(\1[0-9a-fA-F]{2}){4}$/.test(text);
  if (!plain && !separated) {
    const digits = text.replace(/[:-]/g, '');
    if (/[^0-9a-fA-F:-]/.test(text)) return fail('only 0-9, A-F and the separators : or - are allowed');
    if (digits.length !== 12) return fail(`a MAC address has 12 hex digits (this has ${digits.length})`);
    return fail('separators must sit between pairs of digits, all the same kind');
  }
  return pass(text.replace(/[:-]/g, '').toUpperCase());
}

/** Formats a normalised MAC for display: `0C:11:05:AA:BB:CC`. */
export function formatMac(mac: string): string {
  return mac.match(/.{1,2}/g)?.join(':') ?? mac;
}
