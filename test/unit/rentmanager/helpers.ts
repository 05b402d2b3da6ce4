import { createRentManagerClient, type RentManagerClientOptions } from '../../../src-main/rentmanager/client';
import type { RentManagerSandbox } from '../../../src-main/sandbox/rentmanager/server';

/** A client for a running sandbox, signing in as its API user unless `auth` says otherwise. */
export function clientFor(sb: RentManagerSandbox, overrides: Partial<RentManagerClientOptions> = {}) {
  return createRentManagerClient({
    baseUrl: sb.url,
    corp: sb.corp,
    locationId: sb.location,
    auth: { kind: 'user', username: sb.username, password: sb.password },
    requestsPerMinute: 10_000,
    timeoutMs: 5_000,
    ...overrides,
  });
}

/** Awaits a promise expected to reject and returns the rejection. */
export async function rejectionOf(promise: Promise<unknown>): Promise<{ code: string; message: string; retryable: boolean; details: Record<string, unknown> }> {
  try {
    await promise;
  } catch (error) {
    return error as never;
  }
  throw new Error('expected a rejection');
}
