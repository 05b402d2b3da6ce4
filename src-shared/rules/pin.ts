import { fail, pass, type RuleResult } from './result';

/**
 * Checks a door PIN (spec §4): 2 to 8 digits, not starting with 9. Surrounding spaces are
 * trimmed. Passing PINs the SmartPlus app itself refuses (fewer than 4 digits, or one digit
 * repeated) carry a warning, not a failure.
 */
export function checkPin(raw: string): RuleResult {
  const pin = raw.trim();
  if (pin === '') return fail('empty');
  if (!/^\d+$/.test(pin)) return fail('only digits 0-9 are allowed');
  if (pin.length < 2) return fail('too short: a PIN has 2 to 8 digits');
  if (pin.length > 8) return fail('too long: a PIN has 2 to 8 digits');
  if (pin.startsWith('9')) return fail('a PIN must not start with 9');
  const warnings: string[] = [];
  if (pin.length < 4) warnings.push('the SmartPlus app refuses PINs shorter than 4 digits');
  if (/^(\d)\1+$/.test(pin)) warnings.push('the SmartPlus app refuses PINs of one repeated digit');
  return pass(pin, warnings);
}

/** Masks a PIN for screens, logs and reports: every digit becomes a bullet, length kept vague. */
export function maskPin(pin: string | null | undefined): string {
  if (!pin) return '';
  return '••••';
}
