import type { ConnectionSummary } from '../../src-shared/domain/connection';
import { rentManagerBaseUrl, type RmConnectionSettings } from '../../src-shared/domain/rentmanager-connection';
import { AppError, isAppError } from '../../src-shared/errors';
import type {
  AccountCommunity,
  ConnectionListItem,
  ConnectionTestResult,
  RmLocationsRequest,
  SaveRentManager,
  SaveSmartPlus,
} from '../../src-shared/ipc/contract/connections';
import type { LocalDb } from '../db/local-db';
import type { Logger } from '../logging/logger';
import type { SecretStore } from '../secrets/secret-store';
import type { EventBus } from '../services/event-bus';
import type { ConnectionClients } from './connection-clients';
import { testRentManagerConnection } from '../rentmanager/test-connection';
import { ConnectionStore } from './connection-store';
import { createSmartPlusClient } from '../smartplus/client';
import { smartPlusAdoptionPort } from '../sync/adapters/smartplus-port';
import { assertSecretReusable, bindingOf, type SecretBinding } from './secret-reuse';

/** The Connections screen's operations (spec §15, issue 7): secrets go in, only summaries and test results come out. */
export interface ConnectionsService {
  list(): Promise<ConnectionListItem[]>;
  saveRentManager(input: SaveRentManager): Promise<ConnectionListItem>;
  saveSmartPlus(input: SaveSmartPlus): Promise<ConnectionListItem>;
  /** Signs in with typed (or saved) credentials and lists the locations, without saving anything. */
  locations(input: RmLocationsRequest): Promise<ConnectionTestResult>;
  /** Signs in with a saved connection; a refused secret marks it `rejected`, a working one `configured`. */
  test(id: string): Promise<ConnectionTestResult>;
  /** Removes a connection; a SmartPlus account that sites sync to is refused, naming them (issue 16). */
  remove(id: string): Promise<boolean>;
  /** The communities of one SmartPlus account, each with the SiteSync site made of it, if any (issue 16). */
  listCommunities(accountId: string): Promise<AccountCommunity[]>;
}

const SP_NEXT_STEPS: Record<string, string> = {
  SP_UNAUTHORIZED: 'Check the SmartPlus user name and password, then save them again.',
  SP_FORBIDDEN: 'Ask your Akuvox distributor for installer rights on this account.',
  OFFLINE: 'Check the network connection and the server address, then test again.',
  SP_UNAVAILABLE: 'SmartPlus Cloud is not answering; try again in a few minutes.',
  SP_RATE_LIMITED: 'SmartPlus is busy; try again in a minute.',
};

/** Turns any sign-in failure into what happened and the next step (nothing secret: errors never carry the request body). */
function failureOf(error: unknown, nextSteps: Record<string, string>): { code: string; message: string; nextStep: string } {
  if (isAppError(error)) {
    const fromDetails = typeof error.details?.nextStep === 'string' ? error.details.nextStep : undefined;
    return { code: error.code, message: error.message, nextStep: fromDetails ?? nextSteps[error.code] ?? 'Check the details, then test again.' };
  }
  return { code: 'INTERNAL', message: 'The sign-in failed unexpectedly.', nextStep: 'Try again; if it happens again, send the log file to support.' };
}

/** What {@link createConnectionsService} needs. */
export interface ConnectionsServiceDeps {
  readonly db: LocalDb;
  readonly secrets: SecretStore;
  readonly events: EventBus;
  readonly log: Logger;
  readonly now: () => Date;
  readonly clients: Pick<ConnectionClients, 'invalidate' | 'smartPlus' | 'smartPlusAccount'>;
  /** Reports the outcome of a network call, so the online state follows reality. */
  reportNetwork(ok: boolean): void;
}

