import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { siteUsesSandbox } from '../../../src-main/features/sandbox-hints';
import { dispatch, type HandlerMap } from '../../../src-main/ipc/dispatch';
import { createAppHandlers } from '../../../src-main/ipc/handlers/app-handlers';
import { createLogger, memorySink } from '../../../src-main/logging/logger';
import type { SandboxHints } from '../../../src-shared/ipc/contract/app';
import type { ConnectionListItem } from '../../../src-shared/ipc/contract/connections';
import { startRig, valueOf, type Rig } from './connections-billing-rig';

// Issue 16: the sandbox's registered test MACs are shown on Add a device only where the site the
// device goes to syncs to the sandbox's SmartPlus account, not because the app runs with the sandbox.

const HINTS = { cards: [{ number: '4242 4242 4242 4242', outcome: 'Paid' }], macs: ['0C1105000001', '0C1105000002'] };
let rig: Rig;
let handlers: HandlerMap;
let sandboxSite: string;
let realSite: string;
beforeEach(async () => {
  rig = await startRig();
  const sandbox = rig.db.connections.save({ kind: 'smartplus', label: 'Sandbox SmartPlus', companyCode: null, locationId: null, baseUrl: rig.sp.url, authKind: 'smartplus-account', username: rig.sp.username, isSandbox: true });
  const real = valueOf<ConnectionListItem>(await rig.call('connections.saveSmartPlus', { label: 'East region', newAccount: true, baseUrl: rig.sp.url, username: rig.sp.username, password: rig.sp.password }));
  sandboxSite = rig.db.sites.create({ name: 'Sandbox Court', customerId: null, connectionId: null, propertyId: 1, smartPlusAccountId: sandbox.id }).id;
  realSite = rig.db.sites.create({ name: 'East Court', customerId: null, connectionId: null, propertyId: 2, smartPlusAccountId: real.id }).id;
  const log = createLogger(memorySink(), { level: 'debug' });
  handlers = createAppHandlers({
    log,
    events: rig.deps.events,
    now: () => new Date(),
    isOnline: () => true,
    sandbox: true,
    sandboxHints: () => HINTS,
    siteUsesSandbox: (siteId) => siteUsesSandbox(rig.deps, siteId),
    lastSyncAt: () => null,
    appVersion: '1.0.0',
    platform: 'linux',
    theme: { get: () => 'light', set: () => undefined },
  }) as unknown as HandlerMap;
});
afterEach(async () => {
  await rig.close();
});

const hints = async (input?: unknown) => valueOf<SandboxHints>(await dispatch(handlers, 'app.getSandboxHints', input, createLogger(memorySink())));

describe('sandbox hints follow the site\'s SmartPlus account (issue 16)', () => {
  it('a site on the sandbox account gets the test MACs; a site on a real account gets none', async () => {
    expect((await hints({ siteId: sandboxSite }))?.macs).toEqual(HINTS.macs);
    expect(await hints({ siteId: realSite })).toBeNull();
  });

  it('a site that is not on this computer gets none', async () => {
    expect(await hints({ siteId: 'no-such-site' })).toBeNull();
  });

  it('asked without a site (the payment step), the app-wide sandbox mode decides, as before', async () => {
    expect(await hints({})).toEqual(HINTS);
    expect(await hints(undefined)).toEqual(HINTS);
  });
});
