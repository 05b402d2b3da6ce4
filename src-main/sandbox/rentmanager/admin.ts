import { z } from 'zod';
import { CalendarDateSchema } from '../../../src-shared/domain/calendar-date';
import { createPrng } from './prng';
import { addTenantRow, addUnitRow, SEED_UDF, setTenantPin, setUdfValue } from './seed';
import { rmDate, rmNow, todayOf, type SandboxState } from './state';

/** Input of `admin.addTenant` / `POST /__sandbox/tenants`. */
export const AddTenantSchema = z.object({
  propertyId: z.number().int(),
  unitId: z.number().int(),
  firstName: z.string().min(1),
  lastName: z.string().min(1),
  moveIn: CalendarDateSchema.nullable().default(null),
  moveOut: CalendarDateSchema.nullable().default(null),
  occupants: z.array(z.object({ firstName: z.string().min(1), lastName: z.string().min(1) })).default([]),
  pin: z.string().nullable().default(null),
  rfCard: z.string().nullable().default(null),
});
/** See {@link AddTenantSchema}. */
export type AddTenantInput = z.input<typeof AddTenantSchema>;

/** Input of `admin.addUnit` / `POST /__sandbox/units`. */
export const AddUnitSchema = z.object({ propertyId: z.number().int(), name: z.string().min(1) });

/** Fault injection (`admin.faults` / `POST /__sandbox/faults`): a share of data requests fail or hang. */
export const FaultsSchema = z.object({
  /** Share of data requests (0–1) that fault. */
  share: z.number().min(0).max(1).default(0),
  /** Statuses to answer with (picked in turn); empty with hangMs only hangs. */
  statuses: z.array(z.union([z.literal(429), z.literal(500), z.literal(502), z.literal(503), z.literal(504)])).default([]),
  /** Hold the response this long before answering (normally). */
  hangMs: z.number().int().min(0).default(0),
  /** Fault only this many requests, then stop (omit: no limit). */
  times: z.number().int().positive().optional(),
  /** Fault only requests whose filters name this property (`PropertyID,eq,N` or an `in` list with N). */
  propertyId: z.number().int().optional(),
});
/** See {@link FaultsSchema}. */
export type FaultOptions = z.input<typeof FaultsSchema>;

function tenantOrThrow(state: SandboxState, tenantId: number) {
  const tenant = state.tenants.find((t) => t.TenantID === tenantId);
  if (!tenant) throw new Error(`no tenant ${tenantId}`);
  return tenant;
}

/** Moves a tenant out on `date`: every open lease of the tenant ends that day. */
export function moveOut(state: SandboxState, tenantId: number, date: string): void {
  const tenant = tenantOrThrow(state, tenantId);
  const day = CalendarDateSchema.parse(date);
  const stamp = rmNow();
  for (const lease of state.leases) {
    if (lease.TenantID !== tenantId || (lease.MoveOutDate && String(lease.MoveOutDate) < rmDate(day))) continue;
    Object.assign(lease, { MoveOutDate: rmDate(day), ExpectedMoveOutDate: rmDate(day), IsMoveOutConfirmed: true, UpdateDate: stamp });
  }
  tenant.UpdateDate = stamp;
}

/** Changes (or with null clears) a tenant's PIN in both PIN fields. */
export function setPin(state: SandboxState, tenantId: number, value: string | null): void {
  tenantOrThrow(state, tenantId);
  setTenantPin(state, tenantId, value, rmNow());
}

/** Changes (or with null clears) a tenant's RF card. */
export function setRfCard(state: SandboxState, tenantId: number, value: string | null): void {
  tenantOrThrow(state, tenantId);
  setUdfValue(state, SEED_UDF.rfCardText, tenantId, value, rmNow());
}

/** Adds a tenant (primary contact, occupants, lease, PIN/RF values); returns its TenantID. */
export function addTenant(state: SandboxState, input: AddTenantInput): number {
  const t = AddTenantSchema.parse(input);
  if (!state.units.some((u) => u.UnitID === t.unitId && u.PropertyID === t.propertyId)) throw new Error(`no unit ${t.unitId} in property ${t.propertyId}`);
  return addTenantRow(state, createPrng(state.tenants.length + 1), { ...t, today: todayOf(state) });
}

/** Adds a unit to a property; returns its UnitID. */
export function addUnit(state: SandboxState, input: z.input<typeof AddUnitSchema>): number {
  const u = AddUnitSchema.parse(input);
  if (!state.properties.some((p) => p.PropertyID === u.propertyId)) throw new Error(`no property ${u.propertyId}`);
  return addUnitRow(state, createPrng(state.units.length + 1), u.propertyId, u.name, rmNow());
}

/** Takes a property out of the integration (or, with `included`, puts it back): the API stops showing it. */
export function setPropertyIncluded(state: SandboxState, propertyId: number, included: boolean): void {
  const rest = state.excludedPropertyIds.filter((id) => id !== propertyId);
  state.excludedPropertyIds = included ? rest : [...rest, propertyId];
}
