import { describe, expect, it } from 'vitest';
import { AppError } from '../../../src-shared/errors';
import { OnlineState } from '../../../src-main/services/online-state';
import { TypedEmitter } from '../../../src-main/services/typed-emitter';

describe('OnlineState', () => {
  it('follows the OS and requests, latest evidence wins, and emits only real changes', () => {
    const state = new OnlineState(true, () => new Date('2026-11-27T10:00:00Z'));
    const changes: string[] = [];
    state.onChange((c) => changes.push(`${c.online ? 'online' : 'offline'}/${c.source}`));
    state.reportOs(true);
    state.reportRequestFailed(new AppError('OFFLINE', 'no network'));
    state.reportRequestFailed(new AppError('OFFLINE', 'still none'));
    state.reportRequestFailed(new AppError('SP_CONFLICT', 'conflict'));
    state.reportRequestFailed(new Error('random'));
    expect(state.online).toBe(false);
    state.reportRequestSucceeded();
    state.reportOs(false);
    state.reportOs(true);
    expect(changes).toEqual(['offline/request', 'online/request', 'offline/os', 'online/os']);
    expect(state.current).toMatchObject({ online: true, source: 'os' });
  });

  it('tracks a request: OFFLINE means offline, a server answer (even an error) online, a timeout neither', async () => {
    const state = new OnlineState(true);
    await expect(state.track(() => Promise.reject(new AppError('OFFLINE', 'down')))).rejects.toMatchObject({ code: 'OFFLINE' });
    expect(state.online).toBe(false);
    await expect(state.track(() => Promise.reject(new AppError('SP_UNAVAILABLE', 'timeout')))).rejects.toThrow();
    expect(state.online).toBe(false);
    await expect(state.track(() => Promise.reject(new AppError('SP_NOT_FOUND', '404')))).rejects.toThrow();
    expect(state.online).toBe(true);
    state.reportOs(false);
    await expect(state.track(async () => 42)).resolves.toBe(42);
    expect(state.online).toBe(true);
  });
});

describe('OnlineState: the evidence of a request dates from when it began', () => {
  it('an answer on its way when the OS said offline does not turn the state back to online', async () => {
    const state = new OnlineState(true);
    let answer!: (v: number) => void;
    const request = state.track(() => new Promise<number>((r) => (answer = r)));
    state.reportOs(false);
    answer(7);
    await expect(request).resolves.toBe(7);
    expect(state.current).toMatchObject({ online: false, source: 'os' });
    // A request begun after the OS's word is new evidence, as before.
    await state.track(async () => 8);
    expect(state.online).toBe(true);
  });

  it('between requests the latest arrival still wins: one failing server does not outvote the answer after it', async () => {
    const state = new OnlineState(true);
    let fail!: (e: unknown) => void;
    let answer!: (v: number) => void;
    const a = state.track(() => new Promise<number>((_, reject) => (fail = reject)));
    const b = state.track(() => new Promise<number>((r) => (answer = r)));
    fail(new AppError('OFFLINE', 'one region refused'));
    await expect(a).rejects.toThrow();
    expect(state.online).toBe(false);
    answer(1);
    await b;
    expect(state.current).toMatchObject({ online: true, source: 'request' });
  });

  it('a failure from before the OS said online (OFFLINE, or a server error) does not change it either', async () => {
    const state = new OnlineState(false);
    let fail!: (e: unknown) => void;
    const offline = state.track(() => new Promise<number>((_, reject) => (fail = reject)));
    state.reportOs(true);
    fail(new AppError('OFFLINE', 'from before'));
    await expect(offline).rejects.toMatchObject({ code: 'OFFLINE' });
    expect(state.current).toMatchObject({ online: true, source: 'os' });
    const answered = state.track(() => new Promise<number>((_, reject) => (fail = reject)));
    state.reportOs(false);
    fail(new AppError('SP_NOT_FOUND', '404 from before'));
    await expect(answered).rejects.toThrow();
    expect(state.online).toBe(false);
  });
});

describe('TypedEmitter', () => {
  it('delivers in order, unsubscribes, and isolates a throwing listener', () => {
    const emitter = new TypedEmitter<{ ping: number }>();
    const got: number[] = [];
    emitter.on('ping', () => {
      throw new Error('bad listener');
    });
    const off = emitter.on('ping', (n) => got.push(n));
    expect(emitter.emit('ping', 1)).toHaveLength(1);
    off();
    emitter.emit('ping', 2);
    expect(got).toEqual([1]);
    expect(emitter.listenerCount('ping')).toBe(1);
  });
});
