import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { AddDeviceForm } from '../../src-renderer/screens/devices/AddDeviceForm';
import { createAppStore } from '../../src-renderer/stores/app-store';
import { createDevicesStore } from '../../src-renderer/stores/devices-store';
import { type Stores, StoresContext } from '../../src-renderer/stores/stores-context';
import { createFakeBridge } from './helpers/fake-bridge';

const MACS = Array.from({ length: 10 }, (_, i) => `0C11050000${String(i + 1).padStart(2, '0')}`);
const HINTS = { cards: [{ number: '4242 4242 4242 4242', outcome: 'Paid' }], macs: MACS };

async function renderForm(sandbox: boolean) {
  const fake = createFakeBridge();
  fake.respond('app.getInfo', () => ({ name: 'SiteSync', version: '1', platform: 'linux', sandbox, online: true, lastSyncAt: null, theme: 'light' }));
  fake.respond('app.getStartupNotices', () => ({ notices: [] }));
  fake.respond('app.getSandboxHints', () => (sandbox ? HINTS : null));
  const app = createAppStore(fake.bridge);
  await app.getState().load();
  const stores = { bridge: fake.bridge, app, devices: createDevicesStore(fake.bridge) } as unknown as Stores;
  render(
    <StoresContext.Provider value={stores}>
      <AddDeviceForm />
    </StoresContext.Provider>,
  );
  return fake;
}

describe('sandbox hints', () => {
  it('shows the first registered MACs where a device is added, all on request, and fills the field with the one chosen', async () => {
    await renderForm(true);
    const user = userEvent.setup();
    const hint = within(screen.getByRole('complementary', { name: 'Sandbox device MACs' }));
    expect(hint.getAllByRole('button', { name: /^Use / }).map((b) => b.textContent)).toEqual(['0C:11:05:00:00:01', '0C:11:05:00:00:02']);
    await user.click(hint.getByRole('button', { name: 'Show all 10' }));
    expect(hint.getAllByRole('button', { name: /^Use / })).toHaveLength(10);
    expect(hint.getByRole('button', { name: 'Show fewer' }).getAttribute('aria-expanded')).toBe('true');
    await user.click(hint.getByRole('button', { name: 'Use 0C:11:05:00:00:07' }));
    expect((screen.getByLabelText('MAC address') as HTMLInputElement).value).toBe('0C:11:05:00:00:07');
    expect(screen.getByText('Will be saved as 0C:11:05:00:00:07.')).toBeTruthy();
  });

  it('shows nothing and never asks for a real account', async () => {
    const fake = await renderForm(false);
    expect(screen.queryByRole('complementary', { name: 'Sandbox device MACs' })).toBeNull();
    expect(fake.calls.some((c) => c.channel === 'app.getSandboxHints')).toBe(false);
  });
});
