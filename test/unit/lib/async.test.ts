import { describe, expect, it } from 'vitest';
import { abortable, backoffMs, sleep } from '../../../src-main/lib/async';
import { backoffMs as rentManagerBackoff } from '../../../src-main/rentmanager/rate-limit';

const cancelled = () => new Error('cancelled');

describe('lib/async', () => {
  it('backs off with full jitter: anywhere from 0 up to the doubled, capped delay', () => {
    expect(backoffMs(0, { baseMs: 250, maxMs: 5000, random: () => 0 })).toBe(0);
    expect(backoffMs(1, { baseMs: 250, maxMs: 5000, random: () => 0.5 })).toBe(250);
    expect(backoffMs(2, { baseMs: 250, maxMs: 5000, random: () => 0.999 })).toBeCloseTo(999);
    expect(backoffMs(10, { baseMs: 250, maxMs: 5000, random: () => 0.999 })).toBeCloseTo(4995);
  });

  it('gives the Rent Manager client the full jitter its comment names (not equal jitter, which never goes below half)', () => {
    expect(rentManagerBackoff(1, 250, 10_000, () => 0)).toBe(0);
    expect(rentManagerBackoff(1, 250, 10_000, () => 0.999)).toBeCloseTo(499.5);
    expect(rentManagerBackoff(20, 250, 10_000, () => 0.5)).toBe(5000);
  });

  it('sleeps, and rejects with the caller’s error when aborted before or during the wait', async () => {
    await expect(sleep(1, undefined, cancelled)).resolves.toBeUndefined();
    const before = new AbortController();
    before.abort();
    await expect(sleep(10_000, before.signal, cancelled)).rejects.toThrow('cancelled');
    const during = new AbortController();
    const waiting = sleep(10_000, during.signal, cancelled);
    during.abort();
    await expect(waiting).rejects.toThrow('cancelled');
  });

  it('abortable: passes the outcome through, or rejects on abort without waiting for the work', async () => {
    await expect(abortable(Promise.resolve(7), new AbortController().signal, cancelled)).resolves.toBe(7);
    await expect(abortable(Promise.reject(new Error('boom')), undefined, cancelled)).rejects.toThrow('boom');
    const controller = new AbortController();
    const never = new Promise<number>(() => {});
    const waiting = abortable(never, controller.signal, cancelled);
    controller.abort();
    await expect(waiting).rejects.toThrow('cancelled');
  });
});
