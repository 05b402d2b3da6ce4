import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { connectionAccount, SECRET_SERVICE } from '../../../src-main/secrets/secret-store';
import type { ConnectionListItem, ConnectionTestResult } from '../../../src-shared/ipc/contract/connections';
import { errorOf, startRig, valueOf, type Rig } from './connections-billing-rig';

let rig: Rig;
beforeEach(async () => {
  rig = await startRig();
});
afterEach(() => rig.close());

const draft = (over: Record<string, unknown> = {}) => ({
  companyCode: 'sandbox',
  baseUrl: rig.rm.url,
  signIn: { kind: 'api-user', username: rig.rm.username, password: rig.rm.password },
  ...over,
});

async function saveSandboxCustomer(over: Record<string, unknown> = {}): Promise<ConnectionListItem> {
  return valueOf<ConnectionListItem>(await rig.call('connections.saveRentManager', { ...draft(), label: 'Acme Properties', locationId: 1, ...over }));
}

async function closedPortUrl(): Promise<string> {
  const server = http.createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((r) => server.close(() => r()));
  return `http://127.0.0.1:${port}`;
}

describe('connections: Rent Manager', () => {
  it('signs in with typed credentials and lists the locations, saving nothing', async () => {
    const result = valueOf<ConnectionTestResult>(await rig.call('connections.listLocations', draft()));
    expect(result).toMatchObject({ ok: true, locations: [{ id: 1, name: 'Sandbox Property Management', isMain: true }] });
    expect(valueOf<unknown[]>(await rig.call('connections.list'))).toEqual([]);
    expect(rig.rm.admin.counters()).toMatchObject({ signIns: 1, signOuts: 1, activeTokens: 0 });
  });

  it('saves a connection: settings in the database, the password only in the keychain, a customer for the wizard', async () => {
    const saved = await saveSandboxCustomer();
    expect(saved).toMatchObject({ kind: 'rentmanager', label: 'Acme Properties', companyCode: 'sandbox', locationId: 1, baseUrl: rig.rm.url, authKind: 'api-user', username: 'sitesync', status: 'configured', isSandbox: false, siteCount: 0 });
    expect(await rig.secrets.get(SECRET_SERVICE, connectionAccount(saved.id))).toBe(rig.rm.password);
    expect(rig.db.connections.listCustomers()).toEqual([{ id: expect.any(String), name: 'Acme Properties', connectionId: saved.id, isSandbox: false }]);
    expect(rig.events).toContainEqual({ event: 'connections.changed', payload: { id: saved.id, change: 'saved' } });
    const tested = valueOf<ConnectionTestResult>(await rig.call('connections.test', { id: saved.id }));
    expect(tested).toMatchObject({ ok: true, locations: [{ id: 1 }] });
  });

  it('a wrong password names the cause and the next step; a saved one that stops working is marked rejected', async () => {
    const wrong = valueOf<ConnectionTestResult>(await rig.call('connections.listLocations', draft({ signIn: { kind: 'api-user', username: 'sitesync', password: 'wrong' } })));
    expect(wrong).toMatchObject({ ok: false, failure: { code: 'RM_UNAUTHORIZED', nextStep: expect.stringContaining('password') } });

    const saved = await saveSandboxCustomer({ signIn: { kind: 'api-user', username: 'sitesync', password: 'wrong' } });
    const tested = valueOf<ConnectionTestResult>(await rig.call('connections.test', { id: saved.id }));
    expect(tested.ok).toBe(false);
    expect(rig.db.connections.get(saved.id)?.status).toBe('rejected');
    expect(rig.events).toContainEqual({ event: 'connections.changed', payload: { id: saved.id, change: 'status' } });

    await saveSandboxCustomer({ id: saved.id, signIn: { kind: 'api-user', username: 'sitesync', password: rig.rm.password } });
    expect(valueOf<ConnectionTestResult>(await rig.call('connections.test', { id: saved.id })).ok).toBe(true);
    expect(rig.db.connections.get(saved.id)?.status).toBe('configured');
  });

  it('names an unknown company code, a user without API access, and no network', async () => {
    const company = valueOf<ConnectionTestResult>(await rig.call('connections.listLocations', draft({ companyCode: 'nosuchco', baseUrl: 'https://nosuchco.api.rentmanager.invalid' })));
    expect(company).toMatchObject({ ok: false, failure: { code: 'RM_UNKNOWN_COMPANY', nextStep: expect.stringContaining('company code') } });
    const noApi = valueOf<ConnectionTestResult>(await rig.call('connections.listLocations', draft({ signIn: { kind: 'api-user', username: rig.rm.noApiUsername, password: rig.rm.password } })));
    expect(noApi).toMatchObject({ ok: false, failure: { code: 'RM_FORBIDDEN', nextStep: expect.stringContaining('API Access') } });
    const offline = valueOf<ConnectionTestResult>(await rig.call('connections.listLocations', draft({ baseUrl: await closedPortUrl() })));
    expect(offline).toMatchObject({ ok: false, failure: { code: 'OFFLINE', nextStep: expect.stringContaining('network') } });
    expect(rig.online()).toBe(false);
  });

  it('signs in with a partner token', async () => {
    const result = valueOf<ConnectionTestResult>(await rig.call('connections.listLocations', draft({ signIn: { kind: 'partner-token', partnerToken: rig.rm.partnerToken } })));
    expect(result.ok).toBe(true);
    const saved = await saveSandboxCustomer({ signIn: { kind: 'partner-token', partnerToken: rig.rm.partnerToken } });
    expect(saved).toMatchObject({ authKind: 'partner-token', username: null, status: 'configured' });
  });

  it('an edit without a new password keeps the saved one; a new sign-in method needs its secret', async () => {
    const saved = await saveSandboxCustomer();
    const renamed = await saveSandboxCustomer({ id: saved.id, label: 'Acme Renamed', signIn: { kind: 'api-user', username: 'sitesync' } });
    expect(renamed).toMatchObject({ id: saved.id, label: 'Acme Renamed', status: 'configured' });
    expect(await rig.secrets.get(SECRET_SERVICE, connectionAccount(saved.id))).toBe(rig.rm.password);
    expect(rig.db.connections.listCustomers().map((c) => c.name)).toEqual(['Acme Renamed']);
    const located = valueOf<ConnectionTestResult>(await rig.call('connections.listLocations', { id: saved.id, ...draft({ signIn: { kind: 'api-user', username: 'sitesync' } }) }));
    expect(located.ok).toBe(true);
    const switched = errorOf(await rig.call('connections.saveRentManager', { id: saved.id, ...draft({ signIn: { kind: 'partner-token' } }), label: 'x', locationId: 1 }));
    expect(switched).toMatchObject({ code: 'BAD_INPUT', message: 'Enter the partner token.' });
    const fresh = errorOf(await rig.call('connections.saveRentManager', { ...draft({ signIn: { kind: 'api-user', username: 'sitesync' } }), label: 'x', locationId: 1 }));
    expect(fresh).toMatchObject({ code: 'BAD_INPUT', message: 'Enter the password.' });
  });

  it('refuses a malformed company code at the boundary', async () => {
    expect(errorOf(await rig.call('connections.listLocations', draft({ companyCode: 'not a code!' }))).code).toBe('BAD_INPUT');
  });

  it('removes a connection, its keychain entry and its customer; the sandbox connection cannot be changed', async () => {
    const saved = await saveSandboxCustomer();
    expect(valueOf(await rig.call('connections.remove', { id: saved.id }))).toEqual({ removed: true });
    expect(await rig.secrets.get(SECRET_SERVICE, connectionAccount(saved.id))).toBeNull();
    expect(rig.db.connections.listCustomers()).toEqual([]);
    expect(valueOf<unknown[]>(await rig.call('connections.list'))).toEqual([]);

    const sandbox = rig.db.connections.save({ kind: 'rentmanager', label: 'Sandbox', companyCode: 'sandbox', locationId: 1, baseUrl: rig.rm.url, authKind: 'api-user', username: 'sitesync', isSandbox: true });
    expect(errorOf(await rig.call('connections.remove', { id: sandbox.id })).code).toBe('BAD_INPUT');
    expect(errorOf(await rig.call('connections.saveRentManager', { id: sandbox.id, ...draft(), label: 'x', locationId: 1 })).code).toBe('BAD_INPUT');
  });
});

