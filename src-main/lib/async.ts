// Waiting, retry delays and cancellation, shared by both API clients (Rent Manager and SmartPlus).
// Each caller says which error a cancellation is (its adapter's CANCELLED), so this file knows neither.

/** Resolves after `ms`, or rejects with `cancelled()` when `signal` aborts first (or already has). */
export function sleep(ms: number, signal: AbortSignal | undefined, cancelled: () => Error): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(cancelled());
    const onAbort = () => {
      clearTimeout(timer);
      reject(cancelled());
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, Math.max(0, ms));
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/** Options of {@link backoffMs}. */
export interface BackoffOptions {
  /** The delay cap of attempt 0, doubled per attempt. */
  readonly baseMs: number;
  /** The cap no attempt's delay exceeds. */
  readonly maxMs: number;
  /** A number in [0, 1) (tests pin it). */
  readonly random?: () => number;
}

/**
 * Exponential backoff with full jitter: a delay drawn uniformly from 0…min(maxMs, baseMs·2^attempt)
 * (AWS's "full jitter": retries of many clients spread out instead of arriving together).
 */
export function backoffMs(attempt: number, options: BackoffOptions): number {
  const random = options.random ?? Math.random;
  return random() * Math.min(options.maxMs, options.baseMs * 2 ** attempt);
}

/** Waits for `promise`, or rejects with `cancelled()` as soon as `signal` aborts (the shared work itself goes on). */
export function abortable<T>(promise: Promise<T>, signal: AbortSignal | undefined, cancelled: () => Error): Promise<T> {
  if (!signal) return promise;
  if (signal.aborted) return Promise.reject(cancelled());
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(cancelled());
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => (signal.removeEventListener('abort', onAbort), resolve(value)),
      (error: unknown) => (signal.removeEventListener('abort', onAbort), reject(error)),
    );
  });
}
