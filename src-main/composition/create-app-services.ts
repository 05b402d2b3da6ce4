import path from 'node:path';
import { AppError } from '../../src-shared/errors';
import type { AppContext } from './app-context';
import { createApartmentsService } from '../features/apartments-service';
import { createBillingService } from '../features/billing-service';
import { createConnectionClients } from '../features/connection-clients';
import { createConnectionsService } from '../features/connections-service';
import { createDeviceSender, createDevicesService } from '../features/devices-service';
import { type EmbeddedSandbox, startEmbeddedSandbox } from '../features/embedded-sandbox';
import { createOverviewService } from '../features/overview-service';
import { createResyncService, type ResyncService } from '../features/resync-service';
import { createRunsService } from '../features/runs-service';
import { createSettingsService } from '../features/settings-service';
import { createSiteSyncService, type SiteRunMeta } from '../features/site-sync-service';
import { createSitesService } from '../features/sites-service';
import { openLocalDb } from '../db/local-db';
import type { HandlerMap } from '../ipc/dispatch';
import { EventBus } from '../services/event-bus';
import { createHandlers, type HandlerServices } from '../ipc/handlers';
import type { Logger } from '../logging/logger';
import { type Clock, systemClock } from '../scheduler/clock';
import { createLightSyncCheck } from '../scheduler/light-sync';
import { Scheduler } from '../scheduler/scheduler';
import { SiteRunGate } from '../scheduler/site-run-gate';
import type { SecretStore } from '../secrets/secret-store';
import { DeviceOutbox } from '../services/device-outbox';
import { OnlineState } from '../services/online-state';
import type { PreferencesStore } from '../services/preferences';
import { rentManagerPort } from '../sync/adapters/rentmanager-port';
import { smartPlusPort } from '../sync/adapters/smartplus-port';

/** What the host (Electron's main.ts, the E2E test bridge, a benchmark) gives the services. */
export interface AppServicesOptions {
  /** Where the database, sandbox state and logs live (Electron's userData). */
  userDataDir: string;
  appVersion: string;
  platform: string;
  log: Logger;
  /** The OS keychain in the app and in tests (KeyringSecretStore); nothing else holds secrets. */
  secrets: SecretStore;
  /** Preferences (electron-store in the app, a JSON file in tests). */
  preferences: PreferencesStore;
  /** Time and timers (a fake clock in tests). */
  clock?: Clock;
  /** 'auto' (default): run the embedded sandbox; 'off': never start it. */
  sandbox?: 'auto' | 'off';
  /** The sandbox portfolio's "today" (tests pin it). */
  sandboxAsOf?: string;
  /** Whether the scheduler runs (the app: yes; tests: usually no). */
  schedule?: boolean;
}

/** The running services: the handler map and event bus that a transport serves, the context, and their lifecycle. */
export interface AppServices {
  handlers: HandlerMap;
  events: EventBus;
  ctx: AppContext;
  /** Manual resyncs with the in-app rules (the tray and the menu call this too). */
  resync: ResyncService;
  /** The embedded sandbox with its test controls, when it runs. */
  sandbox: EmbeddedSandbox | null;
  /** The OS said the network changed (Electron's `online`/`offline`, powerMonitor). */
  reportOsOnline(online: boolean): void;
  /** The machine woke up: make up a missed run once. */
  onWake(): void;
  stop(): Promise<void>;
}

/**
 * The composition root of everything below Electron: builds every service once and wires the
 * transport-free handler map. main.ts, the E2E bridge and the benchmarks all call this, so the
 * tests exercise exactly what the app runs.
 */
