import { describe, expect, it } from 'vitest';
import type { IntegrationStatus } from '../../src-shared/ipc/contract/billing';
import { createBillingStore } from '../../src-renderer/stores/billing-store';
import { createFakeBridge } from './helpers/fake-bridge';

// Issue 16: the Subscription screen pays for one SmartPlus account, the default preselected; the
// chosen account's id goes with every billing call.

const NONE: IntegrationStatus = { state: 'none', activeUntil: null, renewal: null, months: null, checkedAt: '2026-11-27T10:00:00Z', stale: false, reason: null };
const ACCOUNTS = [
  { id: 'north', label: 'North region', isSandbox: false, isDefault: true },
  { id: 'south', label: 'South region', isSandbox: false, isDefault: false },
];
const settle = () => new Promise((r) => setTimeout(r, 0));

function setup() {
  const fake = createFakeBridge();
  fake.respond('billing.listAccounts', () => ACCOUNTS);
  fake.respond('billing.getStatus', () => NONE);
  fake.respond('billing.listReceipts', () => []);
  fake.respond('billing.getPrices', () => ({ prices: { currency: 'USD', integrationMonthly: 4900, apartmentMonthly: 100, additionalAppMonthly: 50 }, billingDefaults: { company: 'A', contact: 'A', email: 'a@example.com', address: '', country: 'US' } }));
  fake.respond('billing.listApartmentChoices', () => ({ sites: [], siteId: null, apartments: [] }));
  fake.respond('billing.pay', () => {
    throw new Error('declined');
  });
  return { fake, store: createBillingStore(fake.bridge) };
}

describe('billing store: which SmartPlus account pays', () => {
  it('preselects the default account and asks for its state and receipts', async () => {
    const { fake, store } = setup();
    await store.getState().load();
    expect(store.getState().accounts.map((a) => a.label)).toEqual(['North region', 'South region']);
    expect(store.getState().accountId).toBe('north');
    expect(fake.calls.filter((c) => c.channel === 'billing.getStatus').at(-1)?.input).toEqual({ accountId: 'north' });
    expect(fake.calls.filter((c) => c.channel === 'billing.listReceipts').at(-1)?.input).toEqual({ accountId: 'north' });
  });

  it('another account chosen: its state, prices and the payment go with its id; the choice is fixed while paying', async () => {
    const { fake, store } = setup();
    await store.getState().load();
    await store.getState().chooseAccount('south');
    expect(fake.calls.filter((c) => c.channel === 'billing.getStatus').at(-1)?.input).toEqual({ accountId: 'south' });
    expect(fake.calls.filter((c) => c.channel === 'billing.listReceipts').at(-1)?.input).toEqual({ accountId: 'south' });
    store.getState().start('integration');
    await settle();
    expect(fake.calls.filter((c) => c.channel === 'billing.getPrices').at(-1)?.input).toEqual({ accountId: 'south' });
    await store.getState().chooseAccount('north');
    expect(store.getState().accountId).toBe('south');
    const s = store.getState();
    s.setDraft({ type: 'community' });
    s.next();
    s.setDraft({ flow: 'integration' });
    s.next();
    s.setDraft({ renewal: 'manual', months: 1 });
    s.next();
    s.setBilling({ address: '1 Main St' });
    s.next();
    expect(store.getState().wizard?.step.kind).toBe('payment');
    await store.getState().pay({ number: '4242424242424242', expMonth: 12, expYear: 2030, cvc: '123', holder: 'Pat' });
    expect(fake.calls.find((c) => c.channel === 'billing.pay')?.input).toMatchObject({ accountId: 'south' });
  });

  it('apartments: the choices are asked for the chosen account, and an empty list names that account', async () => {
    const { fake, store } = setup();
    await store.getState().load();
    await store.getState().chooseAccount('south');
    store.getState().start('apartments');
    await settle();
    expect(fake.calls.filter((c) => c.channel === 'billing.listApartmentChoices').at(-1)?.input).toEqual({ accountId: 'south' });
    const s = store.getState();
    s.setDraft({ type: 'community' });
    s.next();
    s.setDraft({ flow: 'apartments' });
    s.next();
    expect(store.getState().wizard?.step.kind).toBe('service');
    expect(store.getState().wizard?.stepError).toMatch(/^No synced sites use South region yet\./);
  });
});
