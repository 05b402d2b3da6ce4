import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test as base, type Page } from '@playwright/test';
import { type AppServices, createAppServices } from '../../src-main/composition/create-app-services';
import { createLogger, memorySink } from '../../src-main/logging/logger';
import { KeyringSecretStore } from '../../src-main/secrets/keyring-secret-store';
import type { SecretStore } from '../../src-main/secrets/secret-store';
import { JsonFilePreferencesStore } from '../../src-main/services/preferences';
import { startTestBridge, type TestBridge } from './bridge/test-bridge';
import { tempSaveFolder, type TempSaveFolder } from './bridge/temp-save-folder';
import { ConfirmDouble } from '../support/confirm-double';

/** The built renderer (npm run build) that the packaged app also loads. */
export const RENDERER_DIR = path.resolve(import.meta.dirname, '../../.vite/renderer/main_window');
/** Where E2E runs save screenshots for people to look at. */
export const SCREENSHOT_DIR = path.resolve(import.meta.dirname, 'screenshots');

/** A running app: real services behind the loopback bridge, with its log lines for assertions. */
export interface RunningApp {
  services: AppServices;
  /** The main-process confirmation dialog, answered by the test (default: confirm). */
  confirm: ConfirmDouble;
  bridge: TestBridge;
  logLines: string[];
  userDataDir: string;
  /** Where "Save diagnostics" saves (the bridge's stand-in for the folder dialog). */
  saveFolder: TempSaveFolder;
}

/**
 * Starts the real services — the OS keychain (npm test runs E2E inside scripts/with-keyring.sh),
 * SQLite, both sandboxes on loopback — and the bridge, in a fresh user-data folder.
 */
export async function startApp(options: { sandboxAsOf?: string } = {}): Promise<RunningApp> {
  if (!fs.existsSync(path.join(RENDERER_DIR, 'index.html'))) {
    throw new Error(`No built renderer at ${RENDERER_DIR}: run "npm run build" first.`);
  }
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sitesync-e2e-'));
  const sink = memorySink();
  const log = createLogger(sink, { level: 'debug' });
  const saveFolder = tempSaveFolder();
  const confirm = new ConfirmDouble();
  const services = await createAppServices({
    confirm: confirm.port,
    userDataDir,
    appVersion: '0.0.0-e2e',
    platform: process.platform,
    log,
    secrets: workerKeychain(),
    preferences: new JsonFilePreferencesStore(path.join(userDataDir, 'preferences.json'), log),
    schedule: false,
    logLines: (limit) => sink.lines.slice(-limit),
    saveFolder,
    ...(options.sandboxAsOf ? { sandboxAsOf: options.sandboxAsOf } : {}),
  });
  const bridge = await startTestBridge({ rendererDir: RENDERER_DIR, handlers: services.handlers, events: services.events });
  return { services, confirm, bridge, logLines: sink.lines, userDataDir, saveFolder };
}

/**
 * The real OS keychain, with each Playwright worker's entries under its own service name: two
 * workers run two apps at once, and the database key and the sandbox connections' secrets have
 * fixed account names that would otherwise be overwritten by the other worker's app.
 */
function workerKeychain(): SecretStore {
  const keychain = new KeyringSecretStore();
  const worker = process.env.TEST_WORKER_INDEX ?? '0';
  const service = (name: string) => `${name} (e2e worker ${worker})`;
  return {
    get: (name, account) => keychain.get(service(name), account),
    set: (name, account, secret) => keychain.set(service(name), account, secret),
    delete: (name, account) => keychain.delete(service(name), account),
  };
}

/** Stops what {@link startApp} started and removes its folder. */
export async function stopApp(app: RunningApp): Promise<void> {
  await app.bridge.close();
  await app.services.stop();
  fs.rmSync(app.userDataDir, { recursive: true, force: true });
  fs.rmSync(app.saveFolder.dir, { recursive: true, force: true });
}

/** Opens the app's window in a page: the bridge script first, then the renderer. */
export async function openApp(page: Page, app: RunningApp, colorScheme: 'light' | 'dark' = 'light'): Promise<void> {
  await page.emulateMedia({ colorScheme });
  await page.addInitScript(app.bridge.initScript);
  await page.goto(app.bridge.url);
}

/** Saves a screenshot under test/e2e/screenshots/<name>.png. */
export async function screenshot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`) });
}

/** The app of the test file running in this worker (one worker runs the files one after another). */
interface AppPool {
  current: RunningApp | null;
  file: string | null;
}

/**
 * A test with a running app. Tests of one file share one app (a file's tests build on each
 * other's state, in order); each file gets a fresh one, so no file sees another's sites.
 */
export const test = base.extend<{ app: RunningApp }, { appPool: AppPool }>({
  appPool: [
    // Playwright requires an object pattern for a fixture's first argument.
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const pool: AppPool = { current: null, file: null };
      await use(pool);
      if (pool.current) await stopApp(pool.current);
    },
    { scope: 'worker' },
  ],
  app: async ({ appPool }, use, testInfo) => {
    if (appPool.file !== testInfo.file) {
      if (appPool.current) await stopApp(appPool.current);
      appPool.current = null;
      appPool.current = await startApp();
      appPool.file = testInfo.file;
    }
    await use(appPool.current!);
  },
});

export { expect } from '@playwright/test';
