import type { ApartmentsService } from '../../features/apartments-service';
import type { HandlerMap } from '../dispatch';
import type { IntentChecks } from '../intent';

type ApartmentsHandlers = Pick<HandlerMap, 'apartments.list' | 'apartments.get' | 'apartments.revealPin' | 'apartments.addToSync' | 'apartments.searchResidents'>;

/** Handlers of the `apartments.*` channels: the apartment browser over the local copy. PIN reveals are rate-limited here, in main. */
export function createApartmentsHandlers(service: ApartmentsService, intent: IntentChecks): ApartmentsHandlers {
  return {
    'apartments.list': async (query) => service.list(query),
    'apartments.get': async ({ apartmentId }) => service.get(apartmentId),
    'apartments.revealPin': async ({ residentId }, call) => {
      intent.takePinReveal(call);
      return service.revealPin(residentId);
    },
    'apartments.addToSync': ({ siteId, unitId, resync }) => service.addToSync(siteId, unitId, resync),
    'apartments.searchResidents': async ({ query }) => service.searchResidents(query),
  };
}
