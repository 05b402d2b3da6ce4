import { randomBytes, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createAppHandlers } from '../../src-main/ipc/handlers/app-handlers';
import { createLogger, memorySink } from '../../src-main/logging/logger';
import { redact, redactText } from '../../src-main/logging/redact';
import { EventBus } from '../../src-main/services/event-bus';

// Each case: free text holding a secret (the second element) that must not survive redaction.
const LEAKS: [string, string, string][] = [
  ['URL user info', 'GET https://sync:Hunter2Pw@acme.api.rentmanager.com/Tenants failed', 'Hunter2Pw'],
  ['URL user info, user only', 'posting to https://tok3nUser@smartplus.example/auth', 'tok3nUser'],
  ['token query parameter', 'redirected to https://x.example/cb?state=1&token=s3cr3tQ&next=2', 's3cr3tQ'],
  ['password query parameter', 'url http://127.0.0.1:9/login?user=a&password=pw-in-query', 'pw-in-query'],
  ['access_token query parameter', 'see https://x.example/#?access_token=abcDEF123', 'abcDEF123'],
  ['password= in a string', 'config password=hunter2 user=ann', 'hunter2'],
  ['passphrase: in a string', 'passphrase: correct-horse', 'correct-horse'],
  ['JSON secret inside a string', 'body was {"username":"ann","password":"json-Pw-77"}', 'json-Pw-77'],
  ['JSON token with escapes', 'answer {"accessToken":"ab\\"cd-XYZ"} end', 'cd-XYZ'],
  ['single-quoted secret', "sent {'pwd': 'quoted-pw'}", 'quoted-pw'],
  ['Authorization: Basic', 'headers Authorization: Basic c2l0ZXN5bmM6aHVudGVyMg==', 'c2l0ZXN5bmM6aHVudGVyMg'],
  ['Authorization: Bearer', 'Authorization: Bearer eyJhbGciOi.abc.def', 'eyJhbGciOi'],
  ['base64 token with + and /', 'token was Qk9+YXJk/Zm9vYmFy+c2VjcmV0/dG9rZW4xMjM0 here', 'Qk9+YXJk/Zm9vYmFy'],
  ['Rent Manager style token (108 base64 chars)', `issued ${'Ab3+/Xy9'.repeat(13)}Zz==`, 'Ab3+/Xy9Ab3+/Xy9'],
  ['base64url token', 'got tkn_4fGh7Jk9Lm2Np5Qr8St1Vw3Yz6Ab0Cd', '4fGh7Jk9Lm2Np5Qr8St1Vw3Yz6Ab0Cd'],
  ['PIN named in text', 'resident Ann Lee gets PIN 4821 today', '4821'],
  ['PIN: in text', 'pin: 482193', '482193'],
  ['PIN code is', 'the PIN code is 7302', '7302'],
  ['several PINs', 'PINs 4821, 5930 and 6012 collide', '5930'],
  ['dotted card number', 'card 4242.4242.4242.4242 declined', '4242.4242'],
  ['spaced card number', 'card 4242 4242 4242 4242 declined', '4242 4242'],
  ['dashed card number', 'card 5555-5555-5555-4444 declined', '5555-5555'],
  ['credential=', 'credential=cred-Xy12', 'cred-Xy12'],
  ['accessCode:', 'accessCode: 99113', '99113'],
  ['auth=', 'auth=opensesame', 'opensesame'],
];

describe('redaction: secrets inside free text', () => {
  it.each(LEAKS)('%s', (_name, text, secret) => {
    expect(redactText(text)).not.toContain(secret);
    expect(redactText(text)).toContain('[redacted]');
  });
});

describe('redaction: keys', () => {
  it.each(['credential', 'pwd', 'passphrase', 'auth', 'accessCode', 'clientCredentials', 'Authorization', 'privateKey'])('the value under "%s" is dropped', (key) => {
    const out = JSON.stringify(redact({ [key]: 'plain-Secret-Value', nested: [{ [key]: { deep: 'plain-Secret-Value' } }] }));
    expect(out).not.toContain('plain-Secret-Value');
  });
  it('the sign-in method stays readable; a "field" key holding a PIN does not', () => {
    expect(redact({ authKind: 'api-user', secretChanged: true })).toEqual({ authKind: 'api-user', secretChanged: true });
    expect(JSON.stringify(redact({ pinField: '4821' }))).not.toContain('4821');
  });
});

