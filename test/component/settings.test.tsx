import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { DEFAULT_POLICY } from '../../src-shared/domain/policy';
import type { SiteSummary } from '../../src-shared/domain/site';
import { SettingsScreen } from '../../src-renderer/screens/settings/SettingsScreen';
import { validatePolicy, validateSchedule } from '../../src-renderer/stores/settings-store';
import { createFakeBridge } from './helpers/fake-bridge';
import { renderWith } from './helpers/get-site-fixtures';
import { overview } from './helpers/sync-fixtures';

const SITE: SiteSummary = {
  id: 'site-1', name: 'Maple Court Apartments', customerId: 'c1', connectionId: 'rm-1', propertyId: 1, communityId: 'com-1', smartPlusAccountId: null,
  policy: { ...DEFAULT_POLICY, pinField: 12 }, subscription: 'active', subscriptionEndsAt: null, createdAt: '2026-11-27T10:00:00Z',
  asOf: '2026-11-27T10:05:00Z', apartmentCount: 3, lastRun: null,
};
const FIELDS = [
  { id: 11, name: 'Door PIN', fieldType: 'Numeric', parentType: 'Tenant', pinWarning: '"Door PIN" is a Numeric field: Rent Manager drops leading zeros.' },
  { id: 12, name: 'Door PIN (Text)', fieldType: 'Text', parentType: 'Tenant', pinWarning: null },
  { id: 13, name: 'RF Card', fieldType: 'Text', parentType: 'Tenant', pinWarning: null },
  { id: 14, name: 'Parking Space', fieldType: 'Text', parentType: 'Unit', pinWarning: null },
];

function settingsBridge(options: { sandbox?: boolean; sites?: SiteSummary[] } = {}) {
  const fake = createFakeBridge();
  fake.respond('settings.get', () => ({ schedule: { time: '07:00', zone: 'UTC', lightSyncMinutes: null }, nextRunAt: '2026-11-28T07:00:00.000Z', sandbox: options.sandbox ?? true }));
  fake.respond('settings.previewSchedule', (s) => ({ schedule: s, nextRunAt: '2026-11-28T08:00:00.000Z' }));
  fake.respond('settings.saveSchedule', (s) => ({ schedule: s, nextRunAt: '2026-11-28T08:00:00.000Z' }));
  fake.respond('settings.resetSandbox', () => undefined);
  fake.respond('background.getSettings', () => ({ keepRunningInBackground: true, startAtSignIn: true, runWhenClosed: false, osTask: { registered: false, lastRun: null, problem: null } }));
  fake.respond('sites.list', () => options.sites ?? [SITE]);
  fake.respond('sites.listFields', () => FIELDS);
  fake.respond('sites.listUnits', () => [{ id: 101, name: '101' }, { id: 102, name: '102' }]);
  fake.respond('sites.updatePolicy', ({ policy }) => policy);
  return fake;
}

async function renderSettings(options: Parameters<typeof settingsBridge>[0] = {}) {
  const r = renderWith(<SettingsScreen />, settingsBridge(options));
  await screen.findByRole('heading', { name: 'Schedule' });
  return { ...r, u: userEvent.setup() };
}

