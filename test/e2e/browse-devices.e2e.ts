import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { dispatch } from '../../src-main/ipc/dispatch';
import { PRESET_MACS } from '../../src-main/sandbox/smartplus';
import type { RunRecord } from '../../src-shared/domain/run';
import type { ApartmentDetail } from '../../src-shared/domain/site';
import type { ApartmentListPage } from '../../src-shared/ipc/contract/apartments';
import type { ImportedSite, PropertyOption } from '../../src-shared/ipc/contract/sites';
import { expect, openApp, type RunningApp, screenshot, test } from './fixtures';

test.describe.configure({ mode: 'serial' });

interface Seeded {
  siteId: string;
  siteName: string;
  communityId: string;
  /** A family member with a PIN, an e-mail and an RF card, and their unit. */
  unit: string;
  resident: { id: string; firstName: string; lastName: string; rfCard: string };
}
let seeded: Seeded | null = null;

async function call<T>(app: RunningApp, channel: string, input?: unknown): Promise<T> {
  const envelope = await dispatch(app.services.handlers, channel, input);
  if (!envelope.ok) throw new Error(`${channel}: ${envelope.error.code} ${envelope.error.message}`);
  return envelope.value as T;
}

/** Imports the first sandbox property through the services (the wizard has its own E2E) and waits for its sync. */
async function seed(app: RunningApp): Promise<Seeded> {
  if (seeded) return seeded;
  app.services.sandbox!.smartPlus.admin.activateIntegration(3);
  const finished = new Map<string, RunRecord>();
  app.services.events.subscribe((event, payload) => {
    if (event === 'sync.finished') finished.set((payload as RunRecord).id, payload as RunRecord);
  });
  const property = (await call<PropertyOption[]>(app, 'sites.listProperties', { connectionId: 'sandbox-rentmanager' }))[0]!;
  const policy = { creation: 'move-in', deletion: 'move-out', sameAccessAsMaster: false };
  const { sites } = await call<{ sites: ImportedSite[] }>(app, 'sites.import', { connectionId: 'sandbox-rentmanager', policy, properties: [{ propertyId: property.id, units: 'all' }] });
  await expect.poll(() => finished.has(sites[0]!.runId), { timeout: 60_000 }).toBe(true);
  const siteId = sites[0]!.siteId;
  const page = await call<ApartmentListPage>(app, 'apartments.list', { siteId, pageSize: 500 });
  for (const row of page.rows.filter((r) => r.cardCount > 0 && r.pinCount > 0)) {
    const detail = await call<ApartmentDetail>(app, 'apartments.get', { apartmentId: row.id });
    const r = detail.familyMembers.find((m) => m.hasPin && m.rfCards.length > 0 && m.email);
    const others = page.rows.filter((o) => o.residentNames.includes(r?.lastName ?? '\u0000')).length;
    if (r && others === 1) {
      const site = app.services.ctx.db.sites.get(siteId)!;
      seeded = { siteId, siteName: site.name, communityId: site.communityId!, unit: row.name, resident: { id: r.id, firstName: r.firstName, lastName: r.lastName, rfCard: r.rfCards[0]! } };
      return seeded;
    }
  }
  throw new Error('no resident with a PIN, e-mail and RF card and a unique last name in the first property');
}

async function expectAccessible(page: Page, what: string) {
  const result = await new AxeBuilder({ page }).analyze();
  const serious = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${what}: ${v.id} ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => void (m.type() === 'error' && errors.push(m.text())));
  return errors;
}

