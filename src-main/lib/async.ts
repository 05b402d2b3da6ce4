// Cancellation shared by both API clients (Rent Manager and SmartPlus). Each caller says which
// error a cancellation is (its adapter's CANCELLED), so this file knows neither.
// Waiting and retry delays moved to libraries: node:timers/promises, p-queue and p-retry.

/**
 * Waits for `promise`, or rejects with `cancelled()` as soon as `signal` aborts (the shared work
 * itself goes on). Kept by hand: a shared sign-in must not be cancelled when one of the requests
 * waiting for it is, and neither p-queue nor p-retry expresses "stop waiting, keep the work" —
 * the 15 lines here do, and are tested in test/unit/lib/async.test.ts.
 */
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
