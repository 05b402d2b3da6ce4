import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createLogger, memorySink, rotatingFileSink } from '../../../src-main/logging/logger';
import { redact, redactText } from '../../../src-main/logging/redact';
import { RateLimiter } from '../../../src-main/logging/rate-limiter';

describe('logger redaction', () => {
  it('drops values under secret-looking keys at any depth', () => {
    const sink = memorySink();
    const log = createLogger(sink, { scope: 'test' });
    log.info('signed in', { username: 'ann', password: 'hunter2-canary', nested: { apiToken: 'tok-canary', pin: '4821', list: [{ cardNumber: '4242' }] } });
    const line = sink.lines[0]!;
    expect(line).toContain('ann');
    for (const secret of ['hunter2-canary', 'tok-canary', '4821', '4242']) expect(line).not.toContain(secret);
    expect(JSON.parse(line)).toMatchObject({ level: 'info', scope: 'test', msg: 'signed in' });
  });

  it('scrubs bearer tokens, card numbers and long opaque strings from free text', () => {
    expect(redactText('Authorization: Bearer eyJhbGciOi.abc.def')).toBe('Authorization: Bearer [redacted]');
    expect(redactText('card 4242 4242 4242 4242 declined')).toBe('card [redacted] declined');
    expect(redactText('token=' + 'a'.repeat(40))).toBe('token=[redacted]');
    expect(redactText('unit 204 of property 12')).toBe('unit 204 of property 12');
  });

  it('handles errors and cycles', () => {
    const cyclic: Record<string, unknown> = { a: 1 };
    cyclic.self = cyclic;
    expect(redact(cyclic)).toEqual({ a: 1, self: '[cycle]' });
    expect(redact(new Error('Bearer abc.def'))).toMatchObject({ name: 'Error', message: 'Bearer [redacted]' });
  });

  it('honours the level and scopes children', () => {
    const sink = memorySink();
    const log = createLogger(sink, { level: 'warn', scope: 'main' });
    log.info('quiet');
    log.child('sync').warn('loud');
    expect(sink.lines.map((l) => JSON.parse(l).scope)).toEqual(['main.sync']);
  });
});

describe('rotating file sink', () => {
  it('rotates past the size limit and keeps N files', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sitesync-log-'));
    const sink = rotatingFileSink(dir, { maxBytes: 200, keep: 2 });
    for (let i = 0; i < 30; i++) sink.write(JSON.stringify({ i, pad: 'x'.repeat(20) }));
    const files = fs.readdirSync(dir).sort();
    expect(files).toEqual(['sitesync.log', 'sitesync.log.1', 'sitesync.log.2']);
    expect(fs.statSync(path.join(dir, 'sitesync.log')).size).toBeLessThanOrEqual(200);
    const last = fs.readFileSync(path.join(dir, 'sitesync.log'), 'utf8').trim().split('\n').at(-1)!;
    expect(JSON.parse(last).i).toBe(29);
    fs.rmSync(dir, { recursive: true });
  });
});

describe('RateLimiter', () => {
  it('allows a burst, then refills over time', () => {
    let t = 0;
    const limiter = new RateLimiter(2, 3, () => t);
    expect([1, 2, 3, 4].map(() => limiter.take())).toEqual([true, true, true, false]);
    t = 500;
    expect(limiter.take()).toBe(true);
    expect(limiter.take()).toBe(false);
  });
});
