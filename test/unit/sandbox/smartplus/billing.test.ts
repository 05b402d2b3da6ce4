import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { linkedCommunity, payIntegration, ref, startHarness, type Harness } from './harness';

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(() => h.close());

const card = (number: string, extra: Record<string, unknown> = {}) => ({
  card: { number, expMonth: 12, expYear: new Date().getUTCFullYear() + 3, cvc: '123', holder: 'Pat Installer', ...extra },
});
const billing = { company: 'Acme Doors', contact: 'Pat', email: 'pat@example.com', address: '1 Main St', country: 'US' };

describe('prices and subscriptions', () => {
  it('lists prices in cents and an integration subscription that starts as "none"', async () => {
    const prices = await h.call('GET', '/billing/prices');
    expect(prices.body).toMatchObject({ currency: expect.any(String), integrationMonthly: expect.any(Number), apartmentMonthly: expect.any(Number), additionalAppMonthly: expect.any(Number) });
    const subs = await h.call('GET', '/billing/subscriptions');
    expect(subs.body).toEqual([expect.objectContaining({ service: 'integration', status: 'none' })]);
  });
});

describe('payment methods', () => {
  it('saves a test card showing brand, last 4 and expiry only', async () => {
    const saved = await h.call('POST', '/billing/payment-methods', card('4242424242424242'));
    expect(saved.status).toBe(201);
    expect(saved.body).toEqual({ id: expect.any(String), brand: 'visa', last4: '4242', expMonth: 12, expYear: expect.any(Number) });
    const list = await h.call('GET', '/billing/payment-methods');
    expect(JSON.stringify(list.body)).not.toContain('4242424242424242');
    expect(list.body).toHaveLength(1);
    expect((await h.call('DELETE', `/billing/payment-methods/${saved.body.id}`)).status).toBe(204);
    expect((await h.call('GET', '/billing/payment-methods')).body).toEqual([]);
  });

  it.each([
    ['a number failing Luhn', card('4242424242424241'), 'card.number'],
    ['a past expiry', card('4242424242424242', { expYear: 2020 }), 'card.expMonth'],
    ['a bad security code', card('4242424242424242', { cvc: '12' }), 'card.cvc'],
  ])('rejects %s with 422 VALIDATION_FAILED', async (_what, body, field) => {
    const answer = await h.call('POST', '/billing/payment-methods', body);
    expect(answer.status).toBe(422);
    expect(answer.body.error.code).toBe('VALIDATION_FAILED');
    expect(answer.body.error.details[0].field).toBe(field);
    expect(JSON.stringify(answer.body)).not.toContain('424242424242');
  });
});

describe('orders and the 402 gate', () => {
  it('answers 402 for PMS-linked writes before payment, and succeeds after paying with 4242…', async () => {
    const before = await h.call('POST', '/communities', { name: 'Elm Court', timeZone: 'America/New_York', externalRef: ref('property:1') });
    expect(before.status).toBe(402);
    expect(before.body.error.code).toBe('SUBSCRIPTION_REQUIRED');
    const handMade = await h.call('POST', '/communities', { name: 'By hand', timeZone: 'UTC' });
    expect(handMade.status).toBe(201);

    const order = await payIntegration(h, 'auto', 12);
    expect(order.status).toBe(201);
    expect(order.body).toMatchObject({ status: 'succeeded', amount: expect.any(Number), subscription: { status: 'active', renewal: 'auto', months: 12 } });
    const prices = (await h.call('GET', '/billing/prices')).body;
    expect(order.body.amount).toBe(prices.integrationMonthly * 12);
    expect(order.body.lines[0].description).toBe('Integration, 12 months, automatic renewal');

    const after = await h.call('POST', '/communities', { name: 'Elm Court', timeZone: 'America/New_York', externalRef: ref('property:1') });
    expect(after.status).toBe(201);
    expect((await h.call('GET', '/billing/orders')).body.map((o: { id: string }) => o.id)).toEqual([order.body.id]);
  });

  it('saves 4000 0000 0000 0002 but declines its orders', async () => {
    const pm = await h.call('POST', '/billing/payment-methods', card('4000 0000 0000 0002'));
    expect(pm.status).toBe(201);
    const order = await h.call('POST', '/billing/orders', { services: [{ service: 'integration', renewal: 'manual', months: 1 }], billing, paymentMethodId: pm.body.id });
    expect(order.status).toBe(201);
    expect(order.body).toMatchObject({ status: 'failed', failureReason: 'card_declined' });
    expect((await h.call('GET', '/billing/subscriptions')).body[0].status).toBe('none');
  });

  it('activates paid apartments for the months paid', async () => {
    await payIntegration(h);
    const { community, building } = await linkedCommunity(h);
    const apt = await h.call('POST', `/communities/${community.id}/apartments`, { buildingId: building.id, name: '101', externalRef: ref('unit:1') });
    expect(apt.body.activated).toBe(false);
    const pm = (await h.call('GET', '/billing/payment-methods')).body[0];
    const order = await h.call('POST', '/billing/orders', { services: [{ service: 'apartment', apartmentIds: [apt.body.id], months: 1 }], billing, paymentMethodId: pm.id });
    const prices = (await h.call('GET', '/billing/prices')).body;
    expect(order.body).toMatchObject({ status: 'succeeded', amount: prices.apartmentMonthly });
    expect(order.body.lines[0].description).toBe('1 apartment, 1 month');
    const listed = await h.call('GET', `/communities/${community.id}/apartments`);
    expect(listed.body.items[0].activated).toBe(true);
    h.clock.advance(32 * 86_400_000);
    h.token = await h.signIn();
    expect((await h.call('GET', `/communities/${community.id}/apartments`)).body.items[0].activated).toBe(false);
  });

  it('renews automatically at the period end with a receipt; manual renewal expires, and reads still work', async () => {
    await payIntegration(h, 'auto', 1);
    h.clock.advance(32 * 86_400_000);
    h.token = await h.signIn();
    const sub = (await h.call('GET', '/billing/subscriptions')).body[0];
    expect(sub.status).toBe('active');
    expect(Date.parse(sub.currentPeriodEnd)).toBeGreaterThan(h.clock.ms);
    const orders = (await h.call('GET', '/billing/orders')).body;
    expect(orders).toHaveLength(2);
    expect(orders.map((o: { lines: { description: string }[] }) => o.lines[0]!.description)).toEqual(['Integration, 1 month, automatic renewal', 'Integration, 1 month, automatic renewal']);

    await h.sandbox.admin.reset();
    await payIntegration(h, 'manual', 1);
    const { community } = await linkedCommunity(h);
    h.clock.advance(70 * 86_400_000);
    h.token = await h.signIn();
    expect((await h.call('GET', '/billing/subscriptions')).body[0].status).toBe('expired');
    expect((await h.call('GET', `/communities/${community.id}`)).status).toBe(200);
    expect((await h.call('PATCH', `/communities/${community.id}`, { name: 'Renamed' })).status).toBe(402);
  });
});
