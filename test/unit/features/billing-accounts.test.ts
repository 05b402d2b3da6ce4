import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startSmartPlusSandbox, type SmartPlusSandbox } from '../../../src-main/sandbox/smartplus';
import type { Order } from '../../../src-shared/domain/billing';
import type { ApartmentChoices, BillingAccount, IntegrationStatus, PaymentResult } from '../../../src-shared/ipc/contract/billing';
import { readCommunityState } from '../../../src-main/smartplus/read-snapshot';
import type { ConnectionListItem } from '../../../src-shared/ipc/contract/connections';
import { errorOf, startRig, valueOf, type Rig } from './connections-billing-rig';

// Issue 16: each SmartPlus installer account pays for itself; the Subscription screen names the
// account and the billing channels take its id (absent: the default account).

let rig: Rig;
let south: SmartPlusSandbox;
let northId: string;
let southId: string;
beforeEach(async () => {
  rig = await startRig();
  south = await startSmartPlusSandbox();
  northId = valueOf<ConnectionListItem>(await rig.call('connections.saveSmartPlus', { label: 'North region', baseUrl: rig.sp.url, username: rig.sp.username, password: rig.sp.password })).id;
  southId = valueOf<ConnectionListItem>(
    await rig.call('connections.saveSmartPlus', { label: 'South region', newAccount: true, baseUrl: south.url, username: south.username, password: south.password }),
  ).id;
});
afterEach(async () => {
  await south.close();
  await rig.close();
});

const year = new Date().getUTCFullYear();
const pay = (over: Record<string, unknown> = {}) => ({
  renewal: 'manual',
  months: 3,
  billing: { company: 'Acme Doors', contact: 'Pat', email: 'pat@example.com', address: '1 Main St', country: 'us' },
  card: { number: '4242 4242 4242 4242', expMonth: 12, expYear: year + 2, cvc: '123', holder: 'Pat Installer' },
  ...over,
});

describe('billing per SmartPlus account (issue 16)', () => {
  it('lists the accounts, the default first', async () => {
    expect(valueOf<BillingAccount[]>(await rig.call('billing.listAccounts'))).toEqual([
      { id: northId, label: 'North region', isSandbox: false, isDefault: true },
      { id: southId, label: 'South region', isSandbox: false, isDefault: false },
    ]);
  });

  it('paying for the second account charges that account only; status and receipts follow the account asked', async () => {
    const paid = valueOf<PaymentResult>(await rig.call('billing.pay', pay({ accountId: southId })));
    expect(paid.receipt.status).toBe('succeeded');
    expect(valueOf<IntegrationStatus>(await rig.call('billing.getStatus', { accountId: southId })).state).toBe('active');
    expect(valueOf<IntegrationStatus>(await rig.call('billing.getStatus', { accountId: northId })).state).toBe('none');
    expect(valueOf<IntegrationStatus>(await rig.call('billing.getStatus')).state).toBe('none');
    expect(valueOf<Order[]>(await rig.call('billing.listReceipts', { accountId: southId })).map((o) => o.id)).toEqual([paid.receipt.id]);
    expect(valueOf<Order[]>(await rig.call('billing.listReceipts', { accountId: northId }))).toEqual([]);
  });

  it('offline, each account lists the receipts kept for it; those kept before receipts named their account count as the default one', async () => {
    const south1 = valueOf<PaymentResult>(await rig.call('billing.pay', pay({ accountId: southId }))).receipt;
    const north1 = valueOf<PaymentResult>(await rig.call('billing.pay', pay({ accountId: northId }))).receipt;
    // A receipt kept by an older SiteSync, before it recorded the account.
    const older = { ...north1, id: 'ord_kept_before', createdAt: '2026-01-05T10:00:00.000Z' };
    rig.db.receipts.save(older);
    await south.close();
    await rig.sp.close();
    expect(valueOf<Order[]>(await rig.call('billing.listReceipts', { accountId: southId })).map((o) => o.id)).toEqual([south1.id]);
    expect(valueOf<Order[]>(await rig.call('billing.listReceipts', { accountId: northId })).map((o) => o.id)).toEqual([north1.id, older.id]);
    expect(valueOf<Order[]>(await rig.call('billing.listReceipts')).map((o) => o.id)).toEqual([north1.id, older.id]);
  });

  it('receipts of an account that is not set up: refused, not every account\'s', async () => {
    valueOf<PaymentResult>(await rig.call('billing.pay', pay({ accountId: southId })));
    expect(errorOf(await rig.call('billing.listReceipts', { accountId: 'no-such-account' })).code).toBe('NOT_FOUND');
  });

  it('an online look at an account records it on receipts kept without one', async () => {
    // Paid for south before receipts named their account: kept without it, it would count as the default (north) one's offline.
    const client = await rig.deps.clients.smartPlus(undefined, southId);
    const method = await client.addPaymentMethod({ number: '4242424242424242', expMonth: 12, expYear: year + 2, cvc: '123', holder: 'Pat Installer' }, { idempotencyKey: 'pm-older' });
    const south1 = await client.createOrder({ services: [{ service: 'integration', renewal: 'manual', months: 3 }], billing: pay().billing, paymentMethodId: method.id }, { idempotencyKey: 'order-older' });
    rig.db.receipts.save(south1);
    expect(rig.db.receipts.list(100, { id: northId, withUnrecorded: true }).map((o) => o.id)).toEqual([south1.id]);
    valueOf<Order[]>(await rig.call('billing.listReceipts', { accountId: southId }));
    await south.close();
    await rig.sp.close();
    expect(valueOf<Order[]>(await rig.call('billing.listReceipts', { accountId: northId }))).toEqual([]);
    expect(valueOf<Order[]>(await rig.call('billing.listReceipts', { accountId: southId })).map((o) => o.id)).toEqual([south1.id]);
  });

  it('without an account id the default account pays (as before accounts were many)', async () => {
    valueOf<PaymentResult>(await rig.call('billing.pay', pay()));
    expect(valueOf<IntegrationStatus>(await rig.call('billing.getStatus', { accountId: northId })).state).toBe('active');
    expect(valueOf<IntegrationStatus>(await rig.call('billing.getStatus', { accountId: southId })).state).toBe('none');
  });

  it('an account that does not exist is refused, and nothing is charged', async () => {
    expect(errorOf(await rig.call('billing.pay', pay({ accountId: 'no-such-account' }))).code).toBe('NOT_FOUND');
    expect(rig.db.receipts.list()).toEqual([]);
  });
});

