import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { SettingsScreen } from '../../src-renderer/screens/settings/SettingsScreen';
import { validateInFlight } from '../../src-renderer/stores/settings-store';
import { createFakeBridge } from './helpers/fake-bridge';
import { renderWith } from './helpers/get-site-fixtures';

function bridge(saved = 16) {
  const fake = createFakeBridge();
  fake.respond('settings.get', () => ({ schedule: { time: '07:00', zone: 'UTC', lightSyncMinutes: null }, nextRunAt: '2026-11-28T07:00:00.000Z', sandbox: false }));
  fake.respond('settings.getMaxRequestsInFlight', () => saved);
  fake.respond('settings.previewSchedule', (s) => ({ schedule: s, nextRunAt: '2026-11-28T08:00:00.000Z' }));
  fake.respond('settings.saveMaxRequestsInFlight', (n) => n);
  fake.respond('sites.list', () => []);
  return fake;
}

describe('Settings → Sync speed (maximum requests in flight)', () => {
  it('bounds the value to whole numbers 1–64', () => {
    expect(validateInFlight('16')).toEqual({ max: 16 });
    expect(validateInFlight('1')).toEqual({ max: 1 });
    expect(validateInFlight('64')).toEqual({ max: 64 });
    for (const bad of ['0', '65', '2.5', '', 'x']) expect(validateInFlight(bad)).toEqual({ error: 'Enter a whole number from 1 to 64.' });
  });

  it('shows the saved value, refuses one out of bounds, and saves a valid one', async () => {
    const fake = bridge(12);
    renderWith(<SettingsScreen />, fake);
    const u = userEvent.setup();
    const field = (await screen.findByLabelText('Maximum requests in flight')) as HTMLInputElement;
    expect(field.value).toBe('12');
    await u.clear(field);
    await u.type(field, '100');
    expect(screen.getByText('Enter a whole number from 1 to 64.')).toBeTruthy();
    await u.click(screen.getByRole('button', { name: 'Save sync speed' }));
    expect(fake.calls.some((c) => c.channel === 'settings.saveMaxRequestsInFlight')).toBe(false);
    await u.clear(field);
    await u.type(field, '8');
    await u.click(screen.getByRole('button', { name: 'Save sync speed' }));
    await waitFor(() => expect(fake.calls.find((c) => c.channel === 'settings.saveMaxRequestsInFlight')?.input).toBe(8));
    expect(await screen.findByText(/Saved\. Syncs use it/)).toBeTruthy();
  });
});
