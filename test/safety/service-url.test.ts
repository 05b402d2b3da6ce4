import { afterEach, describe, expect, it } from 'vitest';
import { readCredentials } from '../../src-main/cli/env';
import { UsageError } from '../../src-main/cli/cli-error';
import { createRentManagerClient } from '../../src-main/rentmanager/client';
import { createSmartPlusClient } from '../../src-main/smartplus/client';
import { RmConnectionSettingsSchema } from '../../src-shared/domain/rentmanager-connection';
import { SaveSmartPlusSchema } from '../../src-shared/ipc/contract/connections';
import { isServiceUrlAllowed, serviceUrlProblem } from '../../src-shared/rules/service-url';
import { startTrapServer, type TrapServer } from './helpers/trap-server';

const ALLOWED = [
  'https://acme.api.rentmanager.com',
  'https://smartplus.example/api/v1',
  'http://127.0.0.1:8080',
  'http://127.9.8.7/',
  'http://127.1:5000/', // the parser writes it 127.0.0.1
  'http://localhost:3000/',
  'http://LOCALHOST/',
  'http://[::1]:3000/',
];
const REFUSED = [
  'http://evil.example\\@127.0.0.1/', // backslash: the parser sends this to evil.example
  'http://evil.example\\@127.0.0.1:8080/x',
  'http://127.0.0.1.evil.example/',
  'http://localhost.evil.example/',
  'http://127.0.0.1@evil.example/',
  'http://user:secret@127.0.0.1/',
  'https://user:secret@acme.api.rentmanager.com/',
  'https://token@acme.api.rentmanager.com/',
  'http://10.0.0.5/',
  'http://0.0.0.0/',
  'http://[::2]/',
  'http://acme.api.rentmanager.com',
  'ftp://127.0.0.1/',
  'javascript:alert(1)',
  'file:///etc/passwd',
  'not a url',
  `https://acme.example/${'a'.repeat(3000)}`,
];

describe('URL: plain http only to this computer, decided on the parsed hostname', () => {
  it.each(ALLOWED)('allows %s', (url) => expect(serviceUrlProblem(url)).toBeNull());
  it.each(REFUSED)('refuses %s', (url) => expect(isServiceUrlAllowed(url)).toBe(false));

  it('the IPC schema and the Rent Manager settings schema use the same rule', () => {
    const bad = 'http://evil.example\\@127.0.0.1/';
    expect(SaveSmartPlusSchema.safeParse({ baseUrl: bad, username: 'u', password: 'p' }).success).toBe(false);
    expect(RmConnectionSettingsSchema.safeParse({ companyCode: 'acme', auth: { kind: 'partner', partnerToken: 't' }, baseUrl: bad }).success).toBe(false);
    expect(SaveSmartPlusSchema.safeParse({ baseUrl: 'http://[::1]:9/', username: 'u', password: 'p' }).success).toBe(true);
  });

  it('both clients refuse to be built for such an address (nothing is sent)', () => {
    const bad = 'http://evil.example\\@127.0.0.1/';
    expect(() => createSmartPlusClient({ baseUrl: bad, username: 'u', password: 'p' })).toThrow(/SmartPlus address is not allowed/);
    expect(() => createRentManagerClient({ baseUrl: bad, corp: 'acme', locationId: 1, auth: { kind: 'partner', partnerToken: 't' } })).toThrow(/Rent Manager address is not allowed/);
  });

  it('the CLI refuses such an address in its environment with a usage error naming the variable', () => {
    const env = { SITESYNC_RM_CORP: 'acme', SITESYNC_RM_PARTNER_TOKEN: 't', SITESYNC_SP_URL: 'http://127.0.0.1.evil.example/', SITESYNC_SP_USERNAME: 'u', SITESYNC_SP_PASSWORD: 'p' };
    expect(() => readCredentials(env)).toThrow(UsageError);
    expect(() => readCredentials(env)).toThrow(/SITESYNC_SP_URL/);
  });
});

describe('URL: neither client follows a redirect', () => {
  let target: TrapServer;
  let redirector: TrapServer;
  afterEach(async () => {
    await redirector.close();
    await target.close();
  });

  async function start(status: number): Promise<void> {
    target = await startTrapServer();
    redirector = await startTrapServer((req, res) => res.writeHead(status, { location: `${target.url}${req.url}` }).end());
  }

  it.each([307, 308, 302, 301])('SmartPlus: a %i on sign-in is a clear error and the sign-in body is not replayed', async (status) => {
    await start(status);
    const client = createSmartPlusClient({ baseUrl: redirector.url, username: 'installer', password: 'redirect-canary-pw', retries: 0, timeoutMs: 2000 });
    await expect(client.account()).rejects.toMatchObject({ code: 'SP_BAD_RESPONSE', message: expect.stringContaining('redirect') });
    expect(redirector.requests).toHaveLength(1);
    expect(target.requests).toEqual([]);
  });

  it.each([307, 302])('Rent Manager: a %i on sign-in is a clear error and the sign-in body is not replayed', async (status) => {
    await start(status);
    const client = createRentManagerClient({ baseUrl: redirector.url, corp: 'acme', locationId: 1, auth: { kind: 'user', username: 'u', password: 'redirect-canary-pw' }, retries: 0, timeoutMs: 2000 });
    await expect(client.locations()).rejects.toMatchObject({ code: 'RM_BAD_RESPONSE', message: expect.stringContaining('redirect') });
    expect(target.requests).toEqual([]);
  });
});
