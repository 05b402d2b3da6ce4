import type { Page } from '@playwright/test';
import type { RunRecord } from '../../src-shared/domain/run';
import type { RunStarted } from '../../src-shared/ipc/contract/sync';
import { expect, openApp, test } from './fixtures';
import { call, currentTenants, importSmallestSite, nextFinished, shootBoth, yesterday } from './overview-runs-helpers';
import { formatDate } from '../../src-renderer/components/format';

// Issue 15 in Chromium: open a run and see its changes, search "who lost access", undo with a
// preview (the Overview then shows the site paused). Screenshots at 1280×800 and 1024×640.
test.describe.configure({ mode: 'serial' });

let site: { siteId: string; name: string };
let changed: RunRecord;
let leaverName: string;

async function shootSizes(page: Page, name: string): Promise<void> {
  await page.setViewportSize({ width: 1280, height: 800 });
  await shootBoth(page, `${name}-1280`);
  await page.setViewportSize({ width: 1024, height: 640 });
  await shootBoth(page, `${name}-1024`);
  await page.setViewportSize({ width: 1280, height: 800 });
}

test('a run lists what it changed: who, old → new and why, PINs masked until revealed', async ({ page, app }) => {
  test.setTimeout(180_000);
  site = await importSmallestSite(app);
  const [leaver, repinned] = await currentTenants(app, site.siteId);
  leaverName = `${leaver!.contacts[0]!.firstName} ${leaver!.contacts[0]!.lastName}`;
  const admin = app.services.sandbox!.rentManager.admin;
  admin.moveOut(leaver!.id, yesterday());
  admin.setPin(repinned!.id, '48213579');
  const started = await call<RunStarted>(app, 'sync.runSite', { siteId: site.siteId });
  changed = await nextFinished(app, site.siteId, started.runId);

  await openApp(page, app);
  await page.getByRole('button', { name: 'Runs' }).click();
  await page.getByRole('button', { name: new RegExp(`Open the run of ${site.name}`) }).first().click();
  await expect(page.getByRole('heading', { name: /^Changes \(\d+\)$/ })).toBeVisible();
  const table = page.getByRole('table', { name: 'Changes of this run' });
  const deleted = table.getByRole('row').filter({ hasText: 'Account deleted' }).first();
  // The reason's date as every screen shows dates (issue 16), not the ISO date main wrote.
  await expect(deleted).toContainText(`Moved out on ${formatDate(yesterday())}.`);
  expect(await page.getByRole('main').innerText(), 'no ISO date on the run screen').not.toMatch(/\b\d{4}-\d{2}-\d{2}\b/);
  const pinRow = table.getByRole('row').filter({ hasText: 'PIN changed' }).first();
  await expect(pinRow).toContainText('PIN: ••••');
  await expect(page.locator('body')).not.toContainText('48213579');
  await shootSizes(page, 'run-changes');
  await pinRow.getByRole('button', { name: /^Reveal new PIN/ }).click();
  await expect(pinRow).toContainText('48213579');
  await pinRow.getByRole('button', { name: /^Hide new PIN/ }).click();
  await expect(page.locator('body')).not.toContainText('48213579');
  // Each change links to its apartment, whose history lists it.
  await deleted.getByRole('button', { name: /^Open apartment/ }).click();
  await expect(page.getByRole('table', { name: 'Changes made to this apartment' }).getByText('Account deleted').first()).toBeVisible();
  await shootSizes(page, 'apartment-history');
  // An apartment with residents: the access column's dates and reasons read the same way.
  await page.getByRole('button', { name: 'Runs' }).click();
  await page.getByRole('button', { name: new RegExp(`Open the run of ${site.name}`) }).first().click();
  await table.getByRole('row').filter({ hasText: 'PIN changed' }).first().getByRole('button', { name: /^Open apartment/ }).click();
  await expect(page.getByRole('main').getByText(/^From /).first()).toBeVisible();
  expect(await page.getByRole('main').innerText(), 'no ISO date on the apartment screen').not.toMatch(/\b\d{4}-\d{2}-\d{2}\b/);
});

