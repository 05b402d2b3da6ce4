import { z } from 'zod';

/**
 * The size limits of everything a renderer (or a CLI file) may send (issue 12): every string
 * has a maximum length and every list a maximum size, so a compromised renderer cannot make
 * main parse, store or forward megabytes. Generous for real use (a portfolio of 10,000 units).
 */
export const BOUNDS = {
  /** An id: a UUID is 36 characters, SmartPlus ids are shorter. */
  id: 200,
  /** A person's, site's or device's name; a user name. */
  name: 200,
  /** Free text: a log message, an address. */
  text: 2000,
  /** A password or token. */
  secret: 4000,
  /** An e-mail address (RFC 5321). */
  email: 254,
  /** A time-zone name (the longest IANA name is 32). */
  timeZone: 64,
  /** Units of one property picked in a Custom list, or apartments in one payment. */
  units: 20_000,
  /** Properties of one import or site, sites of one call. */
  properties: 200,
  /** Fields of one renderer log entry. */
  logFields: 50,
} as const;

/**
 * The most a whole call may carry (characters of strings plus 8 per number), checked before
 * the schema so that even a field the schemas would refuse is not walked at length.
 */
export const MAX_PAYLOAD_UNITS = 2_000_000;
/** How deep a call's input may nest (the deepest contract is 5 levels). */
export const MAX_PAYLOAD_DEPTH = 16;

/** An id sent over IPC: non-empty, at most {@link BOUNDS.id} characters. */
export const IdSchema = z.string().min(1).max(BOUNDS.id);

/**
 * Why `value` is too large to be a call's input (null when it is not): more than
 * {@link MAX_PAYLOAD_UNITS} in all, or nested deeper than {@link MAX_PAYLOAD_DEPTH}. Stops
 * walking as soon as the budget is spent, so a huge payload costs little to refuse.
 */
export function payloadTooLarge(value: unknown): string | null {
  let budget = MAX_PAYLOAD_UNITS;
  const walk = (v: unknown, depth: number): string | null => {
    if (depth > MAX_PAYLOAD_DEPTH) return `nested deeper than ${MAX_PAYLOAD_DEPTH} levels`;
    if (typeof v === 'string') {
      budget -= v.length;
      return null;
    }
    if (v === null || typeof v !== 'object') {
      budget -= 8;
      return null;
    }
    const children: unknown[] = Array.isArray(v) ? v : Object.values(v as Record<string, unknown>);
    if (!Array.isArray(v)) for (const key of Object.keys(v as Record<string, unknown>)) budget -= key.length;
    for (const child of children) {
      budget -= 8;
      if (budget < 0) return null;
      const problem = walk(child, depth + 1);
      if (problem || budget < 0) return problem;
    }
    return null;
  };
  const problem = walk(value, 0);
  return problem ?? (budget < 0 ? `larger than ${MAX_PAYLOAD_UNITS} characters in all` : null);
}
