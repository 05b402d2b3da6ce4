import { z } from 'zod';
import { IdSchema } from './bounds';
import { DeviceDraftSchema, DeviceRowSchema, OutboxItemSchema } from '../../domain/device';
import { DeviceLocationSchema, type DeviceType } from '../../domain/smartplus';

/** A site's devices: live from SmartPlus when online, else the last known copy with its time (spec §10). */
export const DeviceListSchema = z.object({
  devices: z.array(DeviceRowSchema),
  /** When the online states were last read from SmartPlus; null before the first read. */
  asOf: z.string().nullable(),
  /** True when this answer came from SmartPlus just now, false when it is the local copy. */
  live: z.boolean(),
  /** Why the list could not be refreshed (offline, SmartPlus unreachable), for a notice; null when live. */
  staleReason: z.string().nullable(),
  /** This site's queued, sent and failed additions, in queue order. */
  outbox: z.array(OutboxItemSchema),
  /** Unit names of the apartments that devices (listed or queued) belong to, by apartment ID. */
  apartmentNames: z.record(z.string(), z.string()),
});
/** See {@link DeviceListSchema}. */
export type DeviceList = z.infer<typeof DeviceListSchema>;

/** What adding a device did: added in SmartPlus now, or queued to be sent when back online. */
export const DeviceAddResultSchema = z.discriminatedUnion('outcome', [
  z.object({ outcome: z.literal('added'), device: DeviceRowSchema }),
  z.object({ outcome: z.literal('queued'), item: OutboxItemSchema }),
]);
/** See {@link DeviceAddResultSchema}. */
export type DeviceAddResult = z.infer<typeof DeviceAddResultSchema>;

/** A device edit: its name and/or where it belongs. */
export const DevicePatchSchema = z.object({
  name: z.string().max(100).trim().min(1).optional(),
  location: DeviceLocationSchema.optional(),
});

/** Call schemas of the `devices.*` channels (spec §10). */
export const devicesCalls = {
  'devices.list': { input: z.object({ siteId: IdSchema, refresh: z.boolean().default(true) }), output: DeviceListSchema },
  'devices.add': { input: z.object({ siteId: IdSchema, device: DeviceDraftSchema }), output: DeviceAddResultSchema },
  'devices.update': {
    input: z.object({ siteId: IdSchema, deviceId: IdSchema, patch: DevicePatchSchema }),
    output: DeviceRowSchema,
  },
  'devices.remove': { input: z.object({ siteId: IdSchema, deviceId: IdSchema }), output: z.undefined() },
  'devices.outbox': { input: z.object({ siteId: IdSchema.optional() }), output: z.array(OutboxItemSchema) },
  'devices.retry': { input: z.object({ id: z.number().int() }), output: OutboxItemSchema },
  'devices.discard': { input: z.object({ id: z.number().int() }), output: z.undefined() },
} as const;

/** Event schemas of the `devices.*` events: an outbox item changed (queued, sending, sent, failed). */
export const devicesEvents = {
  'devices.outboxChanged': OutboxItemSchema,
} as const;

/** Device types with the words an installer uses (SmartPlus codes: contract "Devices"). */
export const DEVICE_TYPE_LABELS: Record<DeviceType, string> = {
  0: 'Door phone (multi-tenant)',
  1: 'Door phone (single-tenant)',
  2: 'Indoor monitor',
  3: 'Guard phone',
  50: 'Access control terminal',
};
