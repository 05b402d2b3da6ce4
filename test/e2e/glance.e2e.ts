import { expect, openApp, test } from './fixtures';
import { currentTenants, importSmallestSite, nextFinished, shootBoth } from './overview-runs-helpers';

/*
 * Issue 16, "Problems sorted out": a run with an error-level problem reads "Synced with
 * problems" on the Overview row, the finish line and the report, with the same count, and
 * the report splits "Needs attention" from "For your information". Screenshots at 1280×800
 * and 1024×640, light and dark, with axe.
 */
test('a run with an invalid PIN is "Synced with problems" everywhere, with one count and the report sorted out', async ({ page, app }) => {
  test.setTimeout(180_000);
  const site = await importSmallestSite(app);
  const [tenant] = await currentTenants(app, site.siteId);
  app.services.sandbox!.rentManager.admin.setPin(tenant!.id, '9123');
  await openApp(page, app);
  const row = page.getByRole('row', { name: new RegExp(site.name) }).first();
  await expect(row).toBeVisible();
  const ended = nextFinished(app, site.siteId);
  await page.getByRole('button', { name: `Resync ${site.name}` }).click();
  const run = await ended;
  expect(run.outcome).toBe('succeeded');
  expect(run.errorCount ?? 0).toBeGreaterThan(0);
  const line = page.getByRole('status').filter({ hasText: `sync of ${site.name} finished` });
  await expect(line.getByText('Synced with problems')).toBeVisible();
  await expect(row.getByText('Synced with problems')).toBeVisible();
  const count = run.problemCount;
  const words = `${count} ${count === 1 ? 'problem' : 'problems'}`;
  await expect(line).toContainText(`${words} ${count === 1 ? 'needs' : 'need'} attention`);
  await expect(row.getByRole('button', { name: `${words} in the last run of ${site.name}` })).toHaveText(words);
  for (const [w, h] of [[1280, 800], [1024, 640]] as const) {
    await page.setViewportSize({ width: w, height: h });
    await shootBoth(page, `glance-overview-${w}x${h}`);
  }

  await line.getByRole('button', { name: 'View run' }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Run of ${site.name}` })).toBeVisible();
  await expect(page.getByText('Synced with problems').first()).toBeVisible();
  await expect(page.getByRole('heading', { name: `Needs attention (${count})` })).toBeVisible();
  await expect(page.getByRole('region', { name: `Needs attention (${count})` }).getByText('Invalid PIN').first()).toBeVisible();
  for (const [w, h] of [[1280, 800], [1024, 640]] as const) {
    await page.setViewportSize({ width: w, height: h });
    await shootBoth(page, `glance-run-report-${w}x${h}`);
  }
  const unitLink = page.getByRole('region', { name: `Needs attention (${count})` }).getByRole('button', { name: /^Unit .+: open the apartment/ }).first();
  await unitLink.click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText(/.+/);
  await expect(page.getByText(/of \d+ family members/)).toBeVisible();
});
