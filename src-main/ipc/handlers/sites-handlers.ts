import type { AppContext } from '../../features/app-context';
import {
  cancelImport,
  importSites,
  listCustomers,
  listFields,
  listProperties,
  listSites,
  listUnits,
  previewImport,
  updateSitePolicy,
} from '../../features/sites-service';
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
>;

/** Handlers of the `sites.*` channels: the Get Site from PMS wizard and the per-site policy. */
export function createSitesHandlers(ctx: AppContext): SitesHandlers {
  return {
    'sites.list': async () => listSites(ctx),
    'sites.customers': async () => listCustomers(ctx),
    'sites.properties': ({ connectionId }) => listProperties(ctx, connectionId),
    'sites.units': ({ connectionId, propertyId }) => listUnits(ctx, connectionId, propertyId),
    'sites.preview': (request) => previewImport(ctx, request),
    'sites.import': (request) => importSites(ctx, request),
    'sites.cancelImport': async ({ siteIds }) => ({ cancelled: cancelImport(ctx, siteIds) }),
    'sites.updatePolicy': async ({ siteId, policy }) => updateSitePolicy(ctx, siteId, policy),
    'sites.fields': ({ connectionId }) => listFields(ctx, connectionId),
  };
}
