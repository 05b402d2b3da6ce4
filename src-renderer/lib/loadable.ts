import { describeError, type ErrorText } from './error-text';

/**
 * Something loaded from main, as a screen draws it: not asked yet, on its way, there, or failed.
 * `value` is what can be shown — absent until the first answer, and kept by a refresh that is
 * running or that failed, so a screen can keep the last good data with the failure above it.
 * Every member names `value` and `error`, so `x.value` and `x.error` read without narrowing.
 */
export type Loadable<T> =
  | { status: 'idle'; value?: undefined; error?: undefined }
  | { status: 'loading'; value?: T; error?: undefined }
  | { status: 'ready'; value: T; error?: undefined }
  | { status: 'error'; value?: T; error: ErrorText };

/** Not asked yet. */
export function idle<T>(): Loadable<T> {
  return { status: 'idle' };
}

/** On its way; with `keep`, what it showed stays shown while it loads. */
export function loading<T>(keep?: Loadable<T>): Loadable<T> {
  return keep?.value === undefined ? { status: 'loading' } : { status: 'loading', value: keep.value };
}

/** There. */
export function ready<T>(value: T): Loadable<T> {
  return { status: 'ready', value };
}

/** Failed with what `error` says; with `keep`, the last good value stays shown under the failure. */
export function failed<T>(error: unknown, keep?: Loadable<T>): Loadable<T> {
  const described: ErrorText = describeError(error);
  return keep?.value === undefined ? { status: 'error', error: described } : { status: 'error', error: described, value: keep.value };
}

/**
 * Loads `call` into a slot through `set`: `loading` first unless a value is ready (then a
 * refresh keeps it shown until the answer), then ready or failed.
 */
export async function loadInto<T>(current: Loadable<T>, set: (next: Loadable<T>) => void, call: () => Promise<T>): Promise<void> {
  if (current.status !== 'ready') set(loading());
  try {
    set(ready(await call()));
  } catch (error) {
    set(failed(error));
  }
}
