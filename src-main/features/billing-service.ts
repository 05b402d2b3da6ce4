import { randomUUID } from 'node:crypto';
import type { CardInput, Order, OrderService } from '../../src-shared/domain/billing';
import { AppError, isAppError } from '../../src-shared/errors';
import type {
  ApartmentChoices,
  BillingAccount,
  BillingDetails,
  BillingQuoteBasis,
  IntegrationStatus,
  PayApartments,
  PayIntegration,
  PaymentResult,
} from '../../src-shared/ipc/contract/billing';
import { IntegrationStatusSchema } from '../../src-shared/ipc/contract/billing';
import { cardDigits, checkCardNumber, checkExpiry, checkSecurityCode } from '../../src-shared/rules/card';
import type { LocalDb } from '../db/local-db';
import type { Logger } from '../logging/logger';
import type { EventBus } from '../services/event-bus';
import type { ConnectionClients } from './connection-clients';
import { readIntegrationStatus } from './integration-status';
import type { SmartPlusClient } from '../smartplus/client';

/** The Subscription screen's operations (spec §7), and `status` for every screen that must know whether syncing is allowed. */
export interface BillingService {
  /** The SmartPlus accounts that can be paid for (issue 16), the default first. */
  accounts(): BillingAccount[];
  /** `accountId`: the SmartPlus account asked (issue 16); absent: the default account. */
  status(accountId?: string): Promise<IntegrationStatus>;
  prices(accountId?: string): Promise<BillingQuoteBasis>;
  pay(input: PayIntegration): Promise<PaymentResult>;
  payApartments(input: PayApartments): Promise<PaymentResult>;
  receipts(accountId?: string): Promise<Order[]>;
  /** `accountId` (issue 16): only the sites that SmartPlus account pays for; absent: every synced site. */
  apartmentChoices(siteId?: string, accountId?: string): Promise<ApartmentChoices>;
}

const META_KEY = 'billing.integration';

/** Checks a card before it is sent (spec §7): Luhn, not expired, 3–4 digit code, a holder. The reason names the field. */
function checkedCard(card: CardInput, now: Date): CardInput {
  const number = checkCardNumber(card.number);
  if (!number.ok) throw new AppError('CARD_INVALID', `Card number: ${number.reason}.`, { details: { field: 'number' } });
  const expiry = checkExpiry(card.expMonth, card.expYear, { year: now.getUTCFullYear(), month: now.getUTCMonth() + 1 });
  if (!expiry.ok) throw new AppError('CARD_INVALID', `Expiry: ${expiry.reason}.`, { details: { field: 'expiry' } });
  const cvc = checkSecurityCode(card.cvc);
  if (!cvc.ok) throw new AppError('CARD_INVALID', `Security code: ${cvc.reason}.`, { details: { field: 'cvc' } });
  const holder = card.holder.trim();
  if (!holder) throw new AppError('CARD_INVALID', "Enter the card holder's name.", { details: { field: 'holder' } });
  return { number: cardDigits(card.number), expMonth: expiry.value.month, expYear: expiry.value.year, cvc: cvc.value, holder };
}

/** What {@link createBillingService} needs. */
export interface BillingServiceDeps {
  readonly db: LocalDb;
  readonly events: EventBus;
  readonly log: Logger;
  readonly now: () => Date;
  readonly clients: Pick<ConnectionClients, 'smartPlus' | 'smartPlusAccount'>;
}

