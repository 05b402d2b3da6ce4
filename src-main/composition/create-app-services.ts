import path from 'node:path';
import { pauseSkipWhy } from '../../src-shared/domain/site';
import { AppError } from '../../src-shared/errors';
import type { AppContext } from './app-context';
import { createApartmentsService } from '../features/apartments-service';
import { createBackgroundService, type OsTaskControl } from '../features/background-service';
import { createBillingService } from '../features/billing-service';
import { siteUsesSandbox } from '../features/sandbox-hints';
import { createConnectionClients } from '../features/connection-clients';
import { createConnectionsService } from '../features/connections-service';
import { createDeviceSender, createDevicesService } from '../features/devices-service';
import { currentRuntime } from '../features/diagnostics-bundle';
import { createDiagnosticsService, type SaveFolderPort } from '../features/diagnostics-service';
import { type EmbeddedSandbox, startEmbeddedSandbox } from '../features/embedded-sandbox';
import { PRESET_MACS } from '../sandbox/smartplus';
import { DECLINING_TEST_CARD } from '../sandbox/smartplus/routes-billing';
import { createHistoryService } from '../features/history-service';
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
import { readLogTail } from '../logging/log-tail';
import { type ConfirmPort, createIntentChecks } from '../ipc/intent';
import type { Logger } from '../logging/logger';
import { ShapeRecorder } from '../logging/response-shapes';
import { type Clock, systemClock } from '../scheduler/clock';
import { createLightSyncCheck } from '../scheduler/light-sync';
import { Scheduler } from '../scheduler/scheduler';
import { SiteRunGate } from '../scheduler/site-run-gate';
import { SECRET_SERVICE, type SecretStore } from '../secrets/secret-store';
import { SessionOverlaySecretStore } from '../secrets/session-overlay';
import { watchKeychain } from '../services/keychain-watch';
import { StartupNotices } from '../services/startup-notices';
import { markCrashedRunsInterrupted, processLockOwner, SiteRunLocks } from '../scheduler/site-run-lock';
import { DeviceOutbox } from '../services/device-outbox';
import { createExternalRunWatcher, type ExternalRunWatcher } from '../services/external-runs';
import { OnlineState } from '../services/online-state';
import type { PreferencesStore } from '../services/preferences';
import { installOsSchedule, osScheduleStatus, removeOsSchedule } from '../os-schedule/installer';
import { installerEnvironment, nodeInstallerPort } from '../os-schedule/node-port';
import { cliTaskCommand } from '../os-schedule/task-command';
import { rentManagerPort } from '../sync/adapters/rentmanager-port';
import { smartPlusAdoptionPort, smartPlusPort } from '../sync/adapters/smartplus-port';

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
  /** The newest log lines for a diagnostics report; default: the tail of `<userDataDir>/logs` (where main.ts logs). */
  logLines?: (limit: number) => string[];
  /** The folder dialog and file manager of "Save diagnostics" (Electron's in the app, a temp folder in E2E). */
  saveFolder?: SaveFolderPort;
  /** What start-up recovered from (src-main/startup fills it); the shell shows these banners. */
  startupNotices?: StartupNotices;
  /** How often a locked keychain is tried again (default 30 s). */
  keychainRetryMs?: number;
  /**
   * The main-process confirmation for destructive intents (Electron: a native dialog; tests: a
   * double the test answers). Without one, nothing destructive is ever confirmed.
   */
  confirm?: ConfirmPort;
  /** Which front door this is, for the run locks' owner ('app' unless the CLI says so). */
  processKind?: 'app' | 'cli';
  /** How long a run waits for another process's run of the same site before it is refused (default 2 s). */
  lockWaitMs?: number;
  /** `app.isPackaged`: the OS task then runs this executable with --cli; otherwise the CLI through tsx from `appRoot`. */
  isPackaged?: boolean;
  /** The repository root in development (`app.getAppPath()`), for the OS task's command. */
  appRoot?: string;
  /** The OS task control (tests pass a fake; default: the installer over the real OS, on Linux, macOS and Windows). */
  osTask?: OsTaskControl | null;
}

/** The OS task control over this machine's task scheduler (systemd, launchd, Task Scheduler), or null elsewhere. */
function realOsTask(platform: string, now: () => Date): OsTaskControl | null {
  if (platform !== 'linux' && platform !== 'darwin' && platform !== 'win32') return null;
  return {
    install: async (target) => void (await installOsSchedule(nodeInstallerPort, installerEnvironment(process.env, now()), target)),
    remove: async () => void (await removeOsSchedule(nodeInstallerPort, installerEnvironment(process.env, now()))),
    status: (target) => osScheduleStatus(nodeInstallerPort, installerEnvironment(process.env, now()), target),
  };
}

