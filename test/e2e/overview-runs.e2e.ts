import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, openApp, test } from './fixtures';
import { currentTenants, expectAccessible, importSmallestSite, nextFinished, shootBoth, yesterday } from './overview-runs-helpers';

test.describe.configure({ mode: 'serial' });

let site: { siteId: string; name: string };
const downloads = fs.mkdtempSync(path.join(os.tmpdir(), 'sitesync-e2e-downloads-'));
process.env.XDG_DOWNLOAD_DIR = downloads;
test.afterAll(() => fs.rmSync(downloads, { recursive: true, force: true }));

/** Presses Tab until the focused element matches, as a keyboard user would (fails after 60 stops). */
async function tabTo(page: Page, matches: (el: { label: string; text: string; tag: string }) => boolean): Promise<void> {
  for (let i = 0; i < 60; i++) {
    await page.keyboard.press('Tab');
    const el = await page.evaluate(() => {
      const a = document.activeElement as HTMLElement | null;
      return { label: a?.getAttribute('aria-label') ?? '', text: a?.textContent?.trim() ?? '', tag: a?.tagName ?? '' };
    });
    if (matches(el)) return;
  }
  throw new Error('the element was not reached with Tab');
}

test('overview: empty before an import, then every site with its health', async ({ page, app }) => {
  test.setTimeout(120_000);
  await openApp(page, app);
  await expect(page.getByRole('heading', { name: 'No sites yet' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Get Site from PMS', exact: true })).toBeVisible();
  await shootBoth(page, 'overview-empty');

  site = await importSmallestSite(app);
  await page.reload();
  const row = page.getByRole('row', { name: new RegExp(site.name) }).first();
  await expect(row).toBeVisible();
  await expect(row.getByText('Import ·', { exact: false })).toBeVisible();
  await expect(row.getByText('Active')).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: /^Sandbox Property Management/ })).toBeVisible();
  await shootBoth(page, 'overview-sites');
});

test('one-click resync from the keyboard: a click during the run shows it, and the changed tenant shows in the run', async ({ page, app }) => {
  test.setTimeout(120_000);
  const [leaver, newPin, badPin] = await currentTenants(app, site.siteId);
  const admin = app.services.sandbox!.rentManager.admin;
  admin.moveOut(leaver!.id, yesterday());
  admin.setPin(newPin!.id, '48213579');
  admin.setPin(badPin!.id, '9123');
  admin.latency(2000);
  await openApp(page, app);
  await expect(page.getByRole('row', { name: new RegExp(site.name) }).first()).toBeVisible();

  await tabTo(page, (el) => el.label === `Resync ${site.name}`);
  const ended = nextFinished(app, site.siteId);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('progressbar', { name: `Resync progress of ${site.name}` })).toBeVisible();
  await expect(page.getByRole('button', { name: `Cancel the resync of ${site.name}` })).toBeVisible();
  // The same button during the run reads "Running…" and starts nothing; the line shows step, percent and time.
  await expect(page.locator(':focus')).toHaveAttribute('aria-label', `Resync of ${site.name} running`);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('button', { name: /Show progress/ })).toHaveCount(0);
  await expect(page.getByText(/^Step [1-7] of 7 · \d+% · \d+:\d\d elapsed$/)).toBeVisible();
  await shootBoth(page, 'overview-resync-progress');
  admin.latency(0);
  const run = await ended;
  expect(run.counts.accountsDeleted).toBe(leaver!.contacts.length);
  expect(run.counts.credentialsSet).toBeGreaterThanOrEqual(1);
  await expect(page.getByText(`Manual sync of ${site.name} finished`)).toBeVisible();
  await shootBoth(page, 'overview-resync-finished');

  await tabTo(page, (el) => el.text === 'View run');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: `Run of ${site.name}` })).toBeFocused();
  await expect(page.locator('.stat', { hasText: 'Accounts deleted' }).locator('dd')).toHaveText(String(leaver!.contacts.length));
  await tabTo(page, (el) => el.tag === 'SELECT');
  await page.keyboard.press('ArrowDown');
  await expect(page.getByLabel('Show')).toHaveValue('invalid-pin');
  const badRow = page.getByRole('row').filter({ hasText: `tenant ${badPin!.id}` });
  await expect(badRow).toContainText('••••');
  await expect(page.locator('body')).not.toContainText('9123');
  await expect(page.locator('body')).not.toContainText('48213579');
  await shootBoth(page, 'run-detail');

  await tabTo(page, (el) => el.text === 'Export to CSV');
  await page.keyboard.press('Enter');
  await expect(page.getByText('Report saved as')).toBeVisible();
  const saved = fs.readdirSync(downloads).filter((f) => f.endsWith('.csv'));
  expect(saved).toHaveLength(1);
  const csv = fs.readFileSync(path.join(downloads, saved[0]!), 'utf8');
  expect(csv).toContain('invalid-pin');
  expect(csv).not.toContain('9123');
});

