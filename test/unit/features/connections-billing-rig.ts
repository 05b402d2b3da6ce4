import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createBillingService, type BillingServiceDeps } from '../../../src-main/features/billing-service';
import type { ConnectionClients } from '../../../src-main/features/connection-clients';
import { createConnectionsService, type ConnectionsServiceDeps } from '../../../src-main/features/connections-service';
import { openDatabase } from '../../../src-main/db/database';
import { localDbOver, type LocalDb } from '../../../src-main/db/local-db';
import { dispatch, type HandlerMap } from '../../../src-main/ipc/dispatch';
import { EventBus } from '../../../src-main/services/event-bus';
import { createBillingHandlers } from '../../../src-main/ipc/handlers/billing-handlers';
import { createConnectionsHandlers } from '../../../src-main/ipc/handlers/connections-handlers';
import { createLogger, memorySink } from '../../../src-main/logging/logger';
import { startRentManagerSandbox, type RentManagerSandbox } from '../../../src-main/sandbox/rentmanager/server';
import { startSmartPlusSandbox, type SmartPlusSandbox } from '../../../src-main/sandbox/smartplus';
import { connectionAccount, SECRET_SERVICE } from '../../../src-main/secrets/secret-store';
import { EphemeralSecretStore } from '../../../src-main/secrets/ephemeral-secret-store';
import { createSmartPlusClient, type SmartPlusClient } from '../../../src-main/smartplus/client';
import { AppError } from '../../../src-shared/errors';
import type { Envelope } from '../../../src-shared/ipc/contract';

/** Both real sandboxes, a real database in a temp folder, memory keychain, and the connections + billing handlers served through dispatch. */
export interface Rig {
  rm: RentManagerSandbox;
  sp: SmartPlusSandbox;
  db: LocalDb;
  secrets: EphemeralSecretStore;
  /** What the connections and billing services were built from. */
  deps: ConnectionsServiceDeps & BillingServiceDeps;
  logLines: string[];
  events: { event: string; payload: unknown }[];
  /** Every envelope a call returned, as JSON (the IPC responses). */
  responses: string[];
  online: () => boolean;
  /** Calls a channel through the real dispatch (input parsing, output checking, envelope). */
  call(channel: string, input?: unknown): Promise<Envelope>;
  /** Saves the SmartPlus sandbox account as a connection (what the app's sandbox set-up does). */
  addSmartPlusAccount(): Promise<string>;
  /** Every row of every table, as JSON. */
  dumpDatabase(): string;
  close(): Promise<void>;
}

/** Starts the rig. */
export async function startRig(): Promise<Rig> {
  const rm = await startRentManagerSandbox({ seed: { units: 5 } });
  const sp = await startSmartPlusSandbox();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sitesync-features-'));
  const secrets = new EphemeralSecretStore();
  const raw = openDatabase(path.join(dir, 'sitesync.db'));
  const db = await localDbOver(raw, secrets);
  const sink = memorySink();
  const log = createLogger(sink, { level: 'debug' });
  const bus = new EventBus();
  const events: Rig['events'] = [];
  bus.subscribe((event, payload) => events.push({ event, payload }));
  let online = true;
  const cache = new Map<string, SmartPlusClient>();
  const clients: ConnectionClients = {
    rentManager: async () => {
      throw new AppError('INTERNAL', 'not used by these tests');
    },
    smartPlusAccount: (_rm, accountId) => {
      const conn = db.connections.list().find((c) => c.kind === 'smartplus' && (!accountId || c.id === accountId));
      if (!conn) throw new AppError('NOT_FOUND', 'No SmartPlus account is set up.');
      return conn;
    },
    smartPlus: async (_rm, accountId) => {
      const conn = clients.smartPlusAccount(undefined, accountId);
      const cached = cache.get(conn.id);
      if (cached) return cached;
      const password = (await secrets.get(SECRET_SERVICE, connectionAccount(conn.id))) ?? '';
      const client = createSmartPlusClient({ baseUrl: conn.baseUrl, username: conn.username ?? '', password, timeoutMs: 2000, retries: 1, logger: log.child('smartplus') });
      cache.set(conn.id, client);
      return client;
    },
    invalidate: (id) => void cache.delete(id),
    signOutAll: async () => undefined,
    setMaxRequestsInFlight: () => undefined,
  };
  const deps: Rig['deps'] = {
    db,
    secrets,
    events: bus,
    log,
    now: () => new Date(),
    clients,
    reportNetwork: (ok: boolean) => void (online = ok),
  };
  const handlers = { ...createConnectionsHandlers(createConnectionsService(deps)), ...createBillingHandlers(createBillingService(deps)) } as unknown as HandlerMap;
  const responses: string[] = [];
  return {
    rm,
    sp,
    db,
    secrets,
    deps,
    logLines: sink.lines,
    events,
    responses,
    online: () => online,
    async call(channel, input) {
      const envelope = await dispatch(handlers, channel, input, log);
      responses.push(JSON.stringify(envelope));
      return envelope;
    },
    async addSmartPlusAccount() {
      const envelope = await dispatch(handlers, 'connections.saveSmartPlus', { baseUrl: sp.url, username: sp.username, password: sp.password }, log);
      if (!envelope.ok) throw new Error(envelope.error.message);
      return (envelope.value as { id: string }).id;
    },
    dumpDatabase() {
      const tables = raw.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[];
      return JSON.stringify(tables.map((t) => raw.prepare(`SELECT * FROM "${t.name}"`).all()));
    },
    async close() {
      db.close();
      await rm.close();
      await sp.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The value of an ok envelope (fails the test on an error envelope). */
export function valueOf<T = unknown>(envelope: Envelope): T {
  if (!envelope.ok) throw new Error(`expected ok, got ${envelope.error.code}: ${envelope.error.message}`);
  return envelope.value as T;
}

/** The error of an error envelope (fails the test on an ok envelope). */
export function errorOf(envelope: Envelope): { code: string; message: string; details?: Record<string, unknown> } {
  if (envelope.ok) throw new Error('expected an error envelope');
  return envelope.error;
}
