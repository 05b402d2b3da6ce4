import type { RentManagerSnapshot, RmField, RmRowProblem } from '../../src-shared/domain/rentmanager';
import type { RentManagerClient, RmList } from './client';
import { RentManagerError } from './errors';
import { unresolvedFieldMessage } from './field-choice';
import { rmFilter } from './filters';
import { normalizeProperty, normalizeTenant, normalizeUnit, pinFieldWarning, resolveField } from './normalize';
import type { LeaseRow } from './schemas';

/** Options of {@link readRentManagerSnapshot}. */
export interface ReadSnapshotOptions {
  /** The properties of the site(s) to read. */
  propertyIds: readonly number[];
  /** The PIN field: its UserDefinedFieldID, or its name. */
  pinField?: number | string;
  /** The RF card field: its UserDefinedFieldID, or its name. */
  rfCardField?: number | string;
  signal?: AbortSignal;
  /** Progress after each collection: `done` of `total` steps. */
  onProgress?: (progress: { step: string; done: number; total: number }) => void;
  /** Injected clock for `readAt` (tests). */
  now?: () => Date;
}

/** Failures that concern the whole connection: they end the read instead of failing one property. */
const FATAL = new Set(['RM_UNAUTHORIZED', 'RM_TOO_MANY_SESSIONS', 'RM_FORBIDDEN', 'RM_UNKNOWN_COMPANY', 'OFFLINE', 'CANCELLED']);

type Failures = Map<number, string>;

/**
 * Reads one site's Rent Manager data and normalises it into a {@link RentManagerSnapshot}.
 * Each collection is read for all properties at once (`PropertyID,in,(…)`, fewest pages) — for
 * many properties in `in` lists of {@link IN_LIST_MAX}, or whole when the site covers most of
 * what the integration sees; if a read fails, its properties are read one by one so a failure
 * lands in `failedProperties` for that property only. Connection-wide failures (sign-in, access,
 * network, cancel) throw.
 */
export async function readRentManagerSnapshot(client: RentManagerClient, options: ReadSnapshotOptions): Promise<RentManagerSnapshot> {
  const ids = [...new Set(options.propertyIds)].sort((a, b) => a - b);
  const signal = options.signal;
  const problems: RmRowProblem[] = [];
  const failed: Failures = new Map();
  const steps = 5;
  let done = 0;
  const progress = (step: string) => options.onProgress?.({ step, done: ++done, total: steps });

  let pinField: RmField | null = null;
  let rfCardField: RmField | null = null;
  if (options.pinField !== undefined || options.rfCardField !== undefined) {
    const fields = await client.userDefinedFields({ signal });
    pinField = resolveField(fields.rows, options.pinField);
    rfCardField = resolveField(fields.rows, options.rfCardField);
    // The sentence names the field and the fields that exist: the engine stops the run with it (issue 12).
    if (options.pinField !== undefined && !pinField) problems.push({ collection: 'UserDefinedFields', id: typeof options.pinField === 'number' ? options.pinField : null, reason: unresolvedFieldMessage('PIN', 'pinField', options.pinField, fields.rows) });
    if (options.rfCardField !== undefined && !rfCardField) problems.push({ collection: 'UserDefinedFields', id: typeof options.rfCardField === 'number' ? options.rfCardField : null, reason: unresolvedFieldMessage('RF card', 'rfCardField', options.rfCardField, fields.rows) });
  }
  progress('fields');

  // A large configuration (more IDs than one `in` list carries) reads Properties whole first; when
  // the site covers most of what the integration sees, the other collections are read whole too
  // and filtered here (fewest pages), else in `in` lists of IN_LIST_MAX (never one per property).
  let whole = ids.length > IN_LIST_MAX;
  const read = <T>(step: string, fetch: (ids: number[] | null) => Promise<RmList<T>>, propertyOf: (row: T) => number) =>
    readPerProperty(ids, whole, fetch, propertyOf, failed, problems).finally(() => progress(step));
  const scoped = (p: number[] | null) => ({ signal, ...(p ? { filters: [inProperties(p)] } : {}) });
  let visible = 0;
  const properties = await read('properties', async (p) => {
    const list = await client.properties(scoped(p));
    if (p === null) visible = list.rows.length;
    return list;
  }, (r) => r.PropertyID);
  whole &&= ids.length * 2 >= visible;
  const units = await read('units', (p) => client.units(scoped(p)), (r) => r.PropertyID);
  const tenants = await read('tenants', (p) => client.tenants(scoped(p)), (r) => r.PropertyID);
  const leases = await read('leases', (p) => client.leases(scoped(p)), (r) => r.PropertyID ?? -1);

  const seen = new Set(properties.map((p) => p.PropertyID));
  for (const id of ids) if (!seen.has(id) && !failed.has(id)) failed.set(id, 'not visible in Rent Manager: removed from the integration, deleted, or no access');

  const leasesByTenant = new Map<number, LeaseRow[]>();
  for (const lease of leases) leasesByTenant.set(lease.TenantID, [...(leasesByTenant.get(lease.TenantID) ?? []), lease]);
  const skippedContacts: RentManagerSnapshot['skippedContacts'] = [];
  const normalizedTenants = tenants.map((row) => {
    const n = normalizeTenant(row, { pinField, rfCardField, leases: leasesByTenant });
    skippedContacts.push(...n.skipped);
    problems.push(...n.problems);
    return n.tenant;
  });
  progress('normalise');
  return {
    origin: { customer: client.corp, location: client.locationId },
    readAt: (options.now ?? (() => new Date()))().toISOString(),
    properties: properties.map(normalizeProperty),
    units: units.map(normalizeUnit),
    tenants: normalizedTenants,
    skippedContacts,
    failedProperties: [...failed].map(([propertyId, reason]) => ({ propertyId, reason })).sort((a, b) => a.propertyId - b.propertyId),
    rowProblems: problems,
    pinField,
    rfCardField,
  };
}

