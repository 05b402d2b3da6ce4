import { defineConfig } from '@playwright/test';

/** Debian's Chromium; Playwright's own browsers are never downloaded (toolchain.md). */
export const CHROMIUM_PATH = process.env.SITESYNC_CHROMIUM ?? '/usr/bin/chromium';

export default defineConfig({
  testDir: '.',
  testMatch: /.*\.e2e\.ts$/,
  // Files run in parallel on two workers, each with its own app (fixtures.ts: own user-data
  // folder, sandboxes on their own ports, own keychain service); a file's tests stay in order.
  fullyParallel: false,
  workers: 2,
  retries: 0,
  // The longest walks (import, pause, resync, screenshots light and dark with axe) take 30–50 s on
  // two busy cores; the limit is for a hang, not a slow machine.
  timeout: 120_000,
  reporter: process.env.CI ? [['list']] : [['list']],
  use: {
    headless: true,
    viewport: { width: 1280, height: 800 },
    launchOptions: {
      executablePath: CHROMIUM_PATH,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-dev-shm-usage',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--disable-quic',
        '--no-first-run',
      ],
    },
    trace: 'off',
  },
});