describe('settings validation rules', () => {
  it('checks time, zone and light interval', () => {
    expect(validateSchedule({ time: '07:00', zone: 'UTC', lightSyncMinutes: '' })).toEqual({ schedule: { time: '07:00', zone: 'UTC', lightSyncMinutes: null } });
    expect(validateSchedule({ time: '7', zone: 'Nowhere/City', lightSyncMinutes: '3' })).toEqual({
      errors: { time: expect.stringContaining('needs minutes or AM/PM'), zone: expect.any(String), lightSyncMinutes: expect.any(String) },
    });
  });

  it('accepts a daily time as typed — 2:30, 14:30, 2:30 PM, 2pm — and saves it as HH:mm', () => {
    const at = (time: string) => validateSchedule({ time, zone: 'UTC', lightSyncMinutes: '' });
    expect(at('2:30')).toEqual({ schedule: { time: '02:30', zone: 'UTC', lightSyncMinutes: null } });
    expect(at('14:30')).toMatchObject({ schedule: { time: '14:30' } });
    expect(at('2:30 PM')).toMatchObject({ schedule: { time: '14:30' } });
    expect(at('2pm')).toMatchObject({ schedule: { time: '14:00' } });
    expect(at('25:00')).toEqual({ errors: { time: expect.stringMatching(/Hours go from 0 to 23.*2:30, 14:30, 2:30 PM or 2pm/) } });
  });

  it('bounds grace days to whole days 0–60 and refuses Custom with no apartment', () => {
    const form = { ...DEFAULT_POLICY, graceDays: '0', timeZone: 'America/New_York' };
    expect('policy' in validatePolicy(form)).toBe(true);
    expect('policy' in validatePolicy({ ...form, graceDays: '60' })).toBe(true);
    for (const bad of ['-1', '61', '2.5', '']) expect(validatePolicy({ ...form, graceDays: bad })).toEqual({ errors: { graceDays: expect.any(String) } });
    expect(validatePolicy({ ...form, apartments: { custom: [] } })).toEqual({ errors: { apartments: expect.any(String) } });
  });
});

describe('settings screen: schedule', () => {
  it('shows the next run in local and Eastern time and saves a valid schedule', async () => {
    const { u, fake } = await renderSettings();
    expect(screen.getByText(/Next full sync/).textContent).toMatch(/Eastern/);
    expect(screen.getByText(/2:00 AM EST/)).toBeTruthy();
    const zone = screen.getByLabelText('Time zone of that time');
    await u.clear(zone);
    await u.type(zone, 'Mars/Olympus');
    expect(screen.getByText(/Unknown time zone/)).toBeTruthy();
    expect(zone.getAttribute('aria-invalid')).toBe('true');
    await u.click(screen.getByRole('button', { name: 'Save schedule' }));
    expect(fake.calls.some((c) => c.channel === 'settings.saveSchedule')).toBe(false);
    await u.clear(zone);
    await u.type(zone, 'America/New_York');
    await u.selectOptions(screen.getByLabelText(/Light sync/), 'Every 30 minutes');
    await u.click(screen.getByRole('button', { name: 'Save schedule' }));
    expect(fake.calls.find((c) => c.channel === 'settings.saveSchedule')?.input).toEqual({ time: '07:00', zone: 'America/New_York', lightSyncMinutes: 30 });
    expect(await screen.findByText('Schedule saved.')).toBeTruthy();
  });
});

