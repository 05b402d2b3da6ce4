import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, openApp, test } from './fixtures';
import { expectAccessible, sidebarTo } from './journey-helpers';
import { call, importSmallestSite } from './overview-runs-helpers';
import type { ApartmentDetail } from '../../src-shared/domain/site';
import type { ApartmentListPage } from '../../src-shared/ipc/contract/apartments';

// Issue 16 "less friction": the unit picker (names only, occupancy, floors, ranges), times as
// typed, and the resident search across all sites — at 1280 × 800 and 1024 × 640, light and dark.

const SHOTS = path.resolve(import.meta.dirname, '../../reports/shots');
const SIZES = [
  { width: 1280, height: 800 },
  { width: 1024, height: 640 },
] as const;

/** Screenshots light and dark at the current size under reports/shots/, with axe in both. */
async function shoot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(SHOTS, { recursive: true });
  const size = page.viewportSize()!;
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.screenshot({ path: path.join(SHOTS, `${name}-${size.width}x${size.height}-${scheme}.png`) });
    await expectAccessible(page, `${name} ${size.width}x${size.height} ${scheme}`);
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

test.describe('Less friction', () => {
  test('unit picker, times as typed, resident search across sites', async ({ page, app }) => {
    test.setTimeout(300_000);
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    const { siteId } = await importSmallestSite(app);
    const page0 = await call<ApartmentListPage>(app, 'apartments.list', { siteId, search: '', filter: 'all', page: 0, pageSize: 50 });
    let someone: { lastName: string } | null = null;
    for (const row of page0.rows.filter((r) => r.synced && r.familyMemberCount > 0)) {
      const detail = await call<ApartmentDetail>(app, 'apartments.get', { apartmentId: row.id });
      const member = detail.familyMembers.find((m) => m.lastName.length >= 2);
      if (member) {
        someone = { lastName: member.lastName };
        break;
      }
    }
    if (!someone) throw new Error('the smallest sandbox site has no family member to search for');
    await openApp(page, app, 'light');
    const main = page.getByRole('main');

    for (const size of SIZES) {
      await page.setViewportSize(size);

      // Resident search on the Sites screen: a last name finds the resident with site and unit.
      await sidebarTo(page, 'Sites');
      const box = main.getByRole('searchbox', { name: 'Search residents in all sites' });
      await box.fill(someone.lastName);
      const results = main.getByLabel('Residents found');
      await expect(results.getByRole('button').first()).toBeVisible();
      await expect(results).toContainText(someone.lastName);
      await shoot(page, 'resident-search');

      // Settings: the daily time takes "2:30 PM"; the Custom picker searches names, shows occupancy, picks a floor.
      await sidebarTo(page, 'Settings');
      const time = main.getByLabel('Daily sync time');
      await time.fill('2:30 PM');
      await expect(main.getByText(/Next full sync/)).toBeVisible();
      await time.fill('25:00');
      await expect(main.getByText(/Hours go from 0 to 23/)).toBeVisible();
      await time.fill('07:00');
      await main.getByRole('radio', { name: /^Custom/ }).check();
      const grid = main.locator('.gs-unit-grid .fr-unit-name');
      await expect(grid.first()).toBeVisible();
      const all = await grid.allTextContents();
      const floors = main.getByRole('group', { name: /Floors of/ });
      if ((await floors.count()) > 0) {
        await floors.getByRole('button').first().click();
      } else {
        // Townhomes (D1, D2, …) have no floors: a from–to range picks them instead.
        await main.getByLabel('From unit').fill(all[1]!);
        await main.getByLabel('to', { exact: true }).fill(all[3]!);
        await main.getByRole('button', { name: /^Pick 3 units/ }).click();
      }
      await expect(main.getByText(/of \d+ apartments picked/)).not.toHaveText(/^0 of/);
      await expect(main.getByText(/^(Vacant|\d+ tenants?)$/).first()).toBeVisible();
      await main.getByLabel(/Search units in/).fill(all.at(-1)!);
      const names = await grid.allTextContents();
      expect(names).toContain(all.at(-1));
      expect(names.length).toBeLessThan(all.length);
      await main.getByLabel(/Search units in/).fill('');
      await main.getByLabel(/Search units in/).scrollIntoViewIfNeeded();
      await shoot(page, 'unit-picker');
      await main.getByRole('radio', { name: /^All/ }).first().check();
    }

    // A match opens its apartment, whose main account is named after its unit.
    await sidebarTo(page, 'Sites');
    await main.getByRole('searchbox', { name: 'Search residents in all sites' }).fill(someone.lastName);
    await main.getByLabel('Residents found').getByRole('button').first().click();
    await expect(main.getByText(/\(main account\)/)).toBeVisible();
    expect(errors).toEqual([]);
  });
});
