import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { ApartmentChoices, IntegrationStatus } from '../../src-shared/ipc/contract/billing';
import { BillingScreen } from '../../src-renderer/screens/billing/BillingScreen';
import { checkCard } from '../../src-renderer/screens/billing/PaymentStep';
import { createAppStore } from '../../src-renderer/stores/app-store';
import { createBillingStore } from '../../src-renderer/stores/billing-store';
import { type Stores, StoresContext } from '../../src-renderer/stores/stores-context';
import { createFakeBridge } from './helpers/fake-bridge';

const PRICES = { currency: 'USD', integrationMonthly: 4900, apartmentMonthly: 100, additionalAppMonthly: 50 };
const DEFAULTS = { company: 'Sandbox Installer', contact: 'Sandbox Installer', email: 'installer@sandbox.local', address: '', country: 'US' };
const NONE: IntegrationStatus = { state: 'none', activeUntil: null, renewal: null, months: null, checkedAt: '2026-11-27T10:00:00Z', stale: false, reason: null };
const RECEIPT = {
  id: 'ord_7',
  status: 'succeeded' as const,
  amount: 58800,
  currency: 'USD',
  createdAt: '2026-11-27T10:00:00Z',
  lines: [{ service: 'integration' as const, description: 'Integration, 12 month(s), auto renewal', quantity: 1, months: 12, unitAmount: 4900, amount: 58800 }],
  subscription: { id: 'sub_1', service: 'integration' as const, status: 'active' as const, renewal: 'auto' as const, months: 12, currentPeriodEnd: '2027-11-27T10:00:00Z' },
};
const year = new Date().getFullYear() % 100;

function renderScreen(status: IntegrationStatus = NONE, choices: ApartmentChoices = { sites: [], siteId: null, apartments: [] }) {
  const fake = createFakeBridge();
  fake.respond('billing.getStatus', () => status);
  fake.respond('billing.listReceipts', () => []);
  fake.respond('billing.getPrices', () => ({ prices: PRICES, billingDefaults: DEFAULTS }));
  fake.respond('billing.listApartmentChoices', () => choices);
  const stores = { bridge: fake.bridge, app: createAppStore(fake.bridge), billing: createBillingStore(fake.bridge) } as unknown as Stores;
  render(
    <StoresContext.Provider value={stores}>
      <BillingScreen />
    </StoresContext.Provider>,
  );
  return { fake, stores, user: userEvent.setup() };
}

async function toPayment(user: ReturnType<typeof userEvent.setup>) {
  await user.click(await screen.findByRole('button', { name: 'Pay for the integration' }));
  await user.click(screen.getByRole('radio', { name: /Community/ }));
  await user.click(screen.getByRole('button', { name: 'Next' }));
  expect((screen.getByRole('radio', { name: /Integration/ }) as HTMLInputElement).checked).toBe(true);
  await user.click(screen.getByRole('button', { name: 'Next' }));
  await user.click(screen.getByRole('radio', { name: /Renew automatically/ }));
  await user.click(screen.getByRole('radio', { name: /12 months/ }));
  await user.click(screen.getByRole('button', { name: 'Next' }));
  expect(await screen.findByText('$588.00', { selector: '.sub-total' })).toBeTruthy();
  expect((screen.getByLabelText('Company') as HTMLInputElement).value).toBe('Sandbox Installer');
  await user.type(screen.getByLabelText('Billing address'), '1 Main St, Springfield');
  await user.click(screen.getByRole('button', { name: 'Continue to payment' }));
  await screen.findByRole('heading', { name: /Payment/ });
}

async function typeCard(user: ReturnType<typeof userEvent.setup>, number: string, expiry = `12/${year + 2}`, cvc = '123') {
  const field = screen.getByLabelText(/Card number/) as HTMLInputElement;
  await user.clear(field);
  await user.type(field, number);
  await user.clear(screen.getByLabelText('Expiry (MM/YY)'));
  await user.type(screen.getByLabelText('Expiry (MM/YY)'), expiry);
  await user.clear(screen.getByLabelText('Security code'));
  await user.type(screen.getByLabelText('Security code'), cvc);
  if (!(screen.getByLabelText('Name on the card') as HTMLInputElement).value) await user.type(screen.getByLabelText('Name on the card'), 'Pat Installer');
}

