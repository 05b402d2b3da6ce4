import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import type { RunStarted } from '../../src-shared/ipc/contract/sync';
import { expect, openApp, type RunningApp, screenshot, test } from './fixtures';
import { sidebarTo } from './journey-helpers';
import { call, currentTenants, expectAccessible, importSmallestSite, nextFinished } from './overview-runs-helpers';

// Issue 13: "Save diagnostics" in Settings and on a failed run, end to end — the real services
// write the report into the folder the bridge's dialog stand-in chooses — screenshotted at the
// two window sizes people use (1280×800 and the 1024×640 minimum).
test.describe.configure({ mode: 'serial' });

const SIZES = [
  { width: 1280, height: 800 },
  { width: 1024, height: 640 },
] as const;

let site: { siteId: string; name: string };
let failedRunId: string;

/** Screenshots the page at both sizes (scrolled to `target`), back to 1280×800 after. */
async function shootSizes(page: Page, name: string, target: ReturnType<Page['locator']>): Promise<void> {
  for (const size of SIZES) {
    await page.setViewportSize(size);
    await target.scrollIntoViewIfNeeded();
    await screenshot(page, `${name}-${size.width}x${size.height}`);
  }
  await page.setViewportSize(SIZES[0]);
}

/** Every file of a saved report as text. */
function reportText(folder: string): string {
  return fs.readdirSync(folder).map((f) => fs.readFileSync(path.join(folder, f), 'utf8')).join('\n');
}

/** Asserts the report holds no sandbox password and no name of the site's tenants. */
async function expectNothingPersonal(app: RunningApp, folder: string): Promise<void> {
  const text = reportText(folder);
  expect(text).not.toContain('sandbox-password');
  const names = (await currentTenants(app, site.siteId)).flatMap((t) => [t.name, ...t.contacts.flatMap((c) => [c.email ?? '', `${c.firstName} ${c.lastName}`])]);
  for (const name of names.filter((n) => n.trim().length >= 5)) expect(text, name).not.toContain(name);
}

test('Settings: Save diagnostics writes the report where the dialog chose and offers Show in folder', async ({ page, app }) => {
  test.setTimeout(180_000);
  site = await importSmallestSite(app);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await openApp(page, app);
  await sidebarTo(page, 'Settings');
  const card = page.getByRole('region', { name: 'Support' });
  await expect(card.getByRole('button', { name: 'Save diagnostics…' })).toBeVisible();
  await expect(card.getByText(/No passwords, tokens, PINs, card numbers, names or e-mail addresses/)).toBeVisible();
  await shootSizes(page, 'diagnostics-settings', card);

  app.saveFolder.cancelNext();
  await card.getByRole('button', { name: 'Save diagnostics…' }).click();
  await expect(card.getByRole('status')).toHaveText('No diagnostics report was saved.');

  await card.getByRole('button', { name: 'Save diagnostics…' }).click();
  const saved = card.getByRole('status');
  await expect(saved).toContainText('Diagnostics report saved in');
  const folder = (await saved.locator('strong').textContent())!;
  expect(path.dirname(folder)).toBe(app.saveFolder.dir);
  expect(fs.readdirSync(folder).sort()).toEqual(['README.md', 'about.json', 'log.jsonl', 'response-shapes.json', 'run-report.json']);
  expect((fs.statSync(folder).mode & 0o777).toString(8)).toBe('700');
  const report = JSON.parse(fs.readFileSync(path.join(folder, 'run-report.json'), 'utf8')) as { why: string; run: { siteId: string } };
  expect(report).toMatchObject({ why: 'latest', run: { siteId: site.siteId } });
  const shapes = JSON.parse(fs.readFileSync(path.join(folder, 'response-shapes.json'), 'utf8')) as Array<{ endpoint: string }>;
  expect(shapes.map((s) => s.endpoint)).toEqual(expect.arrayContaining(['rentmanager GET /Tenants', 'smartplus POST /communities/:id/apartments']));
  await expectNothingPersonal(app, folder);

  await saved.getByRole('button', { name: 'Show in folder' }).click();
  await expect.poll(() => app.saveFolder.shown).toEqual([folder]);
  await expectAccessible(page);
  await shootSizes(page, 'diagnostics-settings-saved', card);
  expect(errors).toEqual([]);
});

test('a failed run offers Save diagnostics for that run', async ({ page, app }) => {
  test.setTimeout(180_000);
  // Rent Manager answers 503 to every read: the run fails at the read.
  app.services.sandbox!.rentManager.admin.faults({ share: 1, statuses: [503] });
  const started = await call<RunStarted>(app, 'sync.runSite', { siteId: site.siteId });
  const run = await nextFinished(app, site.siteId, started.runId);
  app.services.sandbox!.rentManager.admin.faults({ share: 0 });
  expect(run.outcome).toBe('failed');
  failedRunId = run.id;

  await openApp(page, app);
  await sidebarTo(page, 'Runs');
  await page.getByRole('button', { name: new RegExp(`Open the run of ${site.name}`) }).first().click();
  const main = page.getByRole('main');
  await expect(main.getByText('This run stopped:')).toBeVisible();
  const button = main.getByRole('button', { name: 'Save diagnostics…' });
  await expect(button).toBeVisible();
  await shootSizes(page, 'diagnostics-failed-run', main.getByRole('heading', { level: 1 }));

  await button.click();
  const saved = main.getByRole('status').filter({ hasText: 'Diagnostics report saved in' });
  await expect(saved).toBeVisible();
  const folder = (await saved.locator('strong').textContent())!;
  const report = JSON.parse(fs.readFileSync(path.join(folder, 'run-report.json'), 'utf8')) as { why: string; run: { id: string; outcome: string; error: string } };
  expect(report).toMatchObject({ why: 'chosen', run: { id: failedRunId, outcome: 'failed' } });
  const log = fs.readFileSync(path.join(folder, 'log.jsonl'), 'utf8').trim().split('\n');
  expect(log.length).toBeGreaterThan(10);
  expect(log.length).toBeLessThanOrEqual(500);
  await expectNothingPersonal(app, folder);
  await expectAccessible(page);
  await shootSizes(page, 'diagnostics-failed-run-saved', main.getByRole('heading', { level: 1 }));
});
