import { z } from 'zod';
import { CalendarDateSchema } from '../../../src-shared/domain/calendar-date';
import { addTenant, AddTenantSchema, addUnit, AddUnitSchema, moveOut, setPin, setPropertyIncluded, setRfCard, type AddTenantInput, type FaultOptions } from './admin';
import type { SandboxCounters, SandboxRuntime } from './runtime';
import { SeedSpecSchema, type SandboxState, type SeedSpec } from './state';

/** Test and demo controls of a running sandbox; the same operations are served under `/__sandbox/`. */
export interface RentManagerSandboxAdmin {
  /** Regenerates the portfolio (same seed unless given) and forgets tokens, faults, latency and counters. */
  reset(options?: { seed?: SeedSpec; asOf?: string }): void;
  /** Ends every open lease of the tenant on `date` (YYYY-MM-DD). */
  moveOut(tenantId: number, date: string): void;
  /** Sets (null clears) the tenant's PIN in the Numeric and the Text PIN fields. */
  setPin(tenantId: number, value: string | null): void;
  /** Sets (null clears) the tenant's RF card. */
  setRfCard(tenantId: number, value: string | null): void;
  /** Adds a tenant with a primary contact, occupants and a lease; returns its TenantID. */
  addTenant(input: AddTenantInput): number;
  /** Adds a unit; returns its UnitID. */
  addUnit(input: { propertyId: number; name: string }): number;
  /** Takes a property out of the integration: the API no longer shows it or anything in it. */
  removeProperty(propertyId: number): void;
  /** Puts a removed property back into the integration. */
  restoreProperty(propertyId: number): void;
  /** Injects faults into data requests (share 0 turns them off). */
  faults(options: FaultOptions): void;
  /** Delays every API response by `ms`. */
  latency(ms: number): void;
  /** Invalidates every API token now (as an idle timeout or a password change would). */
  expireTokens(): void;
  /** Request counters since start or the last reset. */
  counters(): SandboxCounters;
  /** Zeroes the request counters. */
  resetCounters(): void;
  /** Overwrites fields of one stored row as-is, unchecked (tests: a malformed row Rent Manager might send). */
  patchRow(collection: PatchableCollection, id: number, patch: Record<string, unknown>): void;
  /** How many rows each collection holds (for benchmarks and sanity checks). */
  sizes(): Record<string, number>;
}

/** Collections {@link RentManagerSandboxAdmin.patchRow} can change, with their key field. */
export const PATCHABLE = { properties: 'PropertyID', units: 'UnitID', tenants: 'TenantID', contacts: 'ContactID', leases: 'LeaseID', userDefinedFields: 'UserDefinedFieldID' } as const;
/** See {@link PATCHABLE}. */
export type PatchableCollection = keyof typeof PATCHABLE;

type Regenerate = (seed: SeedSpec | undefined, asOf: string | undefined) => SandboxState;
type Reply = (status: number, body: unknown) => void;

const Id = z.coerce.number().int();
const ResetSchema = z.object({ seed: SeedSpecSchema.optional(), asOf: CalendarDateSchema.optional() }).default({});

