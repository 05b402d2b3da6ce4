import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConnectionStore } from '../../src-main/features/connection-store';
import { bindingChanges, bindingOf, maySecretBeReused } from '../../src-main/features/secret-reuse';
import { connectionAccount, SECRET_SERVICE } from '../../src-main/secrets/secret-store';
import type { ConnectionListItem, ConnectionTestResult } from '../../src-shared/ipc/contract/connections';
import { errorOf, startRig, valueOf, type Rig } from '../unit/features/connections-billing-rig';
import { startTrapServer, type TrapServer } from './helpers/trap-server';

// A hostile renderer calls the connections handlers with a saved connection's id and no secret,
// trying to have main send the saved password or token somewhere else (issue 12).
let rig: Rig;
let trap: TrapServer;
let rmId: string;
let spId: string;
beforeEach(async () => {
  rig = await startRig();
  trap = await startTrapServer();
  const saved = valueOf<ConnectionListItem>(await rig.call('connections.saveRentManager', {
    companyCode: 'sandbox', baseUrl: rig.rm.url, label: 'Acme', locationId: 1,
    signIn: { kind: 'api-user', username: rig.rm.username, password: rig.rm.password },
  }));
  rmId = saved.id;
  spId = await rig.addSmartPlusAccount();
});
afterEach(async () => {
  await trap.close();
  await rig.close();
});

const blank = (over: Record<string, unknown> = {}) => ({
  id: rmId, companyCode: 'sandbox', baseUrl: rig.rm.url, signIn: { kind: 'api-user', username: rig.rm.username }, ...over,
});
const blankSave = (over: Record<string, unknown> = {}) => ({ ...blank(), label: 'Acme', locationId: 1, ...over });

/** Nothing reached the trap, the saved row is as it was, and the keychain still holds the saved secret. */
async function nothingLeaked(): Promise<void> {
  expect(trap.requests).toEqual([]);
  expect(rig.db.connections.get(rmId)).toMatchObject({ baseUrl: rig.rm.url, companyCode: 'sandbox', locationId: 1, username: rig.rm.username });
  expect(rig.db.connections.get(spId)).toMatchObject({ baseUrl: rig.sp.url, username: rig.sp.username });
  expect(await rig.secrets.get(SECRET_SERVICE, connectionAccount(rmId))).toBe(rig.rm.password);
}

