import type { ApartmentsService } from '../../features/apartments-service';
import type { HandlerMap } from '../dispatch';

type ApartmentsHandlers = Pick<HandlerMap, 'apartments.list' | 'apartments.get' | 'apartments.revealPin' | 'apartments.addToSync'>;

/** Handlers of the `apartments.*` channels: the apartment browser over the local copy. */
export function createApartmentsHandlers(service: ApartmentsService): ApartmentsHandlers {
  return {
    'apartments.list': async (query) => service.list(query),
    'apartments.get': async ({ apartmentId }) => service.get(apartmentId),
    'apartments.revealPin': async ({ residentId }) => service.revealPin(residentId),
    'apartments.addToSync': ({ siteId, unitId, resync }) => service.addToSync(siteId, unitId, resync),
  };
}
