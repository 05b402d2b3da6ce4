import { createSmartPlusClient, type SmartPlusClient, type SmartPlusClientOptions } from '../../../src-main/smartplus/client';
import { startSmartPlusSandbox, type SmartPlusSandbox } from '../../../src-main/sandbox/smartplus';
import type { ExternalRef } from '../../../src-shared/domain/external-ref';

/** A running sandbox and a client pointed at it. */
export interface Rig {
  sandbox: SmartPlusSandbox;
  client: SmartPlusClient;
  makeClient(options?: Partial<SmartPlusClientOptions>): SmartPlusClient;
  close(): Promise<void>;
}

/** Starts a sandbox and a client (options override the defaults). */
export async function startRig(options: Partial<SmartPlusClientOptions> = {}): Promise<Rig> {
  const sandbox = await startSmartPlusSandbox();
  const makeClient = (more: Partial<SmartPlusClientOptions> = {}) =>
    createSmartPlusClient({ baseUrl: sandbox.url, username: sandbox.username, password: sandbox.password, timeoutMs: 2000, ...options, ...more });
  return { sandbox, client: makeClient(), makeClient, close: () => sandbox.close() };
}

/** A Rent Manager externalRef. */
export function rmRef(id: string, location = 1): ExternalRef {
  return { system: 'rentmanager', customer: 'acme', location, id };
}

/** The good test card. */
export function goodCard(number = '4242424242424242') {
  return { number, expMonth: 12, expYear: new Date().getUTCFullYear() + 2, cvc: '123', holder: 'Pat Installer' };
}

/** Billing details for orders. */
export const billing = { company: 'Acme Doors', contact: 'Pat', email: 'pat@example.com', address: '1 Main St', country: 'US' };

/** A PMS-linked community with its Building 1 (the integration must be active). */
export async function site(client: SmartPlusClient, id = 'property:1') {
  const community = await client.communities.create({ name: `Site ${id}`, timeZone: 'America/New_York', externalRef: rmRef(id) }, { idempotencyKey: `c-${id}` });
  const [building] = await client.buildings(community.id);
  return { community, building: building! };
}

/** Expects `promise` to reject with a SmartPlusError of `code`; returns it. */
export async function rejection(promise: Promise<unknown>): Promise<{ code: string; message: string; details?: Record<string, unknown>; retryable: boolean }> {
  try {
    await promise;
  } catch (error) {
    return error as { code: string; message: string; details?: Record<string, unknown>; retryable: boolean };
  }
  throw new Error('expected a rejection');
}
