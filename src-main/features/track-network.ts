import type { OnlineState } from '../services/online-state';

/**
 * Wraps an API client so every call reports its outcome to the online state: an answer means
 * online, an OFFLINE failure offline (OnlineState.track). Nested resource groups
 * (`client.devices.create`, `client.residents.update`) are wrapped too. The wrapper is
 * transparent: same methods, same results, same errors.
 */
export function trackNetwork<T extends object>(client: T, online: OnlineState): T {
  const wrapped = new WeakMap<object, unknown>();
  const wrap = <O extends object>(target: O): O => {
    const cached = wrapped.get(target);
    if (cached) return cached as O;
    const proxy = new Proxy(target, {
      get(obj, property, receiver) {
        const value = Reflect.get(obj, property, receiver) as unknown;
        if (typeof value === 'function') {
          return (...args: unknown[]) => {
            const result = (value as (...a: unknown[]) => unknown).apply(obj, args);
            return result instanceof Promise ? online.track(() => result) : result;
          };
        }
        if (value !== null && typeof value === 'object' && !Array.isArray(value)) return wrap(value);
        return value;
      },
    });
    wrapped.set(target, proxy);
    return proxy;
  };
  return wrap(client);
}
