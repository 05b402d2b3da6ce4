import type { Locator, Page } from '@playwright/test';
import type { RawBridge } from '../../src-renderer/bridge';
import { expect, openApp, screenshot, test } from './fixtures';
import { captureStep, sidebarTo } from './journey-helpers';

/** Presses Tab until `target` has focus (keyboard only); fails fast when the target is missing. */
async function tabTo(page: Page, target: Locator, max = 80): Promise<void> {
  await target.waitFor({ state: 'attached', timeout: 15_000 });
  for (let i = 0; i < max; i++) {
    if (await target.evaluate((el) => el === document.activeElement, undefined, { timeout: 2_000 })) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`could not reach ${target.toString()} with Tab`);
}

/** Pays for the integration on the Subscription screen from the keyboard: 1 month, renewing automatically, card 4242…. */
async function payWithTestCard(page: Page): Promise<void> {
  const main = page.getByRole('main');
  await tabTo(page, main.getByRole('button', { name: 'Pay for the integration' }));
  await page.keyboard.press('Enter');
  await tabTo(page, main.getByRole('radio', { name: /Community/ }));
  await page.keyboard.press('Space');
  await tabTo(page, main.getByRole('button', { name: 'Next' }));
  await page.keyboard.press('Enter');
  await expect(main.getByRole('radio', { name: /Integration/ })).toBeChecked();
  await tabTo(page, main.getByRole('button', { name: 'Next' }));
  await page.keyboard.press('Enter');
  await tabTo(page, main.getByRole('radio', { name: /Renew automatically/ }));
  await page.keyboard.press('Space');
  await tabTo(page, main.getByRole('radio', { name: /^1 month/ }));
  await page.keyboard.press('Space');
  await tabTo(page, main.getByRole('button', { name: 'Next' }));
  await page.keyboard.press('Enter');
  await tabTo(page, main.getByLabel('Billing address'));
  await page.keyboard.type('1 Main St, Knoxville, TN 37902');
  await tabTo(page, main.getByRole('button', { name: 'Continue to payment' }));
  await page.keyboard.press('Enter');
  await tabTo(page, main.getByLabel(/Card number/));
  await page.keyboard.type('4242424242424242');
  await page.keyboard.press('Tab');
  await page.keyboard.type(`12/${(new Date().getFullYear() + 2) % 100}`);
  await page.keyboard.press('Tab');
  await page.keyboard.type('123');
  await page.keyboard.press('Tab');
  await page.keyboard.type('Pat Installer');
  await tabTo(page, main.getByRole('button', { name: /^Pay \$/ }));
  await page.keyboard.press('Enter');
  await expect(main.getByText(/Payment received/)).toBeVisible();
}

const invoke = (page: Page, channel: string, input: unknown) =>
  page.evaluate(([c, i]) => (window as unknown as { bridge: RawBridge }).bridge.invoke(c as string, i), [channel, input] as const);

