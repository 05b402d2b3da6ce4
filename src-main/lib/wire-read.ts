// Reading what servers send (shared/style.md "Reading what servers send", issue 13): the zod
// building blocks both API clients' wire schemas are made of, so each schema states only its
// fields and none re-invents "absent ≡ null", numeric strings, enum case or date offsets.
import { z } from 'zod';
import type { UnreadableObject } from '../../src-shared/domain/unreadable';

/** Absent or null → null (a field the contract does not promise). */
export function nullable<T extends z.ZodType>(schema: T) {
  return schema.nullish().transform((value): z.output<T> | null => value ?? null);
}

/** Absent or null → undefined (Rent Manager omits null fields; the normalizer reads absent). */
export function optional<T extends z.ZodType>(schema: T) {
  return z.preprocess((value) => (value === null ? undefined : value), schema.optional());
}

/** Absent or null → `[]` (a missing list is an empty one). */
export function list<T extends z.ZodType>(item: T) {
  return z.array(item).nullish().transform((value): z.output<T>[] => value ?? []);
}

const INTEGER_TEXT = /^\s*-?\d+\s*$/;

/** A whole number, also when sent as a numeric string (`"12"`), as Rent Manager's looser builds and clients do. */
export function looseInt() {
  return z.preprocess((value) => (typeof value === 'string' && INTEGER_TEXT.test(value) ? Number(value) : value), z.number().int());
}

/** A string, also when a number came (`Value: 1234` from an older build) — read as its text. */
export function looseText() {
  return z.preprocess((value) => (typeof value === 'number' && Number.isFinite(value) ? String(value) : value), z.string());
}

/** One of `values`, in any letter case (`primary`, `PRIMARY`); read as the spelling given here. */
export function caseless<const V extends readonly [string, ...string[]]>(values: V) {
  const byLower = new Map(values.map((v) => [v.toLowerCase(), v] as const));
  return z.preprocess((value) => (typeof value === 'string' ? (byLower.get(value.trim().toLowerCase()) ?? value) : value), z.enum(values));
}

/**
 * An open enum (Rent Manager's lists are not all published): a known value in any letter case is
 * read in the spelling given here; an unknown string, or a number, is kept as sent for the caller to judge.
 */
export function knownCase(values: readonly string[]) {
  const byLower = new Map(values.map((v) => [v.toLowerCase(), v] as const));
  return z.union([z.string().transform((v) => byLower.get(v.trim().toLowerCase()) ?? v), z.number()]);
}

const STAMP = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)(Z|[+-]\d{2}:?\d{2})?$/i;

/**
 * An ISO-8601 instant, with or without an offset (`…Z`, `…+00:00`, `…+0200`, none = UTC, as the
 * SmartPlus contract's timestamps are UTC), read as the canonical `toISOString()` form.
 */
export function instant() {
  return z.string().transform((value, ctx) => {
    const m = STAMP.exec(value.trim());
    const offset = m?.[3] === undefined ? 'Z' : m[3].toUpperCase() === 'Z' ? 'Z' : m[3].replace(/^([+-]\d{2})(\d{2})$/, '$1:$2');
    const ms = m ? Date.parse(`${m[1]}T${m[2]}${offset}`) : NaN;
    if (Number.isNaN(ms)) {
      ctx.addIssue({ code: 'custom', message: 'expected an ISO-8601 date-time' });
      return z.NEVER;
    }
    return new Date(ms).toISOString();
  });
}

/** A date-time as Rent Manager sends it: `yyyy-MM-ddTHH:mm:ss` local wall time, offsets and fractions tolerated; kept as sent. */
export function localDateTime() {
  return z.string().regex(/^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?(?:Z|[+-]\d{2}:?\d{2})?$/i, 'expected a date (yyyy-MM-ddTHH:mm:ss)');
}

/** Field names whose values are never shown (the logger's redaction rule, shared/style.md "Secrets"). */
const SECRET_KEY = /token|secret|password|pin|card|cvc/i;

/** A value as a problem line shows it: its kind and a short form; secrets never. */
export function describeValue(value: unknown, field: string): string {
  if (value === undefined) return 'nothing (the field was missing)';
  if (value === null) return 'null';
  if (SECRET_KEY.test(field)) return `a ${Array.isArray(value) ? 'list' : typeof value} (value hidden)`;
  if (typeof value === 'string') return `"${value.length > 40 ? `${value.slice(0, 40)}…` : value}"`;
  if (typeof value === 'number' || typeof value === 'boolean') return `${typeof value} ${String(value)}`;
  if (Array.isArray(value)) return `a list of ${value.length}`;
  return 'an object';
}

/** What an issue says was expected, in words. */
function expectedOf(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      return issue.expected === 'int' ? 'a whole number' : issue.expected;
    case 'invalid_value':
      return `one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
    case 'invalid_union':
      return 'one of the allowed forms';
    default:
      return issue.message.replace(/^(Invalid input: )?expected /i, '');
  }
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let v: unknown = input;
  for (const key of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<PropertyKey, unknown>)[key];
  }
  return v;
}

/** The first thing wrong with `input`: field path, what was expected, what came (display-safe). */
export function firstIssue(error: z.ZodError, input: unknown): Pick<UnreadableObject, 'field' | 'expected' | 'got'> {
  const issue = error.issues[0];
  if (!issue) return { field: '(object)', expected: 'a readable object', got: describeValue(input, '') };
  const field = issue.path.map(String).join('.') || '(object)';
  return { field, expected: expectedOf(issue), got: describeValue(valueAt(input, issue.path), field) };
}

/** "field: expected X, got Y" — the problem-line form of {@link firstIssue}. */
export function issueText(error: z.ZodError, input: unknown): string {
  const { field, expected, got } = firstIssue(error, input);
  return `${field}: expected ${expected}, got ${got}`;
}

/** The value of an ID-like key of a raw object, as text, when it has one. */
export function rawId(raw: unknown, key = 'id'): string | null {
  const v = raw !== null && typeof raw === 'object' ? (raw as Record<string, unknown>)[key] : undefined;
  return typeof v === 'string' || typeof v === 'number' ? String(v) : null;
}

/** Items of a list that were read, and those that could not be (one entry each, not a failed list). */
export interface ReadList<T> {
  items: T[];
  unreadable: UnreadableObject[];
}

/**
 * Reads each item of a list on its own: readable items are kept, each unreadable one becomes an
 * {@link UnreadableObject} named by `noun`, its `id` and its position in `where`.
 */
export function readEach<T>(schema: z.ZodType<T>, raw: readonly unknown[], noun: string, where: string): ReadList<T> {
  const out: ReadList<T> = { items: [], unreadable: [] };
  raw.forEach((item, index) => {
    const parsed = schema.safeParse(item);
    if (parsed.success) {
      out.items.push(parsed.data);
      return;
    }
    const id = rawId(item);
    out.unreadable.push({ object: id ? `${noun} ${id}` : `${noun} at position ${index + 1} of ${where}`, id, ...firstIssue(parsed.error, item) });
  });
  return out;
}

/** A list whose items are read one by one ({@link readEach}); absent or null is an empty list. */
export function tolerantList<T>(item: z.ZodType<T>, noun: string, where: string) {
  return z
    .array(z.unknown())
    .nullish()
    .transform((raw) => readEach(item, raw ?? [], noun, where));
}