describe('card checks', () => {
  it('refuses a Luhn failure, a past expiry, a short code and a missing holder; passes a good card', () => {
    const now = new Date(2026, 10, 27);
    expect(checkCard({ number: '4242 4242 4242 4241', expiry: '12/28', cvc: '123', holder: 'P' }, now).errors).toEqual({ number: expect.stringContaining('not valid') });
    expect(checkCard({ number: '4242424242424242', expiry: '10/26', cvc: '123', holder: 'P' }, now).errors).toEqual({ expiry: 'This card has expired.' });
    expect(checkCard({ number: '4242424242424242', expiry: '12/2', cvc: '123', holder: 'P' }, now).errors).toEqual({ expiry: 'Enter the expiry as MM/YY.' });
    expect(checkCard({ number: '4242424242424242', expiry: '1228', cvc: '123', holder: 'P' }, now).card?.expYear).toBe(2028);
    expect(checkCard({ number: '4242424242424242', expiry: '13/28', cvc: '123', holder: 'P' }, now).errors).toEqual({ expiry: 'The month is 1 to 12.' });
    expect(checkCard({ number: '4242424242424242', expiry: '11/26', cvc: '12', holder: ' ' }, now).errors).toEqual({ cvc: expect.stringContaining('3 or 4 digits'), holder: 'Enter the name on the card.' });
    expect(checkCard({ number: '4242 4242 4242 4242', expiry: '11/26', cvc: '1234', holder: ' Pat ' }, now)).toEqual({ card: { number: '4242424242424242', expMonth: 11, expYear: 2026, cvc: '1234', holder: 'Pat' }, errors: null });
  });
});

