import { describe, expect, it } from 'vitest';
import type { Order } from '../../src-shared/domain/billing';
import type { ApartmentChoices, IntegrationStatus } from '../../src-shared/ipc/contract/billing';
import { billingErrors, emptyDraft, integrationBlocker, quoteLines, quoteTotal } from '../../src-renderer/stores/billing-quote';
import { createBillingStore } from '../../src-renderer/stores/billing-store';
import { createFakeBridge } from './helpers/fake-bridge';

const PRICES = { currency: 'USD', integrationMonthly: 4900, apartmentMonthly: 100, additionalAppMonthly: 50 };
const DEFAULTS = { company: 'Sandbox Installer', contact: 'Sandbox Installer', email: 'installer@sandbox.local', address: '', country: 'US' };
const NONE: IntegrationStatus = { state: 'none', activeUntil: null, renewal: null, months: null, checkedAt: '2026-11-27T10:00:00Z', stale: false, reason: null };
const ORDER: Order = {
  id: 'ord_1',
  status: 'succeeded',
  amount: 58800,
  currency: 'USD',
  createdAt: '2026-11-27T10:00:00Z',
  lines: [{ service: 'integration', description: 'Integration, 12 month(s), auto renewal', quantity: 1, months: 12, unitAmount: 4900, amount: 58800 }],
  subscription: { id: 'sub_1', service: 'integration', status: 'active', renewal: 'auto', months: 12, currentPeriodEnd: '2027-11-27T10:00:00Z' },
};
const CARD = { number: '4242424242424242', expMonth: 12, expYear: 2030, cvc: '123', holder: 'Pat' };

function setup(choices: ApartmentChoices = { sites: [], siteId: null, apartments: [] }) {
  const fake = createFakeBridge();
  fake.respond('billing.getStatus', () => NONE);
  fake.respond('billing.listReceipts', () => []);
  fake.respond('billing.getPrices', () => ({ prices: PRICES, billingDefaults: DEFAULTS }));
  fake.respond('billing.listApartmentChoices', () => choices);
  const store = createBillingStore(fake.bridge);
  return { fake, store };
}

const settle = () => new Promise((r) => setTimeout(r, 0));

async function toReview(store: ReturnType<typeof setup>['store']) {
  store.getState().start();
  await settle();
  store.getState().setDraft({ type: 'community' });
  store.getState().next();
  store.getState().setDraft({ flow: 'integration' });
  store.getState().next();
  store.getState().setDraft({ renewal: 'auto', months: 12 });
  store.getState().next();
}

describe('billing quote rules', () => {
  it('prices count × monthly price × months', () => {
    expect(quoteLines({ ...emptyDraft('integration'), renewal: 'manual', months: 6 }, PRICES)).toEqual([{ label: 'Integration', detail: '6 months, renewed by hand', amount: 29400 }]);
    const apartments = quoteLines({ ...emptyDraft('apartments'), apartmentIds: ['a', 'b', 'c'], apartmentMonths: 3 }, PRICES);
    expect(apartments).toEqual([{ label: 'Apartment monthly fee', detail: '3 apartments × 3 months', amount: 900 }]);
    expect(quoteTotal(apartments)).toBe(900);
    expect(quoteLines({ ...emptyDraft('integration'), renewal: null, months: null }, PRICES)).toEqual([]);
    // A fresh draft starts at the only type and monthly automatic renewal.
    expect(quoteLines(emptyDraft('integration'), PRICES)).toEqual([{ label: 'Integration', detail: expect.stringContaining('1 month') as string, amount: PRICES.integrationMonthly }]);
    expect(quoteLines({ ...emptyDraft('integration'), renewal: 'auto', months: 1 }, null)).toEqual([]);
  });

  it('checks every billing field', () => {
    expect(billingErrors({ company: '', contact: ' ', email: 'x@', address: '', country: 'USA' })).toEqual({
      company: expect.any(String),
      contact: expect.any(String),
      email: expect.stringContaining('e-mail'),
      address: expect.any(String),
      country: expect.any(String),
    });
    expect(billingErrors({ company: 'A', contact: 'B', email: 'b@example.com', address: '1 Main St', country: 'us' })).toEqual({});
  });

  it('says why syncing is blocked unless the integration is active', () => {
    expect(integrationBlocker({ ...NONE, state: 'active' })).toBeNull();
    expect(integrationBlocker(NONE)).toMatch(/not paid for/);
    expect(integrationBlocker({ ...NONE, state: 'expired' })).toMatch(/expired/);
    expect(integrationBlocker({ ...NONE, state: 'unknown', reason: 'No SmartPlus account is set up.' })).toBe('No SmartPlus account is set up.');
  });
});