test.describe('Get Site from PMS', () => {
  test('keyboard only: two properties with Custom apartments, pay when asked, review, import, land on the site', async ({ page, app }) => {
    test.setTimeout(300_000);
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await openApp(page, app, 'light');
    const main = page.getByRole('main');
    const next = main.getByRole('button', { name: 'Next' });

    // Sidebar → Sites → "Get Site from PMS", from the keyboard.
    await tabTo(page, page.getByRole('button', { name: /Overview/ }));
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 1, name: 'Sites' })).toBeFocused();
    await tabTo(page, main.getByRole('button', { name: 'Get Site from PMS' }).first());
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 1, name: 'Get Site from PMS' })).toBeVisible();

    // 1. Customer: the sandbox customer is the only one, so it is chosen.
    await expect(main.getByRole('radio', { name: /Sandbox Property Management/ })).toBeChecked();
    await captureStep(page, 'get-site-1-customer');
    await tabTo(page, next);
    await page.keyboard.press('Enter');

    // 2. Properties: Next waits for a choice; pick the first two with Space.
    await expect(page.getByRole('heading', { level: 2, name: /Step 2 of 9/ })).toBeFocused();
    const boxes = main.getByRole('checkbox');
    await expect(boxes.first()).toBeVisible();
    await expect(next).toBeDisabled();
    const names = [(await boxes.nth(0).locator('xpath=..').locator('strong').textContent())!, (await boxes.nth(1).locator('xpath=..').locator('strong').textContent())!];
    await tabTo(page, boxes.nth(0));
    await page.keyboard.press('Space');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Space');
    await expect(main.getByText(/^2 selected/)).toBeVisible();
    await captureStep(page, 'get-site-2-properties');
    await page.keyboard.press('Enter');

    // 3–5. Policy: Lease Start, Move-Out (default), same access as the main account — arrow keys in radio groups.
    await expect(page.getByRole('heading', { level: 2, name: /Account creation/ })).toBeFocused();
    await tabTo(page, main.getByRole('radio', { name: /Move-In Date/ }));
    await page.keyboard.press('ArrowDown');
    await expect(main.getByRole('radio', { name: /Lease Start Date/ })).toBeChecked();
    await captureStep(page, 'get-site-3-creation');
    await page.keyboard.press('Enter');
    await expect(main.getByRole('radio', { name: /Move-Out Date/ })).toBeChecked();
    await captureStep(page, 'get-site-4-deletion');
    await tabTo(page, next);
    await page.keyboard.press('Enter');
    await expect(main.getByText(/opens the community.s doors at any time of day/)).toBeVisible();
    await tabTo(page, main.getByRole('radio', { name: /24 Hours/ }));
    await page.keyboard.press('ArrowUp');
    await expect(main.getByRole('radio', { name: /Yes — same access/ })).toBeChecked();
    await captureStep(page, 'get-site-5-access');
    await page.keyboard.press('Enter');

    // Community: both properties keep "Create a new community" (the default).
    await expect(page.getByRole('heading', { level: 2, name: /Step 6 of 9: Community/ })).toBeFocused();
    await expect(main.getByRole('radio', { name: /Create a new community/ })).toHaveCount(2);
    await tabTo(page, next);
    await page.keyboard.press('Enter');

    // PINs, cards and time: the fields from samples, the zone the property's state suggests — from the keyboard.
    await expect(page.getByRole('heading', { level: 2, name: /Step 7 of 9: PINs, cards and time/ })).toBeFocused();
    await expect(next).toBeDisabled();
    await tabTo(page, main.getByRole('group', { name: /holds each tenant.s PIN/ }).getByRole('radio').first());
    await main.getByRole('group', { name: /holds each tenant.s PIN/ }).getByRole('radio', { name: /^Door PIN \(Text\)/ }).focus();
    await page.keyboard.press('Space');
    await main.getByRole('group', { name: /holds each tenant.s RF card/ }).getByRole('radio', { name: /^RF Card/ }).focus();
    await page.keyboard.press('Space');
    await tabTo(page, main.getByRole('button', { name: 'Use this time zone' }));
    await page.keyboard.press('Enter');
    await expect(next).toBeEnabled();
    await tabTo(page, next);
    await page.keyboard.press('Enter');

    // 6. Apartments: Custom, refused while a property has none, then 3 + 2 units.
    await tabTo(page, main.getByRole('radio', { name: /^All/ }));
    await page.keyboard.press('ArrowDown');
    const first = main.getByRole('group', { name: names[0] });
    const second = main.getByRole('group', { name: names[1] });
    await expect(first.getByRole('checkbox').first()).toBeVisible();
    await expect(second.getByRole('checkbox').first()).toBeVisible();
    await expect(next).toBeDisabled();
    await expect(main.getByText(/Pick at least one apartment in/)).toBeVisible();
    await captureStep(page, 'get-site-6-apartments-empty');
    for (const [group, count] of [[first, 3], [second, 2]] as const) {
      await tabTo(page, group.getByRole('checkbox').first());
      for (let i = 0; i < count; i++) {
        await page.keyboard.press('Space');
        await page.keyboard.press('ArrowRight');
      }
    }
    await expect(first.getByText(/^3 of \d+ apartments picked/)).toBeVisible();
    await expect(second.getByText(/^2 of \d+ apartments picked/)).toBeVisible();
    await expect(next).toBeEnabled();
    await captureStep(page, 'get-site-6-apartments');
    await tabTo(page, next);
    await page.keyboard.press('Enter');

    // 7. Review: the plan per property; Import waits for the Integration service.
    await expect(main.getByRole('region', { name: names[0], exact: true })).toBeVisible({ timeout: 30_000 });
    const firstPlan = main.getByRole('region', { name: names[0], exact: true });
    await expect(firstPlan.getByText('Apartments to create').locator('xpath=following-sibling::dd')).toHaveText('3');
    await expect(main.getByRole('region', { name: names[1], exact: true }).getByText('Apartments to create').locator('xpath=following-sibling::dd')).toHaveText('2');
    await expect(main.getByText(/Import is not possible yet/)).toBeVisible();
    await expect(main.getByRole('button', { name: 'Import' })).toBeDisabled();
    await captureStep(page, 'get-site-7-review-unpaid');
    for (const cell of await main.locator('td.gs-mono').allTextContents()) expect(cell).not.toMatch(/^\d{2,8}$/);

    // Pay through the Subscription screen, then come back: the wizard kept every choice.
    await tabTo(page, main.getByRole('button', { name: 'Pay for the Integration service' }));
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 1, name: 'Subscription' })).toBeVisible();
    await payWithTestCard(page);
    await sidebarTo(page, 'Sites');
    await tabTo(page, main.getByRole('button', { name: 'Get Site from PMS' }).first());
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 2, name: /Step 9 of 9: Review/ })).toBeVisible();
    await expect(main.getByText(/The Integration service is paid for/)).toBeVisible();
    await expect(main.getByRole('button', { name: 'Import' })).toBeEnabled();
    await captureStep(page, 'get-site-7-review');

    // Import: progress per site and phase (SmartPlus slowed down so the step can be seen), then the result.
    app.services.sandbox!.smartPlus.admin.latency(400);
    await tabTo(page, main.getByRole('button', { name: 'Import' }));
    await page.keyboard.press('Enter');
    await expect(main.getByRole('progressbar').first()).toBeVisible();
    await expect(main.getByRole('button', { name: 'Cancel import' })).toBeEnabled();
    await captureStep(page, 'get-site-8-importing');
    app.services.sandbox!.smartPlus.admin.latency(0);
    await expect(main.getByText(/sites were imported/)).toBeVisible({ timeout: 60_000 });
    await expect(main.getByRole('button', { name: `Open ${names[0]}` })).toBeVisible();
    await captureStep(page, 'get-site-9-result');

    const sites = (await invoke(page, 'sites.list', undefined)) as { ok: true; value: Array<{ name: string; apartmentCount: number; policy: { creation: string; sameAccessAsMaster: boolean } }> };
    expect(sites.value.map((s) => [s.name, s.apartmentCount]).sort()).toEqual([[names[0], 3], [names[1], 2]].sort());
    expect(sites.value.every((s) => s.policy.creation === 'lease-start' && s.policy.sameAccessAsMaster)).toBe(true);

    await tabTo(page, main.getByRole('button', { name: `Open ${names[0]}` }));
    await page.keyboard.press('Enter');
    await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: /Sites/ })).toHaveAttribute('aria-current', 'page');
    await expect(main.getByText(names[0]!).first()).toBeVisible();
    await screenshot(page, 'get-site-10-landed-light');
    expect(errors).toEqual([]);
  });
});
