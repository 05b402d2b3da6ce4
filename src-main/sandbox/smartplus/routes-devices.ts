import { z } from 'zod';
import { DeviceLocationSchema, DeviceTypeSchema, type DeviceLocation } from '../../../src-shared/domain/smartplus';
import { communityOr404, deviceView, requireIntegrationFor, type SandboxCore } from './core';
import { ApiError, conflict, invalid, notFound, paged, parseBody, route, type Route } from './http-kit';
import type { DeviceRec } from './state';

const MacSchema = z.string().regex(/^[0-9A-F]{12}$/, 'a MAC is 12 hex digits, uppercase, without separators');
const CreateDeviceSchema = z.object({
  name: z.string().trim().min(1),
  type: DeviceTypeSchema,
  mac: MacSchema,
  location: DeviceLocationSchema,
});
const PatchDeviceSchema = z.object({
  name: z.string().trim().min(1).optional(),
  location: DeviceLocationSchema.optional(),
});

/** Checks a device location points into the community (422 otherwise). */
function checkLocation(core: SandboxCore, communityId: string, location: DeviceLocation): DeviceLocation {
  if (location.scope === 'community') return { scope: 'community' };
  const target = location.scope === 'building' ? core.db.state.buildings[location.id ?? ''] : core.db.state.apartments[location.id ?? ''];
  if (!target || target.communityId !== communityId) throw invalid('location.id', `no ${location.scope} with this id in the community`);
  return { scope: location.scope, id: target.id };
}

/** Devices (contract: "Devices"): the MAC library, one device per MAC anywhere. */
export function deviceRoutes(core: SandboxCore): Route[] {
  const { db } = core;
  const deviceOr404 = (id: string): DeviceRec => {
    const d = db.state.devices[id];
    if (!d) throw notFound('device', id);
    return d;
  };
  return [
    route('GET', '/communities/:cid/devices', ({ params, query }) => {
      communityOr404(core, params.cid!);
      const now = core.now();
      return paged(Object.values(db.state.devices).filter((d) => d.communityId === params.cid).map((d) => deviceView(d, now)), query);
    }),
    route('POST', '/communities/:cid/devices', ({ params, body }) => {
      const community = communityOr404(core, params.cid!);
      const input = parseBody(CreateDeviceSchema, body);
      const location = checkLocation(core, community.id, input.location);
      requireIntegrationFor(core, { communityId: community.id });
      if (!db.state.macLibrary.includes(input.mac)) {
        throw new ApiError('MAC_NOT_REGISTERED', `MAC ${input.mac} is not in the distributor's MAC library.`, [{ field: 'mac', reason: 'not registered' }]);
      }
      if (db.macs.has(input.mac)) throw conflict('mac', `A device with MAC ${input.mac} has already been added.`);
      const device: DeviceRec = { id: db.nextId('dev'), communityId: community.id, name: input.name, type: input.type, mac: input.mac, location, createdAt: core.now().toISOString() };
      db.state.devices[device.id] = device;
      db.macs.set(device.mac, device.id);
      return { status: 201, body: deviceView(device, core.now()) };
    }),
    route('PATCH', '/devices/:did', ({ params, body }) => {
      const device = deviceOr404(params.did!);
      const patch = parseBody(PatchDeviceSchema, body);
      const location = patch.location ? checkLocation(core, device.communityId, patch.location) : undefined;
      requireIntegrationFor(core, { communityId: device.communityId });
      if (patch.name !== undefined) device.name = patch.name;
      if (location) device.location = location;
      return { status: 200, body: deviceView(device, core.now()) };
    }),
    route('DELETE', '/devices/:did', ({ params }) => {
      const device = deviceOr404(params.did!);
      requireIntegrationFor(core, { communityId: device.communityId });
      db.macs.delete(device.mac);
      delete db.state.devices[device.id];
      return { status: 204 };
    }),
  ];
}
