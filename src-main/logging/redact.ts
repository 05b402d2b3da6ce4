/**
 * Keys whose values are secrets wherever they appear (style.md: token|secret|password|pin|card|cvc,
 * widened by issue 12 to credential, pwd, passphrase, auth and access codes).
 */
export const SECRET_KEY =
  /token|secret|password|passwd|pwd|passphrase|credential|auth|pin|card|cvc|cvv|cookie|apikey|api-key|api_key|securitycode|accesscode|access_code|privatekey|private_key/i;

/** Keys that match {@link SECRET_KEY} by their letters but never hold a secret (a field's name, a kind, a flag). */
const NOT_SECRET_KEY = /^(authKind|auth_kind|secretChanged)$/;

const REDACTED = '[redacted]';

// Free-text patterns, applied in this order.
/** `Authorization: Bearer …` / `Basic …` / `Token …` credentials. */
const AUTH_SCHEME = /\b(Bearer|Basic|Token|Digest)\s+[A-Za-z0-9._~+/=-]{4,}/gi;
/** User info in a URL: `https://user:pass@host` → `https://[redacted]@host` (also a backslash trick before the @). */
const URL_USERINFO = /\b([a-z][a-z0-9+.-]*:\/\/)[^\s/?#@]*@/gi;
/** `name=` / `name:` / `"name":` — the start of a named value (JSON inside strings and query parameters included). */
const NAME_SEP = /(["']?)([A-Za-z_][\w.-]*)\1(\s*[:=]\s*)(?!\/\/)/g;
/** The value after a secret name: a quoted string, or everything up to a space or separator. */
const VALUE = /"(?:[^"\\]|\\.)*"|'[^']*'|[^\s,;&?#"'}\])]+/y;
/** A PIN named in free text: "PIN 4821", "pin: 4821", "PIN code is 4821", "PINs 4821, 5555". */
const PIN_IN_TEXT = /\b(PINs?)((?:\s*(?:code|number|is|was|=|:|#|-))*\s*)(\d{2,8}(?:\s*(?:,|and|or)\s*\d{2,8})*)\b/gi;
/** Card numbers: 12–19 digits, optionally grouped with spaces, dashes or dots. */
const CARD_NUMBER = /\b\d(?:[ .-]?\d){11,18}\b/g;
/** Runs that may be base64 or base64url tokens (long, no spaces). Judged by {@link looksLikeToken}. */
const TOKEN_CANDIDATE = /[A-Za-z0-9+/_-]{24,}={0,2}/g;
/** A UUID (run ids, row ids): an identifier, readable in logs. */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** UUIDs inside text (split keeps them at odd indices). */
const UUID_ANYWHERE = /(?<![0-9a-z])([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})(?![0-9a-z])/i;

/**
 * True for one piece of a slug, path or identifier: short (≤ 8 characters), a word or camelCase
 * words (`sitesync`, `RentManagerClient`), or an all-caps word. The patterns cannot backtrack.
 */
function isWordish(part: string): boolean {
  return part.length <= 8 || /^[A-Za-z][a-z]*(?:[A-Z][a-z]+)*$/.test(part) || /^[A-Z]{1,12}$/.test(part);
}

/**
 * Whether a long run of token characters is a secret: UUIDs, slugs (`vitest-safety-canary-home`)
 * and file paths (`/tmp/sitesync-x/logs`) — every piece between `-`, `_`, `/` or `.` a word or
 * short — stay readable; a run with high-entropy pieces (mixed letters and digits, `+`, `/`) is a token.
 */
function looksLikeToken(run: string, before: string): boolean {
  const body = run.replace(/=+$/, '');
  if (UUID.test(body)) return false;
  // A path (absolute, or a segment of one) is read as path pieces, never as one token.
  // A path (absolute, or a segment of one) is read as path pieces: only a long opaque piece (a token in a URL path) is secret.
  if (before === '/' || before === '\\' || before === '.' || body.startsWith('/')) return body.split(/[/_-]/).some((p) => p.length >= 20 && !isWordish(p));
  const pieces = body.split(/[+/_-]/);
  if (pieces.every(isWordish) && !body.includes('+')) return false;
  if (body.length < 32 && !/[+/]/.test(body) && !/=$/.test(run)) return false;
  return /\d/.test(body) || /[A-Z]/.test(body.slice(1)) || body.length >= 40;
}

/**
 * Replaces the value after every secret-looking name (`password=…`, `"token": "…"`). A name that
 * is not secret consumes only itself, so `error: password=x` still finds the password.
 */
function redactNamedValues(text: string): string {
  let out = '';
  let from = 0;
  for (const match of text.matchAll(NAME_SEP)) {
    const name = match[2]!;
    const end = match.index + match[0].length;
    if (end <= from || !SECRET_KEY.test(name) || NOT_SECRET_KEY.test(name)) continue;
    VALUE.lastIndex = end;
    const value = VALUE.exec(text);
    if (!value || /^(Bearer|Basic|Token|Digest)$/i.test(value[0]) || value[0] === REDACTED) continue;
    out += text.slice(from, end) + REDACTED;
    from = end + value[0].length;
  }
  return out + text.slice(from);
}

/** Shape-based patterns (PINs, cards, tokens) over text with no UUID in it. */
function redactShapes(text: string): string {
  return text
    .replace(PIN_IN_TEXT, `$1$2${REDACTED}`)
    .replace(CARD_NUMBER, REDACTED)
    .replace(TOKEN_CANDIDATE, (run: string, offset: number, all: string) => (looksLikeToken(run, all[offset - 1] ?? '') ? REDACTED : run));
}

/**
 * Redacts secret-looking substrings of free text. Named secrets (`password=…`, JSON keys,
 * `Authorization`, URL user info) go first; then shapes (PINs named in text, card numbers,
 * tokens) — but never inside a UUID, so run ids stay readable whatever digits they hold.
 */
export function redactText(text: string): string {
  const withoutAuth = text.replace(AUTH_SCHEME, `$1 ${REDACTED}`).replace(URL_USERINFO, `$1${REDACTED}@`);
  const named = redactNamedValues(withoutAuth);
  return named
    .split(UUID_ANYWHERE)
    .map((piece, i) => (i % 2 === 1 ? piece : redactShapes(piece)))
    .join('');
}

/**
 * Returns a deep copy of `value` with secrets replaced: values under secret-looking keys are
 * dropped whole, and strings are scrubbed of secret-shaped text. Cycles become "[cycle]".
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
    out[key] = SECRET_KEY.test(key) && !NOT_SECRET_KEY.test(key) ? REDACTED : redact(inner, seen);
  }
  return out;
}
