import type { SitesService } from '../../features/sites-service';
import type { HandlerMap } from '../dispatch';

type SitesHandlers = Pick<
  HandlerMap,
  | 'sites.list'
  | 'sites.customers'
  | 'sites.properties'
  | 'sites.units'
  | 'sites.preview'
  | 'sites.import'
  | 'sites.cancelImport'
  | 'sites.updatePolicy'
  | 'sites.fields'
  | 'sites.listFieldSamples'
  | 'sites.removeSite'
  | 'sites.listPropertyChanges'
  | 'sites.dismissNewProperties'
  | 'sites.listCommunities'
  | 'sites.previewAdoption'
>;

/** Handlers of the `sites.*` channels: the Get Site from PMS wizard and the per-site policy. */
export function createSitesHandlers(sites: SitesService): SitesHandlers {
  return {
    'sites.list': async () => sites.list(),
    'sites.customers': async () => sites.customers(),
    'sites.properties': ({ connectionId }) => sites.properties(connectionId),
    'sites.units': ({ connectionId, propertyId }) => sites.units(connectionId, propertyId),
    'sites.preview': (request) => sites.preview(request),
    'sites.import': (request) => sites.import(request),
    'sites.cancelImport': async ({ siteIds }) => ({ cancelled: sites.cancelImport(siteIds) }),
    'sites.updatePolicy': async ({ siteId, policy }) => sites.updatePolicy(siteId, policy),
    'sites.fields': ({ connectionId }) => sites.fields(connectionId),
    'sites.removeSite': async ({ siteId }) => sites.removeSite(siteId),
    'sites.listPropertyChanges': () => sites.listPropertyChanges(),
    'sites.dismissNewProperties': async ({ connectionId, propertyIds }) => ({ dismissed: sites.dismissNewProperties(connectionId, propertyIds) }),
    'sites.listFieldSamples': ({ connectionId, propertyIds }) => sites.listFieldSamples(connectionId, propertyIds),
    'sites.listCommunities': ({ connectionId, propertyId }) => sites.listCommunities(connectionId, propertyId),
    'sites.previewAdoption': (input) => sites.previewAdoption(input),
  };
}