test('a mass deletion is held back, then confirmed from the Runs screen', async ({ page, app }) => {
  test.setTimeout(120_000);
  const tenants = await currentTenants(app, site.siteId);
  const members = tenants.reduce((n, t) => n + t.contacts.length, 0);
  let count = 0;
  for (const t of tenants) {
    if (count > Math.max(6, members * 0.15)) break;
    app.services.sandbox!.rentManager.admin.moveOut(t.id, yesterday());
    count += t.contacts.length;
  }
  await openApp(page, app);
  const ended = nextFinished(app, site.siteId);
  await page.getByRole('button', { name: `Resync ${site.name}` }).click();
  const held = await ended;
  expect(held.outcome).toBe('held-back');
  expect(held.heldBackCount).toBe(count);
  await expect(page.getByText(`${count} deletions held back`)).toBeVisible();
  const review = page.getByRole('button', { name: `Review ${count} held-back deletions of ${site.name}` });
  await expect(review).toBeVisible();
  await review.click();

  await expect(page.getByRole('heading', { name: `Deletions waiting for you (${count})` })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Held-back deletions' }).getByRole('row')).toHaveCount(count + 1);
  await shootBoth(page, 'run-held-back');
  // From the keyboard: reach the button, open the dialog, Tab stays inside it, Enter confirms.
  await tabTo(page, (el) => el.text === 'Confirm deletions');
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: `Delete ${count} accounts?` });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Go back' })).toBeFocused();
  await shootBoth(page, 'run-confirm-dialog');
  await page.keyboard.press('Tab');
  await expect(dialog.getByRole('button', { name: `Delete ${count} accounts` })).toBeFocused();
  const confirmed = nextFinished(app, site.siteId);
  await page.keyboard.press('Enter');
  expect((await confirmed).counts.accountsDeleted).toBe(count);
  await expect(page.getByText(/Deletions confirmed: .*deleted/)).toContainText(`${count} deleted`);
  await expect(page.getByRole('heading', { name: /Deletions waiting for you/ })).toHaveCount(0);
  await page.getByRole('button', { name: /Overview/ }).click();
  await expect(page.getByRole('row', { name: new RegExp(site.name) }).first().getByRole('button', { name: /Review/ })).toHaveCount(0);
});

test('history, preview with billing impact, and a notification click opening a run', async ({ page, app }) => {
  test.setTimeout(90_000);
  await openApp(page, app);
  await page.getByRole('button', { name: /Runs/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Runs' })).toBeFocused();
  const open = page.getByRole('button', { name: new RegExp(`Open the run of ${site.name}`) });
  await expect(open.first()).toBeVisible();
  expect(await open.count()).toBeGreaterThanOrEqual(4);
  await page.getByLabel('Site').selectOption(site.siteId);
  await expect(open.first()).toBeVisible();
  await shootBoth(page, 'runs-history');

  const importRun = (await app.services.ctx.db.runs.listRuns(site.siteId)).find((r) => r.trigger === 'import')!;
  app.services.events.emit('app.navigated', { screen: 'runs', runId: importRun.id });
  await expect(page.getByRole('heading', { level: 1, name: `Run of ${site.name}` })).toBeVisible();
  await expect(page.getByText(/Import run, started/)).toBeVisible();

  const [leaver] = await currentTenants(app, site.siteId);
  app.services.sandbox!.rentManager.admin.moveOut(leaver!.id, yesterday());
  await page.getByRole('button', { name: /Overview/ }).click();
  await page.getByRole('button', { name: `Preview the changes of ${site.name}` }).click();
  const dialog = page.getByRole('dialog', { name: `Preview of ${site.name}` });
  await expect(dialog.getByText('Billing impact')).toBeVisible();
  await expect(dialog.getByRole('row').filter({ hasText: 'Delete family member' })).toHaveCount(leaver!.contacts.length);
  await expect(dialog.locator('.stat', { hasText: 'to delete' })).toContainText(String(leaver!.contacts.length));
  await expect(dialog.getByText(/apartments? to activate/)).toBeVisible();
  await shootBoth(page, 'overview-preview');
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(page.getByRole('button', { name: `Preview the changes of ${site.name}` })).toBeFocused();
});

test('offline: data as of the last sync, resync off and saying why', async ({ page, app }) => {
  await openApp(page, app);
  await expect(page.getByRole('row', { name: new RegExp(site.name) }).first()).toBeVisible();
  await app.services.sandbox!.setNetworkDown(true);
  app.services.reportOsOnline(false);
  try {
    await expect(page.getByText(/Offline — data as of/)).toBeVisible();
    await expect(page.getByRole('button', { name: `Resync ${site.name}` })).toBeDisabled();
    await expect(page.getByRole('button', { name: 'Resync all' })).toBeDisabled();
    await expect(page.getByText('Offline: resyncing needs the network.')).toBeVisible();
    await shootBoth(page, 'overview-offline');
    await page.getByRole('button', { name: /Runs/ }).click();
    await expect(page.getByRole('button', { name: new RegExp(`Open the run of ${site.name}`) }).first()).toBeVisible();
    await expectAccessible(page);
  } finally {
    await app.services.sandbox!.setNetworkDown(false);
    app.services.reportOsOnline(true);
  }
});
