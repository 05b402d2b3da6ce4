import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readCommunityState } from '../../../src-main/smartplus/read-snapshot';
import type { Order } from '../../../src-shared/domain/billing';
import type { ApartmentChoices, BillingQuoteBasis, IntegrationStatus, PaymentResult } from '../../../src-shared/ipc/contract/billing';
import { errorOf, startRig, valueOf, type Rig } from './connections-billing-rig';

let rig: Rig;
beforeEach(async () => {
  rig = await startRig();
  await rig.addSmartPlusAccount();
});
afterEach(() => rig.close());

const year = new Date().getUTCFullYear();
const card = (number: string, over: Record<string, unknown> = {}) => ({ number, expMonth: 12, expYear: year + 2, cvc: '123', holder: 'Pat Installer', ...over });
const billing = { company: 'Acme Doors', contact: 'Pat', email: 'pat@example.com', address: '1 Main St', country: 'us' };
const payIntegration = (number: string, over: Record<string, unknown> = {}) => ({ renewal: 'auto', months: 12, billing, card: card(number), ...over });

describe('billing: status and prices', () => {
  it('starts with no integration subscription, prices from SmartPlus and billing details from the account', async () => {
    expect(valueOf<IntegrationStatus>(await rig.call('billing.getStatus'))).toMatchObject({ state: 'none', activeUntil: null, stale: false, reason: null });
    const basis = valueOf<BillingQuoteBasis>(await rig.call('billing.getPrices'));
    expect(basis.prices).toEqual({ currency: 'USD', integrationMonthly: 4900, apartmentMonthly: 100, additionalAppMonthly: 50 });
    expect(basis.billingDefaults).toMatchObject({ company: 'Sandbox Installer', email: rig.sp.username, country: 'US', address: '' });
  });

  it('without a SmartPlus account the state is unknown and says where to add one', async () => {
    rig.db.connections.list().forEach((c) => rig.db.connections.delete(c.id));
    expect(valueOf<IntegrationStatus>(await rig.call('billing.getStatus'))).toMatchObject({ state: 'unknown', reason: expect.stringContaining('Connections') });
  });

  it('offline, the last state seen is shown as stale with the reason', async () => {
    rig.sp.admin.activateIntegration(3);
    const fresh = valueOf<IntegrationStatus>(await rig.call('billing.getStatus'));
    expect(fresh.state).toBe('active');
    await rig.sp.close();
    rig.deps.clients.invalidate(rig.db.connections.list()[0]!.id);
    const stale = valueOf<IntegrationStatus>(await rig.call('billing.getStatus'));
    expect(stale).toMatchObject({ state: 'active', activeUntil: fresh.activeUntil, stale: true, reason: expect.stringContaining('cannot be reached') });
  });
});

describe('billing: paying for the integration', () => {
  it('pays with 4242…, keeps the receipt and turns the integration active', async () => {
    const paid = valueOf<PaymentResult>(await rig.call('billing.pay', payIntegration('4242 4242 4242 4242')));
    expect(paid.paidWith).toEqual({ brand: 'visa', last4: '4242' });
    expect(paid.receipt).toMatchObject({ status: 'succeeded', amount: 4900 * 12, currency: 'USD', subscription: { status: 'active', renewal: 'auto', months: 12 } });
    const status = valueOf<IntegrationStatus>(await rig.call('billing.getStatus'));
    expect(status).toMatchObject({ state: 'active', renewal: 'auto', months: 12, activeUntil: paid.receipt.subscription!.currentPeriodEnd });
    expect(rig.events.filter((e) => e.event === 'billing.statusChanged').at(-1)?.payload).toMatchObject({ state: 'active' });
    expect(valueOf<Order[]>(await rig.call('billing.listReceipts')).map((r) => r.id)).toEqual([paid.receipt.id]);
    expect(rig.db.receipts.list()).toHaveLength(1);
  });

  it('a declined card (4000 0000 0000 0002) says so, charges nothing and keeps no saved method', async () => {
    const declined = errorOf(await rig.call('billing.pay', payIntegration('4000 0000 0000 0002')));
    expect(declined).toMatchObject({ code: 'CARD_DECLINED', message: expect.stringContaining('declined') });
    expect(valueOf<IntegrationStatus>(await rig.call('billing.getStatus')).state).toBe('none');
    expect(rig.db.receipts.list()).toEqual([]);
    const client = await rig.deps.clients.smartPlus();
    expect(await client.listPaymentMethods()).toEqual([]);
  });

  it('checks the card before sending it: Luhn, expiry, security code, holder', async () => {
    rig.sp.admin.resetCounters();
    expect(errorOf(await rig.call('billing.pay', payIntegration('4242 4242 4242 4241')))).toMatchObject({ code: 'CARD_INVALID', details: { field: 'number' } });
    expect(errorOf(await rig.call('billing.pay', payIntegration('4242424242424242', { card: card('4242424242424242', { expMonth: 1, expYear: year - 1 }) })))).toMatchObject({ code: 'CARD_INVALID', details: { field: 'expiry' } });
    expect(errorOf(await rig.call('billing.pay', payIntegration('4242424242424242', { card: card('4242424242424242', { cvc: '12' }) })))).toMatchObject({ code: 'CARD_INVALID', details: { field: 'cvc' } });
    expect(errorOf(await rig.call('billing.pay', payIntegration('4242424242424242', { card: card('4242424242424242', { holder: '  ' }) })))).toMatchObject({ code: 'CARD_INVALID', details: { field: 'holder' } });
    expect(rig.sp.admin.counters().requests).toBe(0);
  });

  it('refuses a renewal period other than 1, 3, 6 or 12 months and incomplete billing details', async () => {
    expect(errorOf(await rig.call('billing.pay', payIntegration('4242424242424242', { months: 2 }))).code).toBe('BAD_INPUT');
    expect(errorOf(await rig.call('billing.pay', payIntegration('4242424242424242', { billing: { ...billing, email: 'nope' } }))).code).toBe('BAD_INPUT');
  });
});