describe('paying for apartments lists the chosen account\'s sites only (issue 16)', () => {
  /** A synced site with three apartments in `accountId`'s SmartPlus (the site pays through that account). */
  async function syncedSite(name: string, accountId: string, offset = 0): Promise<string> {
    const client = await rig.deps.clients.smartPlus(undefined, accountId);
    const ref = (id: string) => ({ system: 'rentmanager' as const, customer: 'sandbox', location: 1, id: `${name}:${id}` });
    // The two sandboxes number their objects alike; an unsynced community first keeps the ids apart.
    if (offset > 0) {
      const filler = await client.communities.create({ name: `${name} (other)`, timeZone: 'America/New_York', externalRef: ref('other') }, { idempotencyKey: `f-${name}` });
      const [b] = await client.buildings(filler.id);
      for (let i = 0; i < offset; i++) await client.apartments.create(filler.id, { buildingId: b!.id, name: `x${i}`, externalRef: ref(`x${i}`) }, { idempotencyKey: `f-${name}-${i}` });
    }
    const community = await client.communities.create({ name, timeZone: 'America/New_York', externalRef: ref('property') }, { idempotencyKey: `c-${name}` });
    const [building] = await client.buildings(community.id);
    for (const unit of ['101', '102', '103']) {
      await client.apartments.create(community.id, { buildingId: building!.id, name: unit, externalRef: ref(unit) }, { idempotencyKey: `a-${name}-${unit}` });
    }
    const site = rig.db.sites.create({ name, customerId: null, connectionId: null, propertyId: 1, communityId: community.id, smartPlusAccountId: accountId });
    rig.db.siteState.saveSiteState(site.id, await readCommunityState(client, community.id), new Date());
    return site.id;
  }

  beforeEach(() => {
    rig.sp.admin.activateIntegration(12);
    south.admin.activateIntegration(12);
  });

  it('each account lists its own sites; a site of another account is not offered even when asked for', async () => {
    const elm = await syncedSite('Elm Court', northId);
    const oak = await syncedSite('Oak Row', southId, 3);
    const north = valueOf<ApartmentChoices>(await rig.call('billing.listApartmentChoices', { accountId: northId }));
    expect(north.sites.map((s) => s.name)).toEqual(['Elm Court']);
    expect(north.siteId).toBe(elm);
    const south = valueOf<ApartmentChoices>(await rig.call('billing.listApartmentChoices', { accountId: southId, siteId: elm }));
    expect(south.sites.map((s) => s.name)).toEqual(['Oak Row']);
    expect(south.siteId).toBe(oak);
    expect(south.apartments.map((a) => a.name)).toEqual(['101', '102', '103']);
    // Without an account (older callers) every synced site is listed, as before.
    expect(valueOf<ApartmentChoices>(await rig.call('billing.listApartmentChoices', {})).sites.map((s) => s.name).sort()).toEqual(['Elm Court', 'Oak Row']);
  });

  it('an account without synced sites lists none', async () => {
    await syncedSite('Elm Court', northId);
    expect(valueOf<ApartmentChoices>(await rig.call('billing.listApartmentChoices', { accountId: southId }))).toEqual({ sites: [], siteId: null, apartments: [] });
  });
});
