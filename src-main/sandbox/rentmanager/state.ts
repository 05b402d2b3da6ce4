import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

/**
 * The sandbox's data, kept in Rent Manager's own wire shape (PascalCase, dates as
 * `yyyy-MM-ddTHH:mm:ss`), so serving a row is a projection, not a translation.
 */
export interface SandboxState {
  version: 1;
  /** The fixed "today" of the portfolio, or null to follow the real date. */
  asOf: string | null;
  seed: SeedSpec;
  nextIds: Record<string, number>;
  locations: Row[];
  properties: Row[];
  unitTypes: Row[];
  units: Row[];
  tenants: Row[];
  contactTypes: Row[];
  contacts: Row[];
  phoneNumbers: Row[];
  leases: Row[];
  leaseRenewals: Row[];
  userDefinedFields: Row[];
  userDefinedValues: Row[];
  /** Properties the customer deselected in the integration's settings: invisible to the API. */
  excludedPropertyIds: number[];
}

/** A row of any sandbox collection (PascalCase fields; undefined/null fields are never served). */
export type Row = Record<string, unknown>;

/** Which portfolio to generate. */
export const SeedSpecSchema = z.union([
  z.literal('demo'),
  z.literal('bench'),
  /** `properties`: spread the units over that many properties (large-configuration benchmarks); default about 250 units each. */
  z.object({ units: z.number().int().min(1).max(200_000), properties: z.number().int().min(1).max(20_000).optional() }),
]);
/** See {@link SeedSpecSchema}. */
export type SeedSpec = z.infer<typeof SeedSpecSchema>;

const StateFileSchema = z.looseObject({ version: z.literal(1), seed: SeedSpecSchema, tenants: z.array(z.unknown()) });

/** Reads a persisted state file; null when it is missing or not a sandbox state. */
export function loadState(file: string): SandboxState | null {
  if (!fs.existsSync(file)) return null;
  try {
    const raw: unknown = JSON.parse(fs.readFileSync(file, 'utf8'));
    return StateFileSchema.safeParse(raw).success ? (raw as SandboxState) : null;
  } catch {
    return null;
  }
}

/** Writes the state atomically (temp file + rename), so a crash never leaves half a file. */
export function saveState(file: string, state: SandboxState): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, JSON.stringify(state));
  fs.renameSync(tmp, file);
}

/** The next ID of a collection (IDs are never reused, as in Rent Manager). */
export function takeId(state: SandboxState, collection: string): number {
  const id = state.nextIds[collection] ?? 1;
  state.nextIds[collection] = id + 1;
  return id;
}

/** A calendar date (`YYYY-MM-DD`) as Rent Manager sends it: `YYYY-MM-DDT00:00:00`, no offset. */
export function rmDate(date: string): string {
  return `${date}T00:00:00`;
}

/** The wall-clock time now as Rent Manager sends it (no offset). */
export function rmNow(now: Date = new Date()): string {
  return now.toISOString().slice(0, 19);
}

/** The sandbox's today: its fixed `asOf`, or the real UTC date. */
export function todayOf(state: SandboxState): string {
  return state.asOf ?? new Date().toISOString().slice(0, 10);
}

/**
 * A tenant's Status from its leases relative to `today`, with Rent Manager's report semantics
 * (shared/reference/rent-manager-api.md §4.3): Current = moved in on/before today and not moved
 * out before it; Past = moved out before today; Future = move-in after today or none.
 */
export function tenantStatus(leases: readonly Row[], today: string): 'Current' | 'Past' | 'Future' {
  const day = (v: unknown) => (typeof v === 'string' ? v.slice(0, 10) : null);
  let past = false;
  let future = false;
  for (const lease of leases) {
    const moveIn = day(lease.MoveInDate);
    const moveOut = day(lease.MoveOutDate);
    if (moveIn === null || moveIn > today) future = true;
    else if (moveOut !== null && moveOut < today) past = true;
    else return 'Current';
  }
  if (future) return 'Future';
  return past ? 'Past' : 'Future';
}
