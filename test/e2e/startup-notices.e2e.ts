import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { PreferencesSchema } from '../../src-shared/domain/preferences';
import { createLogger, memorySink } from '../../src-main/logging/logger';
import { JsonFilePreferencesStore } from '../../src-main/services/preferences';
import { startApp } from '../../src-main/startup/start-app';
import { LockableKeychain } from '../safety/helpers/startup-rig';
import { startTestBridge } from './bridge/test-bridge';
import { RENDERER_DIR, SCREENSHOT_DIR } from './fixtures';

// Issue 12 end to end: the app started (through src-main/startup, as main.ts does) over a
// damaged database, damaged preferences and a locked keychain shows three banners in real
// Chromium; the user dismisses one and unlocks the keychain with "Try again".

test('a damaged start shows its notices, and the user acts on them', async ({ page }) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sitesync-e2e-startup-'));
  fs.writeFileSync(path.join(dir, 'sitesync.db'), randomBytes(4096));
  fs.writeFileSync(path.join(dir, 'preferences.json'), '{"theme": "dark", "schedule": ');
  const keychain = new LockableKeychain();
  const log = createLogger(memorySink());
  const started = await startApp({
    services: { userDataDir: dir, appVersion: '0.0.0-e2e', platform: 'linux', log, secrets: keychain, schedule: false, sandboxAsOf: '2026-11-27' },
    preferences: { file: path.join(dir, 'preferences.json'), schema: PreferencesSchema, open: () => new JsonFilePreferencesStore(path.join(dir, 'preferences.json'), log) },
    logFile: path.join(dir, 'logs', 'sitesync.log'),
    showFatalError: () => {},
  });
  if (!started.ok) throw started.error;
  const bridge = await startTestBridge({ rendererDir: RENDERER_DIR, handlers: started.services.handlers, events: started.services.events });
  try {
    await page.addInitScript(bridge.initScript);
    await page.goto(bridge.url);
    const region = page.getByRole('region', { name: 'Start-up notices' });
    await expect(region.getByRole('heading')).toHaveText([
      'Your preferences were damaged and have been reset',
      'The local database was damaged and has been replaced',
      'The system keychain is locked',
    ]);
    fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
    for (const [width, height] of [[1280, 800], [1024, 640]] as const) {
      await page.setViewportSize({ width, height });
      await page.screenshot({ path: path.join(SCREENSHOT_DIR, `startup-notices-${width}x${height}.png`) });
      // Nothing spills sideways at either size.
      expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    }

    await page.getByRole('button', { name: 'Dismiss: Your preferences were damaged and have been reset' }).click();
    await expect(region.getByRole('heading')).toHaveCount(2);

    const keychainBanner = page.getByRole('region', { name: 'The system keychain is locked' });
    await keychainBanner.getByRole('button', { name: 'Try again' }).click();
    await expect(keychainBanner.getByRole('status')).toHaveText('Still locked. SiteSync keeps trying by itself.');
    keychain.locked = false;
    await keychainBanner.getByRole('button', { name: 'Try again' }).click();
    await expect(keychainBanner).toHaveCount(0);
    await expect(region.getByRole('heading')).toHaveText(['The local database was damaged and has been replaced']);
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'startup-notices-after.png') });
  } finally {
    await bridge.close();
    await started.services.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
