/** Keys whose values are secrets wherever they appear (style.md: token|secret|password|pin|card|cvc). */
export const SECRET_KEY = /token|secret|password|passwd|pin|card|cvc|cvv|authorization|cookie|apikey|api-key|securitycode/i;

const REDACTED = '[redacted]';
// Values that look secret even under an innocent key: bearer tokens, long opaque strings, card numbers.
const BEARER = /\b(Bearer)\s+[A-Za-z0-9._~+/=-]+/g;
const CARD_NUMBER = /\b\d(?:[ -]?\d){11,18}\b/g;
const OPAQUE = /\b[A-Za-z0-9_-]{32,}\b/g;

/** Redacts secret-looking substrings of free text. */
export function redactText(text: string): string {
  return text.replace(BEARER, `$1 ${REDACTED}`).replace(CARD_NUMBER, REDACTED).replace(OPAQUE, REDACTED);
}

/**
 * Returns a deep copy of `value` with secrets replaced: values under secret-looking keys are
 * dropped whole, and strings are scrubbed of token/card-shaped text. Cycles become "[cycle]".
 */
export function redact(value: unknown, seen = new WeakSet<object>()): unknown {
  if (typeof value === 'string') return redactText(value);
  if (value === null || typeof value !== 'object') return value;
  if (seen.has(value)) return '[cycle]';
  seen.add(value);
  if (value instanceof Error) {
    return { name: value.name, message: redactText(value.message), stack: value.stack ? redactText(value.stack) : undefined };
  }
  if (Array.isArray(value)) return value.map((item) => redact(item, seen));
  const out: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(value)) {
    out[key] = SECRET_KEY.test(key) ? REDACTED : redact(inner, seen);
  }
  return out;
}