describe('binding: a saved secret is reused only where it was saved', () => {
  it('connections.locations to another server with no password is refused and nothing is sent', async () => {
    const error = errorOf(await rig.call('connections.locations', blank({ baseUrl: trap.url })));
    expect(error).toMatchObject({ code: 'BAD_INPUT', message: expect.stringContaining('server address') });
    await nothingLeaked();
  });

  it('connections.locations with another company code or user name needs the password typed', async () => {
    expect(errorOf(await rig.call('connections.locations', blank({ companyCode: 'otherco' }))).message).toContain('company code');
    expect(errorOf(await rig.call('connections.locations', blank({ signIn: { kind: 'api-user', username: 'someone-else' } }))).message).toContain('user name');
    await nothingLeaked();
  });

  it('connections.locations with the default host (base URL left out) counts as another server', async () => {
    const { baseUrl: _omit, ...noUrl } = blank();
    expect(errorOf(await rig.call('connections.locations', noUrl)).message).toContain('server address');
  });

  it('saveRentManager cannot re-point the connection at another server; the next test still goes to the saved one', async () => {
    expect(errorOf(await rig.call('connections.saveRentManager', blankSave({ baseUrl: trap.url }))).code).toBe('BAD_INPUT');
    const tested = valueOf<ConnectionTestResult>(await rig.call('connections.test', { id: rmId }));
    expect(tested.ok).toBe(true);
    await nothingLeaked();
  });

  it('saveRentManager with another location or user name and no password is refused', async () => {
    expect(errorOf(await rig.call('connections.saveRentManager', blankSave({ locationId: 2 }))).message).toContain('location');
    expect(errorOf(await rig.call('connections.saveRentManager', blankSave({ signIn: { kind: 'api-user', username: 'mallory' } }))).message).toContain('user name');
    expect(errorOf(await rig.call('connections.saveRentManager', blankSave({ companyCode: 'otherco' }))).message).toContain('company code');
    await nothingLeaked();
  });

  it('saveSmartPlus (with or without id) cannot move the saved password to another server or user', async () => {
    expect(errorOf(await rig.call('connections.saveSmartPlus', { baseUrl: trap.url, username: rig.sp.username })).message).toContain('server address');
    expect(errorOf(await rig.call('connections.saveSmartPlus', { id: spId, baseUrl: trap.url, username: rig.sp.username })).code).toBe('BAD_INPUT');
    expect(errorOf(await rig.call('connections.saveSmartPlus', { id: spId, baseUrl: rig.sp.url, username: 'mallory' })).message).toContain('user name');
    const tested = valueOf<ConnectionTestResult>(await rig.call('connections.test', { id: spId }));
    expect(tested).toMatchObject({ ok: true, accountName: 'Sandbox Installer' });
    await nothingLeaked();
  });

  it('an unchanged place reuses the saved secret (a rename, the same URL written with a trailing slash or capitals)', async () => {
    const renamed = valueOf<ConnectionListItem>(await rig.call('connections.saveRentManager', blankSave({ label: 'Acme Renamed', baseUrl: `${rig.rm.url}/` })));
    expect(renamed).toMatchObject({ id: rmId, label: 'Acme Renamed', status: 'configured' });
    expect(valueOf<ConnectionTestResult>(await rig.call('connections.locations', blank({ baseUrl: rig.rm.url.replace('http', 'HTTP') }))).ok).toBe(true);
    expect(valueOf<ConnectionListItem>(await rig.call('connections.saveSmartPlus', { baseUrl: rig.sp.url, username: rig.sp.username })).id).toBe(spId);
    expect(trap.requests).toEqual([]);
    expect(await rig.secrets.get(SECRET_SERVICE, connectionAccount(rmId))).toBe(rig.rm.password);
  });

  it('a typed secret may go to a new server, and only the typed one is sent', async () => {
    const moved = valueOf<ConnectionListItem>(await rig.call('connections.saveRentManager', blankSave({ baseUrl: trap.url, signIn: { kind: 'api-user', username: rig.rm.username, password: 'typed-for-trap' } })));
    expect(moved.baseUrl).toBe(trap.url);
    await rig.call('connections.test', { id: rmId });
    expect(trap.received()).toContain('typed-for-trap');
    expect(trap.received()).not.toContain(rig.rm.password);
  });

  it('the connection store itself refuses to re-point a connection without its secret', async () => {
    const store = new ConnectionStore(rig.db.connections, rig.secrets);
    const current = rig.db.connections.get(rmId)!;
    await expect(store.save({ ...current, baseUrl: trap.url })).rejects.toMatchObject({ code: 'BAD_INPUT' });
    await expect(store.save({ ...current, label: 'Still fine' })).resolves.toMatchObject({ label: 'Still fine' });
    await nothingLeaked();
  });
});

describe('binding: the pure rule', () => {
  const saved = bindingOf({ authKind: 'api-user', baseUrl: 'https://acme.api.rentmanager.com', companyCode: 'acme', locationId: 1, username: 'sync' });
  it.each([
    ['server', { baseUrl: 'https://evil.example' }, ['server address']],
    ['port', { baseUrl: 'https://acme.api.rentmanager.com:8443' }, ['server address']],
    ['company', { companyCode: 'other' }, ['company code']],
    ['location', { locationId: 2 }, ['location']],
    ['user', { username: 'root' }, ['user name']],
    ['method', { authKind: 'partner-token' as const, username: null }, ['sign-in method', 'user name']],
  ])('%s changed → %j', (_name, over, changes) => {
    expect(bindingChanges(saved, { ...saved, ...over })).toEqual(changes);
  });
  it('case of the host and company code, a default port and trailing slashes are no change', () => {
    expect(maySecretBeReused(saved, { ...saved, baseUrl: 'https://ACME.api.rentmanager.com:443/', companyCode: 'ACME' })).toBe(true);
  });
});