/** Builds the Connections service (keychain for secrets, database for settings). */
export function createConnectionsService(deps: ConnectionsServiceDeps): ConnectionsService {
  const service = new ConnectionStore(deps.db.connections, deps.secrets);
  const log = deps.log.child('connections');

  /** The sites that read from a Rent Manager connection or sync to a SmartPlus account (a site without one: the default of its side). */
  function sitesOf(summary: ConnectionSummary): { id: string; name: string; communityId: string | null }[] {
    const sites = deps.db.sites.listSummaries();
    if (summary.kind === 'rentmanager') return sites.filter((s) => s.connectionId === summary.id);
    return sites.filter((s) => {
      if (s.smartPlusAccountId) return s.smartPlusAccountId === summary.id;
      try {
        return deps.clients.smartPlusAccount(s.connectionId ?? undefined).id === summary.id;
      } catch {
        return false;
      }
    });
  }

  function withSiteCount(summary: ConnectionSummary): ConnectionListItem {
    return { ...summary, siteCount: sitesOf(summary).length };
  }

  /** Two SmartPlus accounts never share a label (case and spaces ignored): screens and the CLI name accounts by it. */
  function assertLabelFree(label: string, ownId: string | null): void {
    const key = label.trim().toLowerCase();
    const taken = deps.db.connections.list().find((c) => c.kind === 'smartplus' && c.id !== ownId && c.label.trim().toLowerCase() === key);
    if (taken) throw new AppError('BAD_INPUT', `A SmartPlus account is already called "${taken.label}". Give this account another name, such as its region or company.`);
  }

  function editable(id: string | undefined): ConnectionSummary | null {
    if (!id) return null;
    const existing = deps.db.connections.get(id);
    if (!existing) throw new AppError('NOT_FOUND', 'This connection no longer exists.', { details: { nextStep: 'Close the form and add it again.' } });
    if (existing.isSandbox) throw new AppError('BAD_INPUT', 'The sandbox connection is built in and cannot be changed here. Settings → Reset sandbox restores it.');
    return existing;
  }

  /** Where a Rent Manager request would send the secret: the binding a saved secret must match to be reused. */
  function rmBinding(request: RmLocationsRequest, locationId: number | null): SecretBinding {
    return {
      authKind: request.signIn.kind,
      baseUrl: rentManagerBaseUrl(request),
      companyCode: request.companyCode,
      locationId,
      username: request.signIn.kind === 'api-user' ? request.signIn.username : null,
    };
  }

  /**
   * The typed secret, or the saved one when nothing it was saved for changed (server, company,
   * location, user, sign-in method — secret-reuse.ts); BAD_INPUT when it must be typed.
   */
  async function secretOf(request: RmLocationsRequest, existing: ConnectionSummary | null, locationId: number | null): Promise<string> {
    const typed = request.signIn.kind === 'api-user' ? request.signIn.password : request.signIn.partnerToken;
    if (typed !== undefined) return typed;
    const what = request.signIn.kind === 'api-user' ? 'password' : 'partner token';
    if (existing && existing.authKind === request.signIn.kind) {
      assertSecretReusable(bindingOf(existing), rmBinding(request, locationId), what);
      const saved = await service.secretFor(existing.id);
      if (saved) return saved;
    }
    throw new AppError('BAD_INPUT', request.signIn.kind === 'api-user' ? 'Enter the password.' : 'Enter the partner token.');
  }

  function rmSettings(request: RmLocationsRequest, secret: string, locationId: number): RmConnectionSettings {
    const auth = request.signIn.kind === 'api-user' ? { kind: 'user' as const, username: request.signIn.username, password: secret } : { kind: 'partner' as const, partnerToken: secret };
    return { companyCode: request.companyCode, locationId, auth, ...(request.baseUrl ? { baseUrl: request.baseUrl } : {}) };
  }

  async function signInRentManager(settings: RmConnectionSettings): Promise<ConnectionTestResult> {
    const testedAt = deps.now().toISOString();
    try {
      const result = await testRentManagerConnection(settings, { logger: log });
      deps.reportNetwork(!(result.ok === false && result.error.code === 'OFFLINE'));
      if (result.ok) return { ok: true, testedAt, locations: result.locations, accountName: null };
      return { ok: false, testedAt, failure: { code: result.error.code, message: result.error.message, nextStep: result.error.nextStep } };
    } catch (error) {
      return { ok: false, testedAt, failure: failureOf(error, {}) };
    }
  }

  function emit(id: string, change: 'saved' | 'removed' | 'status'): void {
    deps.events.emit('connections.changed', { id, change });
  }

  return {
    async list() {
      return (await service.list()).map(withSiteCount);
    },

    async locations(request) {
      const existing = editable(request.id);
      const secret = await secretOf(request, existing, existing?.locationId ?? null);
      return signInRentManager(rmSettings(request, secret, existing?.locationId ?? 1));
    },

    async saveRentManager(input) {
      const existing = editable(input.id);
      const typed = input.signIn.kind === 'api-user' ? input.signIn.password : input.signIn.partnerToken;
      if (typed === undefined) await secretOf(input, existing, input.locationId);
      const saved = await service.save({
        ...(existing ? { id: existing.id } : {}),
        kind: 'rentmanager',
        label: input.label,
        companyCode: input.companyCode,
        locationId: input.locationId,
        baseUrl: rentManagerBaseUrl(input),
        authKind: input.signIn.kind,
        username: input.signIn.kind === 'api-user' ? input.signIn.username : null,
        isSandbox: false,
        ...(typed !== undefined ? { secret: typed } : {}),
      });
      const customer = deps.db.connections.listCustomers().find((c) => c.connectionId === saved.id);
      deps.db.connections.saveCustomer({ ...(customer ? { id: customer.id } : {}), name: input.label, connectionId: saved.id, isSandbox: false });
      deps.clients.invalidate(saved.id);
      log.info('Rent Manager connection saved', { id: saved.id, companyCode: saved.companyCode, locationId: saved.locationId, secretChanged: typed !== undefined });
      emit(saved.id, 'saved');
      return withSiteCount(saved);
    },

    async saveSmartPlus(input) {
      // Without an id (and not "Add another account") the form edits the only real account, as before accounts were many.
      const existing = editable(input.id) ?? (input.newAccount ? null : deps.db.connections.defaultSmartPlus(false));
      const label = input.label ?? existing?.label ?? 'SmartPlus account';
      assertLabelFree(label, existing?.id ?? null);
      if (input.password === undefined && !existing) throw new AppError('BAD_INPUT', 'Enter the password.');
      if (input.password === undefined && existing) {
        const requested: SecretBinding = { authKind: 'smartplus-account', baseUrl: input.baseUrl, companyCode: null, locationId: null, username: input.username };
        assertSecretReusable(bindingOf(existing), requested, 'password');
      }
      const saved = await service.save({
        ...(existing ? { id: existing.id } : {}),
        kind: 'smartplus',
        label,
        companyCode: null,
        locationId: null,
        baseUrl: input.baseUrl,
        authKind: 'smartplus-account',
        username: input.username,
        isSandbox: false,
        ...(input.password !== undefined ? { secret: input.password } : {}),
      });
      deps.clients.invalidate(saved.id);
      log.info('SmartPlus account saved', { id: saved.id, secretChanged: input.password !== undefined });
      emit(saved.id, 'saved');
      return withSiteCount(saved);
    },

    async test(id) {
      const connection = deps.db.connections.get(id);
      if (!connection) throw new AppError('NOT_FOUND', 'This connection no longer exists.');
      const testedAt = deps.now().toISOString();
      const secret = await service.secretFor(id);
      if (!secret) {
        return { ok: false, testedAt, failure: { code: 'MISSING_SECRET', message: 'No password or token is saved for this connection.', nextStep: 'Edit the connection and enter it again.' } };
      }
      let result: ConnectionTestResult;
      if (connection.kind === 'rentmanager') {
        const signIn = connection.authKind === 'partner-token' ? ({ kind: 'partner-token', partnerToken: secret } as const) : ({ kind: 'api-user', username: connection.username ?? '', password: secret } as const);
        const request: RmLocationsRequest = { companyCode: connection.companyCode ?? '', baseUrl: connection.baseUrl, signIn };
        result = await signInRentManager(rmSettings(request, secret, connection.locationId ?? 1));
      } else {
        const client = createSmartPlusClient({ baseUrl: connection.baseUrl, username: connection.username ?? '', password: secret, timeoutMs: 15_000, retries: 1, logger: log });
        try {
          const account = await client.account();
          deps.reportNetwork(true);
          result = { ok: true, testedAt, locations: [], accountName: account.name };
        } catch (error) {
          if (isAppError(error) && error.code === 'OFFLINE') deps.reportNetwork(false);
          result = { ok: false, testedAt, failure: failureOf(error, SP_NEXT_STEPS) };
        }
      }
      const rejected = !result.ok && (result.failure.code === 'RM_UNAUTHORIZED' || result.failure.code === 'SP_UNAUTHORIZED');
      const status = rejected ? 'rejected' : result.ok ? 'configured' : connection.status;
      if (status !== connection.status) {
        deps.db.connections.setStatus(id, status);
        deps.clients.invalidate(id);
        emit(id, 'status');
      }
      log.info('connection tested', { id, ok: result.ok, code: result.ok ? null : result.failure.code });
      return result;
    },

    async remove(id) {
      const existing = editable(id);
      if (!existing) return false;
      if (existing.kind === 'smartplus') {
        const using = sitesOf(existing);
        if (using.length > 0) {
          const names = using.map((s) => `"${s.name}"`);
          const listed = names.length > 3 ? `${names.slice(0, 3).join(', ')} and ${names.length - 3} more` : names.join(', ');
          throw new AppError('BAD_INPUT', `"${existing.label}" cannot be removed: ${using.length === 1 ? 'site' : 'sites'} ${listed} ${using.length === 1 ? 'syncs' : 'sync'} to it. Remove those sites first.`, {
            details: { nextStep: 'Remove the sites under Settings, then remove the account.', sites: using.map((s) => s.name) },
          });
        }
      }
      deps.db.connections.deleteCustomersOf(id);
      const removed = await service.remove(id);
      deps.clients.invalidate(id);
      log.info('connection removed', { id });
      emit(id, 'removed');
      return removed;
    },

    async listCommunities(accountId) {
      const account = deps.clients.smartPlusAccount(undefined, accountId);
      const client = await deps.clients.smartPlus(undefined, account.id);
      const communities = await smartPlusAdoptionPort(client).listCommunities();
      deps.reportNetwork(true);
      const sites = sitesOf(account);
      return communities
        .map((c) => ({ id: c.id, name: c.name, siteName: sites.find((s) => s.communityId === c.id)?.name ?? null }))
        .sort((a, b) => a.name.localeCompare(b.name, 'en', { numeric: true, sensitivity: 'base' }));
    },
  };
}
