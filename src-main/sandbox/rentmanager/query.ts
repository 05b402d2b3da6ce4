import type { Row } from './state';

/** How a filterable field compares (shared/reference/rent-manager-api.md §5.4). */
export type FieldKind = 'int' | 'number' | 'string' | 'bool' | 'date';

/** A request Rent Manager refuses: answered with status and body in Rent Manager's own shape. */
export class SandboxHttpError extends Error {
  constructor(
    readonly status: number,
    readonly body: unknown,
  ) {
    super(`HTTP ${status}`);
  }
}

/** The 400 Rent Manager answers for a filter it cannot apply (reference §6.1, shape 2). */
export function badFilter(detail: string): SandboxHttpError {
  return new SandboxHttpError(400, { Message: 'The request is invalid.', ModelState: { filters: [detail] } });
}

/** One parsed `Field,op,value` term. */
export interface FilterTerm {
  field: string;
  op: string;
  values: string[];
  text: string;
}

const OPERATORS = new Set(['eq', 'ne', 'lt', 'le', 'gt', 'ge', 'in', 'ni', 'bt', 'ct', 'sw', 'ew', 'hv']);

/** Parses `filters=` (terms joined by `;`, AND) against the resource's filterable fields; throws a 400 otherwise. */
export function parseFilters(raw: string | null, fields: Record<string, FieldKind>): FilterTerm[] {
  if (!raw) return [];
  return raw
    .split(';')
    .filter((t) => t.trim() !== '')
    .map((text) => {
      const first = text.indexOf(',');
      const second = first < 0 ? -1 : text.indexOf(',', first + 1);
      if (first < 0 || second < 0) throw badFilter(`Error parsing filter '${text}'. Expected Field,Operation,Value.`);
      const field = text.slice(0, first).trim();
      const op = text.slice(first + 1, second).trim().toLowerCase();
      let value = text.slice(second + 1).trim();
      const kind = lookup(fields, field);
      if (!kind) throw badFilter(`Error parsing filter '${text}'. Field '${field}' is not available for filtering.`);
      if (!OPERATORS.has(op)) throw badFilter(`Error parsing filter '${text}'. Operation '${op}' is not supported.`);
      if (value.startsWith('(') && value.endsWith(')')) value = value.slice(1, -1);
      const values = op === 'in' || op === 'ni' || op === 'bt' ? value.split(',').map((v) => v.trim()) : [value];
      if (op === 'bt' && values.length !== 2) throw badFilter(`Error parsing filter '${text}'. Between needs two values.`);
      for (const v of values) if (op !== 'hv' && parseValue(kind, v) === undefined) throw badFilter(`Error parsing filter '${text}'. '${v}' is not a valid value for ${field}.`);
      return { field: canonical(fields, field), op, values, text };
    });
}

function lookup(fields: Record<string, FieldKind>, name: string): FieldKind | undefined {
  const key = Object.keys(fields).find((k) => k.toLowerCase() === name.toLowerCase());
  return key ? fields[key] : undefined;
}

function canonical(fields: Record<string, FieldKind>, name: string): string {
  return Object.keys(fields).find((k) => k.toLowerCase() === name.toLowerCase()) ?? name;
}

/** Parses a filter value of a kind; undefined when it is not one. Dates compare as local wall-clock text. */
function parseValue(kind: FieldKind, raw: string): string | number | boolean | undefined {
  switch (kind) {
    case 'int':
      return /^-?\d+$/.test(raw) ? Number(raw) : undefined;
    case 'number':
      return raw !== '' && Number.isFinite(Number(raw)) ? Number(raw) : undefined;
    case 'bool':
      return raw.toLowerCase() === 'true' ? true : raw.toLowerCase() === 'false' ? false : undefined;
    case 'string':
      return raw;
    case 'date':
      return parseDate(raw);
  }
}

function parseDate(raw: string): string | undefined {
  let m = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2}(?::\d{2})?))?(?:\.\d+)?(?:Z|[+-]\d{2}:?\d{2})?$/.exec(raw);
  if (m) return `${m[1]}T${(m[2] ?? '00:00:00').padEnd(8, ':00').slice(0, 8)}`;
  m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(raw);
  if (m) return `${m[3]}-${m[1]!.padStart(2, '0')}-${m[2]!.padStart(2, '0')}T00:00:00`;
  return undefined;
}

