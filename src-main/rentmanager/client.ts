import type { z } from 'zod';
import type { RmRowProblem } from '../../src-shared/domain/rentmanager';
import type { RmAuth } from '../../src-shared/domain/rentmanager-connection';
import { silentLogger, type Logger } from '../logging/logger';
import { looseInt } from '../lib/wire-read';
import type { ShapeSink } from '../logging/response-shapes';
import { badResponse } from './errors';
import { filtersParam, rmFilter, type RmFilter } from './filters';
import { describeIssues, LeaseRowSchema, LocationRowSchema, PropertyRowSchema, TenantRowSchema, UdfRowSchema, UnitRowSchema, type LeaseRow, type LocationRow, type PropertyRow, type TenantRow, type UdfRow, type UnitRow } from './schemas';
import { createTransport } from './transport';

/** Options of {@link createRentManagerClient}. */
export interface RentManagerClientOptions {
  /** `https://<corp>.api.rentmanager.com`, or the sandbox's URL. */
  baseUrl: string;
  /** The company code: part of every record's identity. */
  corp: string;
  locationId: number;
  auth: RmAuth;
  /** Client-side budget; Rent Manager allows 500 a minute per company, shared (default 300). */
  requestsPerMinute?: number;
  /** Requests at once, within the budget (default 4; reference §6.3 advises ≤ 3–5). */
  parallel?: number;
  /** Per-request timeout (default 30 s). */
  timeoutMs?: number;
  logger?: Logger;
  /** Retries of a read after a network error, timeout or 5xx (default 3). */
  retries?: number;
  /** Where the shape (never the values) of every answer goes, for the diagnostics report. */
  shapes?: ShapeSink;
}

/** Options of one collection read. */
export interface ReadOptions {
  signal?: AbortSignal;
  /** Extra filters, ANDed with the read's own. */
  filters?: readonly RmFilter[];
  /** Only rows with `UpdateDate` after this local date-time (`YYYY-MM-DD[THH:mm:ss]`); apply an overlap window yourself. */
  updatedSince?: string;
  /** Replaces the default `fields` projection (embedded names must be listed too). */
  fields?: readonly string[];
  /** Called after every page. */
  onPage?: (page: { collection: string; pageNumber: number; rows: number; total: number | null }) => void;
}

/** A collection read: valid rows, rows that failed validation, `X-Total-Results` and the number of page requests. */
export interface RmList<T> {
  rows: T[];
  problems: RmRowProblem[];
  total: number | null;
  pages: number;
}

/** The Rent Manager RM12 read client the sync engine and CLI use. */
export interface RentManagerClient {
  readonly corp: string;
  readonly locationId: number;
  /** Locations the integration can access (`GET /Current/Locations`); signs in if needed. */
  locations(opts?: Pick<ReadOptions, 'signal'>): Promise<RmList<LocationRow>>;
  /** Properties (with addresses). */
  properties(opts?: ReadOptions): Promise<RmList<PropertyRow>>;
  /** Units. */
  units(opts?: ReadOptions): Promise<RmList<UnitRow>>;
  /** Tenants with embeds Contacts, Contacts.PhoneNumbers, Leases, UserDefinedValues. */
  tenants(opts?: ReadOptions): Promise<RmList<TenantRow>>;
  /** Leases with the LeaseRenewals embed (StartDate/EndDate). */
  leases(opts?: ReadOptions): Promise<RmList<LeaseRow>>;
  /** User-defined field definitions (to offer PIN / RF card fields by ID, with their type). */
  userDefinedFields(opts?: Pick<ReadOptions, 'signal' | 'filters'>): Promise<RmList<UdfRow>>;
  /** Releases the API token (DeAuthorize); call on quit. Never throws. */
  signOut(): Promise<void>;
  /** Request counters (page requests, sign-ins, retries, rate-limit waits). */
  stats(): { requests: number; signIns: number; retries: number; rateLimitWaits: number };
}

/** Rows per page: Rent Manager's documented maximum (reference §5.5). */
export const PAGE_SIZE = 1000;

interface CollectionSpec<T> {
  name: string;
  path: string;
  idField: string;
  schema: z.ZodType<T>;
  fields?: readonly string[];
  embeds?: readonly string[];
}

const SPECS = {
  locations: { name: 'Locations', path: '/Current/Locations', idField: 'LocationID', schema: LocationRowSchema },
  properties: { name: 'Properties', path: '/Properties', idField: 'PropertyID', schema: PropertyRowSchema, fields: ['PropertyID', 'Name', 'ShortName', 'IsActive', 'UpdateDate', 'Addresses'], embeds: ['Addresses'] },
  units: { name: 'Units', path: '/Units', idField: 'UnitID', schema: UnitRowSchema, fields: ['UnitID', 'PropertyID', 'Name', 'UnitTypeID', 'UpdateDate'] },
  tenants: {
    name: 'Tenants', path: '/Tenants', idField: 'TenantID', schema: TenantRowSchema,
    fields: ['TenantID', 'TenantDisplayID', 'Name', 'FirstName', 'LastName', 'Status', 'PropertyID', 'UpdateDate', 'Contacts', 'Leases', 'UserDefinedValues'],
    embeds: ['Contacts', 'Contacts.PhoneNumbers', 'Leases', 'UserDefinedValues'],
  },
  leases: {
    name: 'Leases', path: '/Leases', idField: 'LeaseID', schema: LeaseRowSchema,
    fields: ['LeaseID', 'TenantID', 'UnitID', 'PropertyID', 'MoveInDate', 'MoveOutDate', 'ExpectedMoveOutDate', 'StartDate', 'EndDate', 'UpdateDate', 'LeaseRenewals'],
    embeds: ['LeaseRenewals'],
  },
  userDefinedFields: { name: 'UserDefinedFields', path: '/UserDefinedFields', idField: 'UserDefinedFieldID', schema: UdfRowSchema },
} satisfies Record<string, CollectionSpec<unknown>>;

