import { describe, expect, it } from 'vitest';
import { abortable } from '../../../src-main/lib/async';

const cancelled = () => new Error('cancelled');

describe('lib/async', () => {
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