/** True when `row` satisfies every term. */
export function matches(row: Row, terms: readonly FilterTerm[], fields: Record<string, FieldKind>): boolean {
  return terms.every((term) => test(row[term.field], term, fields[term.field]!));
}

function test(actual: unknown, term: FilterTerm, kind: FieldKind): boolean {
  const has = actual !== undefined && actual !== null && actual !== '';
  if (term.op === 'hv') return has === (term.values[0]?.toLowerCase() !== 'false');
  const values = term.values.map((v) => parseValue(kind, v)!);
  const a = kind === 'date' && typeof actual === 'string' ? actual.slice(0, 19) : actual;
  const v = values[0];
  switch (term.op) {
    case 'eq':
      return kind === 'string' ? String(a ?? '').toLowerCase() === String(v).toLowerCase() : a === v;
    case 'ne':
      return kind === 'string' ? String(a ?? '').toLowerCase() !== String(v).toLowerCase() : a !== v;
    case 'in':
      return values.some((x) => (kind === 'string' ? String(a ?? '').toLowerCase() === String(x).toLowerCase() : a === x));
    case 'ni':
      return !values.some((x) => a === x);
    case 'bt':
      return has && cmp(a, values[0]) >= 0 && cmp(a, values[1]) <= 0;
    case 'lt':
      return has && cmp(a, v) < 0;
    case 'le':
      return has && cmp(a, v) <= 0;
    case 'gt':
      return has && cmp(a, v) > 0;
    case 'ge':
      return has && cmp(a, v) >= 0;
    case 'ct':
      return String(a ?? '').toLowerCase().includes(String(v).toLowerCase());
    case 'sw':
      return String(a ?? '').toLowerCase().startsWith(String(v).toLowerCase());
    case 'ew':
      return String(a ?? '').toLowerCase().endsWith(String(v).toLowerCase());
    default:
      return false;
  }
}

function cmp(a: unknown, b: unknown): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  const x = String(a);
  const y = String(b);
  return x < y ? -1 : x > y ? 1 : 0;
}

/** Reads a query parameter case-insensitively (Rent Manager accepts `pagesize`, `PageSize`, `pageSize`). */
export function param(query: URLSearchParams, name: string): string | null {
  for (const [key, value] of query) if (key.toLowerCase() === name.toLowerCase()) return value;
  return null;
}

/** Splits a comma-separated parameter (`fields`, `embeds`) into trimmed names. */
export function list(raw: string | null): string[] {
  return raw ? raw.split(',').map((s) => s.trim()).filter(Boolean) : [];
}

/** One page of rows plus the paging headers Rent Manager sends (reference §5.5). */
export interface Page {
  rows: Row[];
  total: number;
  headers: Record<string, string>;
}

/** Cuts a page (`pageSize` default 1000, at most 5000; `pageNumber` 1-based) and builds `X-Total-Results`, `X-Results`, `Link`. */
export function paginate(rows: Row[], url: URL): Page {
  const query = url.searchParams;
  const size = Math.min(5_000, Math.max(1, Number(param(query, 'pageSize')) || 1_000));
  const number = Math.max(1, Number(param(query, 'pageNumber')) || 1);
  const pageRows = rows.slice((number - 1) * size, number * size);
  const last = Math.max(1, Math.ceil(rows.length / size));
  const headers: Record<string, string> = { 'X-Total-Results': String(rows.length), 'X-Results': String(pageRows.length) };
  if (rows.length > size) {
    const link = (n: number) => {
      const next = new URLSearchParams();
      for (const [k, v] of query) if (!['pagesize', 'pagenumber'].includes(k.toLowerCase())) next.append(k, v);
      next.set('pagesize', String(size));
      next.set('PageNumber', String(n));
      return `<${url.origin}${url.pathname}?${next.toString()}>`;
    };
    const parts = [`${link(1)}; rel="first"`];
    if (number > 1) parts.push(`${link(number - 1)}; rel="previous"`);
    if (number < last) parts.push(`${link(number + 1)}; rel="next"`);
    parts.push(`${link(last)}; rel="last"`);
    headers.Link = parts.join(', ');
  }
  return { rows: pageRows, total: rows.length, headers };
}
