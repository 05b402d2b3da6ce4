import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './harness';

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(() => h.close());

describe('sign-in and tokens (contract: Conventions)', () => {
  it('issues a bearer token with its lifetime, 3600 s by default', async () => {
    const answer = await h.raw('POST', '/api/v1/auth/token', { body: { username: 'installer@sandbox.local', password: 'sandbox' } });
    expect(answer.status).toBe(200);
    expect(answer.body.expiresIn).toBe(3600);
    expect(typeof answer.body.accessToken).toBe('string');
  });

  it('refuses wrong credentials, missing and unknown tokens with 401 UNAUTHORIZED', async () => {
    const wrong = await h.raw('POST', '/api/v1/auth/token', { body: { username: 'installer@sandbox.local', password: 'nope' } });
    expect(wrong.status).toBe(401);
    expect(wrong.body.error.code).toBe('UNAUTHORIZED');
    expect((await h.raw('GET', '/api/v1/account')).status).toBe(401);
    expect((await h.raw('GET', '/api/v1/account', { headers: { Authorization: 'Bearer made-up' } })).status).toBe(401);
  });

  it('expires tokens after the configured lifetime', async () => {
    h.sandbox.admin.tokenLifetime(60);
    h.token = await h.signIn();
    expect((await h.call('GET', '/account')).status).toBe(200);
    h.clock.advance(61_000);
    const expired = await h.call('GET', '/account');
    expect(expired.status).toBe(401);
    expect(expired.body.error.code).toBe('UNAUTHORIZED');
  });

  it('serves the account', async () => {
    const answer = await h.call('GET', '/account');
    expect(answer.body).toEqual({ id: expect.any(String), name: expect.any(String), email: 'installer@sandbox.local', region: expect.any(String) });
  });
});

describe('rate limit: 20 requests per second per token', () => {
  it('answers 429 RATE_LIMITED with Retry-After past 20 requests in a second, per token', async () => {
    // 40 at once, so that more than 25 arrive within one second even on a busy machine.
    const answers = await Promise.all(Array.from({ length: 40 }, () => h.call('GET', '/billing/prices')));
    const limited = answers.filter((a) => a.status === 429);
    expect(answers.filter((a) => a.status === 200).length).toBeGreaterThanOrEqual(20);
    expect(limited.length).toBeGreaterThanOrEqual(5);
    expect(limited[0]!.body.error.code).toBe('RATE_LIMITED');
    expect(Number(limited[0]!.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    h.token = await h.signIn();
    expect((await h.call('GET', '/billing/prices')).status).toBe(200);
    expect(h.sandbox.admin.counters().rateLimited).toBe(limited.length);
  });
});

describe('Idempotency-Key', () => {
  const body = { name: 'Hand-made', timeZone: 'Europe/Berlin' };

  it('returns the first result (same status and body) for the same key instead of creating again', async () => {
    const first = await h.call('POST', '/communities', body, { 'Idempotency-Key': 'k-1' });
    const second = await h.call('POST', '/communities', body, { 'Idempotency-Key': 'k-1' });
    expect(first.status).toBe(201);
    expect(second.status).toBe(201);
    expect(second.body).toEqual(first.body);
    expect((await h.call('GET', '/communities')).body.total).toBe(1);
    const other = await h.call('POST', '/communities', body, { 'Idempotency-Key': 'k-2' });
    expect(other.body.id).not.toBe(first.body.id);
  });

  it('honours a key for 24 hours, then creates again', async () => {
    const first = await h.call('POST', '/communities', body, { 'Idempotency-Key': 'day' });
    h.clock.advance(23 * 3600_000);
    h.token = await h.signIn();
    expect((await h.call('POST', '/communities', body, { 'Idempotency-Key': 'day' })).body.id).toBe(first.body.id);
    h.clock.advance(2 * 3600_000);
    h.token = await h.signIn();
    expect((await h.call('POST', '/communities', body, { 'Idempotency-Key': 'day' })).body.id).not.toBe(first.body.id);
  });

  it('does not remember refusals, so the same key works once the cause is fixed', async () => {
    const linked = { ...body, externalRef: { system: 'rentmanager', customer: 'acme', location: 1, id: 'property:9' } };
    expect((await h.call('POST', '/communities', linked, { 'Idempotency-Key': 'later' })).status).toBe(402);
    h.sandbox.admin.activateIntegration(1);
    expect((await h.call('POST', '/communities', linked, { 'Idempotency-Key': 'later' })).status).toBe(201);
  });
});

describe('/__sandbox/ controls', () => {
  it('injects faults by share and status, and counts them', async () => {
    expect((await h.raw('POST', '/__sandbox/faults', { body: { share: 1, statuses: [503], times: 2 } })).status).toBe(204);
    expect((await h.call('GET', '/account')).status).toBe(503);
    const second = await h.call('GET', '/account');
    expect(second.body.error.code).toBe('UNAVAILABLE');
    expect((await h.call('GET', '/account')).status).toBe(200);
    const counters = (await h.raw('GET', '/__sandbox/counters')).body;
    expect(counters.faultsInjected).toBe(2);
    expect(counters.byStatus['503']).toBe(2);
  });

  it('hangs past a timeout after doing the work', async () => {
    h.sandbox.admin.faults({ share: 1, hangMs: 5000, times: 1 });
    const controller = new AbortController();
    const pending = fetch(`${h.sandbox.url}/communities`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${h.token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ name: 'Lost answer', timeZone: 'UTC' }),
      signal: controller.signal,
    });
    setTimeout(() => controller.abort(), 200);
    await expect(pending).rejects.toThrow();
    expect((await h.call('GET', '/communities')).body.items.map((c: { name: string }) => c.name)).toEqual(['Lost answer']);
  });

  it('adds latency', async () => {
    await h.raw('POST', '/__sandbox/latency', { body: { ms: 150 } });
    const start = performance.now();
    await h.call('GET', '/account');
    expect(performance.now() - start).toBeGreaterThanOrEqual(140);
  });

  it('shortens token lifetime, registers MACs and resets', async () => {
    await h.raw('POST', '/__sandbox/token-lifetime', { body: { seconds: 5 } });
    expect((await h.raw('POST', '/api/v1/auth/token', { body: { username: 'installer@sandbox.local', password: 'sandbox' } })).body.expiresIn).toBe(5);
    expect((await h.raw('POST', '/__sandbox/macs', { body: { macs: ['AABBCCDDEEFF'] } })).status).toBe(204);
    await h.call('POST', '/communities', { name: 'x', timeZone: 'UTC' });
    expect((await h.raw('POST', '/__sandbox/reset')).status).toBe(204);
    expect((await h.call('GET', '/communities')).body.total).toBe(0);
    expect((await h.raw('GET', '/__sandbox/counters')).body.requests).toBe(1);
  });
});