export async function createAppServices(options: AppServicesOptions): Promise<AppServices> {
  const clock = options.clock ?? systemClock;
  const now = () => clock.now();
  const log = options.log;
  const events = new EventBus();
  const db = await openLocalDb(path.join(options.userDataDir, 'sitesync.db'), options.secrets, now);
  db.runs.markInterrupted(now().toISOString());
  const online = new OnlineState(true, now);
  const clients = createConnectionClients({ db, secrets: options.secrets, online, log });
  const sandbox =
    options.sandbox === 'off'
      ? null
      : await startEmbeddedSandbox({
          dir: path.join(options.userDataDir, 'sandbox'),
          db,
          secrets: options.secrets,
          log: log.child('sandbox'),
          ...(options.sandboxAsOf ? { asOf: options.sandboxAsOf } : {}),
          onReset: () => {
            clients.invalidate('sandbox-rentmanager');
            clients.invalidate('sandbox-smartplus');
          },
        });
  const gate = new SiteRunGate<SiteRunMeta>(now);
  const sync = createSiteSyncService({
    db,
    events,
    log,
    now,
    clients,
    gate,
    async portsFor(connectionId) {
      const [rm, sp] = await Promise.all([clients.rentManager(connectionId), clients.smartPlus(connectionId)]);
      return { rentManager: rentManagerPort(rm), smartPlus: smartPlusPort(sp, { now }) };
    },
  });
  const sendDevice = createDeviceSender({ db, clients });
  const outbox = new DeviceOutbox({
    repo: db.outbox,
    addDevice: sendDevice,
    online,
    macInUse: (mac) => db.devices.macInUse(mac),
    logger: log,
  });
  const lightSyncDue = createLightSyncCheck({ db, log, rentManager: (connectionId) => clients.rentManager(connectionId) });
  const scheduler = new Scheduler({
    clock,
    schedule: () => options.preferences.get().schedule,
    // A site paused after an undo (issue 15) waits until the installer resumes it.
    sites: () => db.sites.listSummaries().filter((s) => db.sites.schedulePausedAt(s.id) === null).map((s) => s.id),
    lastRun: (siteId) => {
      const at = db.runs.lastCompletedRunAt(siteId);
      return at ? new Date(at) : null;
    },
    runSite: async (siteId, trigger) => {
      if (trigger === 'light' && !(await lightSyncDue(siteId))) return null;
      const started = await sync.runSite({ siteId, trigger: trigger === 'light' ? 'scheduled' : trigger });
      return started.done;
    },
    // The scheduler keeps its own gate (its runs never overlap each other); runSite goes through
    // the site sync service, whose gate is shared with manual runs — sharing one gate here would
    // make a scheduled run join itself.
    logger: log,
  });
  const ctx: AppContext = {
    db,
    secrets: options.secrets,
    events,
    log,
    now,
    clients,
    sync,
    sandbox,
    preferences: options.preferences,
    online,
    outbox,
    scheduler,
    isOnline: () => online.online,
    reportNetwork: (ok) => (ok ? online.reportRequestSucceeded() : online.reportRequestFailed(new AppError('OFFLINE', 'A request found no network.'))),
  };
  const isOnline = ctx.isOnline;
  const resync = createResyncService({ db, log, sync, isOnline });
  const runs = createRunsService({ db, log, sync, isOnline });
  const services: HandlerServices = {
    apartments: createApartmentsService({ db, log, sync, isOnline }),
    billing: createBillingService({ db, events, log, now, clients }),
    connections: createConnectionsService({ db, secrets: options.secrets, events, log, now, clients, reportNetwork: ctx.reportNetwork }),
    devices: createDevicesService({ db, clients, log, now, outbox, send: sendDevice, isOnline }),
    overview: createOverviewService({ db, log, now, clients, preferences: options.preferences, sync, isOnline }),
    resync,
    runs,
    settings: createSettingsService({ log, now, preferences: options.preferences, sandbox, sync }),
    sites: createSitesService({ db, log, clients, sync }),
    sync,
  };
  const detachOutbox = outbox.attach();
  const stopOutboxEvents = outbox.onChange((item) => events.emit('devices.outboxChanged', item));
  const stopOnline = online.onChange((change) => events.emit('app.onlineChanged', { online: change.online, since: change.at.toISOString() }));
  const stopSchedule = options.preferences.onChange(() => scheduler.reschedule());
  if (options.schedule ?? true) scheduler.start();

  const handlers = createHandlers(services, {
    log,
    events,
    now,
    isOnline,
    sandbox: sandbox !== null,
    lastSyncAt: () => runs.lastSyncAt(),
    appVersion: options.appVersion,
    platform: options.platform,
    theme: {
      get: () => options.preferences.get().theme,
      set: (theme) => void options.preferences.update({ theme }),
    },
  });
  log.info('services started', { userDataDir: options.userDataDir, sandbox: sandbox !== null });

  return {
    handlers,
    events,
    ctx,
    resync,
    sandbox,
    reportOsOnline: (isOnline) => online.reportOs(isOnline),
    onWake: () => scheduler.onWake(),
    async stop() {
      scheduler.stop();
      stopSchedule();
      stopOnline();
      stopOutboxEvents();
      detachOutbox();
      for (const run of gate.running()) sync.cancel(run.siteId);
      await Promise.allSettled(gate.running().map((r) => r.promise));
      await clients.signOutAll();
      await sandbox?.close();
      db.close();
      log.info('services stopped');
    },
  };
}
