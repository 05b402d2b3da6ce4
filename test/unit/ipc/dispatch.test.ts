import { describe, expect, it } from 'vitest';
import { CALLS, EVENTS } from '../../../src-shared/ipc/contract';
import { EVENT_CHANNELS, INVOKE_CHANNELS } from '../../../src-shared/ipc/channels';
import { AppError } from '../../../src-shared/errors';
import { dispatch, type HandlerMap } from '../../../src-main/ipc/dispatch';
import { EventBus } from '../../../src-main/services/event-bus';
import { createLogger, memorySink } from '../../../src-main/logging/logger';
import { transportTestHandlers } from '../helpers/handler-map';

function handlers(overrides: Partial<HandlerMap> = {}): HandlerMap {
  return transportTestHandlers(overrides);
}

describe('the IPC contract', () => {
  it('names exactly the channels that have schemas', () => {
    expect(Object.keys(CALLS).sort()).toEqual([...INVOKE_CHANNELS].sort());
    expect(Object.keys(EVENTS).sort()).toEqual([...EVENT_CHANNELS].sort());
  });
});

describe('dispatch', () => {
  it('returns the value in an ok envelope', async () => {
    const result = await dispatch(handlers(), 'app.ping', { message: 'hi' });
    expect(result).toMatchObject({ ok: true, value: { echo: 'hi' } });
  });

  it('refuses an unknown channel with BAD_INPUT', async () => {
    const result = await dispatch(handlers(), 'fs.readFile', { path: '/etc/passwd' });
    expect(result).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
  });

  it('refuses input outside the schema with BAD_INPUT naming the field', async () => {
    const result = await dispatch(handlers(), 'app.setTheme', { theme: 'neon' });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('BAD_INPUT');
      expect(result.error.message).toContain('theme');
    }
  });

  it('carries an AppError across as its code, message and retryable flag', async () => {
    const map = handlers({
      'app.ping': async () => {
        throw new AppError('RM_RATE_LIMITED', 'Rent Manager is busy.', { retryable: true });
      },
    });
    expect(await dispatch(map, 'app.ping', { message: 'x' })).toEqual({
      ok: false,
      error: { code: 'RM_RATE_LIMITED', message: 'Rent Manager is busy.', retryable: true },
    });
  });

  it('turns a plain thrown error into INTERNAL and logs it', async () => {
    const sink = memorySink();
    const map = handlers({
      'app.ping': async () => {
        throw new TypeError('boom');
      },
    });
    const result = await dispatch(map, 'app.ping', { message: 'x' }, createLogger(sink));
    expect(result).toMatchObject({ ok: false, error: { code: 'INTERNAL', message: 'boom' } });
    expect(sink.lines.some((l) => l.includes('handler failed'))).toBe(true);
  });

  it('refuses a handler answer outside the output schema (a bug) as INTERNAL', async () => {
    const map = handlers({ 'app.ping': async () => ({ echo: 5 }) as never });
    const result = await dispatch(map, 'app.ping', { message: 'x' });
    expect(result).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
  });
});

describe('EventBus', () => {
  it('validates payloads and fans out to every sink until unsubscribed', () => {
    const bus = new EventBus();
    const seen: unknown[] = [];
    const off = bus.subscribe((event, payload) => seen.push([event, payload]));
    bus.emit('app.pinged', { message: 'a' });
    off();
    bus.emit('app.pinged', { message: 'b' });
    expect(seen).toEqual([['app.pinged', { message: 'a' }]]);
    expect(() => bus.emit('app.pinged', { message: 3 } as never)).toThrow();
  });
});
