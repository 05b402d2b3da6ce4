import { defineConfig } from '@playwright/test';

/** The Electron smoke test: Playwright's _electron against the built bundle (.vite/build/main.cjs). */
export default defineConfig({
  testDir: '.',
  testMatch: /electron-smoke\.ts$/,
  workers: 1,
  timeout: 60_000,
  reporter: [['list']],
});
