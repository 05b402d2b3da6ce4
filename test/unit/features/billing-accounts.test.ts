import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startSmartPlusSandbox, type SmartPlusSandbox } from '../../../src-main/sandbox/smartplus';
import type { Order } from '../../../src-shared/domain/billing';
import type { BillingAccount, IntegrationStatus, PaymentResult } from '../../../src-shared/ipc/contract/billing';
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