/** The running services: the handler map and event bus that a transport serves, the context, and their lifecycle. */
export interface AppServices {
  handlers: HandlerMap;
  events: EventBus;
  ctx: AppContext;
  /** Manual resyncs with the in-app rules (the tray and the menu call this too). */
  resync: ResyncService;
  /** Every feature service the handlers serve (the CLI calls the same ones: sites, runs, sync). */
  features: HandlerServices;
  /** The embedded sandbox with its test controls, when it runs. */
  sandbox: EmbeddedSandbox | null;
  /** The OS said the network changed (Electron's `online`/`offline`, powerMonitor). */
  reportOsOnline(online: boolean): void;
  /** The machine woke up: make up a missed run once. */
  onWake(): void;
  /** Runs other processes (the CLI, the OS task) finished in the shared database: the host polls it while the window is shown. */
  externalRuns: ExternalRunWatcher;
  /** Whether a light (changed-since) sync of the site is worth running: Rent Manager changed since its last run. */
  lightSyncDue(siteId: string): Promise<boolean>;
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
  // The keychain, plus the sandbox's throw-away sign-ins in memory, so a locked keychain never stops the start.
  const secrets = new SessionOverlaySecretStore(options.secrets);
  const notices = options.startupNotices ?? new StartupNotices(now);
  const db = await openLocalDb(path.join(options.userDataDir, 'sitesync.db'), secrets, now);
  markCrashedRunsInterrupted(db, now());
  // History stays bounded (issue 15): runs older than the kept days go at start, in one transaction.
  const history = createHistoryService({ db, preferences: options.preferences, now, log: log.child('history') });
  history.prune();
  const keychain = await watchKeychain({
    probe: () => db.ensurePinKey(),
    notices,
    platform: options.platform,
    log: log.child('keychain'),
    after: (ms, fn) => {
      const handle = clock.setTimeout(fn, ms);
      return () => clock.clearTimeout(handle);
    },
    ...(options.keychainRetryMs ? { retryMs: options.keychainRetryMs } : {}),
  });
  const online = new OnlineState(true, now);
  // One recorder of answer shapes (never values) for both clients: the diagnostics report reads it.
  const shapes = new ShapeRecorder(now);
  const clients = createConnectionClients({ db, secrets, online, log, shapes, maxRequestsInFlight: options.preferences.get().maxRequestsInFlight });
  const sandbox =
    options.sandbox === 'off'
      ? null
      : await startEmbeddedSandbox({
          dir: path.join(options.userDataDir, 'sandbox'),
          db,
          secrets,
          holdForSession: (account, secret) => secrets.holdForSession(SECRET_SERVICE, account, secret),
          log: log.child('sandbox'),
          ...(options.sandboxAsOf ? { asOf: options.sandboxAsOf } : {}),
          onReset: () => {
            clients.invalidate('sandbox-rentmanager');
            clients.invalidate('sandbox-smartplus');
          },
        });
  const gate = new SiteRunGate<SiteRunMeta>(now);
  const locks = new SiteRunLocks({ repo: db.runLocks, owner: processLockOwner(options.processKind ?? 'app'), ...(options.lockWaitMs !== undefined ? { waitMs: options.lockWaitMs } : {}) });
  const sync = createSiteSyncService({
    db,
    events,
    log,
    now,
    clients,
    gate,
    locks,
    async portsFor(connectionId, smartPlusAccountId) {
      const [rm, sp] = await Promise.all([clients.rentManager(connectionId), clients.smartPlus(connectionId, smartPlusAccountId)]);
      return { rentManager: rentManagerPort(rm), smartPlus: smartPlusPort(sp, { now }), adoption: smartPlusAdoptionPort(sp) };
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
    // A site the installer paused (issue 16): skipped, and the log says why ("skipped: paused — <reason>").
    pausedWhy: (siteId) => pauseSkipWhy(db.sites.pauseOf(siteId)),
    lastRun: (siteId) => {
      const at = db.runs.lastCompletedRunAt(siteId);
      return at ? new Date(at) : null;
    },
    runSite: async (siteId, trigger) => {
      if (trigger === 'light' && !(await lightSyncDue(siteId))) return null;
      try {
        const started = await sync.runSite({ siteId, trigger: trigger === 'light' ? 'scheduled' : trigger });
        return started.done;
      } catch (error) {
        // The OS task or a CLI is running this site right now: its run covers the slot.
        if (error instanceof AppError && error.code === 'RUN_IN_PROGRESS') {
          log.info('scheduled run skipped: another process is running the site', { siteId, trigger });
          return null;
        }
        throw error;
      }
    },
    // The scheduler keeps its own gate (its runs never overlap each other); runSite goes through
    // the site sync service, whose gate is shared with manual runs — sharing one gate here would
    // make a scheduled run join itself.
    logger: log,
  });
  const ctx: AppContext = {
    db,
    secrets,
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
  const resync = createResyncService({ db, log, sync, events, isOnline });
  const runs = createRunsService({ db, log, sync, isOnline });
  const background = createBackgroundService({
    preferences: options.preferences,
    log: log.child('background'),
    hasImportedSite: () => db.sites.listSummaries().length > 0,
    osTask: options.osTask === undefined ? realOsTask(options.platform, now) : options.osTask,
    taskCommand: () =>
      cliTaskCommand({
        isPackaged: options.isPackaged ?? false,
        execPath: process.execPath,
        nodePath: process.env.npm_node_execpath || 'node',
        appRoot: options.appRoot ?? process.cwd(),
      }),
  });
  const services: HandlerServices = {
    apartments: createApartmentsService({ db, log, sync, isOnline }),
    background,
    billing: createBillingService({ db, events, log, now, clients }),
    connections: createConnectionsService({ db, secrets, events, log, now, clients, reportNetwork: ctx.reportNetwork }),
    devices: createDevicesService({ db, clients, log, now, outbox, send: sendDevice, isOnline }),
    diagnostics: createDiagnosticsService({
      runtime: currentRuntime(options.appVersion),
      runs: db.runs,
      shapes: () => shapes.entries(),
      logLines: options.logLines ?? ((limit) => readLogTail(path.join(options.userDataDir, 'logs'), limit)),
      folders: options.saveFolder ?? null,
      log: log.child('diagnostics'),
      now,
    }),
    history,
    overview: createOverviewService({ db, log, now, clients, preferences: options.preferences, sync, isOnline }),
    resync,
    runs,
    settings: createSettingsService({ log, now, preferences: options.preferences, sandbox, sync }),
    sites: createSitesService({ db, log, clients, sync }),
    sync,
  };
  const externalRuns = createExternalRunWatcher({ db, events, now, log: log.child('external-runs') });
  const detachOutbox = outbox.attach();
  const stopOutboxEvents = outbox.onChange((item) => events.emit('devices.outboxChanged', item));
  const stopOnline = online.onChange((change) => events.emit('app.onlineChanged', { online: change.online, since: change.at.toISOString() }));
  let lastSchedule = JSON.stringify(options.preferences.get().schedule);
  const stopSchedule = options.preferences.onChange((prefs) => {
    scheduler.reschedule();
    const schedule = JSON.stringify(prefs.schedule);
    if (schedule !== lastSchedule) void background.scheduleChanged();
    lastSchedule = schedule;
    if (prefs.maxRequestsInFlight) clients.setMaxRequestsInFlight(prefs.maxRequestsInFlight);
  });
  const stopNotices = notices.onChange((list) => events.emit('app.startupNoticesChanged', { notices: list }));
  if (options.schedule ?? true) scheduler.start();

  const handlers = createHandlers(services, {
    log,
    events,
    now,
    isOnline,
    sandbox: sandbox !== null,
    sandboxOnly: () => db.connections.list().every((c) => c.isSandbox),
    siteUsesSandbox: (siteId: string) => siteUsesSandbox({ db, clients }, siteId),
    // Test values only, and only while the sandbox is in use (read from the sandbox itself).
    ...(sandbox !== null
      ? {
          sandboxHints: () => ({
            cards: [
              { number: '4242 4242 4242 4242', outcome: 'Paid (any future expiry, any 3-digit code)' },
              { number: DECLINING_TEST_CARD.replace(/(\d{4})(?=\d)/g, '$1 '), outcome: 'Declined' },
            ],
            macs: [...PRESET_MACS],
          }),
        }
      : {}),
    lastSyncAt: () => runs.lastSyncAt(),
    appVersion: options.appVersion,
    platform: options.platform,
    theme: {
      get: () => options.preferences.get().theme,
      set: (theme) => void options.preferences.update({ theme }),
    },
    startup: { notices, retryKeychain: () => keychain.retry() },
  }, createIntentChecks({ ...(options.confirm ? { confirm: options.confirm } : {}), now }));
  log.info('services started', { userDataDir: options.userDataDir, sandbox: sandbox !== null });

  return {
    handlers,
    events,
    ctx,
    resync,
    features: services,
    sandbox,
    reportOsOnline: (isOnline) => online.reportOs(isOnline),
    onWake: () => scheduler.onWake(),
    externalRuns,
    lightSyncDue,
    async stop() {
      scheduler.stop();
      keychain.stop();
      stopNotices();
      stopSchedule();
      stopOnline();
      stopOutboxEvents();
      detachOutbox();
      for (const run of gate.running()) sync.cancel(run.siteId);
      await Promise.allSettled(gate.running().map((r) => r.promise));
      await clients.signOutAll();
      await sandbox?.close();
      if (options.processKind !== 'cli') externalRuns.close();
      db.close();
      log.info('services stopped');
    },
  };
}
