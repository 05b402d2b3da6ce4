import { createHandlers } from '../ipc/handlers';
import type { HandlerMap } from '../ipc/dispatch';
import { EventBus } from '../ipc/events';
import type { Logger } from '../logging/logger';

/** What the host (Electron's main.ts, or the E2E test bridge) gives the services. */
export interface AppServicesOptions {
  /** Where the database, sandbox state and logs live (Electron's userData). */
  userDataDir: string;
  appVersion: string;
  platform: string;
  log: Logger;
  /** Preferences persistence (electron-store in the app, a JSON file in tests). */
  theme: { get(): 'system' | 'light' | 'dark'; set(theme: 'system' | 'light' | 'dark'): void };
  now?: () => Date;
}

/** The running services: the handler map and event bus that a transport serves, and their lifecycle. */
export interface AppServices {
  handlers: HandlerMap;
  events: EventBus;
  start(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * The composition root of everything below Electron: builds every service once and wires the
 * transport-free handler map. main.ts and the E2E bridge both call this, so the tests exercise
 * exactly what the app runs.
 */
export function createAppServices(options: AppServicesOptions): AppServices {
  const events = new EventBus();
  const log = options.log;
  const handlers = createHandlers({
    events,
    log,
    now: options.now,
    info: async () => ({
      name: 'SiteSync',
      version: options.appVersion,
      platform: options.platform,
      sandbox: true,
      online: true,
      lastSyncAt: null,
      theme: options.theme.get(),
    }),
    setTheme: async (theme) => options.theme.set(theme),
  });
  return {
    handlers,
    events,
    async start() {
      log.info('services started', { userDataDir: options.userDataDir });
    },
    async stop() {
      log.info('services stopped');
    },
  };
}
