import { z } from 'zod';
import { DeviceLocationSchema, DeviceTypeSchema } from './smartplus';

/** A device as the devices screen lists it (spec §10). `mac` is normalised: 12 uppercase hex digits. */
export const DeviceRowSchema = z.object({
  id: z.string(),
  siteId: z.string(),
  name: z.string(),
  type: DeviceTypeSchema,
  mac: z.string().regex(/^[0-9A-F]{12}$/),
  location: DeviceLocationSchema,
  online: z.boolean(),
  lastSeenAt: z.string().nullable(),
});
/** See {@link DeviceRowSchema}. */
export type DeviceRow = z.infer<typeof DeviceRowSchema>;

/** A device to add: what the installer typed, with the MAC already normalised. */
export const DeviceDraftSchema = z.object({
  name: z.string().max(100).trim().min(1),
  type: DeviceTypeSchema,
  mac: z.string().max(12).regex(/^[0-9A-F]{12}$/, 'normalise the MAC first (rules/mac.ts)'),
  location: DeviceLocationSchema,
});
/** See {@link DeviceDraftSchema}. */
export type DeviceDraft = z.infer<typeof DeviceDraftSchema>;

/** Where a queued device addition stands: waiting, being sent, sent, or failed (kept until the user acts). */
export const OutboxStatusSchema = z.enum(['queued', 'sending', 'sent', 'failed']);
/** See {@link OutboxStatusSchema}. */
export type OutboxStatus = z.infer<typeof OutboxStatusSchema>;

/** A device addition made offline, waiting in the outbox (spec §9). */
export const OutboxItemSchema = z.object({
  id: z.number().int(),
  siteId: z.string(),
  device: DeviceDraftSchema,
  status: OutboxStatusSchema,
  attempts: z.number().int(),
  error: z.string().nullable(),
  errorCode: z.string().nullable(),
  deviceId: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
/** See {@link OutboxItemSchema}. */
export type OutboxItem = z.infer<typeof OutboxItemSchema>;
