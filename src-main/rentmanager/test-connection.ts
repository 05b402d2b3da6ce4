import type { AppErrorShape } from '../../src-shared/errors';
import { rentManagerBaseUrl, RmConnectionSettingsSchema, type RmConnectionSettings } from '../../src-shared/domain/rentmanager-connection';
import { silentLogger, type Logger } from '../logging/logger';
import { createRentManagerClient } from './client';
import { RentManagerError } from './errors';

/** The outcome of a connection test: the visible locations, or a code with a message and a next step. */
export type ConnectionTestResult =
  | { ok: true; locations: { id: number; name: string; isMain: boolean }[] }
  | { ok: false; error: AppErrorShape & { nextStep: string } };

/**
 * Signs in and lists the locations, then signs out again — the "Test connection" button and
 * `sitesync rm test`. Never throws for expected failures: wrong password → RM_UNAUTHORIZED,
 * unknown company code → RM_UNKNOWN_COMPANY, no API access → RM_FORBIDDEN, no network → OFFLINE.
 */
export async function testRentManagerConnection(input: RmConnectionSettings, options: { signal?: AbortSignal; timeoutMs?: number; logger?: Logger } = {}): Promise<ConnectionTestResult> {
  const settings = RmConnectionSettingsSchema.parse(input);
  const client = createRentManagerClient({
    baseUrl: rentManagerBaseUrl(settings),
    corp: settings.companyCode,
    locationId: settings.locationId,
    auth: settings.auth,
    timeoutMs: options.timeoutMs ?? 15_000,
    retries: 1,
    logger: options.logger ?? silentLogger,
  });
  try {
    const list = await client.locations({ signal: options.signal });
    const locations = list.rows.map((l) => ({ id: l.LocationID, name: l.FriendlyName || l.Name || `Location ${l.LocationID}`, isMain: l.IsMainLocation ?? false }));
    if (!locations.some((l) => l.id === settings.locationId)) {
      return { ok: false, error: { code: 'RM_FORBIDDEN', message: `Signed in, but location ${settings.locationId} is not one this user can see.`, retryable: false, nextStep: `Pick one of: ${locations.map((l) => `${l.id} (${l.name})`).join(', ') || 'none visible'}.` } };
    }
    return { ok: true, locations };
  } catch (error) {
    if (error instanceof RentManagerError) return { ok: false, error: { ...error.toShape(), nextStep: error.details.nextStep } };
    throw error;
  } finally {
    await client.signOut();
  }
}
