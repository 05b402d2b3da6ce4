import fs from 'node:fs';
import path from 'node:path';
import { isAppError } from '../../src-shared/errors';
import type { LocalDb } from '../db/local-db';
import type { Logger } from '../logging/logger';
import { startRentManagerSandbox, type RentManagerSandbox } from '../sandbox/rentmanager/server';
import { startSmartPlusSandbox, type SmartPlusSandbox } from '../sandbox/smartplus';
import { connectionAccount, SECRET_SERVICE, type SecretStore } from '../secrets/secret-store';

/** IDs of the sandbox's records in the local database (stable across restarts). */
export const SANDBOX_IDS = {
  rentManager: 'sandbox-rentmanager',
  smartPlus: 'sandbox-smartplus',
  customer: 'sandbox-customer',
} as const;

/** The sandbox (local Rent Manager and SmartPlus stand-ins), when the app runs on it. */
export interface SandboxHandle {
  readonly rentManagerUrl: string;
  readonly smartPlusUrl: string;
  /** Restores the demo seed on both sides and forgets synced data (Settings → Reset sandbox). */
  reset(): Promise<void>;
}

/** The embedded sandbox as the app runs it, with the test controls E2E tests use. */
export interface EmbeddedSandbox extends SandboxHandle {
  /** The running stand-ins (their `admin` changes data and injects faults — tests and demos only). */
  readonly rentManager: RentManagerSandbox;
  readonly smartPlus: SmartPlusSandbox;
  /**
   * Takes both stand-ins off the network (their servers close, so calls fail as they would
   * with no network) or brings them back on the same ports with the same data.
   */
  setNetworkDown(down: boolean): Promise<void>;
  close(): Promise<void>;
}

/** What {@link startEmbeddedSandbox} needs. */
export interface EmbeddedSandboxDeps {
  dir: string;
  db: LocalDb;
  secrets: SecretStore;
  log: Logger;
  /** The portfolio's "today" (tests pin it); default: the real date. */
  asOf?: string;
  /** Called after a reset, so services forget cached clients. */
  onReset?: () => void;
  /**
   * Keeps one of the sandbox's throw-away sign-ins in memory for this session (the app's
   * SessionOverlaySecretStore), so the sandbox registers and works with the keychain locked.
   */
  holdForSession?: (account: string, secret: string) => void;
}

/**
 * Starts the local Rent Manager and SmartPlus stand-ins on free loopback ports with the demo
 * seed, state kept under `dir` (so the sandbox survives restarts), and registers them as the
 * sandbox customer and SmartPlus account (secrets in the keychain like any connection).
 */
export async function startEmbeddedSandbox(deps: EmbeddedSandboxDeps): Promise<EmbeddedSandbox> {
  fs.mkdirSync(deps.dir, { recursive: true });
  const rmState = path.join(deps.dir, 'rentmanager.json');
  const spState = path.join(deps.dir, 'smartplus.json');
  const startRm = (port = 0) => startRentManagerSandbox({ port, seed: 'demo', stateFile: rmState, ...(deps.asOf ? { asOf: deps.asOf } : {}) });
  const startSp = (port = 0) => startSmartPlusSandbox({ port, stateFile: spState });
  let rentManager = await startRm();
  let smartPlus = await startSp();
  await register(deps, rentManager, smartPlus);
  let down = false;
  deps.log.info('sandbox started', { rentManager: rentManager.url, smartPlus: smartPlus.url });

  const handle: EmbeddedSandbox = {
    get rentManager() {
      return rentManager;
    },
    get smartPlus() {
      return smartPlus;
    },
    get rentManagerUrl() {
      return rentManager.url;
    },
    get smartPlusUrl() {
      return smartPlus.url;
    },
    async reset() {
      rentManager.admin.reset();
      smartPlus.admin.reset();
      for (const site of deps.db.sites.listSummaries()) {
        if (site.connectionId === SANDBOX_IDS.rentManager) deps.db.sites.delete(site.id);
      }
      deps.onReset?.();
      deps.log.info('sandbox reset to the demo seed');
    },
    async setNetworkDown(next) {
      if (next === down) return;
      down = next;
      if (down) {
        await Promise.all([rentManager.close(), smartPlus.close()]);
        deps.log.info('sandbox network down (test control)');
        return;
      }
      rentManager = await startRm(Number(new URL(rentManager.url).port));
      smartPlus = await startSp(Number(new URL(smartPlus.url).port));
      deps.log.info('sandbox network back (test control)');
    },
    async close() {
      if (!down) await Promise.all([rentManager.close(), smartPlus.close()]);
    },
  };
  return handle;
}

async function register(deps: EmbeddedSandboxDeps, rm: RentManagerSandbox, sp: SmartPlusSandbox): Promise<void> {
  const { connections } = deps.db;
  connections.save({
    id: SANDBOX_IDS.rentManager,
    kind: 'rentmanager',
    label: 'Sandbox Rent Manager',
    companyCode: rm.corp,
    locationId: rm.location,
    baseUrl: rm.url,
    authKind: 'api-user',
    username: rm.username,
    isSandbox: true,
  });
  connections.save({
    id: SANDBOX_IDS.smartPlus,
    kind: 'smartplus',
    label: 'Sandbox SmartPlus account',
    companyCode: null,
    locationId: null,
    baseUrl: sp.url,
    authKind: 'smartplus-account',
    username: sp.username,
    isSandbox: true,
  });
  let keychainLocked = false;
  for (const [id, password] of [[SANDBOX_IDS.rentManager, rm.password], [SANDBOX_IDS.smartPlus, sp.password]] as const) {
    deps.holdForSession?.(connectionAccount(id), password);
    try {
      await deps.secrets.set(SECRET_SERVICE, connectionAccount(id), password);
    } catch (error) {
      // The sandbox's sign-ins are throw-away; without a keychain they live in memory this session.
      if (!deps.holdForSession || !isAppError(error) || error.code !== 'KEYCHAIN_UNAVAILABLE') throw error;
      keychainLocked = true;
    }
  }
  if (keychainLocked) deps.log.warn('sandbox registered without the keychain: its sign-ins are kept in memory for this session');
  connections.setStatus(SANDBOX_IDS.rentManager, 'configured');
  connections.setStatus(SANDBOX_IDS.smartPlus, 'configured');
  connections.saveCustomer({ id: SANDBOX_IDS.customer, name: 'Sandbox Property Management', connectionId: SANDBOX_IDS.rentManager, isSandbox: true });
}
