import type { ApartmentListPage } from '../../src-shared/ipc/contract/apartments';
import type { ImportedSite, PropertyOption } from '../../src-shared/ipc/contract/sites';
import { expect, openApp, test } from './fixtures';
import { captureStep } from './journey-helpers';
import { call, nextFinished } from './overview-runs-helpers';

// Issue 16: the Apartments list of a Custom site — offline, "Needs the network" stays in its row
// (rows do not overlap) at 1024 × 640; online, "Add to sync" names the unit, "Resync now" runs,
// and the notice goes away once that run has finished.

test('a Custom site: offline rows do not overlap at 1024 × 640; Add to sync names the unit, Resync now, the notice goes away', async ({ page, app }) => {
  test.setTimeout(240_000);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  app.services.sandbox!.smartPlus.admin.activateIntegration(12);
  const properties = await call<PropertyOption[]>(app, 'sites.listProperties', { connectionId: 'sandbox-rentmanager' });
  const smallest = [...properties].sort((a, b) => a.unitCount - b.unitCount)[0]!;
  const units = await call<{ id: number; name: string }[]>(app, 'sites.listUnits', { connectionId: 'sandbox-rentmanager', propertyId: smallest.id });
  expect(units.length).toBeGreaterThanOrEqual(4);
  const { sites } = await call<{ sites: ImportedSite[] }>(app, 'sites.import', {
    connectionId: 'sandbox-rentmanager',
    policy: { creation: 'move-in', deletion: 'move-out', sameAccessAsMaster: false },
    properties: [{ propertyId: smallest.id, units: units.slice(0, 2).map((u) => u.id) }],
  });
  const site = sites[0]!;
  await nextFinished(app, site.siteId, site.runId);
  const list = await call<ApartmentListPage>(app, 'apartments.list', { siteId: site.siteId, pageSize: 50 });
  const unsynced = list.rows.filter((r) => !r.synced);
  expect(unsynced.length).toBeGreaterThanOrEqual(2);

  await page.setViewportSize({ width: 1024, height: 640 });
  await openApp(page, app, 'light');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Sites' }).click();
  await page.getByRole('button', { name: site.name, exact: true }).click();
  const table = page.getByRole('table', { name: 'Apartments' });
  await expect(table.getByRole('button', { name: /^Add to sync: unit / }).first()).toBeVisible();

  // Offline: the buttons are off and say why, inside their rows.
  const sandbox = app.services.sandbox!;
  await sandbox.setNetworkDown(true);
  app.services.reportOsOnline(false);
  try {
    await expect(page.getByTestId('offline-notice')).toBeVisible();
    // In the list the disabled button says why to screen readers; the offline notice says it to everyone.
    await expect(table.getByRole('button', { name: /^Add to sync: unit / }).first()).toHaveAccessibleDescription('Needs the network');
    const rows = table.getByTestId('apartment-scroll').getByRole('row');
    const boxes = await rows.evaluateAll((els) => els.map((el) => ({ top: el.getBoundingClientRect().top, bottom: el.getBoundingClientRect().bottom })));
    expect(boxes.length).toBeGreaterThanOrEqual(4);
    boxes.sort((a, b) => a.top - b.top);
    for (let i = 1; i < boxes.length; i++) expect(boxes[i]!.top, `row ${i + 1} starts below row ${i}`).toBeGreaterThanOrEqual(boxes[i - 1]!.bottom - 0.5);
    // Each "Needs the network" lies inside its own row and its own cell.
    const spill = await table.getByText('Needs the network').evaluateAll((els) =>
      els
        .map((el) => {
          const r = el.getBoundingClientRect();
          const row = el.closest('[role=row]')!.getBoundingClientRect();
          const cell = el.closest('[role=cell]')!.getBoundingClientRect();
          return r.width > 1 && (r.top < row.top - 0.5 || r.bottom > row.bottom + 0.5 || r.right > cell.right + 0.5) ? `${Math.round(r.left)}–${Math.round(r.right)} × ${Math.round(r.top)}–${Math.round(r.bottom)}` : null;
        })
        .filter((x) => x !== null),
    );
    expect(spill).toEqual([]);
    await table.evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await captureStep(page, 'add-to-sync-1-offline-1024x640');
  } finally {
    await sandbox.setNetworkDown(false);
  }
  app.services.reportOsOnline(true);
  await expect(page.getByTestId('offline-notice')).toHaveCount(0, { timeout: 20_000 });

  // Online: Add to sync names the unit, offers Resync now; the notice goes when the run finishes.
  const unit = unsynced[0]!.name;
  await table.getByRole('button', { name: `Add to sync: unit ${unit}` }).click();
  const notice = page.getByRole('status').filter({ hasText: unit });
  await expect(notice).toBeVisible();
  const resync = notice.getByRole('button', { name: 'Resync now' });
  await expect(resync).toBeVisible();
  await captureStep(page, 'add-to-sync-2-notice-1024x640');
  await expect(table.getByText('Added — syncs on the next run')).toBeVisible();
  const finished = nextFinished(app, site.siteId);
  await resync.click();
  await expect(resync).toHaveCount(0);
  const run = await finished;
  expect(run.outcome).not.toBe('failed');
  await expect(page.getByRole('status').filter({ hasText: unit })).toHaveCount(0, { timeout: 15_000 });
  await expect(table.getByRole('button', { name: `Unit ${unit}`, exact: true })).toBeVisible({ timeout: 15_000 });
  await captureStep(page, 'add-to-sync-3-synced-1024x640');
  const after = await call<ApartmentListPage>(app, 'apartments.list', { siteId: site.siteId, pageSize: 50 });
  expect(after.rows.find((r) => r.name === unit)?.synced).toBe(true);
  expect(errors).toEqual([]);
});
