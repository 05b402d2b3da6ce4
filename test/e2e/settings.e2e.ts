import type { Locator, Page } from '@playwright/test';
import type { RawBridge } from '../../src-renderer/bridge';
import type { Envelope } from '../../src-shared/ipc/contract';
import { expect, openApp, test } from './fixtures';
import { captureStep, sidebarTo } from './journey-helpers';

const invoke = async <T>(page: Page, channel: string, input?: unknown): Promise<T> => {
  const envelope = (await page.evaluate(([c, i]) => (window as unknown as { bridge: RawBridge }).bridge.invoke(c as string, i), [channel, input] as const)) as Envelope;
  if (!envelope.ok) throw new Error(`${channel}: ${envelope.error.message}`);
  return envelope.value as T;
};

/** Replaces a text field's value from the keyboard. */
async function retype(page: Page, field: Locator, text: string): Promise<void> {
  await field.focus();
  await page.keyboard.press('Control+A');
  await page.keyboard.type(text);
}

test.describe('Settings', () => {
  test('schedule with next run in local and Eastern time, site policy with the Numeric-PIN warning, reset sandbox', async ({ page, app }) => {
    test.setTimeout(240_000);
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await openApp(page, app, 'light');
    const main = page.getByRole('main');
    await sidebarTo(page, 'Settings');

    // Schedule: the default 07:00 UTC, then 02:30 America/Chicago; an unknown zone is refused.
    await expect(main.getByLabel('Daily sync time')).toHaveValue('07:00');
    await expect(main.getByText(/Next full sync/)).toContainText('Eastern');
    await expect(main.getByRole('button', { name: 'Get Site from PMS' })).toBeVisible();
    await captureStep(page, 'settings-1-start');
    await retype(page, main.getByLabel('Time zone of that time'), 'Mars/Olympus');
    await expect(main.getByText(/Unknown time zone/)).toBeVisible();
    await expect(main.getByText(/Next full sync/)).toHaveCount(0);
    await captureStep(page, 'settings-2-invalid-zone');
    await retype(page, main.getByLabel('Time zone of that time'), 'America/Chicago');
    await retype(page, main.getByLabel('Daily sync time'), '02:30');
    await main.getByLabel(/Light sync/).selectOption({ label: 'Every 30 minutes' });
    await main.getByRole('button', { name: 'Save schedule' }).press('Enter');
    await expect(main.getByText('Schedule saved.')).toBeVisible();
    const saved = await invoke<{ schedule: unknown; nextRunAt: string }>(page, 'settings.get');
    expect(saved.schedule).toEqual({ time: '02:30', zone: 'America/Chicago', lightSyncMinutes: 30 });
    const eastern = new Intl.DateTimeFormat('en-US', { timeZone: 'America/New_York', hour: 'numeric', minute: '2-digit' }).format(new Date(saved.nextRunAt));
    expect(eastern).toBe('3:30 AM');
    await expect(main.getByText(/Next full sync/)).toContainText('3:30 AM');

    // A synced site (imported through the service layer), then its policy.
    app.services.sandbox!.smartPlus.admin.activateIntegration(1);
    const property = (await invoke<Array<{ id: number }>>(page, 'sites.listProperties', { connectionId: 'sandbox-rentmanager' }))[0]!;
    await invoke(page, 'sites.import', {
      connectionId: 'sandbox-rentmanager',
      policy: { creation: 'move-in', deletion: 'move-out', sameAccessAsMaster: false },
      properties: [{ propertyId: property.id, units: 'all' }],
    });
    await expect.poll(async () => (await invoke<Array<{ lastRun: unknown }>>(page, 'sites.list'))[0]?.lastRun ?? null, { timeout: 60_000 }).not.toBeNull();
    await sidebarTo(page, 'Overview');
    await sidebarTo(page, 'Settings');
    const pin = main.getByLabel('PIN field (Rent Manager tenant field)');
    await expect(pin.locator('option', { hasText: 'Door PIN (Numeric)' })).toHaveCount(1);
    await expect(pin).toHaveValue(/^id:/);
    await pin.selectOption({ label: 'Door PIN (Numeric)' });
    await expect(main.getByRole('alert').filter({ hasText: 'leading zeros' })).toBeVisible();
    await retype(page, main.getByLabel('Grace days'), '61');
    await expect(main.getByText('Enter whole days from 0 to 60.')).toBeVisible();
    await captureStep(page, 'settings-3-policy-warnings');
    await retype(page, main.getByLabel('Grace days'), '3');
    await main.getByRole('button', { name: /^Save policy of / }).press('Enter');
    await expect(main.getByText(/Policy saved/)).toBeVisible();
    const site = (await invoke<Array<{ policy: { graceDays: number; pinField: unknown } }>>(page, 'sites.list'))[0]!;
    expect(site.policy.graceDays).toBe(3);
    expect(site.policy.pinField).toBe(Number((await pin.inputValue()).slice(3)));

    // Reset sandbox: asks first; then the site is gone.
    await main.getByRole('button', { name: 'Reset sandbox' }).press('Enter');
    const dialog = page.getByRole('alertdialog', { name: 'Reset the sandbox?' });
    await expect(dialog.getByRole('button', { name: 'Keep the sandbox as it is' })).toBeFocused();
    await captureStep(page, 'settings-4-reset-confirm');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await expect(main.getByText(/back to its demo data/)).toBeVisible();
    await expect(main.getByText('No site yet')).toBeVisible();
    expect(await invoke<unknown[]>(page, 'sites.list')).toEqual([]);
    await captureStep(page, 'settings-5-after-reset');
    expect(errors).toEqual([]);
  });
});
