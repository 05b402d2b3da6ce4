import fs from 'node:fs';
import path from 'node:path';
import { isAppError } from '../../src-shared/errors';
import { type AppServices, createAppServices } from '../composition/create-app-services';
import { createLogger, rotatingFileSink } from '../logging/logger';
import type { Clock } from '../scheduler/clock';
import { keychainUnavailable } from '../secrets/keychain-errors';
import { KeyringSecretStore } from '../secrets/keyring-secret-store';
import { connectionAccount, DB_PIN_KEY_ACCOUNT, SECRET_SERVICE, type SecretStore } from '../secrets/secret-store';
import { AppPreferencesFile } from '../services/app-preferences-file';
import { UsageError } from './cli-error';
import { type CliCredentials, readCredentials } from './env';
import { cliHome } from './home';

/** The app's state opened by the CLI: the same services over the same database, keychain and preferences. */
export interface CliState {
  readonly home: string;
  readonly services: AppServices;
  /** Connections whose secret this process takes from SITESYNC_* variables instead of the keychain. */
  readonly fromEnvironment: ReadonlySet<string>;
  /** Checks that the secrets of these connections can be read; a missing or locked keychain is a UsageError (exit 2). */
  requireSecrets(connectionIds: readonly string[]): Promise<void>;
  close(): Promise<void>;
}

/** What {@link openCliState} may be given instead of the real thing (tests). */
export interface CliStateOptions {
  readonly secrets?: SecretStore;
  readonly clock?: Clock;
  readonly appVersion?: string;
}

/** Whether the environment names credentials (then all of them must be there: see readCredentials). */
export function hasEnvironmentCredentials(env: NodeJS.ProcessEnv): boolean {
  return Boolean(env.SITESYNC_RM_CORP || env.SITESYNC_SP_URL);
}

/** A secret store that answers chosen connection accounts from memory (the environment) and the rest from the keychain. */
class OverlaySecretStore implements SecretStore {
  readonly overrides = new Map<string, string>();
  constructor(private readonly base: SecretStore) {}
  async get(service: string, account: string): Promise<string | null> {
    if (service === SECRET_SERVICE && this.overrides.has(account)) return this.overrides.get(account)!;
    return this.base.get(service, account);
  }
  set(service: string, account: string, secret: string): Promise<void> {
    return this.base.set(service, account, secret);
  }
  delete(service: string, account: string): Promise<boolean> {
    return this.base.delete(service, account);
  }
}

/**
 * Opens the app's state for one CLI command (issue 14, "one state, two front doors"): the folder
 * is SITESYNC_HOME or the app's user-data folder; connections' secrets come from the keychain
 * entries the app saved, unless SITESYNC_* variables override them (servers, CI) — then the
 * connection they describe is registered (settings only, never the secret) so sites can use it.
 */
export async function openCliState(env: NodeJS.ProcessEnv, options: CliStateOptions = {}): Promise<CliState> {
  const home = cliHome(env);
  fs.mkdirSync(home, { recursive: true });
  const log = createLogger(rotatingFileSink(path.join(home, 'logs')), { scope: 'cli' });
  const credentials = hasEnvironmentCredentials(env) ? readCredentials(env) : null;
  const secrets = new OverlaySecretStore(options.secrets ?? new KeyringSecretStore());
  const services = await createAppServices({
    userDataDir: home,
    appVersion: options.appVersion ?? 'cli',
    platform: process.platform,
    log,
    secrets,
    preferences: new AppPreferencesFile(home, log),
    sandbox: 'off',
    schedule: false,
    processKind: 'cli',
    ...(options.clock ? { clock: options.clock } : {}),
  });
  if (credentials) registerEnvironmentConnections(services, credentials, secrets.overrides);
  const fromEnvironment = new Set([...secrets.overrides.keys()].map((a) => a.replace(/^connection:/, '')));

  return {
    home,
    services,
    fromEnvironment,
    async requireSecrets(connectionIds) {
      const db = services.ctx.db;
      for (const id of new Set(connectionIds)) {
        if (fromEnvironment.has(id)) continue;
        let secret: string | null;
        try {
          secret = await secrets.get(SECRET_SERVICE, connectionAccount(id));
        } catch (error) {
          throw new UsageError(isAppError(error) ? error.message : keychainUnavailable(error).message);
        }
        if (secret === null) {
          const label = db.connections.get(id)?.label ?? id;
          throw new UsageError(
            `The password or token of "${label}" is not in the keychain. Enter it in SiteSync under Connections, or set the SITESYNC_RM_* and SITESYNC_SP_* variables for this command.`,
          );
        }
      }
    },
    close: () => services.stop(),
  };
}

