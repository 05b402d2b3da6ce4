import type { SyncPolicy } from '../../../src-shared/domain/policy';
import type { SitesService } from '../../features/sites-service';
import type { HandlerMap } from '../dispatch';
import { type IntentChecks, requireConfirmation } from '../intent';

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
  | 'sites.listFieldSamples'
  | 'sites.removeSite'
  | 'sites.pause'
  | 'sites.resume'
  | 'sites.listPropertyChanges'
  | 'sites.dismissNewProperties'
  | 'sites.listAccounts'
  | 'sites.listCommunities'
  | 'sites.previewAdoption'
>;

/** The credentials a policy change stops syncing: a PIN or RF card field that was chosen and no longer is. */
export function credentialsStopped(before: Pick<SyncPolicy, 'pinField' | 'rfCardField'>, after: Pick<SyncPolicy, 'pinField' | 'rfCardField'>): Array<'PINs' | 'RF cards'> {
  const stopped: Array<'PINs' | 'RF cards'> = [];
  if (before.pinField !== undefined && after.pinField === undefined) stopped.push('PINs');
  if (before.rfCardField !== undefined && after.rfCardField === undefined) stopped.push('RF cards');
  return stopped;
}

/**
 * Handlers of the `sites.*` channels: the Get Site from PMS wizard and the per-site policy. A
 * policy change that stops syncing PINs or RF cards is confirmed in a main-process dialog.
 */
export function createSitesHandlers(sites: SitesService, intent: IntentChecks): SitesHandlers {
  return {
    'sites.list': async () => sites.list(),
    'sites.listCustomers': async () => sites.customers(),
    'sites.listProperties': ({ connectionId }) => sites.properties(connectionId),
    'sites.listUnits': ({ connectionId, propertyId }) => sites.units(connectionId, propertyId),
    'sites.preview': (request) => sites.preview(request),
    'sites.import': (request) => sites.import(request),
    'sites.cancelImport': async ({ siteIds }) => ({ cancelled: sites.cancelImport(siteIds) }),
    'sites.updatePolicy': async ({ siteId, policy }, call) => {
      const site = sites.list().find((s) => s.id === siteId);
      const stopped = site ? credentialsStopped(site.policy, policy) : [];
      if (site && stopped.length > 0) {
        const what = stopped.join(' and ');
        await requireConfirmation(
          intent,
          {
            title: `Stop syncing ${what}`,
            message: `Stop syncing ${what} for ${site.name}?`,
            detail: `With no field chosen, SiteSync leaves ${what} alone: new tenants get none from Rent Manager and changes are no longer sent. What SmartPlus holds now stays as it is.`,
            confirmLabel: `Stop syncing ${what}`,
            cancelLabel: 'Cancel',
            ...(call.sender ? { sender: call.sender } : {}),
          },
          `The policy was not changed: stopping to sync ${what} was not confirmed.`,
        );
      }
      return sites.updatePolicy(siteId, policy);
    },
    'sites.listFields': ({ connectionId }) => sites.fields(connectionId),
    'sites.removeSite': async ({ siteId }) => sites.removeSite(siteId),
    'sites.pause': async ({ siteId, reason }) => sites.pauseSite(siteId, reason),
    'sites.resume': async ({ siteId }) => sites.resumeSite(siteId),
    'sites.listPropertyChanges': () => sites.listPropertyChanges(),
    'sites.dismissNewProperties': async ({ connectionId, propertyIds }) => ({ dismissed: sites.dismissNewProperties(connectionId, propertyIds) }),
    'sites.listFieldSamples': ({ connectionId, propertyIds }) => sites.listFieldSamples(connectionId, propertyIds),
    'sites.listAccounts': async ({ connectionId }) => sites.listAccounts(connectionId),
    'sites.listCommunities': ({ connectionId, propertyId, smartPlusAccountId }) => sites.listCommunities(connectionId, propertyId, smartPlusAccountId),
    'sites.previewAdoption': (input) => sites.previewAdoption(input),
  };
}
