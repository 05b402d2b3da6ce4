import type { RentManagerClient } from '../../rentmanager/client';
import { readRentManagerSnapshot } from '../../rentmanager/read-snapshot';
import type { RentManagerPort } from '../ports';

/** Options of {@link rentManagerPort}. */
export interface RentManagerPortOptions {
  /** Progress of the read, per collection (the run's "reading" phase). */
  readonly onProgress?: (progress: { step: string; done: number; total: number }) => void;
  readonly now?: () => Date;
}

/**
 * Binds the engine's {@link RentManagerPort} to the RM12 client: a full read of the site's
 * properties with the PIN and RF card fields the policy names (by ID or name). Failed or partial
 * property reads come back in `failedProperties` (the planner then deletes nothing there);
 * connection-wide failures (sign-in, access, network, cancel) throw and fail the run.
 */
export function rentManagerPort(client: RentManagerClient, options: RentManagerPortOptions = {}): RentManagerPort {
  return {
    readSnapshot: (propertyIds, policy, signal) =>
      readRentManagerSnapshot(client, {
        propertyIds,
        ...(policy.pinField !== undefined ? { pinField: policy.pinField } : {}),
        ...(policy.rfCardField !== undefined ? { rfCardField: policy.rfCardField } : {}),
        ...(signal ? { signal } : {}),
        ...(options.onProgress ? { onProgress: options.onProgress } : {}),
        ...(options.now ? { now: options.now } : {}),
      }),
  };
}