test('keyboard only: sites → site → search a resident → apartment → reveal the PIN', async ({ page, app }) => {
  const s = await seed(app);
  const errors = collectErrors(page);
  await openApp(page, app, 'light');
  await page.getByRole('button', { name: /Overview/ }).focus();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Sites' })).toBeFocused();
  await expect(page.getByRole('button', { name: s.siteName, exact: true })).toBeVisible();
  await screenshot(page, 'sites-list-light');
  await expectAccessible(page, 'sites list');

  const tabTo = async (locator: ReturnType<Page['getByRole']>, max = 40) => {
    for (let i = 0; i < max; i++) {
      if (await locator.evaluate((el) => el === document.activeElement).catch(() => false)) return;
      await page.keyboard.press('Tab');
    }
    throw new Error('never reached the element with Tab');
  };
  await tabTo(page.getByRole('button', { name: s.siteName, exact: true }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: new RegExp(s.siteName) })).toBeFocused();
  await expect(page.getByRole('button', { name: /^Unit / }).first()).toBeVisible();
  await screenshot(page, 'apartments-light');
  await expectAccessible(page, 'apartment list');

  await tabTo(page.getByLabel('Search this site'));
  await page.keyboard.type(s.resident.lastName);
  await expect(page.getByText(new RegExp(`matching “${s.resident.lastName}”`))).toBeVisible();
  const row = page.getByRole('button', { name: `Unit ${s.unit}`, exact: true });
  await expect(row).toBeVisible();
  await screenshot(page, 'apartments-search-light');
  await tabTo(row);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: `Unit ${s.unit}` })).toBeFocused();
  const name = `${s.resident.firstName} ${s.resident.lastName}`;
  const pin = page.getByTestId(`pin-${s.resident.id}`);
  await expect(pin).toHaveText('••••');
  await tabTo(page.getByRole('button', { name: `Reveal PIN of ${name}` }));
  await page.keyboard.press('Enter');
  await expect(pin).toHaveText(/^\d{2,8}$/);
  const sp = await app.services.ctx.clients.smartPlus('sandbox-rentmanager');
  const live = (await sp.residents.list(s.communityId, { pageSize: 500 })).items.find((r) => r.id === s.resident.id);
  await expect(pin).toHaveText(live!.pin!);
  await screenshot(page, 'apartment-detail-light');
  await expectAccessible(page, 'apartment detail');
  await page.keyboard.press('Enter');
  await expect(pin).toHaveText('••••');
  expect(errors).toEqual([]);
});

test('search by RF card, and the screens in dark', async ({ page, app }) => {
  const s = await seed(app);
  await openApp(page, app, 'dark');
  await page.getByRole('button', { name: /Sites/ }).click();
  await expect(page.getByRole('button', { name: s.siteName, exact: true })).toBeVisible();
  await screenshot(page, 'sites-list-dark');
  await expectAccessible(page, 'sites list (dark)');
  await page.getByRole('button', { name: s.siteName, exact: true }).click();
  await page.getByLabel('Search this site').fill(s.resident.rfCard.toLowerCase());
  await expect(page.getByText(new RegExp(`matching “${s.resident.rfCard.toLowerCase()}”`))).toBeVisible();
  await expect(page.getByRole('button', { name: `Unit ${s.unit}`, exact: true })).toBeVisible();
  await screenshot(page, 'apartments-search-dark');
  await expectAccessible(page, 'apartment list (dark)');
  await page.getByRole('button', { name: `Unit ${s.unit}`, exact: true }).click();
  await page.getByRole('button', { name: /^Reveal PIN/ }).first().click();
  await screenshot(page, 'apartment-detail-dark');
  await expectAccessible(page, 'apartment detail (dark)');
});

test('devices: a registered MAC is added, an unregistered one is explained', async ({ page, app }) => {
  const s = await seed(app);
  const errors = collectErrors(page);
  await openApp(page, app, 'light');
  await page.getByRole('button', { name: /Devices/ }).click();
  await expect(page.getByRole('heading', { name: 'Add a device' })).toBeVisible();
  await expect(page.getByText('No devices yet')).toBeVisible();
  await page.getByLabel('MAC address').fill('0c-11-05-00-00-0');
  await page.getByLabel('MAC address').blur();
  await expect(page.getByText(/Not a valid MAC: a MAC address has 12 hex digits \(this has 11\)/)).toBeVisible();
  await screenshot(page, 'devices-mac-invalid-light');
  await page.getByLabel('MAC address').fill('0c-11-05-00-00-01');
  await expect(page.getByText('Will be saved as 0C:11:05:00:00:01.')).toBeVisible();
  await page.getByLabel('Name').fill('Lobby door');
  await page.getByRole('button', { name: 'Add device' }).click();
  await expect(page.getByText('Lobby door was added to SmartPlus.')).toBeVisible();
  await expect(page.getByRole('rowheader', { name: 'Lobby door' })).toBeVisible();
  const sp = await app.services.ctx.clients.smartPlus('sandbox-rentmanager');
  expect((await sp.devices.list(s.communityId)).items.map((d) => d.mac)).toContain(PRESET_MACS[0]);

  await page.getByLabel('Type').selectOption({ label: 'Indoor monitor' });
  await page.getByLabel('MAC address').fill('AA:BB:CC:DD:EE:FF');
  await page.getByLabel('Name').fill('Unit monitor');
  await page.getByRole('radio', { name: 'One apartment' }).check();
  await page.getByLabel('Find the apartment').fill(s.unit);
  await page.getByRole('button', { name: new RegExp(`^Unit ${s.unit}\\b`) }).first().click();
  await page.getByRole('button', { name: 'Add device' }).click();
  await expect(page.getByRole('alert')).toHaveText('This MAC is not in the MAC library. Ask your Akuvox distributor to register it, then add it again.');
  await screenshot(page, 'devices-light');
  await expectAccessible(page, 'devices');
  await page.emulateMedia({ colorScheme: 'dark' });
  await screenshot(page, 'devices-dark');
  await expectAccessible(page, 'devices (dark)');
  expect(errors.filter((e) => !e.includes('status of 4'))).toEqual([]);
});

