import type { Page } from '@playwright/test';
import type { RawBridge } from '../../src-renderer/bridge';
import { readCommunityState } from '../../src-main/smartplus/read-snapshot';
import { expect, openApp, test } from './fixtures';
import { captureStep, sidebarTo } from './journey-helpers';

// Sites over their life (issue 16): properties enabled in Rent Manager after the first import
// show on the Overview with Import; a property taken out of the integration is flagged with
// "Remove site"; removing forgets the site and its local copy while SmartPlus keeps everything.

const RM = 'sandbox-rentmanager';
const invoke = (page: Page, channel: string, input: unknown) =>
  page.evaluate(([c, i]) => (window as unknown as { bridge: RawBridge }).bridge.invoke(c as string, i), [channel, input] as const) as Promise<{ ok: boolean; value: never }>;

test('new properties, a property out of the integration, and Remove site', async ({ page, app }) => {
  test.setTimeout(180_000);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  app.services.sandbox!.smartPlus.admin.activateIntegration(12);
  await openApp(page, app, 'light');
  const properties = (await invoke(page, 'sites.listProperties', { connectionId: RM })).value as Array<{ id: number; name: string }>;
  const [first, second] = properties;
  const policy = { creation: 'move-in', deletion: 'move-out', sameAccessAsMaster: false, fields: { pin: null, rfCard: null }, timeZone: 'America/New_York', graceDays: 0 };
  const imported = await invoke(page, 'sites.import', { connectionId: RM, policy, properties: [{ propertyId: first!.id, units: 'all' }, { propertyId: second!.id, units: 'all' }] });
  expect(imported.ok).toBe(true);
  const siteIds = (imported.value as { sites: Array<{ siteId: string }> }).sites.map((s) => s.siteId);
  for (const id of siteIds) {
    await expect.poll(() => app.services.ctx.db.sites.listSummaries().find((s) => s.id === id)?.lastRun?.outcome ?? 'none', { timeout: 90_000 }).toBe('succeeded');
  }
  // The second property leaves the integration in Rent Manager.
  app.services.sandbox!.rentManager.admin.removeProperty(second!.id);
  await page.reload();

  const main = page.getByRole('main');
  const newCount = properties.length - 2;
  const notice = main.getByText(`${newCount} new ${newCount === 1 ? 'property' : 'properties'} for Sandbox Property Management`);
  await expect(notice).toBeVisible({ timeout: 30_000 });
  const row = main.getByRole('row').filter({ hasText: second!.name });
  await expect(row.getByText('Left the integration')).toBeVisible();
  await captureStep(page, 'overview-site-life');
  await page.setViewportSize({ width: 1024, height: 640 });
  await captureStep(page, 'overview-site-life-small');
  await page.setViewportSize({ width: 1280, height: 800 });

  const site = app.services.ctx.db.sites.get(siteIds[1]!)!;
  const sp = await app.services.ctx.clients.smartPlus('sandbox-smartplus');
  const community = (await sp.communities.list({ pageSize: 100 })).items.find((c) => c.name === second!.name)!;
  expect(app.services.ctx.db.sites.listSummaries().find((s) => s.id === site.id)?.lastRun?.outcome).toBe('succeeded');
  const communityBefore = await readCommunityState(sp, community.id);
  expect(communityBefore.apartments.length).toBeGreaterThan(0);
  await row.getByRole('button', { name: `Remove site ${second!.name}` }).click();
  const dialog = page.getByRole('alertdialog');
  await expect(dialog).toContainText('Nothing is deleted in SmartPlus');
  await captureStep(page, 'overview-remove-site-dialog');
  await dialog.getByRole('button', { name: 'Remove site', exact: true }).click();
  await expect(main.getByRole('row').filter({ hasText: second!.name })).toHaveCount(0);
  expect(app.services.ctx.db.sites.get(site.id)).toBeNull();
  expect(app.services.ctx.db.sites.listSummaries().map((s) => s.id)).toEqual([siteIds[0]]);
  // SmartPlus keeps the community, its apartments and residents exactly.
  const communityAfter = await readCommunityState(sp, community.id);
  expect(communityAfter.apartments.length).toBe(communityBefore.apartments.length);
  expect(communityAfter.residents.length).toBe(communityBefore.residents.length);

  // Not now: the new properties are not announced again.
  await main.getByRole('button', { name: 'Not now' }).click();
  await expect(notice).toHaveCount(0);
  await page.reload();
  await expect(main.getByRole('row').filter({ hasText: first!.name })).toBeVisible();
  await expect(main.getByText(/new propert(y|ies) for/)).toHaveCount(0);

  // Remove site from Settings too: the policy card offers it for the chosen site.
  await sidebarTo(page, 'Settings');
  await main.getByRole('button', { name: `Remove site ${first!.name}` }).scrollIntoViewIfNeeded();
  await captureStep(page, 'settings-remove-site');
  await main.getByRole('button', { name: `Remove site ${first!.name}` }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: 'Remove site', exact: true }).click();
  await expect(main.getByText('No site yet')).toBeVisible();
  expect(app.services.ctx.db.sites.listSummaries()).toEqual([]);
  expect(errors).toEqual([]);
});
