import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testRentManagerConnection } from '../../../src-main/rentmanager/test-connection';
import { startRentManagerSandbox, type RentManagerSandbox } from '../../../src-main/sandbox/rentmanager/server';

let sb: RentManagerSandbox;
beforeAll(async () => {
  sb = await startRentManagerSandbox({ seed: { units: 5 } });
});
afterAll(() => sb.close());

const settings = (over: Record<string, unknown> = {}) => ({ companyCode: 'sandbox', locationId: 1, baseUrl: sb.url, auth: { kind: 'user' as const, username: sb.username, password: sb.password }, ...over });

describe('testRentManagerConnection', () => {
  it('signs in, lists the locations and signs out again', async () => {
    const result = await testRentManagerConnection(settings());
    expect(result).toEqual({ ok: true, locations: [{ id: 1, name: 'Sandbox Property Management', isMain: true }] });
    expect(sb.admin.counters()).toMatchObject({ signIns: 1, signOuts: 1, activeTokens: 0 });
  });

  it('a wrong password is RM_UNAUTHORIZED with a next step', async () => {
    const result = await testRentManagerConnection(settings({ auth: { kind: 'user', username: sb.username, password: 'wrong' } }));
    expect(result).toMatchObject({ ok: false, error: { code: 'RM_UNAUTHORIZED', nextStep: expect.stringContaining('password') } });
  });

  it('a refused partner token explains the IP allow-list and offers the way on (issue 13)', async () => {
    const result = await testRentManagerConnection(settings({ auth: { kind: 'partner', partnerToken: 'not-the-token' } }));
    expect(result).toMatchObject({ ok: false, error: { code: 'RM_UNAUTHORIZED', message: expect.stringContaining('allow-listed'), nextStep: expect.stringContaining('API user') } });
    if (result.ok) throw new Error('expected a refusal');
    expect(result.error.message).toContain('Partner Web Access');
    expect(result.error.nextStep).toMatch(/public IP address/);
    // A refused API user is not told about IP addresses.
    const user = await testRentManagerConnection(settings({ auth: { kind: 'user', username: sb.username, password: 'wrong' } }));
    expect(user.ok ? '' : user.error.message).not.toContain('allow-listed');
  });

  it('a user without API access is RM_FORBIDDEN', async () => {
    const result = await testRentManagerConnection(settings({ auth: { kind: 'user', username: sb.noApiUsername, password: sb.password } }));
    expect(result).toMatchObject({ ok: false, error: { code: 'RM_FORBIDDEN', nextStep: expect.stringContaining('API Access') } });
  });

  it('a location the user cannot see is refused with the visible ones listed', async () => {
    const result = await testRentManagerConnection(settings({ locationId: 7 }));
    expect(result).toMatchObject({ ok: false, error: { code: 'RM_UNAUTHORIZED' } });
  });

  it('an unknown company code (no such host) is RM_UNKNOWN_COMPANY', async () => {
    const result = await testRentManagerConnection(settings({ companyCode: 'nosuchco', baseUrl: 'https://nosuchco.api.rentmanager.invalid' }));
    expect(result).toMatchObject({ ok: false, error: { code: 'RM_UNKNOWN_COMPANY', nextStep: expect.stringContaining('company code') } });
  });

  it('nothing listening is OFFLINE', async () => {
    const server = http.createServer();
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const { port } = server.address() as AddressInfo;
    await new Promise<void>((r) => server.close(() => r()));
    const result = await testRentManagerConnection(settings({ baseUrl: `http://127.0.0.1:${port}` }));
    expect(result).toMatchObject({ ok: false, error: { code: 'OFFLINE', retryable: true } });
  });

  it('a partner token that is not accepted is RM_UNAUTHORIZED', async () => {
    const ok = await testRentManagerConnection(settings({ auth: { kind: 'partner', partnerToken: sb.partnerToken } }));
    expect(ok.ok).toBe(true);
    const bad = await testRentManagerConnection(settings({ auth: { kind: 'partner', partnerToken: 'nope' } }));
    expect(bad).toMatchObject({ ok: false, error: { code: 'RM_UNAUTHORIZED' } });
  });
});
