import type { BillingService } from '../../features/billing-service';
import type { HandlerMap } from '../dispatch';

type BillingHandlers = Pick<
  HandlerMap,
  'billing.status' | 'billing.prices' | 'billing.pay' | 'billing.payApartments' | 'billing.receipts' | 'billing.apartmentChoices'
>;

/**
 * Handlers of the `billing.*` channels. A card arrives in one `pay`/`payApartments` call, goes
 * to SmartPlus and is dropped: it is not logged (dispatch logs only channel names and errors).
 */
export function createBillingHandlers(feature: BillingService): BillingHandlers {
  return {
    'billing.status': () => feature.status(),
    'billing.prices': () => feature.prices(),
    'billing.pay': (input) => feature.pay(input),
    'billing.payApartments': (input) => feature.payApartments(input),
    'billing.receipts': () => feature.receipts(),
    'billing.apartmentChoices': ({ siteId }) => feature.apartmentChoices(siteId),
  };
}
