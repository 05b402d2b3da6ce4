import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { assertOrderSucceeded } from '../../../src-main/smartplus/client';
import { createLogger, memorySink } from '../../../src-main/logging/logger';
import { billing, goodCard, rejection, rmRef, startRig, type Rig } from './helpers';

let rig: Rig;
beforeEach(async () => {
  rig = await startRig();
});
afterEach(() => rig.close());

describe('SmartPlus client: billing', () => {
  it('answers SP_SUBSCRIPTION_REQUIRED before payment and succeeds after paying with 4242…', async () => {
    const { client } = rig;
    const input = { name: 'Elm Court', timeZone: 'America/New_York', externalRef: rmRef('property:1') };
    const before = await rejection(client.communities.create(input, { idempotencyKey: 'community:1' }));
    expect(before.code).toBe('SP_SUBSCRIPTION_REQUIRED');
    expect(before.message).toMatch(/Subscription screen/);

    const pm = await client.addPaymentMethod(goodCard(), { idempotencyKey: 'pm-1' });
    expect(pm).toEqual({ id: expect.any(String), brand: 'visa', last4: '4242', expMonth: 12, expYear: expect.any(Number) });
    const order = assertOrderSucceeded(
      await client.createOrder({ services: [{ service: 'integration', renewal: 'auto', months: 12 }], billing, paymentMethodId: pm.id }, { idempotencyKey: 'order-1' }),
    );
    expect(order.subscription).toMatchObject({ status: 'active', renewal: 'auto', months: 12 });
    expect((await client.subscriptions())[0]!.status).toBe('active');

    const community = await client.communities.create(input, { idempotencyKey: 'community:1' });
    expect(community.externalRef).toEqual(rmRef('property:1'));
    expect(await client.listOrders()).toEqual([order]);
  });

  it('saves 4000 0000 0000 0002 but its order is declined (CARD_DECLINED from assertOrderSucceeded)', async () => {
    const { client } = rig;
    const pm = await client.addPaymentMethod(goodCard('4000 0000 0000 0002'));
    expect(pm.last4).toBe('0002');
    expect(await client.listPaymentMethods()).toEqual([pm]);
    const order = await client.createOrder({ services: [{ service: 'integration', renewal: 'manual', months: 1 }], billing, paymentMethodId: pm.id });
    expect(order).toMatchObject({ status: 'failed', failureReason: 'card_declined' });
    expect(() => assertOrderSucceeded(order)).toThrow(expect.objectContaining({ code: 'CARD_DECLINED' }));
    expect((await client.subscriptions())[0]!.status).toBe('none');
    await client.deletePaymentMethod(pm.id);
    expect(await client.listPaymentMethods()).toEqual([]);
  });

  it('maps a Luhn failure (422) to CARD_INVALID naming the field', async () => {
    const error = await rejection(rig.client.addPaymentMethod(goodCard('4242424242424241')));
    expect(error.code).toBe('CARD_INVALID');
    expect(error.details?.status).toBe(422);
    expect(error.details?.fields).toEqual([expect.objectContaining({ field: 'card.number' })]);
  });

  it('never logs the card number, code or holder, even through retries and failures', async () => {
    const sink = memorySink();
    const client = rig.makeClient({ logger: createLogger(sink, { level: 'debug' }) });
    rig.sandbox.admin.faults({ share: 1, statuses: [503], times: 1 });
    const canary = goodCard('4000056655665556');
    const saved = await client.addPaymentMethod({ ...canary, cvc: '987', holder: 'Canary Holder' }, { idempotencyKey: 'pm-canary' });
    expect(saved.last4).toBe('5556');
    await rejection(client.addPaymentMethod({ ...canary, number: '4000056655665557', cvc: '987', holder: 'Canary Holder' }));
    const text = sink.lines.join('\n');
    expect(sink.lines.length).toBeGreaterThan(0);
    expect(text).not.toMatch(/4000056655665556|4000056655665557|Canary Holder|987/);
  });
});
