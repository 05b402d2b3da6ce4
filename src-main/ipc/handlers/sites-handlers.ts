import type { SitesService } from '../../features/sites-service';
import type { HandlerMap } from '../dispatch';

type SitesHandlers = Pick<
  HandlerMap,
  | 'sites.list'
  | 'sites.listCustomers'
  | 'sites.listProperties'
  | 'sites.listUnits'
  | 'sites.preview'
  | 'sites.import'
  | 'sites.cancelImport'
  | 'sites.updatePolicy'
  | 'sites.listFields'
>;

/** Handlers of the `sites.*` channels: the Get Site from PMS wizard and the per-site policy. */
export function createSitesHandlers(sites: SitesService): SitesHandlers {
  return {
    'sites.list': async () => sites.list(),
    'sites.listCustomers': async () => sites.customers(),
    'sites.listProperties': ({ connectionId }) => sites.properties(connectionId),
    'sites.listUnits': ({ connectionId, propertyId }) => sites.units(connectionId, propertyId),
    'sites.preview': (request) => sites.preview(request),
    'sites.import': (request) => sites.import(request),
    'sites.cancelImport': async ({ siteIds }) => ({ cancelled: sites.cancelImport(siteIds) }),
    'sites.updatePolicy': async ({ siteId, policy }) => sites.updatePolicy(siteId, policy),
    'sites.listFields': ({ connectionId }) => sites.fields(connectionId),
  };
}
