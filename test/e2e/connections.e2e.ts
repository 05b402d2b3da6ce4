import { expect, openApp, test } from './fixtures';
import { captureStep, sidebarTo, tabTo, watchPage } from './journey-helpers';

test.describe('Connections', () => {
  test('keyboard only: add a Rent Manager customer on the sandbox, see a wrong password explained, sign in, pick the location, test, remove', async ({ page, app }) => {
    test.setTimeout(180_000);
    const { errors, ipcText } = watchPage(page);
    const sandboxUrl = app.services.sandbox!.rentManagerUrl;
    await openApp(page, app, 'light');
    const main = page.getByRole('main');

    await sidebarTo(page, 'Connections');
    const sandboxCards = main.locator('li.cn-card', { has: page.getByText('Sandbox', { exact: true }) });
    await expect(sandboxCards).toHaveCount(2);
    await expect(main.getByRole('button', { name: /^Edit / })).toHaveCount(0);
    await captureStep(page, 'connections-1-list');

    await tabTo(page, main.getByRole('button', { name: 'Add a customer' }));
    await page.keyboard.press('Enter');
    await expect(main.getByRole('heading', { name: 'Add a Rent Manager customer' })).toBeFocused();
    await page.keyboard.press('Tab');
    await expect(main.getByLabel('Customer name')).toBeFocused();
    await page.keyboard.type('Basement Test Co');
    await page.keyboard.press('Tab');
    await page.keyboard.type('sandbox');
    await tabTo(page, main.getByLabel('API user name'));
    await page.keyboard.type('sitesync');
    await page.keyboard.press('Tab');
    await page.keyboard.type('wrong-password-7c1');
    await tabTo(page, main.locator('summary', { hasText: 'Advanced' }));
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab');
    await expect(main.getByLabel('Server address (optional)')).toBeFocused();
    await page.keyboard.type(sandboxUrl);
    await captureStep(page, 'connections-2-add');
    await tabTo(page, main.getByRole('button', { name: 'Sign in and find locations' }));
    await page.keyboard.press('Enter');

    const failure = main.getByRole('alert');
    await expect(failure).toContainText('Wrong user name, password or token');
    await expect(failure).toContainText('Next step:');
    await expect(main.getByLabel('Customer name')).toHaveValue('Basement Test Co');
    await captureStep(page, 'connections-3-wrong-password');

    await tabTo(page, main.getByLabel('Password', { exact: true }));
    await page.keyboard.press('Control+A');
    await page.keyboard.type('sandbox-password');
    await page.keyboard.press('Enter');
    const location = main.getByRole('radio', { name: /Sandbox Property Management/ });
    await expect(location).toBeChecked();
    await expect(location).toBeFocused();
    await captureStep(page, 'connections-4-location');
    await tabTo(page, main.getByRole('button', { name: 'Save connection' }));
    await page.keyboard.press('Enter');

    await expect(main.getByText('Basement Test Co saved.')).toBeVisible();
    const card = main.locator('li.cn-card', { has: page.getByRole('heading', { name: 'Basement Test Co' }) });
    await expect(card).toContainText('Password saved');
    await expect(card).toContainText('Company code sandbox · location 1 · user sitesync');
    await tabTo(page, card.getByRole('button', { name: 'Test Basement Test Co' }));
    await page.keyboard.press('Enter');
    await expect(card.getByRole('status').filter({ hasText: 'Signed in' })).toContainText('Locations: Sandbox Property Management (1), main');
    await captureStep(page, 'connections-5-tested');

    await tabTo(page, card.getByRole('button', { name: 'Edit Basement Test Co' }));
    await page.keyboard.press('Enter');
    await expect(main.getByLabel('Password', { exact: true })).toHaveValue('');
    await expect(main.getByText('A password is saved. Leave this empty to keep it.')).toBeVisible();
    await captureStep(page, 'connections-6-edit');
    await tabTo(page, main.getByRole('button', { name: 'Cancel' }));
    await page.keyboard.press('Enter');

    await tabTo(page, card.getByRole('button', { name: 'Remove Basement Test Co' }));
    await page.keyboard.press('Enter');
    await expect(main.getByRole('button', { name: 'Keep it' })).toBeFocused();
    await captureStep(page, 'connections-7-remove');
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Enter');
    await expect(main.getByText('Basement Test Co removed.')).toBeVisible();
    await expect(main.getByRole('heading', { name: 'Basement Test Co' })).toHaveCount(0);
    await expect(sandboxCards).toHaveCount(2);

    await tabTo(page, main.getByRole('button', { name: 'Set up your account' }));
    await page.keyboard.press('Enter');
    await expect(main.getByRole('heading', { name: 'Set up the SmartPlus account' })).toBeFocused();
    await page.keyboard.press('Tab');
    await expect(main.getByLabel('SmartPlus server address')).toBeFocused();
    await tabTo(page, main.getByRole('button', { name: 'Save and test' }));
    await page.keyboard.press('Enter');
    await expect(main.getByRole('alert')).toContainText('Enter the server address, the user name and the password.');
    await captureStep(page, 'connections-8-smartplus');
    await tabTo(page, main.getByRole('button', { name: 'Cancel' }));
    await page.keyboard.press('Enter');
    await expect(main.getByRole('heading', { name: 'Set up the SmartPlus account' })).toHaveCount(0);

    const ipc = await ipcText();
    expect(ipc).toContain('Basement Test Co');
    for (const secret of ['wrong-password-7c1', 'sandbox-password']) {
      expect(app.logLines.join('\n')).not.toContain(secret);
      expect(ipc).not.toContain(secret);
    }
    expect(errors).toEqual([]);
  });
});
