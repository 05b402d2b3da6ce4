import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Vitest's default on this 2-core machine is one worker (cores - 1). Most suites wait on
    // HTTP, timers and the sandboxes rather than the CPU, so four files at a time overlap those
    // waits; VITEST_MAX_WORKERS (or --maxWorkers) overrides it.
    maxWorkers: 4,
    projects: [
      {
        test: {
          name: 'unit',
          environment: 'node',
          include: ['test/unit/**/*.test.ts', 'test/safety/**/*.test.ts'],
          env: { SITESYNC_SANDBOX_SHAPE: 'tidy' },
          // Whole imports against both sandboxes run beside the E2E tests in npm test: 90 s is for a hang.
          testTimeout: 90_000,
          hookTimeout: 90_000,
        },
      },
      {
        // The client and engine suites again, with both sandboxes answering in the other legal
        // shapes real servers send (issue 13: nulls left out, unknown fields, string numbers, …).
        test: {
          name: 'unit-field',
          environment: 'node',
          include: ['test/unit/smartplus/**/*.test.ts', 'test/unit/rentmanager/**/*.test.ts', 'test/unit/sync/**/*.test.ts'],
          env: { SITESYNC_SANDBOX_SHAPE: 'field' },
          // Whole imports against both sandboxes run beside the E2E tests in npm test: 90 s is for a hang.
          testTimeout: 90_000,
          hookTimeout: 90_000,
        },
      },
      {
        plugins: [react()],
        test: {
          name: 'component',
          environment: 'jsdom',
          // One jsdom per worker instead of one per file (files stay isolated in their own VM
          // context): creating jsdom 33 times was 40 % of this project's time.
          pool: 'vmThreads',
          // Whole screen walks (wizard, billing) typed key by key: seconds each, more on a busy machine.
          testTimeout: 20_000,
          include: ['test/component/**/*.test.{ts,tsx}'],
          setupFiles: ['test/component/setup.ts'],
        },
      },
      {
        test: {
          name: 'keychain',
          environment: 'node',
          include: ['test/keychain/**/*.test.ts'],
          testTimeout: 30_000,
        },
      },
    ],
  },
});