/** Builds the in-process admin over a runtime, and the `/__sandbox/` HTTP handler over the same operations. */
export function createSandboxAdmin(rt: SandboxRuntime, regenerate: Regenerate, emptyCounters: () => SandboxCounters) {
  const mutate = <T>(fn: (s: SandboxState) => T): T => {
    const result = fn(rt.state);
    rt.changed();
    return result;
  };
  const admin: RentManagerSandboxAdmin = {
    reset(options = {}) {
      rt.state = regenerate(options.seed, options.asOf);
      rt.tokens.clear();
      rt.latencyMs = 0;
      rt.setFaults({ share: 0 });
      rt.counters = emptyCounters();
      rt.changed();
    },
    moveOut: (tenantId, date) => mutate((s) => moveOut(s, tenantId, date)),
    setPin: (tenantId, value) => mutate((s) => setPin(s, tenantId, value)),
    setRfCard: (tenantId, value) => mutate((s) => setRfCard(s, tenantId, value)),
    addTenant: (input) => mutate((s) => addTenant(s, input)),
    addUnit: (input) => mutate((s) => addUnit(s, input)),
    removeProperty: (id) => mutate((s) => setPropertyIncluded(s, id, false)),
    restoreProperty: (id) => mutate((s) => setPropertyIncluded(s, id, true)),
    faults: (options) => rt.setFaults(options),
    latency: (ms) => void (rt.latencyMs = Math.max(0, ms)),
    expireTokens: () => rt.tokens.clear(),
    counters: () => ({ ...structuredClone(rt.counters), activeTokens: rt.tokens.size }),
    resetCounters: () => void (rt.counters = emptyCounters()),
    patchRow: (collection, id, patch) =>
      mutate((s) => {
        const row = s[collection].find((r) => r[PATCHABLE[collection]] === id);
        if (!row) throw new Error(`no ${collection} row ${id}`);
        Object.assign(row, patch);
      }),
    sizes: () => Object.fromEntries(Object.entries(rt.state).filter(([, v]) => Array.isArray(v)).map(([k, v]) => [k, (v as unknown[]).length])),
  };

  /** `/__sandbox/...` routes; bodies are JSON and validated like the in-process calls. */
  function handleHttp(method: string, path: string[], body: unknown, reply: Reply): void {
    const route = `${method} /${path.map((p) => (/^\d+$/.test(p) ? ':id' : p)).join('/')}`;
    const id = () => Id.parse(path[1]);
    const value = () => z.object({ value: z.string().nullable() }).parse(body).value;
    try {
      switch (route) {
        case 'POST /reset':
          return reply(200, (admin.reset(ResetSchema.parse(body ?? {})), { ok: true }));
        case 'POST /tenants':
          return reply(201, { TenantID: admin.addTenant(AddTenantSchema.parse(body)) });
        case 'POST /tenants/:id/move-out':
          return reply(200, (admin.moveOut(id(), z.object({ date: CalendarDateSchema }).parse(body).date), { ok: true }));
        case 'PUT /tenants/:id/pin':
          return reply(200, (admin.setPin(id(), value()), { ok: true }));
        case 'PUT /tenants/:id/rf-card':
          return reply(200, (admin.setRfCard(id(), value()), { ok: true }));
        case 'POST /units':
          return reply(201, { UnitID: admin.addUnit(AddUnitSchema.parse(body)) });
        case 'POST /properties/:id/remove':
          return reply(200, (admin.removeProperty(id()), { ok: true }));
        case 'POST /properties/:id/restore':
          return reply(200, (admin.restoreProperty(id()), { ok: true }));
        case 'PUT /faults':
          return reply(200, (admin.faults((body ?? {}) as FaultOptions), { ok: true }));
        case 'PUT /latency':
          return reply(200, (admin.latency(z.object({ ms: z.number().int().min(0) }).parse(body).ms), { ok: true }));
        case 'POST /expire-tokens':
          return reply(200, (admin.expireTokens(), { ok: true }));
        case 'GET /counters':
          return reply(200, admin.counters());
        case 'POST /counters/reset':
          return reply(200, (admin.resetCounters(), { ok: true }));
        case 'PATCH /rows/:id': {
          const { collection, patch } = z.object({ collection: z.enum(Object.keys(PATCHABLE) as [PatchableCollection]), patch: z.record(z.string(), z.unknown()) }).parse(body);
          return reply(200, (admin.patchRow(collection, id(), patch), { ok: true }));
        }
        case 'GET /sizes':
          return reply(200, admin.sizes());
        default:
          return reply(404, { error: `unknown sandbox route ${route}` });
      }
    } catch (error) {
      reply(400, { error: error instanceof z.ZodError ? z.prettifyError(error) : String(error instanceof Error ? error.message : error) });
    }
  }

  return { admin, handleHttp };
}
