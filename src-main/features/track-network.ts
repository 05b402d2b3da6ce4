import type { OnlineState } from '../services/online-state';

/**
 * Wraps an API client so every call reports its outcome to the online state: an answer means
 * online, an OFFLINE failure offline (OnlineState.track). The wrapper is transparent: same
 * methods, same results, same errors.
 */
export function trackNetwork<T extends object>(client: T, online: OnlineState): T {
  return new Proxy(client, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver) as unknown;
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        const result = (value as (...a: unknown[]) => unknown).apply(target, args);
        return result instanceof Promise ? online.track(() => result) : result;
      };
    },
  });
}