/** Builds the billing service: SmartPlus billing calls, receipts in the local database. */
export function createBillingService(deps: BillingServiceDeps): BillingService {
  const log = deps.log.child('billing');

  /** Each account's last seen state under its own key; the default account also reads the key of the time accounts were one. */
  function metaKey(accountId: string): string {
    return `${META_KEY}:${accountId}`;
  }

  function lastKnown(accountId: string): IntegrationStatus | null {
    const isDefault = deps.clients.smartPlusAccount().id === accountId;
    const raw = deps.db.meta.get(metaKey(accountId)) ?? (isDefault ? deps.db.meta.get(META_KEY) : null);
    if (!raw) return null;
    const parsed = IntegrationStatusSchema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : null;
  }

  /** The account a site syncs to, or null when it is gone. */
  function siteAccount(site: { connectionId: string | null; smartPlusAccountId: string | null }): string | null {
    try {
      return deps.clients.smartPlusAccount(site.connectionId ?? undefined, site.smartPlusAccountId).id;
    } catch {
      return null;
    }
  }

  /** Keeps the account's state and gives it to that account's sites only (each account pays for itself). */
  function remember(accountId: string, status: IntegrationStatus): void {
    const before = lastKnown(accountId);
    deps.db.meta.set(metaKey(accountId), JSON.stringify(status));
    for (const site of deps.db.sites.listSummaries()) {
      if (status.state !== 'unknown' && siteAccount(site) === accountId) deps.db.sites.setSubscription(site.id, status.state, status.activeUntil);
    }
    if (!before || before.state !== status.state || before.activeUntil !== status.activeUntil) deps.events.emit('billing.statusChanged', status);
  }

  async function fetchStatus(accountId: string, client: SmartPlusClient): Promise<IntegrationStatus> {
    const { state, endsAt, subscription } = await readIntegrationStatus(client);
    const status: IntegrationStatus = {
      state,
      activeUntil: endsAt,
      renewal: subscription && subscription.status !== 'none' ? subscription.renewal : null,
      months: subscription && subscription.status !== 'none' ? subscription.months : null,
      checkedAt: deps.now().toISOString(),
      stale: false,
      reason: null,
    };
    remember(accountId, status);
    return status;
  }

  /** Charges a card once for `services`: save the card, place the order, drop a declined card's saved method. */
  async function charge(accountId: string, services: OrderService[], billing: BillingDetails, card: CardInput, siteId: string | null, keepMethod: boolean): Promise<PaymentResult> {
    const checked = checkedCard(card, deps.now());
    const client = await deps.clients.smartPlus(undefined, accountId);
    const method = await client.addPaymentMethod(checked, { idempotencyKey: `pm-${randomUUID()}` });
    const order = await client.createOrder({ services, billing, paymentMethodId: method.id }, { idempotencyKey: `order-${randomUUID()}` });
    if (order.status !== 'succeeded' || !keepMethod) {
      await client.deletePaymentMethod(method.id).catch((error: unknown) => log.warn('could not remove a saved payment method', { methodId: method.id, error }));
    }
    if (order.status !== 'succeeded') {
      log.warn('payment declined', { orderId: order.id, reason: order.failureReason ?? 'unknown' });
      const why = order.failureReason === 'card_declined' || !order.failureReason ? 'The card was declined.' : `The payment failed (${order.failureReason}).`;
      throw new AppError('CARD_DECLINED', `${why} Nothing was charged.`, { details: { orderId: order.id, nextStep: 'Use another card or contact your bank, then pay again.' } });
    }
    deps.db.receipts.save(order, siteId, accountId);
    log.info('payment succeeded', { accountId, orderId: order.id, amount: order.amount, currency: order.currency });
    await fetchStatus(accountId, client).catch((error: unknown) => log.warn('could not refresh the subscription after paying', { error }));
    return { receipt: order, paidWith: { brand: method.brand, last4: method.last4 } };
  }

  function syncedApartments(siteId: string) {
    const rows = [];
    for (let page = 0; ; page++) {
      const result = deps.db.apartments.listApartments({ siteId, page, pageSize: 500 });
      rows.push(...result.rows.filter((r) => r.synced));
      if ((page + 1) * 500 >= result.total) break;
    }
    return rows.map((r) => ({ id: r.id, name: r.name, activated: r.activated }));
  }

  return {
    accounts() {
      const fallback = (() => {
        try {
          return deps.clients.smartPlusAccount().id;
        } catch {
          return null;
        }
      })();
      return deps.db.connections
        .list()
        .filter((c) => c.kind === 'smartplus')
        .map((c) => ({ id: c.id, label: c.label, isSandbox: c.isSandbox, isDefault: c.id === fallback }))
        .sort((a, b) => Number(b.isDefault) - Number(a.isDefault) || a.label.localeCompare(b.label));
    },

    async status(accountId) {
      let account: string | null = null;
      try {
        account = deps.clients.smartPlusAccount(undefined, accountId ?? null).id;
        return await fetchStatus(account, await deps.clients.smartPlus(undefined, account));
      } catch (error) {
        const code = isAppError(error) ? error.code : 'INTERNAL';
        const reason =
          code === 'NOT_FOUND'
            ? 'No SmartPlus account is set up. Add it under Connections.'
            : code === 'OFFLINE' || code === 'SP_UNAVAILABLE'
              ? 'SmartPlus Cloud cannot be reached right now; this is the last state seen. Check the network, then try again.'
              : code === 'SP_UNAUTHORIZED'
                ? 'SmartPlus did not accept the account. Check it under Connections.'
                : 'The subscription could not be checked. Try again in a moment.';
        if (code !== 'NOT_FOUND') log.warn('subscription check failed', { code });
        const known = code === 'NOT_FOUND' || !account ? null : lastKnown(account);
        if (known) return { ...known, stale: true, reason };
        return { state: 'unknown', activeUntil: null, renewal: null, months: null, checkedAt: null, stale: false, reason };
      }
    },

    async prices(accountId) {
      const client = await deps.clients.smartPlus(undefined, accountId ?? null);
      const [prices, account] = await Promise.all([client.prices(), client.account()]);
      const country = /^[a-z]{2}$/i.test(account.region) ? account.region.toUpperCase() : '';
      return { prices, billingDefaults: { company: account.name, contact: account.name, email: account.email, address: '', country } };
    },

    async pay(input) {
      const account = deps.clients.smartPlusAccount(undefined, input.accountId ?? null).id;
      return charge(account, [{ service: 'integration', renewal: input.renewal, months: input.months }], input.billing, input.card, null, input.renewal === 'auto');
    },

    async payApartments(input) {
      const site = deps.db.sites.get(input.siteId);
      if (!site) throw new AppError('NOT_FOUND', 'This site is no longer on this computer.');
      const known = new Set(syncedApartments(site.id).map((a) => a.id));
      const unknown = input.apartmentIds.filter((id) => !known.has(id));
      if (unknown.length > 0) throw new AppError('BAD_INPUT', `${unknown.length} of the chosen apartments are not synced in ${site.name}. Resync the site, then choose again.`);
      const apartmentIds = [...new Set(input.apartmentIds)];
      // The apartments of a site are paid by the site's own SmartPlus account (issue 16).
      const account = deps.clients.smartPlusAccount(site.connectionId ?? undefined, site.smartPlusAccountId).id;
      const result = await charge(account, [{ service: 'apartment', apartmentIds, months: input.months }], input.billing, input.card, site.id, false);
      deps.db.apartments.markActivated(apartmentIds);
      return result;
    },

    async receipts(accountId) {
      // The account asked (absent: the default one); each account's receipts are its own (issue 16).
      let account: string;
      try {
        account = deps.clients.smartPlusAccount(undefined, accountId ?? null).id;
      } catch (error) {
        // An account asked for that is not set up has no receipts here; with none asked and none set up, all kept ones show.
        if (accountId) throw error;
        return deps.db.receipts.list();
      }
      try {
        const orders = (await (await deps.clients.smartPlus(undefined, account)).listOrders()).filter((o) => o.status === 'succeeded');
        for (const order of orders) deps.db.receipts.save(order, null, account);
        return orders.sort((a, b) => b.createdAt.localeCompare(a.createdAt));
      } catch (error) {
        log.info('showing the receipts kept on this computer', { accountId: account, code: isAppError(error) ? error.code : 'INTERNAL' });
      }
      // Offline: the ones kept for this account; those kept before receipts named their account count as the default's.
      return deps.db.receipts.list(100, { id: account, withUnrecorded: account === deps.clients.smartPlusAccount().id });
    },

    async apartmentChoices(siteId, accountId) {
      // A site's apartments are charged to the site's own account, so the account asked lists only its sites.
      const account = accountId ? deps.clients.smartPlusAccount(undefined, accountId).id : null;
      const sites = deps.db.sites
        .listSummaries()
        .filter((s) => s.communityId !== null && s.apartmentCount > 0)
        .filter((s) => account === null || siteAccount(s) === account)
        .map((s) => ({ id: s.id, name: s.name, apartmentCount: s.apartmentCount }));
      const chosen = sites.find((s) => s.id === siteId)?.id ?? sites[0]?.id ?? null;
      return { sites, siteId: chosen, apartments: chosen ? syncedApartments(chosen) : [] };
    },
  };
}
