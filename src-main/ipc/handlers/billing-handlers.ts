import type { BillingService } from '../../features/billing-service';
import type { HandlerMap } from '../dispatch';

type BillingHandlers = Pick<
  HandlerMap,
  'billing.getStatus' | 'billing.getPrices' | 'billing.listAccounts' | 'billing.pay' | 'billing.payApartments' | 'billing.listReceipts' | 'billing.listApartmentChoices'
>;

/**
 * Handlers of the `billing.*` channels. A card arrives in one `pay`/`payApartments` call, goes
 * to SmartPlus and is dropped: it is not logged (dispatch logs only channel names and errors).
 */
export function createBillingHandlers(feature: BillingService): BillingHandlers {
  return {
    'billing.getStatus': (input) => feature.status(input?.accountId),
    'billing.getPrices': (input) => feature.prices(input?.accountId),
    'billing.listAccounts': async () => feature.accounts(),
    'billing.pay': (input) => feature.pay(input),
    'billing.payApartments': (input) => feature.payApartments(input),
    'billing.listReceipts': (input) => feature.receipts(input?.accountId),
    'billing.listApartmentChoices': ({ siteId, accountId }) => feature.apartmentChoices(siteId, accountId),
  };
}