describe('redaction: what stays readable', () => {
  it('run ids (UUIDs) stay readable, whatever digits they hold — 500 random ones and digit-heavy ones', () => {
    const ids = [...Array.from({ length: 500 }, () => randomUUID()), '31415926-5358-9793-2384-626433832795', '12345678-1234-4234-8234-123456789012'];
    for (const id of ids) {
      expect(redactText(`run ${id} finished`)).toBe(`run ${id} finished`);
      expect(redact({ runId: id, message: `run ${id}` })).toEqual({ runId: id, message: `run ${id}` });
    }
  });

  it('temp file paths stay readable (real mkdtemp paths, 200 of them)', () => {
    for (let i = 0; i < 200; i++) {
      const dir = path.join(os.tmpdir(), `sitesync-safety-canary-home-${randomBytes(3).toString('hex')}XyZ`);
      const file = path.join(dir, 'logs', 'sitesync.log');
      expect(redactText(`wrote ${file}`)).toBe(`wrote ${file}`);
    }
    const real = fs.mkdtempSync(path.join(os.tmpdir(), 'sitesync-redaction-'));
    try {
      expect(redactText(`opened ${path.join(real, 'sitesync.db-wal')}`)).toBe(`opened ${path.join(real, 'sitesync.db-wal')}`);
    } finally {
      fs.rmSync(real, { recursive: true, force: true });
    }
  });

  it.each([
    'unit 204 of property 12',
    'sync started at 2026-06-01T10:00:00.000Z for site cli:acme:1:4,7',
    'PIN field "Door PIN" is not a Rent Manager field',
    'set 12 PINs and 3 RF cards',
    'RentManagerConnectionSettingsSchema failed: SITESYNC_HTTP_TIMEOUT_MS is invalid',
    'see src-main/features/connections-service.ts and /usr/lib/node_modules/electron/dist/resources',
    'https://acme.api.rentmanager.com/Tenants?filters=PropertyID,eq,4&pageSize=1000',
    'internationalization-and-localization-of-screens',
  ])('%s', (text) => expect(redactText(text)).toBe(text));
});

describe('redaction: the log line cannot be forged', () => {
  it('fields cannot overwrite t, level, scope or msg', () => {
    const sink = memorySink();
    createLogger(sink, { scope: 'main', now: () => new Date('2026-06-01T00:00:00Z') }).info('real', { t: 'forged', level: 'error', scope: 'forged', msg: 'forged', ok: 1 });
    expect(JSON.parse(sink.lines[0]!)).toEqual({ t: '2026-06-01T00:00:00.000Z', level: 'info', scope: 'main', msg: 'real', ok: 1 });
  });

  it('renderer entries (app.log) are nested under "fields" and redacted', async () => {
    const sink = memorySink();
    const handlers = createAppHandlers({
      log: createLogger(sink), events: new EventBus(), now: () => new Date(), isOnline: () => true, sandbox: false,
      lastSyncAt: () => null, appVersion: '1', platform: 'linux', theme: { get: () => 'system', set: () => {} },
    });
    await handlers['app.log']({ level: 'info', message: 'clicked', fields: { t: '1999-01-01', level: 'error', scope: 'main.sync', msg: 'run succeeded', note: 'password=renderer-pw' } }, {});
    const line = JSON.parse(sink.lines[0]!);
    expect(line).toMatchObject({ level: 'info', scope: 'renderer', msg: 'clicked', fields: { t: '1999-01-01', level: 'error', scope: 'main.sync', msg: 'run succeeded' } });
    expect(line.t).not.toBe('1999-01-01');
    expect(sink.lines[0]).not.toContain('renderer-pw');
  });
});
