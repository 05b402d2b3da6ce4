import type { Page } from '@playwright/test';
import type { ImportedSite, PropertyOption } from '../../src-shared/ipc/contract/sites';
import { expectNothingClipped } from './clipping';
import { expect, openApp, test } from './fixtures';
import { captureStep, sidebarTo } from './journey-helpers';
import { call, nextFinished } from './overview-runs-helpers';

// Issue 16 "first run": the Overview's checklist (pay → import a site → add devices) ticks itself
// from real state, and in the sandbox the test cards and the registered MACs are shown where needed.

const SIZES = [
  { width: 1280, height: 800 },
  { width: 1024, height: 640 },
] as const;

/** captureStep (axe + light and dark screenshots) at both sizes; back to 1280 × 800 after. */
async function captureBoth(page: Page, name: string): Promise<void> {
  for (const size of SIZES) {
    await page.setViewportSize(size);
    await captureStep(page, `${name}-${size.width}x${size.height}`);
  }
  await page.setViewportSize(SIZES[0]);
}

/** The checklist's buttons line up at both sizes: one left edge, one width (a grid with the action in a fixed column). */
async function expectButtonsAligned(page: Page): Promise<void> {
  for (const size of SIZES) {
    await page.setViewportSize(size);
    const boxes = await page.getByRole('region', { name: 'Getting started' }).getByRole('button').evaluateAll((els) => els.map((e) => e.getBoundingClientRect()).map((r) => ({ x: Math.round(r.left), w: Math.round(r.width) })));
    expect(boxes.length, `buttons at ${size.width} × ${size.height}`).toBeGreaterThanOrEqual(2);
    expect(new Set(boxes.map((b) => b.x)).size, `left edges ${JSON.stringify(boxes)} at ${size.width} × ${size.height}`).toBe(1);
    expect(new Set(boxes.map((b) => b.w)).size, `widths ${JSON.stringify(boxes)} at ${size.width} × ${size.height}`).toBe(1);
  }
  await page.setViewportSize(SIZES[0]);
}

/** At 1024 × 640 the whole add-device form, its Add button included, is in view as the screen opens: the button is the element under its own centre (not below the fold, not under the status bar). */
async function expectAddFormFits(page: Page): Promise<void> {
  await page.setViewportSize(SIZES[1]);
  const form = page.getByRole('form', { name: 'Add a device' });
  const box = (await form.boundingBox())!;
  expect(box.height, 'the add-device form is taller than the window at 1024 × 640').toBeLessThanOrEqual(SIZES[1].height - 80);
  const add = page.getByRole('button', { name: 'Add device' });
  const reachable = await add.evaluate((button) => {
    const r = button.getBoundingClientRect();
    return document.elementFromPoint(r.left + r.width / 2, r.bottom - 2)?.closest('button') === button;
  });
  expect(reachable, 'the Add device button is below the fold at 1024 × 640').toBe(true);
  const spill = await page.getByRole('complementary', { name: 'Sandbox device MACs' }).evaluate((hint) => {
    const box = hint.getBoundingClientRect();
    return [...hint.querySelectorAll('button')].filter((b) => b.getBoundingClientRect().right > box.right - 1).map((b) => b.textContent);
  });
  expect(spill, 'hint buttons that stick out of the hint').toEqual([]);
  await page.setViewportSize(SIZES[0]);
}

/** The checklist's item `label`, and whether it reads done. */
function item(page: Page, label: string) {
  return page.getByRole('region', { name: 'Getting started' }).getByRole('listitem').filter({ hasText: label });
}

