import { AppError } from '../../src-shared/errors';
import type { ConnectionSummary } from '../../src-shared/domain/connection';
import type { LocalDb } from '../db/local-db';
import type { Logger } from '../logging/logger';
import type { ShapeRecorder } from '../logging/response-shapes';
import { createRentManagerClient, type RentManagerClient } from '../rentmanager/client';
import { connectionAccount, SECRET_SERVICE, type SecretStore } from '../secrets/secret-store';
import type { OnlineState } from '../services/online-state';
import { createSmartPlusClient, type SmartPlusClient } from '../smartplus/client';
import { trackNetwork } from './track-network';

/**
 * Builds API clients from stored connections: settings from the database, the secret from the
 * keychain. Clients are cached per connection (one Rent Manager token per connection, reused)
 * and dropped by `invalidate` when a connection changes.
 */
export interface ConnectionClients {
  /** The Rent Manager client of connection `connectionId`. Throws NOT_FOUND / KEYCHAIN_UNAVAILABLE with a next step. */
  rentManager(connectionId: string): Promise<RentManagerClient>;
  /**
   * The SmartPlus client: account `accountId` when given (a site's account, issue 16), else for
   * a site read from Rent Manager connection `forRentManager` the default account on the same
   * side (sandbox with sandbox, real with real); without either, the real default account when
   * one is configured, else the sandbox's. A sandbox customer is never given a real account
   * and vice versa (BAD_INPUT). Throws NOT_FOUND when there is none.
   */
  smartPlus(forRentManager?: string, accountId?: string | null): Promise<SmartPlusClient>;
  /** The SmartPlus account {@link ConnectionClients.smartPlus} would use, without signing in. */
  smartPlusAccount(forRentManager?: string, accountId?: string | null): ConnectionSummary;
  /** Forgets the cached client of a connection (after an edit or removal). */
  invalidate(connectionId: string): void;
  /** Signs every Rent Manager client out (frees its token slot) — on quit. */
  signOutAll(): Promise<void>;
  /** Applies "maximum requests in flight" to every SmartPlus client, now and later. */
  setMaxRequestsInFlight(max: number): void;
}

/** What {@link createConnectionClients} needs. */
export interface ConnectionClientsDeps {
  db: LocalDb;
  secrets: SecretStore;
  online: OnlineState;
  log: Logger;
  /** The cap on SmartPlus requests in flight (preferences); default 16. */
  maxRequestsInFlight?: number;
  /** Keeps the shape of every answer of every client, for the diagnostics report. */
  shapes?: ShapeRecorder;
}

/**
 * Clients built from stored connections: settings from the database, the secret from the
 * keychain, one cached client (so one Rent Manager token) per connection. A missing secret
 * marks the connection `missing` and says how to fix it.
 */
export function createConnectionClients(deps: ConnectionClientsDeps): ConnectionClients {
  const rentManagers = new Map<string, RentManagerClient>();
  const smartPluses = new Map<string, SmartPlusClient>();
  let maxInFlight = deps.maxRequestsInFlight;

  const secretOf = async (connection: ConnectionSummary): Promise<string> => {
    const secret = await deps.secrets.get(SECRET_SERVICE, connectionAccount(connection.id));
    if (!secret) {
      deps.db.connections.setStatus(connection.id, 'missing');
      throw new AppError('NOT_FOUND', `The password or token of "${connection.label}" is not in the keychain. Enter it again under Connections.`);
    }
    return secret;
  };

  const smartPlusConnection = (forRentManager?: string, accountId?: string | null): ConnectionSummary => {
    const rm = forRentManager ? deps.db.connections.get(forRentManager) : null;
    if (accountId) {
      const account = deps.db.connections.get(accountId);
      if (!account || account.kind !== 'smartplus') {
        throw new AppError('NOT_FOUND', 'The SmartPlus account of this site no longer exists. Add it again under Connections.');
      }
      // A site read from the sandbox's Rent Manager writes to the sandbox's SmartPlus, never to a real account (and vice versa).
      if (rm && rm.isSandbox !== account.isSandbox) {
        throw new AppError('BAD_INPUT', rm.isSandbox
          ? `The sandbox customer can only sync to the sandbox's SmartPlus account, not to "${account.label}". Choose the sandbox account.`
          : `A real customer cannot sync to the sandbox's SmartPlus account. Choose one of your SmartPlus accounts.`);
      }
      return account;
    }
    const wantSandbox = rm ? rm.isSandbox : deps.db.connections.defaultSmartPlus(false) === null;
    const match = deps.db.connections.defaultSmartPlus(wantSandbox);
    if (!match) {
      throw new AppError('NOT_FOUND', 'No SmartPlus account is set up. Add your SmartPlus installer account under Connections.');
    }
    return match;
  };

  return {
    async rentManager(connectionId) {
      const cached = rentManagers.get(connectionId);
      if (cached) return cached;
      const connection = deps.db.connections.get(connectionId);
      if (!connection || connection.kind !== 'rentmanager') {
        throw new AppError('NOT_FOUND', 'This Rent Manager connection no longer exists. Choose another customer under Connections.');
      }
      const secret = await secretOf(connection);
      const client = trackNetwork(
        createRentManagerClient({
          baseUrl: connection.baseUrl,
          corp: connection.companyCode ?? '',
          locationId: connection.locationId ?? 1,
          auth: connection.authKind === 'partner-token' ? { kind: 'partner', partnerToken: secret } : { kind: 'user', username: connection.username ?? '', password: secret },
          logger: deps.log.child('rentmanager'),
          ...(deps.shapes ? { shapes: deps.shapes.sink('rentmanager') } : {}),
        }),
        deps.online,
      );
      rentManagers.set(connectionId, client);
      return client;
    },
    smartPlusAccount: smartPlusConnection,
    async smartPlus(forRentManager, accountId) {
      const connection = smartPlusConnection(forRentManager, accountId);
      const cached = smartPluses.get(connection.id);
      if (cached) return cached;
      const password = await secretOf(connection);
      const client = trackNetwork(
        createSmartPlusClient({
          baseUrl: connection.baseUrl,
          username: connection.username ?? '',
          password,
          logger: deps.log.child('smartplus'),
          ...(maxInFlight ? { maxInFlight } : {}),
          ...(deps.shapes ? { shapes: deps.shapes.sink('smartplus') } : {}),
        }),
        deps.online,
      );
      smartPluses.set(connection.id, client);
      return client;
    },
    invalidate(connectionId) {
      const rm = rentManagers.get(connectionId);
      rentManagers.delete(connectionId);
      smartPluses.delete(connectionId);
      if (rm) void rm.signOut().catch(() => undefined);
    },
    setMaxRequestsInFlight(max) {
      maxInFlight = max;
      for (const client of smartPluses.values()) client.setMaxInFlight(max);
    },
    async signOutAll() {
      const all = [...rentManagers.values()];
      rentManagers.clear();
      smartPluses.clear();
      await Promise.allSettled(all.map((client) => client.signOut()));
    },
  };
}