/**
 * Creates a Rent Manager client for one connection (one company, one location, one token).
 * Reads page through `pageSize=1000`/`pageNumber`, following `Link` and `X-Total-Results`;
 * 204 and empty bodies are empty lists; a row failing validation becomes a problem, not a crash.
 */
export function createRentManagerClient(options: RentManagerClientOptions): RentManagerClient {
  const logger = (options.logger ?? silentLogger).child('rentmanager');
  const transport = createTransport({
    baseUrl: options.baseUrl,
    locationId: options.locationId,
    auth: options.auth,
    requestsPerMinute: options.requestsPerMinute ?? 300,
    parallel: options.parallel ?? 4,
    timeoutMs: options.timeoutMs ?? 30_000,
    retries: options.retries ?? 3,
    logger,
    ...(options.shapes ? { shapes: options.shapes } : {}),
  });

  async function readAll<T>(spec: CollectionSpec<T>, opts: ReadOptions = {}): Promise<RmList<T>> {
    const filters = [...(opts.filters ?? [])];
    if (opts.updatedSince) filters.push(rmFilter.gt('UpdateDate', opts.updatedSince));
    const fields = opts.fields ?? spec.fields;
    const base = {
      filters: filters.length ? filtersParam(filters) : undefined,
      embeds: spec.embeds?.join(','),
      fields: fields?.join(','),
      pageSize: PAGE_SIZE,
    };
    const out: RmList<T> = { rows: [], problems: [], total: null, pages: 0 };
    let pageNumber = 1;
    for (;;) {
      const res = await transport.request({ method: 'GET', path: spec.path, params: { ...base, pageNumber }, signal: opts.signal, idempotent: true });
      out.pages++;
      const total = res.headers['x-total-results'];
      if (total !== undefined && /^\d+$/.test(total)) out.total = Number(total);
      if (res.status === 204 || res.body === undefined) break;
      if (!Array.isArray(res.body)) throw badResponse(`Rent Manager sent ${spec.name} as something other than a list.`, { method: 'GET', path: spec.path }, res.status);
      for (const item of res.body) {
        const parsed = spec.schema.safeParse(item);
        if (parsed.success) out.rows.push(parsed.data);
        else out.problems.push({ collection: spec.name, id: rowId(item, spec.idField), reason: describeIssues(parsed.error, item) });
      }
      opts.onPage?.({ collection: spec.name, pageNumber, rows: res.body.length, total: out.total });
      const next = nextPage(res.headers.link, pageNumber);
      const seen = out.rows.length + out.problems.length;
      if (next !== null) pageNumber = next;
      else if (res.body.length >= PAGE_SIZE && (out.total === null || seen < out.total)) pageNumber++;
      else break;
      if (out.total !== null && pageNumber > Math.ceil(out.total / PAGE_SIZE) + 1) break;
    }
    return out;
  }

  return {
    corp: options.corp,
    locationId: options.locationId,
    locations: (opts) => readAll(SPECS.locations, { signal: opts?.signal }),
    properties: (opts) => readAll(SPECS.properties, opts),
    units: (opts) => readAll(SPECS.units, opts),
    tenants: (opts) => readAll(SPECS.tenants, opts),
    leases: (opts) => readAll(SPECS.leases, opts),
    userDefinedFields: (opts) => readAll(SPECS.userDefinedFields, { signal: opts?.signal, filters: opts?.filters }),
    signOut: () => transport.signOut(),
    stats: () => transport.stats(),
  };
}

/** The page number of the `rel="next"` link, or null when there is none. */
export function nextPage(link: string | undefined, current: number): number | null {
  if (!link) return null;
  for (const part of link.split(/,(?=\s*<)/)) {
    const m = /<([^>]*)>\s*;\s*rel="?next"?/i.exec(part);
    if (!m) continue;
    const n = /[?&]pagenumber=(\d+)/i.exec(m[1]!);
    const page = n ? Number(n[1]) : NaN;
    return Number.isInteger(page) && page > current ? page : null;
  }
  return null;
}

function rowId(item: unknown, idField: string): number | null {
  const id = item && typeof item === 'object' ? (item as Record<string, unknown>)[idField] : undefined;
  const parsed = looseInt().safeParse(id);
  return parsed.success ? parsed.data : null;
}
