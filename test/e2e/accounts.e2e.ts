import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expectNothingClipped } from './clipping';
import { expect, openApp, test } from './fixtures';
import { captureStep, expectAccessible, sidebarTo } from './journey-helpers';
import { call } from './overview-runs-helpers';

/** Where the screenshots of this file go, for people to look at (git-ignored). */
const SHOTS = path.resolve(import.meta.dirname, '../../reports/shots');
const SIZES = [
  { width: 1280, height: 800 },
  { width: 1024, height: 640 },
];

/** captureStep (axe, light and dark) at 1280×800 and 1024×640, back to 1280×800 after. */
async function captureBoth(page: Page, name: string): Promise<void> {
  for (const size of SIZES) {
    await page.setViewportSize(size);
    await captureStep(page, `${name}-${size.width}x${size.height}`);
  }
  await page.setViewportSize(SIZES[0]!);
}

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

  test('Get Site with two SmartPlus accounts: "Which SmartPlus account?", the second chosen, the site stored and shown with it', async ({ page, app }) => {
    test.setTimeout(240_000);
    const sandbox = app.services.sandbox!;
    sandbox.smartPlus.admin.activateIntegration(12);
    // A real customer whose Rent Manager is the sandbox's server (so real SmartPlus accounts are offered for it).
    const customer = await call<{ id: string }>(app, 'connections.saveRentManager', {
      label: 'Acme Properties',
      companyCode: 'sandbox',
      baseUrl: sandbox.rentManagerUrl,
      locationId: 1,
      signIn: { kind: 'api-user', username: 'sitesync', password: 'sandbox-password' },
    });
    await openApp(page, app, 'light');
    const main = page.getByRole('main');
    await sidebarTo(page, 'Connections');
    await main.getByRole('button', { name: 'Add another SmartPlus account' }).click();
    await main.getByLabel('Account name').fill('East region');
    await main.getByLabel('SmartPlus server address').fill(sandbox.smartPlusUrl);
    await main.getByLabel('User name (e-mail)').fill('installer@sandbox.local');
    await main.getByLabel('Password', { exact: true }).fill('sandbox');
    await main.getByRole('button', { name: 'Save and test' }).click();
    await expect(main.getByText('East region saved.')).toBeVisible();
    const east = main.locator('li.cn-card', { has: page.getByRole('heading', { name: 'East region' }) });
    const builtIn = main.locator('li.cn-card', { has: page.getByRole('heading', { name: 'Sandbox SmartPlus account' }) });
    // The Sandbox label per account: the built-in one says it, a real account does not; the status bar no longer does.
    await expect(builtIn.locator('.pill-sandbox')).toHaveCount(1);
    await expect(east.locator('.pill-sandbox')).toHaveCount(0);
    await expect(page.getByRole('contentinfo').getByText('Sandbox', { exact: true })).toHaveCount(0);
    await captureBoth(page, 'accounts-3-connections');

    await sidebarTo(page, 'Sites');
    await main.getByRole('button', { name: 'Get Site from PMS' }).first().click();
    await main.getByRole('radio', { name: /Acme Properties/ }).check();
    const next = main.getByRole('button', { name: 'Next' });
    await next.click();
    await expect(page.getByRole('heading', { level: 2, name: /Step 2 of 9/ })).toBeVisible();
    const box = main.getByRole('checkbox').first();
    const property = (await box.locator('xpath=..').locator('strong').textContent())!;
    await box.check();
    for (const step of [3, 4, 5, 6]) {
      await next.click();
      await expect(page.getByRole('heading', { level: 2, name: new RegExp(`Step ${step} of 9`) })).toBeVisible();
    }
    await expect(page.getByRole('heading', { level: 2, name: /Step 6 of 9: Community/ })).toBeVisible();
    const accounts = main.getByRole('group', { name: 'Which SmartPlus account?' });
    await expect(accounts).toBeVisible();
    await expect(accounts.getByRole('radio')).toHaveCount(3);
    await expect(accounts.getByRole('radio', { name: /North region/ })).toBeChecked();
    await accounts.getByRole('radio', { name: /East region/ }).check();
    await captureBoth(page, 'accounts-4-which-account');
    await next.click();
    await expect(page.getByRole('heading', { level: 2, name: /Step 7 of 9/ })).toBeVisible();
    await main.getByRole('group', { name: /holds each tenant.s PIN/ }).getByRole('radio', { name: /^Door PIN \(Text\)/ }).check();
    await main.getByRole('group', { name: /holds each tenant.s RF card/ }).getByRole('radio', { name: /^RF Card/ }).check();
    await main.getByRole('button', { name: 'Use this time zone' }).click();
    await next.click();
    await expect(page.getByRole('heading', { level: 2, name: /Step 8 of 9/ })).toBeVisible();
    await next.click();
    await expect(page.getByRole('heading', { level: 2, name: /Step 9 of 9: Review/ })).toBeVisible({ timeout: 30_000 });
    await main.getByRole('button', { name: 'Import' }).click();
    await expect(main.getByRole('button', { name: `Open ${property}` })).toBeVisible({ timeout: 60_000 });

    const eastId = (await call<{ id: string; label: string }[]>(app, 'connections.list')).find((c) => c.label === 'East region')!.id;
    const stored = (await call<{ name: string; connectionId: string; smartPlusAccountId: string | null }[]>(app, 'sites.list')).find((s) => s.name === property)!;
    expect(stored).toMatchObject({ connectionId: customer.id, smartPlusAccountId: eastId });

    await sidebarTo(page, 'Overview');
    const row = main.getByRole('row', { name: new RegExp(property) });
    await expect(row).toContainText('SmartPlus account: East region');
    await expect(row.locator('.pill-sandbox')).toHaveCount(0);
    await captureBoth(page, 'accounts-5-overview');

    // The Subscription screen names the account it pays for and offers the others (the default preselected).
    await sidebarTo(page, 'Subscription');
    const choice = main.getByLabel('SmartPlus account to pay for');
    await expect(choice.locator('option:checked')).toHaveText('North region (default)');
    await choice.selectOption({ label: 'East region' });
    await expect(main.getByRole('heading', { name: 'Receipts of East region' })).toBeVisible();
    await captureBoth(page, 'accounts-6-subscription');

    // Pay for apartments lists only the sites East region pays for (each site pays through its own account).
    await main.getByRole('button', { name: 'Pay for apartments' }).click();
    await main.getByRole('radio', { name: /Community/ }).check();
    await main.getByRole('button', { name: 'Next' }).click();
    await expect(main.getByRole('radio', { name: /Apartments \(monthly fee\)/ })).toBeChecked();
    await main.getByRole('button', { name: 'Next' }).click();
    const sites = main.getByLabel('Site');
    await expect(sites).toContainText(property);
    const eastSites = (await call<{ name: string; smartPlusAccountId: string | null }[]>(app, 'sites.list')).filter((s) => s.smartPlusAccountId === eastId);
    await expect(sites.locator('option')).toHaveCount(eastSites.length);
    await captureBoth(page, 'accounts-7-apartments-of-account');
  });
});