/** The keychain answers at all (for commands that may need no connection: it must still not be missing or locked). */
export async function requireKeychain(secrets: SecretStore): Promise<void> {
  try {
    await secrets.get(SECRET_SERVICE, DB_PIN_KEY_ACCOUNT);
  } catch (error) {
    throw new UsageError(isAppError(error) ? error.message : keychainUnavailable(error).message);
  }
}

/**
 * Registers (or updates) the Rent Manager and SmartPlus connections the environment describes,
 * with their secrets held in memory for this process only.
 */
function registerEnvironmentConnections(services: AppServices, credentials: CliCredentials, overrides: Map<string, string>): void {
  const { db, log } = services.ctx;
  const rm = credentials.rentManager;
  const rmExisting = db.connections
    .list()
    .find((c) => c.kind === 'rentmanager' && !c.isSandbox && c.companyCode?.toLowerCase() === rm.corp.toLowerCase() && c.locationId === rm.locationId);
  const label = rmExisting?.label ?? `${rm.corp} (location ${rm.locationId})`;
  const rmSaved = db.connections.save({
    ...(rmExisting ? { id: rmExisting.id } : {}),
    kind: 'rentmanager',
    label,
    companyCode: rm.corp,
    locationId: rm.locationId,
    baseUrl: rm.baseUrl,
    authKind: rm.auth.kind === 'partner' ? 'partner-token' : 'api-user',
    username: rm.auth.kind === 'user' ? rm.auth.username : null,
    isSandbox: false,
  });
  db.connections.setStatus(rmSaved.id, 'configured');
  if (!db.connections.listCustomers().some((c) => c.connectionId === rmSaved.id)) db.connections.saveCustomer({ name: label, connectionId: rmSaved.id, isSandbox: false });
  overrides.set(connectionAccount(rmSaved.id), rm.auth.kind === 'partner' ? rm.auth.partnerToken : rm.auth.password);

  const sp = credentials.smartPlus;
  const spExisting = db.connections.list().find((c) => c.kind === 'smartplus' && !c.isSandbox);
  const spSaved = db.connections.save({
    ...(spExisting ? { id: spExisting.id } : {}),
    kind: 'smartplus',
    label: spExisting?.label ?? 'SmartPlus account',
    companyCode: null,
    locationId: null,
    baseUrl: sp.baseUrl,
    authKind: 'smartplus-account',
    username: sp.username,
    isSandbox: false,
  });
  db.connections.setStatus(spSaved.id, 'configured');
  overrides.set(connectionAccount(spSaved.id), sp.password);
  services.ctx.clients.invalidate(rmSaved.id);
  services.ctx.clients.invalidate(spSaved.id);
  log.info('connections from the environment', { rentManager: rmSaved.id, smartPlus: spSaved.id, created: { rentManager: !rmExisting, smartPlus: !spExisting } });
}

/** The connections a run of the site reads: its Rent Manager connection and its SmartPlus account (issue 16: its own, or the default of its side). */
export function connectionsOfSite(services: AppServices, siteId: string): string[] {
  const site = services.ctx.db.sites.get(siteId);
  if (!site?.connectionId) return [];
  let sp: string | null = null;
  try {
    sp = services.ctx.clients.smartPlusAccount(site.connectionId, site.smartPlusAccountId).id;
  } catch {
    // No account: the run itself says how to add one.
  }
  return [site.connectionId, ...(sp ? [sp] : [])];
}
