import { z } from 'zod';
import { CalendarDateSchema } from './calendar-date';

/**
 * The Rent Manager side of a sync, normalised (src-main/rentmanager/normalize.ts builds it).
 * Identity = company code + location + Rent Manager ID (shared/reference/rent-manager-api.md §3.3).
 */
export const RmOriginSchema = z.object({ customer: z.string().min(1), location: z.number().int() });

/** A property enabled for the integration. */
export const RmPropertySchema = z.object({
  id: z.number().int(),
  name: z.string(),
  shortName: z.string().nullable(),
  address: z.string().nullable(),
  isActive: z.boolean(),
});
/** See {@link RmPropertySchema}. */
export type RmProperty = z.infer<typeof RmPropertySchema>;

/** A unit; becomes an apartment named by `name` (spec §2). */
export const RmUnitSchema = z.object({ id: z.number().int(), propertyId: z.number().int(), name: z.string() });
/** See {@link RmUnitSchema}. */
export type RmUnit = z.infer<typeof RmUnitSchema>;

/** A lease with its four calendar dates (lease start/end come from the LeaseRenewals embed). */
export const RmLeaseSchema = z.object({
  id: z.number().int(),
  tenantId: z.number().int(),
  unitId: z.number().int().nullable(),
  propertyId: z.number().int(),
  moveIn: CalendarDateSchema.nullable(),
  moveOut: CalendarDateSchema.nullable(),
  leaseStart: CalendarDateSchema.nullable(),
  leaseEnd: CalendarDateSchema.nullable(),
});
/** See {@link RmLeaseSchema}. */
export type RmLease = z.infer<typeof RmLeaseSchema>;

/** The four calendar dates of a lease, all the window rules read (kept with each synced family member, issue 16). */
export const RmLeaseDatesSchema = RmLeaseSchema.pick({ moveIn: true, moveOut: true, leaseStart: true, leaseEnd: true });
/** See {@link RmLeaseDatesSchema}. */
export type RmLeaseDates = z.infer<typeof RmLeaseDatesSchema>;

/** A contact that may sync: active, with Applicant Type Primary or Occupant (spec §2). */
export const RmContactSchema = z.object({
  id: z.number().int(),
  tenantId: z.number().int(),
  firstName: z.string(),
  lastName: z.string(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  applicantType: z.enum(['Primary', 'Occupant']),
  isPrimary: z.boolean(),
});
/** See {@link RmContactSchema}. */
export type RmContact = z.infer<typeof RmContactSchema>;

/** A contact that is never synced, with why (guarantor, emergency, inactive, …). */
export const RmSkippedContactSchema = z.object({
  contactId: z.number().int(),
  tenantId: z.number().int(),
  name: z.string(),
  applicantType: z.string().nullable(),
  reason: z.string(),
});
/** See {@link RmSkippedContactSchema}. */
export type RmSkippedContact = z.infer<typeof RmSkippedContactSchema>;

/** A tenant with its eligible contacts, its leases and the raw PIN / RF card values of the chosen fields. */
export const RmTenantSchema = z.object({
  id: z.number().int(),
  displayId: z.number().int().nullable(),
  propertyId: z.number().int(),
  name: z.string(),
  status: z.string().nullable(),
  /** Raw value of the PIN field (Numeric values already normalised: "1234.0" → "1234"); null when empty. */
  pin: z.string().nullable(),
  /** Raw value of the RF card field; null when empty. Validation happens in the planner. */
  rfCard: z.string().nullable(),
  contacts: z.array(RmContactSchema),
  leases: z.array(RmLeaseSchema),
});
/** See {@link RmTenantSchema}. */
export type RmTenant = z.infer<typeof RmTenantSchema>;

/** A user-defined field chosen for PINs or RF cards. */
export const RmFieldSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  fieldType: z.string(),
  parentType: z.string().nullable(),
});
/** See {@link RmFieldSchema}. */
export type RmField = z.infer<typeof RmFieldSchema>;

/** A row Rent Manager returned that could not be read (it is skipped, the rest goes on). */
export const RmRowProblemSchema = z.object({
  collection: z.string(),
  id: z.number().int().nullable(),
  reason: z.string(),
});
/** See {@link RmRowProblemSchema}. */
export type RmRowProblem = z.infer<typeof RmRowProblemSchema>;

/** Everything read from Rent Manager for one site at one moment. */
export const RentManagerSnapshotSchema = z.object({
  origin: RmOriginSchema,
  readAt: z.string(),
  properties: z.array(RmPropertySchema),
  units: z.array(RmUnitSchema),
  tenants: z.array(RmTenantSchema),
  skippedContacts: z.array(RmSkippedContactSchema),
  /** Properties whose read failed or was partial: the planner cancels their deletions (spec §6). */
  failedProperties: z.array(z.object({ propertyId: z.number().int(), reason: z.string() })),
  rowProblems: z.array(RmRowProblemSchema),
  pinField: RmFieldSchema.nullable(),
  rfCardField: RmFieldSchema.nullable(),
});
/** See {@link RentManagerSnapshotSchema}. */
export type RentManagerSnapshot = z.infer<typeof RentManagerSnapshotSchema>;