test('devices from the keyboard only: fill the form and add a device', async ({ page, app }) => {
  await seed(app);
  await openApp(page, app, 'light');
  await page.getByRole('button', { name: /Overview/ }).focus();
  await page.keyboard.press('End');
  for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowUp');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Devices' })).toBeFocused();
  const tabTo = async (label: string) => {
    for (let i = 0; i < 40; i++) {
      if (await page.evaluate((l) => (document.activeElement as HTMLElement | null)?.id !== '' && document.querySelector(`label[for="${(document.activeElement as HTMLElement).id}"]`)?.textContent === l, label)) return;
      await page.keyboard.press('Tab');
    }
    throw new Error(`never reached ${label} with Tab`);
  };
  await tabTo('Type');
  await page.keyboard.press('ArrowDown');
  await tabTo('MAC address');
  await page.keyboard.type('0C:11:05:00:00:06');
  await tabTo('Name');
  await page.keyboard.type('Side door');
  await page.keyboard.press('Tab');
  await page.keyboard.press('ArrowDown');
  await expect(page.getByRole('radio', { name: 'Building 1' })).toBeChecked();
  await page.keyboard.press('Enter');
  await expect(page.getByText('Side door was added to SmartPlus.')).toBeVisible();
  await expect(page.getByRole('rowheader', { name: 'Side door' })).toBeVisible();
  const row = page.getByRole('rowheader', { name: 'Side door' }).locator('..');
  await expect(row).toContainText('Door phone (single-tenant)');
  await expect(row).toContainText('Building 1');
});

test('offline: browsing works with the as-of time; a device added offline reaches SmartPlus when back online', async ({ page, app }) => {
  const s = await seed(app);
  await openApp(page, app, 'light');
  await page.getByRole('button', { name: /Sites/ }).click();
  await page.getByRole('button', { name: s.siteName, exact: true }).click();
  await expect(page.getByRole('button', { name: /^Unit / }).first()).toBeVisible();

  const sandbox = app.services.sandbox!;
  await sandbox.setNetworkDown(true);
  app.services.reportOsOnline(false);
  try {
    await expect(page.getByTestId('offline-notice')).toContainText('Offline — data as of');
    await expect(page.getByRole('status').filter({ hasText: 'Offline' }).first()).toBeVisible();
    await page.getByLabel('Search this site').fill(s.resident.lastName);
    await page.getByRole('button', { name: `Unit ${s.unit}`, exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name: `Unit ${s.unit}` })).toBeVisible();
    await page.getByRole('button', { name: /^Reveal PIN/ }).first().click();
    await expect(page.getByTestId(`pin-${s.resident.id}`)).toHaveText(/^\d{2,8}$/);
    await screenshot(page, 'apartment-offline-light');
    await expectAccessible(page, 'apartment detail offline');

    await page.getByRole('button', { name: /Devices/ }).click();
    await expect(page.getByTestId('offline-notice')).toContainText('Offline — device states as of');
    await expect(page.getByRole('button', { name: 'Edit Lobby door' })).toBeDisabled();
    await page.getByLabel('Type').selectOption({ label: 'Access control terminal' });
    await page.getByLabel('MAC address').fill('0C1105000005');
    await page.getByLabel('Name').fill('Garage gate');
    await page.getByRole('radio', { name: 'Building 1' }).check();
    await page.getByRole('button', { name: 'Queue device' }).click();
    await expect(page.getByText('Queued — will be sent when back online')).toBeVisible();
    await screenshot(page, 'devices-offline-light');
    await expectAccessible(page, 'devices offline');
    await page.emulateMedia({ colorScheme: 'dark' });
    await screenshot(page, 'devices-offline-dark');
    await page.emulateMedia({ colorScheme: 'light' });
  } finally {
    await sandbox.setNetworkDown(false);
  }
  app.services.reportOsOnline(true);
  await expect(page.getByRole('rowheader', { name: 'Garage gate' })).toBeVisible({ timeout: 20_000 });
  await expect(page.getByText(/Queued — will be sent/)).toHaveCount(0);
  await expect(page.getByTestId('offline-notice')).toHaveCount(0);
  const sp = await app.services.ctx.clients.smartPlus('sandbox-rentmanager');
  const garage = (await sp.devices.list(s.communityId)).items.find((d) => d.mac === '0C1105000005');
  expect(garage).toMatchObject({ name: 'Garage gate', type: 50, location: { scope: 'building' } });
});