describe('billing store: integration flow', () => {
  it('loads the status and receipts, and follows status events', async () => {
    const { fake, store } = setup();
    await store.getState().load();
    expect(store.getState().status).toEqual({ status: 'ready', value: NONE });
    expect(store.getState().receipts).toEqual({ status: 'ready', value: [] });
    fake.emit('billing.statusChanged', { ...NONE, state: 'active', activeUntil: '2027-01-01T00:00:00Z' });
    expect(store.getState().status.value?.state).toBe('active');
  });

  it('validates each step before moving on and keeps the choices going back', async () => {
    const { store } = setup();
    store.getState().start();
    await settle();
    const step = () => store.getState().wizard?.step.kind;
    const error = () => store.getState().wizard?.stepError;
    // Community, the only subscription type, is chosen already.
    expect(store.getState().wizard?.draft.type).toBe('community');
    store.getState().setDraft({ type: null });
    store.getState().next();
    expect([step(), error()]).toEqual(['type', 'Choose the subscription type.']);
    store.getState().setDraft({ type: 'community' });
    expect(error()).toBeNull();
    store.getState().next();
    store.getState().next();
    expect([step(), error()]).toEqual(['service', 'Choose the service to pay for.']);
    store.getState().setDraft({ flow: 'integration' });
    store.getState().next();
    // Renewal starts at monthly automatic renewal.
    expect([store.getState().wizard?.draft.renewal, store.getState().wizard?.draft.months]).toEqual(['auto', 1]);
    store.getState().setDraft({ renewal: null, months: null });
    store.getState().next();
    expect([step(), error()]).toEqual(['renewal', 'Choose whether to renew by hand or automatically.']);
    store.getState().setDraft({ renewal: 'auto' });
    store.getState().next();
    expect([step(), error()]).toEqual(['renewal', 'Choose the renewal period.']);
    store.getState().setDraft({ months: 3 });
    store.getState().next();
    expect(step()).toBe('review');
    expect(store.getState().wizard?.draft.billing).toEqual(DEFAULTS);
    store.getState().next();
    expect([step(), store.getState().wizard?.billingErrors]).toEqual(['review', { address: 'Enter the billing address.' }]);
    store.getState().setBilling({ address: '1 Main St', email: 'bad' });
    store.getState().next();
    expect(store.getState().wizard?.billingErrors).toEqual({ email: expect.stringContaining('e-mail') });
    store.getState().setBilling({ email: 'pat@example.com' });
    store.getState().next();
    expect(step()).toBe('payment');
    store.getState().back();
    store.getState().back();
    expect(step()).toBe('renewal');
    expect(store.getState().wizard?.draft).toMatchObject({ renewal: 'auto', months: 3, billing: { address: '1 Main St' } });
    store.getState().back();
    store.getState().back();
    store.getState().back();
    expect(store.getState().wizard).toBeNull();
  });

  it('pays once with the card and ends on the receipt — the card never enters the state', async () => {
    const { fake, store } = setup();
    fake.respond('billing.pay', () => ({ receipt: ORDER, paidWith: { brand: 'visa', last4: '4242' } }));
    await toReview(store);
    store.getState().setBilling({ address: '1 Main St', country: 'us' });
    store.getState().next();
    expect(await store.getState().pay(CARD)).toBe(true);
    expect(store.getState().wizard?.step).toEqual({ kind: 'receipt', result: { receipt: ORDER, paidWith: { brand: 'visa', last4: '4242' } }, flow: 'integration' });
    const payCalls = fake.calls.filter((c) => c.channel === 'billing.pay');
    expect(payCalls).toEqual([{ channel: 'billing.pay', input: { renewal: 'auto', months: 12, billing: { ...DEFAULTS, address: '1 Main St', country: 'US' }, card: CARD } }]);
    expect(JSON.stringify(store.getState())).not.toContain('4242424242424242');
    store.getState().start('apartments');
    expect(store.getState().wizard?.draft.billing).toEqual({ ...DEFAULTS, address: '1 Main St', country: 'US' });
    await settle();
    expect(fake.calls.filter((c) => c.channel === 'billing.getStatus').length).toBeGreaterThanOrEqual(1);
  });

  it('a declined card stays on the payment step with the reason and the next step', async () => {
    const { fake, store } = setup();
    fake.fail('billing.pay', { code: 'CARD_DECLINED', message: 'The card was declined. Nothing was charged.', retryable: false, details: { nextStep: 'Use another card or contact your bank, then pay again.' } });
    await toReview(store);
    store.getState().setBilling({ address: '1 Main St' });
    store.getState().next();
    expect(await store.getState().pay({ ...CARD, number: '4000000000000002' })).toBe(false);
    expect(store.getState().wizard?.step).toEqual({
      kind: 'payment',
      paying: false,
      failure: { code: 'CARD_DECLINED', text: 'The card was declined. Nothing was charged.', nextStep: 'Use another card or contact your bank, then pay again.', field: null },
    });
    expect(JSON.stringify(store.getState())).not.toContain('4000000000000002');
    expect(store.getState().wizard?.draft.billing.address).toBe('1 Main St');
    store.getState().clearFailure();
    expect(store.getState().wizard?.step).toEqual({ kind: 'payment', paying: false, failure: null });
  });
});

