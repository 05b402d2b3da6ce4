import { z } from 'zod';
import { DateTime } from 'luxon';
import { OrderRequestSchema, type Order, type OrderLine, type OrderRequest } from '../../../src-shared/domain/billing';
import { cardBrand, cardDigits, checkCardNumber, checkExpiry, checkSecurityCode } from '../../../src-shared/rules/card';
import type { SandboxCore } from './core';
import { invalid, notFound, parseBody, route, type Route } from './http-kit';
import type { PaymentMethodRec } from './state';

/** Sandbox prices in cents. */
export const SANDBOX_PRICES = { currency: 'USD', integrationMonthly: 4900, apartmentMonthly: 100, additionalAppMonthly: 50 } as const;

/** The test card whose orders the sandbox declines (it is still saved). */
export const DECLINING_TEST_CARD = '4000000000000002';

const CardBodySchema = z.object({
  card: z.object({
    number: z.string(),
    expMonth: z.number().int(),
    expYear: z.number().int(),
    cvc: z.string(),
    holder: z.string().trim().min(1),
  }),
});

function subscriptionView(core: SandboxCore) {
  const { paymentMethodId: _pm, ...sub } = core.db.state.subscription;
  return { ...sub, service: 'integration' as const };
}

function pmView(pm: PaymentMethodRec) {
  return { id: pm.id, brand: pm.brand, last4: pm.last4, expMonth: pm.expMonth, expYear: pm.expYear };
}

/** "1 month", "12 months": the sandbox's own descriptions read well too. */
function count(n: number, one: string): string {
  return `${n} ${n === 1 ? one : `${one}s`}`;
}

function addMonths(fromIso: string, months: number): string {
  return DateTime.fromISO(fromIso, { zone: 'utc' }).plus({ months }).toISO()!;
}

/** Prices an order's services into lines, checking apartment ids. */
function priceLines(core: SandboxCore, request: OrderRequest): OrderLine[] {
  return request.services.map((service) => {
    if (service.service === 'integration') {
      const unit = SANDBOX_PRICES.integrationMonthly;
      return { service: 'integration', description: `Integration, ${count(service.months, 'month')}, ${service.renewal === 'auto' ? 'automatic' : 'manual'} renewal`, quantity: 1, months: service.months, unitAmount: unit, amount: unit * service.months };
    }
    service.apartmentIds.forEach((id, i) => {
      if (!core.db.state.apartments[id]) throw invalid(`services.apartmentIds.${i}`, `apartment ${id} not found`);
    });
    const unit = SANDBOX_PRICES.apartmentMonthly;
    const quantity = new Set(service.apartmentIds).size;
    return { service: 'apartment', description: `${count(quantity, 'apartment')}, ${count(service.months, 'month')}`, quantity, months: service.months, unitAmount: unit, amount: unit * quantity * service.months };
  });
}

/** Applies a paid order: extends the integration period and activates apartments. */
function fulfil(core: SandboxCore, request: OrderRequest, paymentMethodId: string): void {
  const now = core.now().toISOString();
  const { db } = core;
  for (const service of request.services) {
    if (service.service === 'integration') {
      const sub = db.state.subscription;
      const from = sub.currentPeriodEnd && sub.currentPeriodEnd > now ? sub.currentPeriodEnd : now;
      db.state.subscription = { ...sub, status: 'active', renewal: service.renewal, months: service.months, currentPeriodEnd: addMonths(from, service.months), paymentMethodId };
    } else {
      for (const id of service.apartmentIds) {
        const apt = db.state.apartments[id]!;
        const from = apt.activatedUntil && apt.activatedUntil > now ? apt.activatedUntil : now;
        apt.activatedUntil = addMonths(from, service.months);
      }
    }
  }
}

/** Charges a saved method for `request` and records the order (a receipt either way). */
function placeOrder(core: SandboxCore, request: OrderRequest): Order {
  const pm = core.db.state.paymentMethods[request.paymentMethodId];
  if (!pm) throw invalid('paymentMethodId', 'no saved payment method has this id');
  const lines = priceLines(core, request);
  const id = core.db.nextId('ord');
  const base = { id, amount: lines.reduce((sum, l) => sum + l.amount, 0), currency: SANDBOX_PRICES.currency, createdAt: core.now().toISOString(), lines };
  let order: Order;
  if (pm.declines) {
    order = { ...base, status: 'failed', failureReason: 'card_declined' };
  } else {
    fulfil(core, request, pm.id);
    const touchesIntegration = request.services.some((s) => s.service === 'integration');
    order = { ...base, status: 'succeeded', ...(touchesIntegration ? { subscription: subscriptionView(core) } : {}) };
  }
  core.db.state.orders[id] = order;
  return order;
}