test('first run: the checklist ticks pay, import and devices from real state, with the sandbox cards and MACs shown where needed', async ({ page, app }) => {
  test.setTimeout(300_000);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.setViewportSize(SIZES[0]);
  await openApp(page, app, 'light');
  const main = page.getByRole('main');
  const checklist = main.getByRole('region', { name: 'Getting started' });

  // Three unticked items, each with a way there.
  await expect(checklist.getByRole('listitem')).toHaveCount(3);
  for (const label of ['Pay for the integration', 'Import a site', 'Add devices']) await expect(item(page, label)).toContainText('to do');
  await expect(checklist.getByRole('button')).toHaveText(['Go to Subscription', 'Go to Get Site from PMS', 'Go to Devices']);
  await expectButtonsAligned(page);
  await captureBoth(page, 'first-run-1-checklist');
  await page.setViewportSize(SIZES[1]);
  await expectNothingClipped(page, 'Overview with the checklist at 1024 × 640');
  await page.setViewportSize(SIZES[0]);

  // Pay, with a card the payment step shows.
  await checklist.getByRole('button', { name: 'Go to Subscription' }).click();
  await main.getByRole('button', { name: 'Pay for the integration' }).click();
  await expect(main.getByRole('radio', { name: /Community/ })).toBeChecked();
  await main.getByRole('button', { name: 'Next' }).click();
  await expect(main.getByRole('radio', { name: /Integration/ })).toBeChecked();
  await main.getByRole('button', { name: 'Next' }).click();
  await expect(main.getByRole('heading', { name: /Renewal/ })).toBeFocused();
  await main.getByRole('button', { name: 'Next' }).click();
  await main.getByLabel('Billing address').fill('1 Main St, Knoxville, TN 37902');
  await main.getByRole('button', { name: 'Continue to payment' }).click();
  await expect(main.getByRole('heading', { name: /Payment/ })).toBeFocused();
  const cards = main.getByRole('complementary', { name: 'Sandbox test cards' });
  await expect(cards).toContainText('Test cards:');
  const shown = await cards.locator('.mono').allTextContents();
  const paid = (await cards.locator('span', { has: page.locator('.mono') }).allTextContents()).find((t) => !/declin/i.test(t));
  expect(shown.length).toBeGreaterThanOrEqual(2);
  const card = shown.find((n) => paid?.includes(n))!;
  expect(card).toBeTruthy();
  await captureBoth(page, 'first-run-2-payment-cards');
  await main.getByLabel(/Card number/).fill(card);
  await main.getByLabel('Expiry (MM/YY)').fill(`12/${(new Date().getFullYear() + 2) % 100}`);
  await main.getByLabel('Security code').fill('123');
  await main.getByLabel('Name on the card').fill('Pat Installer');
  await main.getByRole('button', { name: /^Pay \$/ }).click();
  await expect(main.getByText(/Payment received/)).toBeVisible();
  await expect(main.getByText('Integration, 1 month, automatic renewal')).toBeVisible();
  await expect(main).not.toContainText('(s)');
  const nextStep = main.getByRole('button', { name: 'Next: Get Site from PMS' });
  await expect(nextStep).toBeVisible();
  await captureBoth(page, 'first-run-3-receipt');
  await nextStep.click();
  await expect(page.getByRole('heading', { level: 1, name: 'Get Site from PMS' })).toBeVisible();

  // Nothing entered in the wizard yet: leaving it just leaves. The checklist ticks "Pay", and its buttons still line up.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Overview' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Overview' })).toBeVisible();
  await expect(page.getByRole('alertdialog')).toHaveCount(0);
  await expect(item(page, 'Pay for the integration')).toContainText('done');
  await expectButtonsAligned(page);
  await captureBoth(page, 'first-run-3b-checklist-paid');
  await expect(item(page, 'Pay for the integration').getByRole('button')).toHaveCount(0);
  await expect(item(page, 'Import a site')).toContainText('to do');

  // Import a site (through the services: the Get Site wizard has its own E2E); it ticks "Import".
  const properties = await call<PropertyOption[]>(app, 'sites.listProperties', { connectionId: 'sandbox-rentmanager' });
  const smallest = [...properties].sort((a, b) => a.unitCount - b.unitCount)[0]!;
  const { sites } = await call<{ sites: ImportedSite[] }>(app, 'sites.import', {
    connectionId: 'sandbox-rentmanager',
    policy: { creation: 'move-in', deletion: 'move-out', sameAccessAsMaster: false },
    properties: [{ propertyId: smallest.id, units: 'all' }],
  });
  await nextFinished(app, sites[0]!.siteId, sites[0]!.runId);
  await page.reload();
  await expect(item(page, 'Import a site')).toContainText('done', { timeout: 15_000 });
  await expect(item(page, 'Add devices')).toContainText('to do');

  // Add a device with a MAC the hint shows; the last item ticks and the checklist goes away.
  await item(page, 'Add devices').getByRole('button', { name: 'Go to Devices' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Devices' })).toBeVisible();
  const macs = main.getByRole('complementary', { name: 'Sandbox device MACs' });
  await expect(macs).toContainText('Test MACs:');
  // Compact: the first few MACs and "Show all 10"; the form and its Add button fit at 1024 × 640.
  await expect(macs.getByRole('button', { name: /^Use / })).toHaveCount(2);
  await captureBoth(page, 'first-run-4-add-device-macs');
  await expectAddFormFits(page);
  await macs.getByRole('button', { name: 'Show all 10' }).click();
  await expect(macs.getByRole('button', { name: /^Use / })).toHaveCount(10);
  await captureBoth(page, 'first-run-4b-add-device-all-macs');
  await macs.getByRole('button', { name: 'Show fewer' }).click();
  // Choosing a MAC fills the field.
  const mac = (await macs.getByRole('button', { name: /^Use / }).first().textContent())!.trim();
  expect(mac).toMatch(/^([0-9A-F]{2}:){5}[0-9A-F]{2}$/i);
  await macs.getByRole('button', { name: `Use ${mac}` }).click();
  await expect(page.getByLabel('MAC address')).toHaveValue(mac);
  await page.getByLabel('Name').fill('Lobby door');
  await page.getByRole('radio', { name: 'Building 1' }).check();
  await page.getByRole('button', { name: 'Add device' }).click();
  await expect(page.getByText('Lobby door was added to SmartPlus.')).toBeVisible();
  await sidebarTo(page, 'Overview');
  await expect(page.getByRole('heading', { level: 2, name: 'Getting started' })).toHaveCount(0);
  await expect(main.getByRole('button', { name: 'Go to Devices' })).toHaveCount(0);
  expect(errors).toEqual([]);
});