describe('billing store: apartments flow', () => {
  const CHOICES: ApartmentChoices = {
    sites: [{ id: 's1', name: 'Elm Court', apartmentCount: 3 }],
    siteId: 's1',
    apartments: [
      { id: 'a1', name: '101', activated: false },
      { id: 'a2', name: '102', activated: true },
      { id: 'a3', name: '103', activated: false },
    ],
  };

  it('says so when no site is synced yet', async () => {
    const { store } = setup();
    store.getState().start('apartments');
    await settle();
    store.getState().setDraft({ type: 'community' });
    store.getState().next();
    store.getState().next();
    expect(store.getState().wizard).toMatchObject({ step: { kind: 'service' }, stepError: expect.stringContaining('No site is synced yet') });
  });

  it('needs at least one apartment, then pays count × price × months', async () => {
    const { fake, store } = setup(CHOICES);
    fake.respond('billing.payApartments', () => ({ receipt: { ...ORDER, amount: 600, subscription: undefined }, paidWith: { brand: 'visa', last4: '4242' } }));
    store.getState().start('apartments');
    await settle();
    store.getState().setDraft({ type: 'community' });
    store.getState().next();
    store.getState().next();
    expect(store.getState().wizard?.step.kind).toBe('apartments');
    expect(store.getState().wizard?.draft.siteId).toBe('s1');
    store.getState().next();
    expect(store.getState().wizard?.stepError).toBe('Choose at least one apartment.');
    store.getState().setDraft({ apartmentIds: ['a1', 'a3'], apartmentMonths: 3 });
    store.getState().next();
    expect(store.getState().wizard?.step.kind).toBe('review');
    expect(quoteLines(store.getState().wizard!.draft, PRICES)[0]?.amount).toBe(600);
    store.getState().setBilling({ address: '1 Main St' });
    store.getState().next();
    store.getState().back();
    store.getState().back();
    expect(store.getState().wizard?.step.kind).toBe('apartments');
    store.getState().next();
    store.getState().next();
    await store.getState().pay(CARD);
    expect(fake.calls.find((c) => c.channel === 'billing.payApartments')?.input).toMatchObject({ siteId: 's1', apartmentIds: ['a1', 'a3'], months: 3 });
    expect(store.getState().wizard?.step).toMatchObject({ kind: 'receipt', flow: 'apartments' });
  });
});
