import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ConnectionListItem } from '../../../src-shared/ipc/contract/connections';
import { errorOf, startRig, valueOf, type Rig } from './connections-billing-rig';

let rig: Rig;
beforeEach(async () => {
  rig = await startRig();
});
afterEach(async () => {
  await rig.close();
});

describe('SmartPlus accounts (issue 16)', () => {
  it('adds a second account beside the first, each in its own keychain entry', async () => {
    const first = valueOf<ConnectionListItem>(await rig.call('connections.saveSmartPlus', { label: 'North', baseUrl: rig.sp.url, username: rig.sp.username, password: rig.sp.password }));
    const second = valueOf<ConnectionListItem>(await rig.call('connections.saveSmartPlus', { label: 'South', newAccount: true, baseUrl: rig.sp.url, username: rig.sp.username, password: rig.sp.password }));
    expect(second.id).not.toBe(first.id);
    const list = valueOf<ConnectionListItem[]>(await rig.call('connections.list', undefined)).filter((c) => c.kind === 'smartplus');
    expect(list.map((c) => c.label).sort()).toEqual(['North', 'South']);
  });

  it('refuses a second account with the same label (case and spaces ignored)', async () => {
    await rig.call('connections.saveSmartPlus', { label: 'North', baseUrl: rig.sp.url, username: rig.sp.username, password: rig.sp.password });
    const error = errorOf(await rig.call('connections.saveSmartPlus', { label: ' north ', newAccount: true, baseUrl: rig.sp.url, username: rig.sp.username, password: rig.sp.password }));
    expect(error.code).toBe('BAD_INPUT');
    expect(error.message).toContain('already called "North"');
  });
});