describe('billing screen (Subscription)', () => {
  it('shows the integration state at the top: not active, active until, expired', async () => {
    renderScreen();
    expect((await screen.findByText('Not active')).className).toContain('pill-warn');
    expect(screen.getByText(/Sites cannot be synced until the Integration service is paid for/)).toBeTruthy();
    expect(screen.getByText('No receipts yet')).toBeTruthy();
  });

  it('lists receipts with correct plurals, whatever the server wrote', async () => {
    const apartments = { ...RECEIPT, id: 'ord_8', amount: 300, subscription: undefined, lines: [{ service: 'apartment' as const, description: '3 apartment(s), 1 month(s)', quantity: 3, months: 1, unitAmount: 100, amount: 300 }] };
    const one = { ...apartments, id: 'ord_9', lines: [{ ...apartments.lines[0]!, quantity: 1, months: 6 }] };
    const manual = { ...RECEIPT, id: 'ord_10', subscription: { ...RECEIPT.subscription, renewal: 'manual' as const } };
    const { fake } = renderScreen();
    fake.respond('billing.listReceipts', () => [RECEIPT, apartments, one, manual]);
    const table = await screen.findByRole('table', { name: 'Receipts, newest first' });
    const paidFor = [...table.querySelectorAll('tbody tr')].map((row) => row.children[1]!.textContent);
    expect(paidFor).toEqual(['Integration, 12 months, automatic renewal', '3 apartments, 1 month', '1 apartment, 6 months', 'Integration, 12 months, renewed by hand']);
  });

  it('shows an active subscription and offers to extend it', async () => {
    renderScreen({ ...NONE, state: 'active', activeUntil: '2027-11-27T10:00:00Z', renewal: 'auto', months: 12 });
    expect(await screen.findByText('Active')).toBeTruthy();
    expect(screen.getByText(/Active until .*2027.*renews automatically/)).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Extend the integration' })).toBeTruthy();
  });

  it('pays for the integration: steps, review with total, card checks, receipt', async () => {
    const { fake, user } = renderScreen();
    fake.respond('billing.pay', () => ({ receipt: RECEIPT, paidWith: { brand: 'visa', last4: '4242' } }));
    await toPayment(user);
    await typeCard(user, '4242424242424241');
    await user.click(screen.getByRole('button', { name: 'Pay $588.00' }));
    expect(screen.getByText(/this card number is not valid/i)).toBeTruthy();
    expect(document.activeElement).toBe(screen.getByLabelText(/Card number/));
    expect(fake.calls.some((c) => c.channel === 'billing.pay')).toBe(false);

    await typeCard(user, '4242424242424242');
    expect((screen.getByLabelText(/Card number/) as HTMLInputElement).value).toBe('4242 4242 4242 4242');
    expect(screen.getByText('Visa')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Pay $588.00' }));
    expect(await screen.findByText(/Payment received/)).toBeTruthy();
    expect(screen.getByText('Visa ending in 4242')).toBeTruthy();
    expect(screen.getByText('Next renewal')).toBeTruthy();
    // The period reads from the line's fields, not the server's "12 month(s)".
    expect(screen.getByText('Integration, 12 months, automatic renewal')).toBeTruthy();
    expect(document.body.textContent).not.toContain('(s)');
    expect(document.body.textContent).not.toContain('4242 4242 4242 4242');
    const input = fake.calls.find((c) => c.channel === 'billing.pay')?.input as { card: unknown; billing: { address: string } };
    expect(input.card).toEqual({ number: '4242424242424242', expMonth: 12, expYear: 2000 + year + 2, cvc: '123', holder: 'Pat Installer' });
    expect(input.billing.address).toBe('1 Main St, Springfield');
    await user.click(screen.getByRole('button', { name: 'Done' }));
    expect(await screen.findByRole('button', { name: 'Pay for the integration' })).toBeTruthy();
  });

  it('preselects the only type and monthly auto-renewal, and after paying offers Next: Get Site from PMS', async () => {
    const { fake, user, stores } = renderScreen();
    fake.respond('billing.pay', () => ({ receipt: RECEIPT, paidWith: { brand: 'visa', last4: '4242' } }));
    await user.click(await screen.findByRole('button', { name: 'Pay for the integration' }));
    expect((screen.getByRole('radio', { name: /Community/ }) as HTMLInputElement).checked).toBe(true);
    await user.click(screen.getByRole('button', { name: 'Next' }));
    await user.click(screen.getByRole('button', { name: 'Next' }));
    expect((screen.getByRole('radio', { name: /Renew automatically/ }) as HTMLInputElement).checked).toBe(true);
    expect((screen.getByRole('radio', { name: /^1 month/ }) as HTMLInputElement).checked).toBe(true);
    await user.click(screen.getByRole('button', { name: 'Next' }));
    expect(await screen.findByText('$49.00', { selector: '.sub-total' })).toBeTruthy();
    await user.type(screen.getByLabelText('Billing address'), '1 Main St, Springfield');
    await user.click(screen.getByRole('button', { name: 'Continue to payment' }));
    await screen.findByRole('heading', { name: /Payment/ });
    await typeCard(user, '4242424242424242');
    await user.click(screen.getByRole('button', { name: 'Pay $49.00' }));
    await user.click(await screen.findByRole('button', { name: 'Next: Get Site from PMS' }));
    expect(stores.app.getState().route).toEqual({ screen: 'get-site' });
  });

  it('a declined card says so and keeps the form without the card number', async () => {
    const { fake, user } = renderScreen();
    fake.fail('billing.pay', { code: 'CARD_DECLINED', message: 'The card was declined. Nothing was charged.', retryable: false, details: { nextStep: 'Use another card or contact your bank, then pay again.' } });
    await toPayment(user);
    await typeCard(user, '4000000000000002');
    await user.click(screen.getByRole('button', { name: 'Pay $588.00' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Payment declined');
    expect(alert.textContent).toContain('The card was declined');
    expect(alert.textContent).toContain('Next step: Use another card or contact your bank, then pay again.');
    await waitFor(() => expect((screen.getByLabelText(/Card number/) as HTMLInputElement).value).toBe(''));
    expect((screen.getByLabelText('Security code') as HTMLInputElement).value).toBe('');
    expect((screen.getByLabelText('Expiry (MM/YY)') as HTMLInputElement).value).toBe(`12/${year + 2}`);
    expect((screen.getByLabelText('Name on the card') as HTMLInputElement).value).toBe('Pat Installer');
    expect(document.activeElement).toBe(screen.getByLabelText(/Card number/));
  });

  it('refuses an expired card and a short security code before sending', async () => {
    const { fake, user } = renderScreen();
    await toPayment(user);
    await typeCard(user, '4242424242424242', '01/20', '12');
    await user.click(screen.getByRole('button', { name: 'Pay $588.00' }));
    expect(screen.getByText('This card has expired.')).toBeTruthy();
    expect(screen.getByText(/The security code has 3 or 4 digits/)).toBeTruthy();
    expect(screen.getByLabelText('Expiry (MM/YY)').getAttribute('aria-invalid')).toBe('true');
    expect(fake.calls.some((c) => c.channel === 'billing.pay')).toBe(false);
  });

  it('says when no site is synced for the apartment fee', async () => {
    const { user } = renderScreen();
    await user.click(await screen.findByRole('button', { name: 'Pay for apartments' }));
    await user.click(screen.getByRole('radio', { name: /Community/ }));
    await user.click(screen.getByRole('button', { name: 'Next' }));
    expect(await screen.findByText(/No site is synced yet: import a site first/)).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Next' }));
    expect((await screen.findByRole('alert')).textContent).toContain('No site is synced yet');
  });

  it('chooses apartments with search and select all, and totals count × price × months', async () => {
    const choices: ApartmentChoices = {
      sites: [{ id: 's1', name: 'Elm Court', apartmentCount: 3 }],
      siteId: 's1',
      apartments: [
        { id: 'a1', name: '101', activated: false },
        { id: 'a2', name: '102', activated: false },
        { id: 'a3', name: '201', activated: true },
      ],
    };
    const { user } = renderScreen(NONE, choices);
    await user.click(await screen.findByRole('button', { name: 'Pay for apartments' }));
    await user.click(screen.getByRole('radio', { name: /Community/ }));
    await user.click(screen.getByRole('button', { name: 'Next' }));
    await user.click(screen.getByRole('button', { name: 'Next' }));
    await user.type(screen.getByLabelText('Find apartments'), '10');
    await user.click(screen.getByRole('button', { name: 'Select all found (2)' }));
    await user.selectOptions(screen.getByLabelText('Months'), '6');
    expect(screen.getByText(/2 chosen · \$12\.00/)).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Select none' }));
    await user.click(screen.getByRole('button', { name: 'Next' }));
    expect((await screen.findByRole('alert')).textContent).toContain('Choose at least one apartment.');
    await user.click(screen.getByRole('checkbox', { name: '101' }));
    await user.click(screen.getByRole('button', { name: 'Next' }));
    expect(await screen.findByText('1 apartment × 6 months')).toBeTruthy();
    expect(screen.getByText('$6.00', { selector: '.sub-total' })).toBeTruthy();
  });
});
