import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expectNothingClipped } from './clipping';
import { expect, openApp, test } from './fixtures';
import { expectAccessible, sidebarTo } from './journey-helpers';
import { call } from './overview-runs-helpers';

/** Where the screenshots of this file go, for people to look at (git-ignored). */
const SHOTS = path.resolve(import.meta.dirname, '../../reports/shots');
const SIZES = [
  { width: 1280, height: 800 },
  { width: 1024, height: 640 },
];

/** At both sizes, light then dark: a screenshot, nothing interactive clipped, nothing serious for axe. */
async function checkScreen(page: Page, name: string): Promise<void> {
  fs.mkdirSync(SHOTS, { recursive: true });
  for (const size of SIZES) {
    await page.setViewportSize(size);
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      await page.screenshot({ path: path.join(SHOTS, `${name}-${size.width}x${size.height}-${scheme}.png`) });
      await expectNothingClipped(page, `${name} at ${size.width}×${size.height} (${scheme})`);
      await expectAccessible(page, `${name} ${size.width}×${size.height} (${scheme})`);
    }
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

test.describe('Connections: more than one SmartPlus account (issue 16)', () => {
  test('adds a second account by name, refuses a taken name, lists each account and its communities', async ({ page, app }) => {
    test.setTimeout(180_000);
    const smartPlusUrl = app.services.sandbox!.smartPlusUrl;
    await call(app, 'connections.saveSmartPlus', { label: 'North region', newAccount: true, baseUrl: smartPlusUrl, username: 'north@example.com', password: 'north-pw' });
    await openApp(page, app, 'light');
    const main = page.getByRole('main');
    await sidebarTo(page, 'Connections');

    await main.getByRole('button', { name: 'Add another SmartPlus account' }).click();
    await expect(main.getByRole('heading', { name: 'Add another SmartPlus account' })).toBeFocused();
    await main.getByLabel('Account name').fill('north REGION');
    await main.getByLabel('SmartPlus server address').fill(smartPlusUrl);
    await main.getByLabel('User name (e-mail)').fill('south@example.com');
    await main.getByLabel('Password', { exact: true }).fill('south-pw');
    await main.getByRole('button', { name: 'Save and test' }).click();
    await expect(main.getByRole('alert')).toContainText('A SmartPlus account is already called "North region"');
    await checkScreen(page, 'accounts-1-taken-name');

    await main.getByLabel('Account name').fill('South region');
    await main.getByRole('button', { name: 'Save and test' }).click();
    await expect(main.getByText('South region saved.')).toBeVisible();
    await expect(main.getByRole('heading', { name: 'SmartPlus accounts' })).toBeVisible();
    const south = main.locator('li.cn-card', { has: page.getByRole('heading', { name: 'South region' }) });
    await expect(south).toContainText('south@example.com');
    await expect(main.locator('li.cn-card', { has: page.getByRole('heading', { name: 'North region' }) })).toBeVisible();

    const sandbox = main.locator('li.cn-card', { has: page.getByText('Sandbox', { exact: true }) }).filter({ has: page.locator('.cn-communities') });
    await sandbox.getByRole('button', { name: /^Show communities of / }).click();
    await expect(sandbox.getByRole('button', { name: /^Hide communities of / })).toHaveAttribute('aria-expanded', 'true');
    await expect(sandbox.locator('.cn-communities')).not.toContainText('Loading');
    await south.getByRole('button', { name: 'Show communities of South region' }).click();
    await expect(south.locator('.cn-communities')).not.toContainText('Loading');
    await checkScreen(page, 'accounts-2-two-accounts');
  });
});
