import type { RawBridge } from '../../src-renderer/bridge';
import { expect, openApp, screenshot, test } from './fixtures';

test.describe('app shell', () => {
  test('loads, shows the sandbox label and navigates from the keyboard', async ({ page, app }) => {
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => void (m.type() === 'error' && errors.push(m.text())));
    await openApp(page, app);
    await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
    await expect(page.getByText('Sandbox', { exact: true })).toBeVisible();
    await expect(page.getByRole('heading', { level: 1, name: 'Overview' })).toBeVisible();

    await page.getByRole('button', { name: /Overview/ }).focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 1, name: 'Sites' })).toBeFocused();
    await page.keyboard.press('Shift+Tab');
    await expect(page.getByRole('button', { name: /Sites/ })).toBeFocused();
    await page.keyboard.press('End');
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 1, name: 'Connections' })).toBeVisible();
    expect(errors).toEqual([]);
  });

  test('a call round-trips to a handler and its event arrives', async ({ page, app }) => {
    await openApp(page, app);
    const result = await page.evaluate(async () => {
      const bridge = (window as unknown as { bridge: RawBridge }).bridge;
      const event = new Promise((resolve) => bridge.on('app.pinged', resolve));
      const reply = await bridge.invoke('app.ping', { message: 'hello main' });
      return { reply, event: await event };
    });
    expect(result.reply).toMatchObject({ ok: true, value: { echo: 'hello main' } });
    expect(result.event).toEqual({ message: 'hello main' });

    const bad = await page.evaluate(() =>
      (window as unknown as { bridge: RawBridge }).bridge.invoke('app.ping', { message: 42 }),
    );
    expect(bad).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
  });

  test('light and dark themes follow the OS and can be overridden', async ({ page, app }) => {
    await openApp(page, app, 'light');
    await expect(page.getByRole('heading', { level: 1, name: 'Overview' })).toBeVisible();
    const lightBg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    await screenshot(page, 'shell-light');

    await page.emulateMedia({ colorScheme: 'dark' });
    const darkBg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(darkBg).not.toBe(lightBg);
    await screenshot(page, 'shell-dark');

    await page.getByLabel('Theme').selectOption('light');
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
    expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe(lightBg);
  });
});
