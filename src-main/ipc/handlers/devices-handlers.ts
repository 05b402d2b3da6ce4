import type { DevicesService } from '../../features/devices-service';
import type { HandlerMap } from '../dispatch';

type DevicesHandlers = Pick<
  HandlerMap,
  'devices.list' | 'devices.add' | 'devices.update' | 'devices.remove' | 'devices.getOutbox' | 'devices.retry' | 'devices.discard'
>;

/** Handlers of the `devices.*` channels (outbox changes reach the renderer as `devices.outboxChanged`, wired by the composition root). */
export function createDevicesHandlers(service: DevicesService): DevicesHandlers {
  return {
    'devices.list': ({ siteId, refresh }) => service.list(siteId, refresh),
    'devices.add': ({ siteId, device }) => service.add(siteId, device),
    'devices.update': ({ siteId, deviceId, patch }) => service.update(siteId, deviceId, patch),
    'devices.remove': async ({ siteId, deviceId }) => {
      await service.remove(siteId, deviceId);
    },
    'devices.getOutbox': async ({ siteId }) => service.outbox(siteId),
    'devices.retry': ({ id }) => service.retry(id),
    'devices.discard': async ({ id }) => {
      service.discard(id);
    },
  };
}