describe('billing: monthly fee for chosen apartments', () => {
  it('says there is nothing to choose before a site is synced', async () => {
    expect(valueOf<ApartmentChoices>(await rig.call('billing.listApartmentChoices', {}))).toEqual({ sites: [], siteId: null, apartments: [] });
  });

  it('charges count × monthly price × months for apartments of a synced site', async () => {
    rig.sp.admin.activateIntegration(12);
    const client = await rig.deps.clients.smartPlus();
    const ref = (id: string) => ({ system: 'rentmanager' as const, customer: 'sandbox', location: 1, id });
    const community = await client.communities.create({ name: 'Elm Court', timeZone: 'America/New_York', externalRef: ref('property:1') }, { idempotencyKey: 'c1' });
    const [building] = await client.buildings(community.id);
    for (const unit of ['101', '102', '103']) {
      await client.apartments.create(community.id, { buildingId: building!.id, name: unit, externalRef: ref(`unit:${unit}`) }, { idempotencyKey: `a${unit}` });
    }
    const site = rig.db.sites.create({ name: 'Elm Court', customerId: null, connectionId: null, propertyId: 1, communityId: community.id });
    rig.db.siteState.saveSiteState(site.id, await readCommunityState(client, community.id), new Date());

    const choices = valueOf<ApartmentChoices>(await rig.call('billing.listApartmentChoices', {}));
    expect(choices.sites).toEqual([{ id: site.id, name: 'Elm Court', apartmentCount: 3 }]);
    expect(choices.apartments.map((a) => [a.name, a.activated])).toEqual([['101', false], ['102', false], ['103', false]]);

    const chosen = choices.apartments.slice(0, 2).map((a) => a.id);
    const paid = valueOf<PaymentResult>(await rig.call('billing.payApartments', { siteId: site.id, apartmentIds: chosen, months: 3, billing, card: card('5555 5555 5555 4444') }));
    expect(paid.receipt).toMatchObject({ status: 'succeeded', amount: 2 * 100 * 3, lines: [{ service: 'apartment', quantity: 2, months: 3 }] });
    expect(paid.paidWith).toEqual({ brand: 'mastercard', last4: '4444' });
    const after = (await client.apartments.list(community.id)).items;
    expect(after.filter((a) => a.activated).map((a) => a.name).sort()).toEqual(['101', '102']);
    const mirrored = valueOf<ApartmentChoices>(await rig.call('billing.listApartmentChoices', { siteId: site.id }));
    expect(mirrored.apartments.map((a) => [a.name, a.activated])).toEqual([['101', true], ['102', true], ['103', false]]);

    expect(errorOf(await rig.call('billing.payApartments', { siteId: site.id, apartmentIds: ['apt_nope'], months: 1, billing, card: card('4242424242424242') }))).toMatchObject({ code: 'BAD_INPUT' });
  });
});

describe('billing: the card never comes back out', () => {
  it('a canary card number, code and holder appear in no log line, database row or IPC response', async () => {
    const number = '4000056655665556';
    const grouped = '4000 0566 5566 5556';
    const paid = await rig.call('billing.pay', { ...payIntegration(grouped), card: card(grouped, { cvc: '9876', holder: 'Canary Holder' }) });
    expect(valueOf<PaymentResult>(paid).paidWith.last4).toBe('5556');
    await rig.call('billing.pay', payIntegration('4000 0000 0000 0002'));
    await rig.call('billing.pay', payIntegration('4000056655665557'));
    await rig.call('billing.listReceipts');
    await rig.call('billing.getStatus');
    expect(rig.logLines.some((l) => l.includes('payment succeeded'))).toBe(true);
    for (const text of [...rig.responses, ...rig.logLines, rig.dumpDatabase(), JSON.stringify(rig.events)]) {
      for (const secret of [number, grouped, '4000000000000002', '4000056655665557', 'Canary Holder']) expect(text).not.toContain(secret);
      expect(text).not.toMatch(/cvc|expYear/i);
    }
  });
});
