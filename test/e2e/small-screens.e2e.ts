import fs from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { expectNothingClipped } from './clipping';
import { expect, openApp, test } from './fixtures';
import type { ApartmentListPage } from '../../src-shared/ipc/contract/apartments';
import { call, currentTenants, expectAccessible, importSmallestSite, nextFinished, yesterday } from './overview-runs-helpers';

/** Where the screenshots of this file go, for people to look at (git-ignored). */
const SHOTS = path.resolve(import.meta.dirname, '../../reports/shots');

const SMALL = { width: 1024, height: 640 };
const LAPTOP = { width: 1280, height: 800 };

test.describe.configure({ mode: 'serial' });

/**
 * At the page's size, in light then dark: nothing interactive is clipped, axe finds nothing
 * serious, and a screenshot is saved as <name>-<width>x<height>-<scheme>.png. Screenshots come
 * first in each scheme (a run in progress moves on).
 */
async function checkScreen(page: Page, name: string): Promise<void> {
  const size = page.viewportSize()!;
  fs.mkdirSync(SHOTS, { recursive: true });
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.screenshot({ path: path.join(SHOTS, `${name}-${size.width}x${size.height}-${scheme}.png`) });
    await expectNothingClipped(page, `${name} at ${size.width}×${size.height} (${scheme})`);
    await expectAccessible(page);
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

/**
 * {@link checkScreen} at 1024 × 640, then at 1280 × 800 (screenshots of both; the small size is
 * checked first). `inView` must be wholly on screen at both sizes without scrolling (a sticky footer's Next).
 */
async function checkBothSizes(page: Page, name: string, inView: Locator[] = []): Promise<void> {
  for (const size of [SMALL, LAPTOP]) {
    await page.setViewportSize(size);
    for (const target of inView) {
      await expect(target, `${name} at ${size.width}×${size.height}`).toBeInViewport({ ratio: 1 });
      // …and not covered by something else (a sticky footer over another one).
      const onTop = await target.evaluate((el) => {
        const r = el.getBoundingClientRect();
        const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
        return hit !== null && (hit === el || el.contains(hit));
      });
      expect(onTop, `${name} at ${size.width}×${size.height}: ${await target.innerText()} is covered`).toBe(true);
    }
    await checkScreen(page, name);
  }
  await page.setViewportSize(SMALL);
}

let site: { siteId: string; name: string };

test('the Get Site wizard at 1024 × 640: every control of each step can be seen, Next included', async ({ page, app }) => {
  test.setTimeout(180_000);
  await page.setViewportSize(SMALL);
  await openApp(page, app);
  const main = page.getByRole('main');
  const next = main.getByRole('button', { name: 'Next' });
  await page.getByRole('button', { name: /Sites/ }).click();
  await main.getByRole('button', { name: 'Get Site from PMS' }).first().click();
  await expect(main.getByRole('radio', { name: /Sandbox Property Management/ })).toBeChecked();
  await checkBothSizes(page, 'wizard-1-customer');
  await next.click();

  await expect(page.getByRole('heading', { level: 2, name: /Step 2 of/ })).toBeVisible();
  await main.getByRole('checkbox').first().check();
  await checkBothSizes(page, 'wizard-2-properties', [next]);
  await next.click();

  await expect(page.getByRole('heading', { level: 2, name: /Account creation/ })).toBeVisible();
  await checkBothSizes(page, 'wizard-3-creation', [next]);
  await next.click();
  await next.click();
  await expect(main.getByText(/opens the community.s doors at any time of day/)).toBeVisible();
  await checkBothSizes(page, 'wizard-5-access', [next]);
  await next.click();
  await expect(page.getByRole('heading', { level: 2, name: /Community/ })).toBeVisible();
  await checkBothSizes(page, 'wizard-6-community', [next]);
  await next.click();

  await expect(page.getByRole('heading', { level: 2, name: /PINs, cards and time/ })).toBeVisible();
  await main.getByRole('group', { name: /holds each tenant.s PIN/ }).getByRole('radio', { name: /^Door PIN \(Text\)/ }).first().check();
  await main.getByRole('group', { name: /holds each tenant.s RF card/ }).getByRole('radio', { name: /^RF Card/ }).first().check();
  await main.getByRole('button', { name: 'Use this time zone' }).click();
  await checkBothSizes(page, 'wizard-7-fields', [next]);
  await next.click();

  await expect(main.getByRole('radio', { name: /^All/ })).toBeVisible();
  await checkBothSizes(page, 'wizard-8-apartments', [next]);
  await next.click();
  await expect(page.getByRole('heading', { level: 2, name: /Review/ })).toBeVisible();
  await expect(main.getByRole('button', { name: 'Import' })).toBeVisible({ timeout: 30_000 });
  await checkBothSizes(page, 'wizard-9-review', [main.getByRole('button', { name: 'Import' })]);
});

test('the Subscription wizard at 1024 × 640: Continue to payment and Pay stay in view', async ({ page, app }) => {
  test.setTimeout(120_000);
  await page.setViewportSize(SMALL);
  await openApp(page, app);
  const main = page.getByRole('main');
  await page.getByRole('button', { name: /Subscription/ }).click();
  await main.getByRole('button', { name: 'Pay for the integration' }).click();
  await main.getByRole('radio', { name: /Community/ }).check();
  await main.getByRole('button', { name: 'Next' }).click();
  await expect(main.getByRole('radio', { name: /Integration/ })).toBeChecked();
  await main.getByRole('button', { name: 'Next' }).click();
  await main.getByRole('radio', { name: /Renew automatically/ }).check();
  await main.getByRole('radio', { name: /^1 month/ }).check();
  await main.getByRole('button', { name: 'Next' }).click();
  await main.getByLabel('Billing address').fill('1 Main St, Knoxville, TN 37902');
  await checkBothSizes(page, 'subscription-review', [main.getByRole('button', { name: 'Continue to payment' })]);
  await main.getByRole('button', { name: 'Continue to payment' }).click();
  await expect(main.getByRole('heading', { name: /Payment/ })).toBeVisible();
  await checkBothSizes(page, 'subscription-payment', [main.getByRole('button', { name: /^Pay \$/ })]);
});

test('the Overview at 1024 × 640, idle and during a run: Resync, Preview and Cancel stay in view', async ({ page, app }) => {
  test.setTimeout(240_000);
  site = await importSmallestSite(app);
  await page.setViewportSize(SMALL);
  await openApp(page, app);
  const row = page.getByRole('row', { name: new RegExp(site.name) }).first();
  await expect(row).toBeVisible();
  await checkBothSizes(page, 'overview-idle');

  const [leaver] = await currentTenants(app, site.siteId);
  const admin = app.services.sandbox!.rentManager.admin;
  admin.moveOut(leaver!.id, yesterday());
  admin.latency(4000);
  const ended = nextFinished(app, site.siteId);
  try {
    await page.getByRole('button', { name: `Resync ${site.name}` }).click();
    await expect(page.getByRole('progressbar', { name: `Resync progress of ${site.name}` })).toBeVisible();
    await expect(page.getByText(/^Step [1-7] of 7 · \d+% · \d+:\d\d elapsed$/)).toBeVisible();
    await expect(page.getByRole('button', { name: `Resync of ${site.name} running` })).toHaveText('Running…');
    // The page may scroll down (the first-run checklist sits above the sites); nothing may need a sideways scroll.
    const cancel = page.getByRole('button', { name: `Cancel the resync of ${site.name}` });
    await cancel.scrollIntoViewIfNeeded();
    await expect(cancel).toBeInViewport({ ratio: 1 });
    await expect(page.getByRole('button', { name: `Preview the changes of ${site.name}` })).toBeInViewport({ ratio: 1 });
    await checkBothSizes(page, 'overview-running');
  } finally {
    admin.latency(0);
  }
  await ended;
  await expect(page.getByText(`Manual sync of ${site.name} finished`)).toContainText(/\d+ apartments · /);
  await checkBothSizes(page, 'overview-finished');

  // The preview dialog's footer stays on screen while its list scrolls.
  const [another] = await currentTenants(app, site.siteId);
  admin.moveOut(another!.id, yesterday());
  await page.getByRole('button', { name: `Preview the changes of ${site.name}` }).click();
  const dialog = page.getByRole('dialog', { name: `Preview of ${site.name}` });
  await expect(dialog.getByText('Billing impact')).toBeVisible();
  await checkBothSizes(page, 'overview-preview', [dialog.getByRole('button', { name: 'Resync now' })]);
  await page.keyboard.press('Escape');
});

test('the run report at 1024 × 640', async ({ page, app }) => {
  test.setTimeout(120_000);
  await page.setViewportSize(SMALL);
  await openApp(page, app);
  const run = (await app.services.ctx.db.runs.listRuns(site.siteId)).find((r) => r.trigger === 'manual')!;
  await expect(page.getByRole('heading', { level: 1, name: 'Overview' })).toBeVisible();
  app.services.events.emit('app.navigated', { screen: 'runs', runId: run.id });
  await expect(page.getByRole('heading', { level: 1, name: `Run of ${site.name}` })).toBeVisible();
  await checkBothSizes(page, 'run-report');
  await page.getByRole('button', { name: /Runs/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Runs' })).toBeVisible();
  await checkBothSizes(page, 'runs-history');
});

test('an apartment with residents at 1024 × 640: the access column and long e-mails stay readable', async ({ page, app }) => {
  test.setTimeout(120_000);
  const list = await call<ApartmentListPage>(app, 'apartments.list', { siteId: site.siteId, pageSize: 500 });
  const busiest = [...list.rows].sort((a, b) => b.residentNames.length - a.residentNames.length)[0]!;
  await page.setViewportSize(SMALL);
  await openApp(page, app);
  await expect(page.getByRole('heading', { level: 1, name: 'Overview' })).toBeVisible();
  app.services.events.emit('app.navigated', { screen: 'apartments', siteId: site.siteId, apartmentId: busiest.id });
  const access = page.locator('td.residents-access').first();
  await expect(access).toBeVisible();
  // A date is never split across lines: each "From …" / "until …" part is one line.
  for (const part of await page.locator('td.residents-access .nowrap').all()) {
    const box = (await part.boundingBox())!;
    expect(box.height, await part.innerText()).toBeLessThan(24);
  }
  await checkBothSizes(page, 'apartment-residents');
});

test('the sidebar starts collapsed at 1024 wide and expanded at 1280; its toggle changes it and the choice holds', async ({ page, app }) => {
  await page.setViewportSize(SMALL);
  await openApp(page, app);
  const nav = page.getByRole('navigation', { name: 'Main' });
  const expand = nav.getByRole('button', { name: 'Expand the sidebar' });
  await expect(expand).toHaveAttribute('aria-expanded', 'false');
  await expect(nav.getByRole('button', { name: 'Runs' })).toBeVisible();
  expect((await nav.boundingBox())!.width).toBeLessThan(80);
  await expand.click();
  const collapse = nav.getByRole('button', { name: 'Collapse the sidebar' });
  await expect(collapse).toHaveAttribute('aria-expanded', 'true');
  expect((await nav.boundingBox())!.width).toBeGreaterThan(180);
  await page.reload();
  await expect(collapse).toBeVisible();
  await expectNothingClipped(page, 'overview with the sidebar expanded at 1024×640');
  await collapse.click();
  await page.setViewportSize(LAPTOP);
  await page.reload();
  await expect(nav.getByRole('button', { name: 'Expand the sidebar' })).toBeVisible();

  // No choice kept: 1280 wide starts expanded.
  await page.evaluate(() => window.localStorage.removeItem('sitesync.sidebar'));
  await page.reload();
  await expect(nav.getByRole('button', { name: 'Collapse the sidebar' })).toBeVisible();
});
