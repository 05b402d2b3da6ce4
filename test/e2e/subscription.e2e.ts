import type { RawBridge } from '../../src-renderer/bridge';
import { expect, openApp, test } from './fixtures';
import { captureStep, sidebarTo, tabTo, userDataText } from './journey-helpers';

const expiry = `12/${(new Date().getFullYear() + 2) % 100}`;

test.describe('Subscription', () => {
  test('keyboard only: a new user sees the integration inactive, is declined, catches a typo, pays and gets a receipt', async ({ page, app }) => {
    test.setTimeout(180_000);
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await openApp(page, app, 'light');
    await expect(page.getByText('Sandbox', { exact: true }).first()).toBeVisible();
    const main = page.getByRole('main');

    await sidebarTo(page, 'Subscription');
    await expect(main.getByText('Not active', { exact: true })).toBeVisible();
    await expect(main.getByText(/Sites cannot be synced until the Integration service is paid for/)).toBeVisible();
    await expect(main.getByText('No receipts yet')).toBeVisible();
    await captureStep(page, 'subscription-1-not-active');

    await tabTo(page, main.getByRole('button', { name: 'Pay for the integration' }));
    await page.keyboard.press('Enter');
    await expect(main.getByRole('heading', { name: /Subscription type/ })).toBeFocused();
    await tabTo(page, main.getByRole('button', { name: 'Next' }));
    await page.keyboard.press('Enter');
    await expect(main.getByRole('alert')).toHaveText('Choose the subscription type.');
    await tabTo(page, main.getByRole('radio', { name: /Community/ }));
    await page.keyboard.press('Space');
    await expect(main.getByRole('radio', { name: /Community/ })).toBeChecked();
    await captureStep(page, 'subscription-2-type');
    await tabTo(page, main.getByRole('button', { name: 'Next' }));
    await page.keyboard.press('Enter');

    await expect(main.getByRole('heading', { name: /Service/ })).toBeFocused();
    await expect(main.getByRole('radio', { name: /Integration/ })).toBeChecked();
    await expect(main.getByText(/\$49\.00 a month/)).toBeVisible();
    await captureStep(page, 'subscription-3-service');
    await tabTo(page, main.getByRole('button', { name: 'Next' }));
    await page.keyboard.press('Enter');

    await expect(main.getByRole('heading', { name: /Renewal/ })).toBeFocused();
    await tabTo(page, main.getByRole('radio', { name: /Renew automatically/ }));
    await page.keyboard.press('Space');
    await page.keyboard.press('Tab');
    await expect(main.getByRole('radio', { name: /^1 month/ })).toBeFocused();
    await page.keyboard.press('Space');
    for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight');
    await expect(main.getByRole('radio', { name: /^12 months/ })).toBeChecked();
    await captureStep(page, 'subscription-4-renewal');
    await tabTo(page, main.getByRole('button', { name: 'Next' }));
    await page.keyboard.press('Enter');

    await expect(main.getByRole('heading', { name: /Review/ })).toBeFocused();
    await expect(main.locator('.sub-total')).toHaveText('$588.00');
    await expect(main.getByLabel('Company')).toHaveValue('Sandbox Installer');
    await expect(main.getByLabel('Country')).toHaveValue('US');
    await tabTo(page, main.getByRole('button', { name: 'Continue to payment' }));
    await page.keyboard.press('Enter');
    await expect(main.getByText('Enter the billing address.')).toBeVisible();
    await tabTo(page, main.getByLabel('Billing address'));
    await page.keyboard.type('1 Main St, Knoxville, TN 37902');
    await captureStep(page, 'subscription-5-review');
    await tabTo(page, main.getByRole('button', { name: 'Continue to payment' }));
    await page.keyboard.press('Enter');

    await expect(main.getByRole('heading', { name: /Payment/ })).toBeFocused();
    await captureStep(page, 'subscription-6-payment');
    const number = main.getByLabel(/Card number/);
    await tabTo(page, number);
    await page.keyboard.type('4000000000000002');
    await expect(number).toHaveValue('4000 0000 0000 0002');
    await expect(main.getByText('Visa', { exact: true })).toBeVisible();
    await page.keyboard.press('Tab');
    await page.keyboard.type(expiry);
    await page.keyboard.press('Tab');
    await page.keyboard.type('123');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Pat Installer');
    await captureStep(page, 'subscription-7-card-filled');
    await tabTo(page, main.getByRole('button', { name: 'Pay $588.00' }));
    await page.keyboard.press('Enter');

    const alert = main.getByRole('alert');
    await expect(alert).toContainText('The card was declined');
    await expect(alert).toContainText('Next step:');
    await expect(number).toHaveValue('');
    await expect(number).toBeFocused();
    await expect(main.getByLabel('Security code')).toHaveValue('');
    await expect(main.getByLabel('Expiry (MM/YY)')).toHaveValue(expiry);
    await expect(main.getByLabel('Name on the card')).toHaveValue('Pat Installer');
    await captureStep(page, 'subscription-8-declined');

    await page.keyboard.type('4242424242424241');
    await tabTo(page, main.getByLabel('Security code'));
    await page.keyboard.type('123');
    await tabTo(page, main.getByRole('button', { name: 'Pay $588.00' }));
    await page.keyboard.press('Enter');
    await expect(main.getByText(/This card number is not valid/)).toBeVisible();
    await expect(main.getByText('Payment declined')).toHaveCount(0);
    await expect(number).toBeFocused();
    await captureStep(page, 'subscription-9-luhn');

    await page.keyboard.press('Control+A');
    await page.keyboard.type('4242 4242 4242 4242');
    await tabTo(page, main.getByRole('button', { name: 'Pay $588.00' }));
    await page.keyboard.press('Enter');
    await expect(main.getByRole('heading', { name: /Receipt/ })).toBeFocused();
    await expect(main.getByText(/Payment received/)).toBeVisible();
    await expect(main.locator('.sub-receipt-list')).toContainText('$588.00');
    await expect(main.getByText('Visa ending in 4242')).toBeVisible();
    await expect(main.getByText('Next renewal')).toBeVisible();
    await captureStep(page, 'subscription-10-receipt');
    await tabTo(page, main.getByRole('button', { name: 'Done' }));
    await page.keyboard.press('Enter');

    await expect(main.getByText('Active', { exact: true })).toBeVisible();
    await expect(main.getByRole('table')).toContainText('$588.00');
    await captureStep(page, 'subscription-11-active');

    const status = await page.evaluate(() => (window as unknown as { bridge: RawBridge }).bridge.invoke('billing.status', undefined));
    expect(status).toMatchObject({ ok: true, value: { state: 'active', renewal: 'auto', months: 12 } });
    const written = userDataText(app.userDataDir);
    for (const secret of ['4242424242424242', '4242 4242 4242 4242', '4000000000000002', '4242424242424241']) {
      expect(app.logLines.join('\n')).not.toContain(secret);
      expect(written).not.toContain(secret);
    }
    expect(errors).toEqual([]);
  });

  test('the apartment fee says no site is synced yet', async ({ page, app }) => {
    await openApp(page, app, 'light');
    await sidebarTo(page, 'Subscription');
    const main = page.getByRole('main');
    await main.getByRole('button', { name: 'Pay for apartments' }).click();
    await main.getByRole('radio', { name: /Community/ }).check();
    await main.getByRole('button', { name: 'Next' }).click();
    await expect(main.getByText(/No site is synced yet: import a site first/)).toBeVisible();
    await main.getByRole('button', { name: 'Next' }).click();
    await expect(main.getByRole('alert')).toContainText('Import a site with Get Site from PMS first');
    await captureStep(page, 'subscription-apartments-no-site');
  });
});
