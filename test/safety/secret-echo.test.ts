import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRentManagerClient } from '../../src-main/rentmanager/client';
import { createSmartPlusClient } from '../../src-main/smartplus/client';
import { toErrorShape } from '../../src-shared/errors';
import { startTrapServer, type TrapServer } from './helpers/trap-server';

// A server (or a proxy in front of it) that echoes the request in its error: the error the
// client builds goes into messages, logs and IPC answers, so the client's own secret must not.
const PASSWORD = 'Echo-Pw-51c0ffee';
const TOKEN = 'EchoTok3n+/Qw8Er7Ty6Ui5Op4==';
let trap: TrapServer;
beforeAll(async () => {
  trap = await startTrapServer((req, res) => {
    const echo = `${req.body} ${JSON.stringify(req.headers)}`;
    res.writeHead(req.url.includes('/Authentication') || req.url.includes('/auth') ? 401 : 403, { 'content-type': 'application/json' })
      .end(JSON.stringify({ UserMessage: `rejected ${echo}`, DeveloperMessage: echo, error: { code: 'UNAUTHORIZED', message: `bad ${echo}`, details: [echo] } }));
  });
});
afterAll(() => trap.close());

const everything = (error: unknown) => JSON.stringify({ shape: toErrorShape(error), message: (error as Error).message, details: (error as { details?: unknown }).details });

describe('errors: a server echoing the request gets no secret into an error', () => {
  it('Rent Manager, API user: the password is not in the message or details', async () => {
    const client = createRentManagerClient({ baseUrl: trap.url, corp: 'acme', locationId: 1, auth: { kind: 'user', username: 'u', password: PASSWORD }, retries: 0, timeoutMs: 2000 });
    const error = await client.locations().catch((e: unknown) => e);
    expect(trap.received()).toContain(PASSWORD);
    expect(everything(error)).toContain('rejected');
    expect(everything(error)).not.toContain(PASSWORD);
  });

  it('Rent Manager, partner token: the token is not in the message or details', async () => {
    const client = createRentManagerClient({ baseUrl: trap.url, corp: 'acme', locationId: 1, auth: { kind: 'partner', partnerToken: TOKEN }, retries: 0, timeoutMs: 2000 });
    const error = await client.locations().catch((e: unknown) => e);
    expect(trap.received()).toContain(TOKEN);
    expect(everything(error)).not.toContain(TOKEN);
  });

  it('SmartPlus: the password is not in the error details that cross IPC', async () => {
    const client = createSmartPlusClient({ baseUrl: trap.url, username: 'installer', password: PASSWORD, retries: 0, timeoutMs: 2000 });
    const error = await client.account().catch((e: unknown) => e);
    expect(everything(error)).toContain('serverMessage');
    expect(everything(error)).not.toContain(PASSWORD);
  });
});