/**
 * Brings the integration subscription up to date: at the end of a period, auto renewal charges
 * the saved method again (a receipt each time; a decline or a missing method expires it), manual
 * renewal expires. Runs before every request so time passing is visible.
 */
export function refreshSubscription(core: SandboxCore): void {
  const now = core.now();
  for (let guard = 0; guard < 120; guard++) {
    const sub = core.db.state.subscription;
    if (sub.status !== 'active' || !sub.currentPeriodEnd || Date.parse(sub.currentPeriodEnd) > now.getTime()) return;
    const pm = sub.paymentMethodId ? core.db.state.paymentMethods[sub.paymentMethodId] : undefined;
    if (sub.renewal !== 'auto' || !pm) {
      core.db.state.subscription = { ...sub, status: 'expired' };
      return;
    }
    const months = sub.months as 1 | 3 | 6 | 12;
    const unit = SANDBOX_PRICES.integrationMonthly;
    const id = core.db.nextId('ord');
    const line: OrderLine = { service: 'integration', description: `Integration, ${count(months, 'month')}, automatic renewal`, quantity: 1, months, unitAmount: unit, amount: unit * months };
    const base = { id, amount: line.amount, currency: SANDBOX_PRICES.currency, createdAt: sub.currentPeriodEnd, lines: [line] };
    if (pm.declines) {
      core.db.state.subscription = { ...sub, status: 'expired' };
      core.db.state.orders[id] = { ...base, status: 'failed', failureReason: 'card_declined' };
      return;
    }
    core.db.state.subscription = { ...sub, currentPeriodEnd: addMonths(sub.currentPeriodEnd, months) };
    core.db.state.orders[id] = { ...base, status: 'succeeded', subscription: subscriptionView(core) };
  }
}

/** Account and billing routes (contract: "Installer account and billing"). */
export function billingRoutes(core: SandboxCore): Route[] {
  const { db } = core;
  return [
    route('GET', '/account', () => ({ status: 200, body: db.state.account })),
    route('GET', '/billing/prices', () => ({ status: 200, body: SANDBOX_PRICES })),
    route('GET', '/billing/subscriptions', () => ({ status: 200, body: [subscriptionView(core)] })),
    route('POST', '/billing/payment-methods', ({ body }) => {
      const { card } = parseBody(CardBodySchema, body);
      const number = checkCardNumber(card.number);
      if (!number.ok) throw invalid('card.number', number.reason);
      const now = core.now();
      const expiry = checkExpiry(card.expMonth, card.expYear, { year: now.getUTCFullYear(), month: now.getUTCMonth() + 1 });
      if (!expiry.ok) throw invalid('card.expMonth', expiry.reason);
      const cvc = checkSecurityCode(card.cvc);
      if (!cvc.ok) throw invalid('card.cvc', cvc.reason);
      const digits = cardDigits(card.number);
      const pm: PaymentMethodRec = {
        id: db.nextId('pm'),
        brand: cardBrand(digits),
        last4: digits.slice(-4),
        expMonth: expiry.value.month,
        expYear: expiry.value.year,
        declines: digits === DECLINING_TEST_CARD,
      };
      db.state.paymentMethods[pm.id] = pm;
      return { status: 201, body: pmView(pm) };
    }),
    route('GET', '/billing/payment-methods', () => ({ status: 200, body: Object.values(db.state.paymentMethods).map(pmView) })),
    route('DELETE', '/billing/payment-methods/:pmid', ({ params }) => {
      if (!db.state.paymentMethods[params.pmid!]) throw notFound('payment method', params.pmid!);
      delete db.state.paymentMethods[params.pmid!];
      return { status: 204 };
    }),
    route('POST', '/billing/orders', ({ body }) => ({ status: 201, body: placeOrder(core, parseBody(OrderRequestSchema, body)) })),
    route('GET', '/billing/orders', () => ({ status: 200, body: Object.values(db.state.orders) })),
  ];
}

/** Activates the integration subscription without a payment (admin shortcut for other tests' set-up). */
export function activateIntegration(core: SandboxCore, months: number): void {
  const now = core.now().toISOString();
  core.db.state.subscription = { ...core.db.state.subscription, status: 'active', renewal: 'manual', months, currentPeriodEnd: addMonths(now, months) };
}