describe('settings screen: site policy', () => {
  it('offers tenant fields by type and warns when a Numeric field is chosen for PINs', async () => {
    const { u } = await renderSettings();
    const pin = await screen.findByLabelText('PIN field (Rent Manager tenant field)');
    await waitFor(() => expect(screen.getAllByRole('option', { name: /Door PIN/ }).length).toBeGreaterThan(0));
    expect((pin as HTMLSelectElement).value).toBe('id:12');
    const rf = screen.getByLabelText('RF card field (Rent Manager tenant field)') as HTMLSelectElement;
    expect([...rf.options].map((o) => o.text)).toEqual(['No field — leave them as they are in SmartPlus', 'Door PIN (Text)', 'RF Card (Text)']);
    expect(screen.queryByText(/drops leading zeros\./)).toBeNull();
    await u.selectOptions(pin, 'Door PIN (Numeric)');
    expect(screen.getByRole('alert').textContent).toContain('drops leading zeros');
  });

  it('refuses grace days out of bounds and an unknown site time zone, then saves a valid policy', async () => {
    const { u, fake } = await renderSettings();
    const grace = await screen.findByLabelText('Grace days');
    await u.clear(grace);
    await u.type(grace, '61');
    expect(screen.getByText('Enter whole days from 0 to 60.')).toBeTruthy();
    await u.click(screen.getByRole('button', { name: 'Save policy of Maple Court Apartments' }));
    expect(fake.calls.some((c) => c.channel === 'sites.updatePolicy')).toBe(false);
    await u.clear(grace);
    await u.type(grace, '2');
    const tz = screen.getByLabelText(/Site time zone/);
    await u.clear(tz);
    await u.type(tz, 'Mars/Olympus');
    expect(screen.getByText(/Unknown time zone. Use a name like America\/New_York\./)).toBeTruthy();
    await u.click(screen.getByRole('button', { name: 'Save policy of Maple Court Apartments' }));
    expect(fake.calls.some((c) => c.channel === 'sites.updatePolicy')).toBe(false);
    await u.clear(tz);
    await u.type(tz, 'America/Chicago');
    await u.click(screen.getByRole('radio', { name: /Lease Start Date/ }));
    await u.click(screen.getByRole('button', { name: 'Save policy of Maple Court Apartments' }));
    expect(fake.calls.find((c) => c.channel === 'sites.updatePolicy')?.input).toEqual({
      siteId: 'site-1',
      policy: { ...DEFAULT_POLICY, pinField: 12, graceDays: 2, timeZone: 'America/Chicago', creation: 'lease-start' },
    });
    expect(await screen.findByText(/Policy saved/)).toBeTruthy();
  });

  it('pausing the site keeps unsaved policy edits on screen (only the site list is read again)', async () => {
    const { u, fake } = await renderSettings();
    let paused = false;
    fake.respond('sites.list', () => [{ ...SITE, pause: paused ? { pausedAt: '2026-12-03T10:00:00.000Z', reason: 'Roof works' } : null }]);
    fake.respond('sites.pause', ({ reason }) => {
      paused = true;
      return { name: SITE.name, pause: { pausedAt: '2026-12-03T10:00:00.000Z', reason } };
    });
    fake.respond('overview.get', () => overview([]));
    const grace = await screen.findByLabelText('Grace days');
    await u.clear(grace);
    await u.type(grace, '5');
    await u.click(screen.getByRole('button', { name: `Pause site ${SITE.name}` }));
    const dialog = await screen.findByRole('dialog');
    await u.type(within(dialog).getByRole('textbox'), 'Roof works');
    await u.click(within(dialog).getByRole('button', { name: 'Pause site' }));
    expect(await screen.findByText(/since Dec 3, 2026: Roof works/)).toBeTruthy();
    expect((screen.getByLabelText('Grace days') as HTMLInputElement).value).toBe('5');
    expect(fake.calls.filter((c) => c.channel === 'settings.get')).toHaveLength(1);
  });

  it('Custom apartments needs at least one unit', async () => {
    const { u, fake } = await renderSettings();
    await u.click(await screen.findByRole('radio', { name: /Custom/ }));
    expect(screen.getByText('Pick at least one apartment, or choose All.')).toBeTruthy();
    await u.click(await screen.findByRole('checkbox', { name: '102' }));
    await u.click(screen.getByRole('button', { name: 'Save policy of Maple Court Apartments' }));
    expect(fake.calls.find((c) => c.channel === 'sites.updatePolicy')?.input).toMatchObject({ policy: { apartments: { custom: [102] } } });
  });

  it('with no site yet, offers Get Site from PMS', async () => {
    const { u, app } = await renderSettings({ sites: [] });
    await u.click(await screen.findByRole('button', { name: 'Get Site from PMS' }));
    expect(app.getState().route).toEqual({ screen: 'get-site' });
  });
});

describe('settings screen: sandbox', () => {
  it('resets the sandbox only after confirmation', async () => {
    const { u, fake } = await renderSettings();
    await u.click(screen.getByRole('button', { name: 'Reset sandbox' }));
    await u.click(screen.getByRole('button', { name: 'Keep the sandbox as it is' }));
    expect(fake.calls.some((c) => c.channel === 'settings.resetSandbox')).toBe(false);
    await u.click(screen.getByRole('button', { name: 'Reset sandbox' }));
    await u.click(screen.getByRole('alertdialog').querySelector('.btn-danger')!);
    expect(await screen.findByText(/back to its demo data/)).toBeTruthy();
    expect(fake.calls.filter((c) => c.channel === 'settings.resetSandbox')).toHaveLength(1);
  });

  it('is not offered outside the sandbox', async () => {
    await renderSettings({ sandbox: false });
    expect(screen.queryByRole('button', { name: 'Reset sandbox' })).toBeNull();
  });
});