test('search: who lost access, across runs and sites', async ({ page, app }) => {
  await openApp(page, app);
  await page.getByRole('button', { name: 'Runs' }).click();
  await page.getByRole('button', { name: 'Who lost access? Search changes' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Search changes' })).toBeVisible();
  await page.getByLabel('Person, unit, e-mail or RF card').fill(leaverName);
  await page.getByLabel(/Only access removed/).check();
  await page.getByRole('button', { name: 'Search', exact: true }).click();
  const results = page.getByRole('table', { name: 'Matching changes' });
  await expect(results.getByText('Account deleted').first()).toBeVisible();
  await expect(results).toContainText(site.name);
  await shootSizes(page, 'change-search');
});

test('undo with a preview; the Overview shows the site paused', async ({ page, app }) => {
  test.setTimeout(120_000);
  await openApp(page, app);
  await page.getByRole('button', { name: 'Runs' }).click();
  await page.getByRole('button', { name: new RegExp(`Open the run of ${site.name}`) }).first().click();
  await page.getByRole('button', { name: 'Undo this run' }).click();
  const dialog = page.getByRole('dialog', { name: `Undo this run of ${site.name}?` });
  await expect(dialog.getByRole('table', { name: 'Undo steps' })).toBeVisible();
  await expect(dialog.getByText('Create account again').first()).toBeVisible();
  await expect(dialog.getByRole('checkbox', { name: /Pause the schedule/ })).toBeChecked();
  await shootSizes(page, 'undo-preview');
  const ended = nextFinished(app, site.siteId);
  await dialog.getByRole('button', { name: /^Undo \d+ changes?$/ }).click();
  await expect(page.getByText(/^Undone:/)).toBeVisible();
  const undoRun = await ended;
  expect(undoRun).toMatchObject({ trigger: 'undo', undoOf: changed.id, outcome: 'succeeded' });
  await expect(page.getByText(/Undone by/)).toBeVisible();
  await page.getByRole('button', { name: 'Overview' }).click();
  const row = page.getByRole('row', { name: new RegExp(site.name) }).first();
  await expect(row.getByText('Paused')).toBeVisible();
  await shootSizes(page, 'overview-paused');
  await row.getByRole('button', { name: `Resume schedule of ${site.name}` }).click();
  await expect(row.getByText('Paused')).toHaveCount(0);
});

test('ask me first: a scheduled run waits; Approve on the Overview applies it', async ({ page, app }) => {
  test.setTimeout(120_000);
  const policy = app.services.ctx.db.sites.get(site.siteId)!.policy;
  await call(app, 'sites.updatePolicy', { siteId: site.siteId, policy: { ...policy, applyMode: 'ask' } });
  await openApp(page, app);
  await page.getByRole('button', { name: 'Settings' }).click();
  await expect(page.getByRole('radio', { name: /Ask me before applying/ })).toBeChecked();
  await page.getByRole('checkbox', { name: /Delete the accounts of departed tenants without asking/ }).scrollIntoViewIfNeeded();
  await shootSizes(page, 'settings-ask-first');

  const [tenant] = await currentTenants(app, site.siteId);
  app.services.sandbox!.rentManager.admin.setPin(tenant!.id, '73519246');
  const started = await app.services.ctx.sync.runSite({ siteId: site.siteId, trigger: 'scheduled' });
  const waiting = await started.done;
  expect(waiting).toMatchObject({ awaitingApproval: true });
  await page.getByRole('button', { name: 'Overview' }).click();
  const row = page.getByRole('row', { name: new RegExp(site.name) }).first();
  await expect(row.getByText(/changes? waiting/)).toBeVisible();
  await shootSizes(page, 'overview-waiting');
  const ended = nextFinished(app, site.siteId);
  await row.getByRole('button', { name: new RegExp(`^Approve \\d+ changes? for ${site.name}$`) }).click();
  const applied = await ended;
  expect(applied.outcome).toBe('succeeded');
  await expect(row.getByText(/changes? waiting/)).toHaveCount(0);
});
