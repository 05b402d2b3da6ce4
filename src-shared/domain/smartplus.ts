import { z } from 'zod';
import { BOUNDS } from '../ipc/contract/bounds';
import { ExternalRefSchema } from './external-ref';
import { UnreadableObjectSchema } from './unreadable';

/** A SmartPlus community (shared/reference/smartplus-cloud-api.md). */
export const SpCommunitySchema = z.object({
  id: z.string(),
  name: z.string(),
  address: z.string().nullable(),
  timeZone: z.string(),
  externalRef: ExternalRefSchema.nullable(),
});
/** See {@link SpCommunitySchema}. */
export type SpCommunity = z.infer<typeof SpCommunitySchema>;

/** A building of a community ("Building 1" for PMS-linked ones). */
export const SpBuildingSchema = z.object({ id: z.string(), name: z.string() });
/** See {@link SpBuildingSchema}. */
export type SpBuilding = z.infer<typeof SpBuildingSchema>;

/** An apartment; its master account is created with it and never deleted by a sync. */
export const SpApartmentSchema = z.object({
  id: z.string(),
  buildingId: z.string(),
  name: z.string(),
  externalRef: ExternalRefSchema.nullable(),
  masterAccountId: z.string(),
  activated: z.boolean(),
  familyMemberLimit: z.number().int(),
});
/** See {@link SpApartmentSchema}. */
export type SpApartment = z.infer<typeof SpApartmentSchema>;

/** A resident account: the apartment's master, or a family member. */
export const SpResidentSchema = z.object({
  id: z.string(),
  apartmentId: z.string(),
  role: z.enum(['master', 'family']),
  firstName: z.string(),
  lastName: z.string(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  externalRef: ExternalRefSchema.nullable(),
  pin: z.string().nullable(),
  rfCards: z.array(z.string()),
  accessGroupIds: z.array(z.string()),
  sameAccessAsMaster: z.boolean(),
});
/** See {@link SpResidentSchema}. */
export type SpResident = z.infer<typeof SpResidentSchema>;

/** An access group; every community has a default "24 Hours" group. */
export const SpAccessGroupSchema = z.object({
  id: z.string(),
  name: z.string(),
  repeat: z.enum(['never', 'daily', 'weekly']),
  start: z.string(),
  end: z.string(),
  days: z.array(z.number().int()).optional(),
  isDefault: z.boolean(),
});
/** See {@link SpAccessGroupSchema}. */
export type SpAccessGroup = z.infer<typeof SpAccessGroupSchema>;

/** Device types: 0 multi-tenant door phone, 1 single-tenant door phone, 2 indoor monitor, 3 guard phone, 50 access control. */
export const DeviceTypeSchema = z.union([z.literal(0), z.literal(1), z.literal(2), z.literal(3), z.literal(50)]);
/** See {@link DeviceTypeSchema}. */
export type DeviceType = z.infer<typeof DeviceTypeSchema>;

/** Where a device belongs: the community's public area, a building, or one apartment. */
export const DeviceLocationSchema = z.object({
  scope: z.enum(['community', 'building', 'apartment']),
  id: z.string().max(BOUNDS.id).optional(),
});
/** See {@link DeviceLocationSchema}. */
export type DeviceLocation = z.infer<typeof DeviceLocationSchema>;

/** A device added to a community. */
export const SpDeviceSchema = z.object({
  id: z.string(),
  name: z.string(),
  type: DeviceTypeSchema,
  mac: z.string(),
  location: DeviceLocationSchema,
  online: z.boolean(),
  lastSeenAt: z.string().nullable(),
});
/** See {@link SpDeviceSchema}. */
export type SpDevice = z.infer<typeof SpDeviceSchema>;

/** One community's whole state, as the planner needs it. */
export const CommunityStateSchema = z.object({
  community: SpCommunitySchema,
  buildings: z.array(SpBuildingSchema),
  apartments: z.array(SpApartmentSchema),
  residents: z.array(SpResidentSchema),
  accessGroups: z.array(SpAccessGroupSchema),
  devices: z.array(SpDeviceSchema),
  /** Objects of this community SmartPlus sent but SiteSync could not read: its deletions and removals wait (issue 13). */
  unreadable: z.array(UnreadableObjectSchema).optional(),
});
/** See {@link CommunityStateSchema}. */
export type CommunityState = z.infer<typeof CommunityStateSchema>;

/** The SmartPlus side of a sync: the communities linked to the site's properties (matched by externalRef). */
export const SmartPlusSnapshotSchema = z.object({
  readAt: z.string(),
  communities: z.array(CommunityStateSchema),
  /** Communities that could not be read; `refKey` names the property when their externalRef could be. */
  unreadable: z.array(UnreadableObjectSchema).optional(),
});
/** See {@link SmartPlusSnapshotSchema}. */
export type SmartPlusSnapshot = z.infer<typeof SmartPlusSnapshotSchema>;