describe('connections: SmartPlus account', () => {
  it('saves and tests the account; a wrong password is rejected with the next step', async () => {
    const id = await rig.addSmartPlusAccount();
    const tested = valueOf<ConnectionTestResult>(await rig.call('connections.test', { id }));
    expect(tested).toMatchObject({ ok: true, accountName: 'Sandbox Installer' });
    const again = valueOf<ConnectionListItem>(await rig.call('connections.saveSmartPlus', { baseUrl: rig.sp.url, username: rig.sp.username, password: 'not-it' }));
    expect(again.id).toBe(id);
    const rejected = valueOf<ConnectionTestResult>(await rig.call('connections.test', { id }));
    expect(rejected).toMatchObject({ ok: false, failure: { code: 'SP_UNAUTHORIZED', nextStep: expect.stringContaining('password') } });
    expect(rig.db.connections.get(id)?.status).toBe('rejected');
  });

  it('a connection whose keychain entry is gone shows as missing and its test says what to do', async () => {
    const id = await rig.addSmartPlusAccount();
    await rig.secrets.delete(SECRET_SERVICE, connectionAccount(id));
    expect(valueOf<ConnectionListItem[]>(await rig.call('connections.list'))[0]?.status).toBe('missing');
    expect(valueOf<ConnectionTestResult>(await rig.call('connections.test', { id }))).toMatchObject({ ok: false, failure: { code: 'MISSING_SECRET', nextStep: expect.stringContaining('enter it again') } });
  });
});

describe('connections: secrets never come back out', () => {
  it('a canary password appears in no log line, database row or IPC response', async () => {
    const canary = 'canary-Pw-5e1f9b';
    const saved = await saveSandboxCustomer({ signIn: { kind: 'api-user', username: 'sitesync', password: canary } });
    await rig.call('connections.listLocations', draft({ signIn: { kind: 'api-user', username: 'sitesync', password: canary } }));
    await rig.call('connections.test', { id: saved.id });
    await rig.call('connections.saveRentManager', { id: saved.id, ...draft({ signIn: { kind: 'api-user', username: 'sitesync', password: canary } }), label: 'Again', locationId: 1 });
    await rig.call('connections.saveSmartPlus', { baseUrl: rig.sp.url, username: rig.sp.username, password: canary });
    await rig.call('connections.test', { id: rig.db.connections.list().find((c) => c.kind === 'smartplus')!.id });
    await rig.call('connections.list');
    expect(await rig.secrets.get(SECRET_SERVICE, connectionAccount(saved.id))).toBe(canary);
    expect(rig.responses.length).toBeGreaterThanOrEqual(6);
    expect(rig.logLines.length).toBeGreaterThan(0);
    for (const text of [...rig.responses, ...rig.logLines, rig.dumpDatabase(), JSON.stringify(rig.events)]) expect(text).not.toContain(canary);
  });
});
