/**
 * The *shapes* of API answers — keys and value types, never values — for the diagnostics report
 * (issue 13). Support sees how a server answered ("`address` absent", "`floor` is a string")
 * without a name, a PIN or an e-mail leaving the installer's machine.
 */

/**
 * A value's shape: a type name for a leaf (`"string"`, `"number"`, `"boolean"`, `"null"`,
 * unions as `"string | null"`), an object of shapes for an object, a one-element array holding
 * the merged shape of every element for an array (`[]` when empty). A key that only some
 * elements of an array carry ends in `?`.
 */
export type Shape = string | Shape[] | { [key: string]: Shape };

/** How deep {@link shapeOf} looks; deeper levels become `"…"`. */
const MAX_DEPTH = 12;
/** Object keys kept per level (a map keyed by IDs must not grow the report without bound). */
const MAX_KEYS = 200;

/**
 * Keys that are data rather than names (an e-mail, an ID, a long opaque string) are replaced:
 * some APIs key maps by record. Ordinary field names pass unchanged.
 */
function safeKey(key: string): string {
  if (key.includes('@') || /^\d+$/.test(key) || /^[0-9a-f-]{16,}$/i.test(key) || key.length > 64) return '<key>';
  return key;
}

/** The shape of any JSON value (see {@link Shape}); never returns a value it was given. */
export function shapeOf(value: unknown, depth = 0): Shape {
  if (value === null) return 'null';
  if (value === undefined) return 'absent';
  if (Array.isArray(value)) {
    if (depth >= MAX_DEPTH) return '…';
    if (value.length === 0) return [];
    return [value.map((item) => shapeOf(item, depth + 1)).reduce(mergeShapes)];
  }
  if (typeof value === 'object') {
    if (depth >= MAX_DEPTH) return '…';
    const out: Record<string, Shape> = {};
    let kept = 0;
    for (const [key, inner] of Object.entries(value)) {
      if (kept++ >= MAX_KEYS) {
        out['…'] = 'more keys';
        break;
      }
      const name = safeKey(key);
      out[name] = name in out ? mergeShapes(out[name]!, shapeOf(inner, depth + 1)) : shapeOf(inner, depth + 1);
    }
    return out;
  }
  switch (typeof value) {
    case 'string':
    case 'number':
    case 'boolean':
    case 'bigint':
      return typeof value;
    default:
      return 'other';
  }
}

const isObjectShape = (s: Shape): s is Record<string, Shape> => typeof s === 'object' && !Array.isArray(s);

/** A union of leaf type names, sorted and without repeats: `"null | string"`. */
function unionOf(...parts: string[]): string {
  return [...new Set(parts.flatMap((p) => p.split(' | ')))].sort().join(' | ');
}

/** A shape's kind as a type name, for unions of unlike shapes (`"object | string"`). */
function kindOf(s: Shape): string {
  if (Array.isArray(s)) return 'array';
  if (isObjectShape(s)) return 'object';
  return s;
}

/**
 * Two shapes as one: objects merge key by key (a key missing on one side ends in `?`), arrays
 * merge their elements, leaves form a union. Unlike structures fall back to a union of kinds.
 */
export function mergeShapes(a: Shape, b: Shape): Shape {
  if (isObjectShape(a) && isObjectShape(b)) {
    const out: Record<string, Shape> = {};
    const bare = (k: string) => k.replace(/\?$/, '');
    const aKeys = new Map(Object.keys(a).map((k) => [bare(k), k]));
    const bKeys = new Map(Object.keys(b).map((k) => [bare(k), k]));
    for (const key of new Set([...aKeys.keys(), ...bKeys.keys()])) {
      const ak = aKeys.get(key);
      const bk = bKeys.get(key);
      const optional = !ak || !bk || ak.endsWith('?') || bk.endsWith('?');
      const merged = ak && bk ? mergeShapes(a[ak]!, b[bk]!) : (a[ak ?? ''] ?? b[bk ?? ''])!;
      out[optional ? `${key}?` : key] = merged;
    }
    return out;
  }
  if (Array.isArray(a) && Array.isArray(b)) {
    if (a.length === 0) return b;
    if (b.length === 0) return a;
    return [mergeShapes(a[0]!, b[0]!)];
  }
  if (typeof a === 'string' && typeof b === 'string') return unionOf(a, b);
  return unionOf(kindOf(a), kindOf(b));
}

/**
 * An endpoint's path template: the query dropped and every segment that is an ID replaced by
 * `:id`. Neither API has a digit in a fixed segment (shared/reference), so a segment with a
 * digit, a long one, or an e-mail is an ID: `/communities/com_12/apartments` →
 * `/communities/:id/apartments`.
 */
export function pathTemplate(path: string): string {
  const bare = path.split(/[?#]/)[0] ?? '';
  return bare
    .split('/')
    .map((segment) => (segment !== '' && (/\d/.test(segment) || segment.length > 40 || segment.includes('@') || segment.includes('%40')) ? ':id' : segment))
    .join('/');
}

/** The last answer of one endpoint: when, which status, and its shape. */
export interface ShapeEntry {
  /** `smartplus GET /communities/:id/apartments`. */
  endpoint: string;
  status: number;
  at: string;
  shape: Shape;
}

/** What the transports call: one line per answer. */
export interface ShapeSink {
  record(method: string, path: string, status: number, body: unknown): void;
}

/** Endpoints kept; older ones are dropped first (templates are few; this bounds a runaway). */
const MAX_ENDPOINTS = 300;

/** Which client an answer came from. */
export type ShapeClient = 'smartplus' | 'rentmanager';

/**
 * A small in-memory recorder of the last answer's shape per endpoint template, shared by both
 * clients of a process. Computes the shape at once, so no body outlives the call.
 */
export class ShapeRecorder {
  private readonly byEndpoint = new Map<string, ShapeEntry>();

  constructor(private readonly now: () => Date = () => new Date()) {}

  /** Keeps the shape of `body` as the last answer of `method path` (its template) of `client`. */
  record(client: ShapeClient, method: string, path: string, status: number, body: unknown): void {
    const endpoint = `${client} ${method.toUpperCase()} ${pathTemplate(path)}`;
    this.byEndpoint.delete(endpoint);
    this.byEndpoint.set(endpoint, { endpoint, status, at: this.now().toISOString(), shape: shapeOf(body) });
    if (this.byEndpoint.size > MAX_ENDPOINTS) this.byEndpoint.delete(this.byEndpoint.keys().next().value!);
  }

  /** Every endpoint's last answer, sorted by endpoint. */
  entries(): ShapeEntry[] {
    return [...this.byEndpoint.values()].sort((a, b) => a.endpoint.localeCompare(b.endpoint));
  }

  /** Adds entries kept earlier (the CLI's file of its last run); the newer answer of an endpoint wins. */
  load(entries: readonly ShapeEntry[]): void {
    for (const e of entries) {
      const current = this.byEndpoint.get(e.endpoint);
      if (!current || current.at <= e.at) this.byEndpoint.set(e.endpoint, e);
    }
  }

  /** The sink one client's transport writes to. */
  sink(client: ShapeClient): ShapeSink {
    return { record: (method, path, status, body) => this.record(client, method, path, status, body) };
  }
}
