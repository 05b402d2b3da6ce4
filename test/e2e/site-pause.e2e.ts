import type { Page } from '@playwright/test';
import type { RawBridge } from '../../src-renderer/bridge';
import { expect, openApp, test } from './fixtures';
import { captureStep } from './journey-helpers';

// Issue 16: a site can be paused (no scheduled or light runs; manual runs still possible, with a
// warning) and removed. Imports a site, pauses it with a reason from the Overview, sees the pill,
// resyncs through the warning, resumes, and removes it (SmartPlus keeps everything).

const RM = 'sandbox-rentmanager';
const invoke = (page: Page, channel: string, input: unknown) =>
  page.evaluate(([c, i]) => (window as unknown as { bridge: RawBridge }).bridge.invoke(c as string, i), [channel, input] as const) as Promise<{ ok: boolean; value: never }>;

/** Light and dark at 1280 × 800, then at 1024 × 640 (captureStep runs axe on each). */
async function captureBoth(page: Page, name: string) {
  await captureStep(page, name);
  await page.setViewportSize({ width: 1024, height: 640 });
  await captureStep(page, `${name}-small`);
  await page.setViewportSize({ width: 1280, height: 800 });
}

test('pause a site with a reason, resync it through the warning, resume it, remove it', async ({ page, app }) => {
  test.setTimeout(180_000);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  app.services.sandbox!.smartPlus.admin.activateIntegration(12);
  await page.setViewportSize({ width: 1280, height: 800 });
  await openApp(page, app, 'light');
  const [first] = (await invoke(page, 'sites.listProperties', { connectionId: RM })).value as Array<{ id: number; name: string }>;
  const policy = { creation: 'move-in', deletion: 'move-out', sameAccessAsMaster: false, fields: { pin: null, rfCard: null }, timeZone: 'America/New_York', graceDays: 0 };
  const imported = await invoke(page, 'sites.import', { connectionId: RM, policy, properties: [{ propertyId: first!.id, units: 'all' }] });
  expect(imported.ok).toBe(true);
  const siteId = (imported.value as { sites: Array<{ siteId: string }> }).sites[0]!.siteId;
  const runsOf = () => app.services.ctx.db.sites.listSummaries().find((s) => s.id === siteId)?.lastRun;
  await expect.poll(() => runsOf()?.outcome ?? 'none', { timeout: 90_000 }).toBe('succeeded');
  await page.reload();

  const main = page.getByRole('main');
  const row = main.getByRole('row').filter({ hasText: first!.name });
  await row.getByRole('button', { name: `Pause site ${first!.name}` }).click();
  const pauseDialog = page.getByRole('dialog', { name: `Pause “${first!.name}”?` });
  await pauseDialog.getByLabel('Reason (optional)').fill('Roof works until March');
  await captureBoth(page, 'overview-pause-dialog');
  await pauseDialog.getByRole('button', { name: 'Pause site' }).click();
  await expect(row.getByText('Paused', { exact: true })).toBeVisible();
  await expect(row.getByText(/Roof works until March · since/)).toBeVisible();
  expect(app.services.ctx.db.sites.pauseOf(siteId)).toMatchObject({ reason: 'Roof works until March' });
  await captureBoth(page, 'overview-paused-row');

  // Resync warns first; Keep it paused starts nothing, Resync anyway runs it once (the site stays paused).
  const before = runsOf()!.id;
  await row.getByRole('button', { name: `Resync ${first!.name}` }).click();
  const ask = page.getByRole('alertdialog');
  await expect(ask).toContainText('This site is paused: Roof works until March. Resync anyway?');
  await captureBoth(page, 'overview-paused-resync-warning');
  await ask.getByRole('button', { name: 'Keep it paused' }).click();
  await expect(ask).toHaveCount(0);
  expect(runsOf()!.id).toBe(before);
  await row.getByRole('button', { name: `Resync ${first!.name}` }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: 'Resync anyway' }).click();
  await expect.poll(() => (runsOf()!.id !== before ? runsOf()!.outcome : 'none'), { timeout: 90_000 }).toBe('succeeded');
  expect(app.services.ctx.db.sites.pauseOf(siteId)).not.toBeNull();

  await row.getByRole('button', { name: `Resume ${first!.name}` }).click();
  await expect(row.getByText('Paused', { exact: true })).toHaveCount(0);
  expect(app.services.ctx.db.sites.pauseOf(siteId)).toBeNull();

  await row.getByRole('button', { name: `Remove site ${first!.name}` }).click();
  const remove = page.getByRole('alertdialog');
  await expect(remove).toContainText('Nothing is deleted in SmartPlus');
  await remove.getByRole('button', { name: 'Remove site', exact: true }).click();
  await expect(main.getByRole('row').filter({ hasText: first!.name })).toHaveCount(0);
  expect(app.services.ctx.db.sites.get(siteId)).toBeNull();
  expect(errors).toEqual([]);
});