/** See {@link pinFieldWarning}: re-exported for the connections screen and CLI. */
export { pinFieldWarning };

function inProperties(ids: readonly number[]) {
  return ids.length === 1 ? rmFilter.eq('PropertyID', ids[0]!) : rmFilter.in('PropertyID', ids);
}

/**
 * Property IDs per `in` list: 150 IDs of up to six digits, URL-encoded (`%2C`), keep the query
 * string near 1,400 characters with the other parameters well under the 2,048 that IIS, which
 * Rent Manager runs on, accepts by default; and under Node's 16 KB header limit in the sandbox.
 */
export const IN_LIST_MAX = 150;

function chunks(ids: readonly number[], size: number): number[][] {
  const out: number[][] = [];
  for (let i = 0; i < ids.length; i += size) out.push(ids.slice(i, i + size));
  return out;
}

/** Reads one collection for `ids` (whole, or in `in` lists), falling back property by property where a read fails. */
async function readPerProperty<T>(ids: number[], whole: boolean, fetch: (ids: number[] | null) => Promise<RmList<T>>, propertyOf: (row: T) => number, failed: Failures, problems: RmRowProblem[]): Promise<T[]> {
  const wanted = ids.filter((id) => !failed.has(id));
  if (wanted.length === 0) return [];
  const accept = (list: RmList<T>, group: number[]): T[] | null => {
    const inGroup = new Set(group);
    const got = list.rows.length + list.problems.length;
    if (list.total !== null && got < list.total) return null;
    const rows = list.rows.filter((r) => inGroup.has(propertyOf(r)));
    // A whole read's row problems cannot all be placed in a property: keeping them errs on the side of caution.
    problems.push(...list.problems);
    return rows;
  };
  if (whole) {
    try {
      const rows = accept(await fetch(null), wanted);
      if (rows) return rows;
    } catch (error) {
      if (isFatal(error)) throw error;
    }
  }
  const out: T[] = [];
  for (const group of chunks(wanted, IN_LIST_MAX)) {
    try {
      const rows = accept(await fetch(group), group);
      if (rows) {
        out.push(...rows);
        continue;
      }
    } catch (error) {
      if (isFatal(error)) throw error;
    }
    for (const id of group) {
      try {
        const list = await fetch([id]);
        const rows = accept(list, [id]);
        if (rows) out.push(...rows);
        else failed.set(id, `incomplete read: Rent Manager announced ${list.total} rows, sent ${list.rows.length + list.problems.length}`);
      } catch (error) {
        if (isFatal(error)) throw error;
        failed.set(id, error instanceof Error ? error.message : String(error));
      }
    }
  }
  return out;
}

function isFatal(error: unknown): boolean {
  return !(error instanceof RentManagerError) || FATAL.has(error.code);
}
