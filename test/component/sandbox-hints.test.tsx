import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { AddDeviceForm } from '../../src-renderer/screens/devices/AddDeviceForm';
import { createAppStore } from '../../src-renderer/stores/app-store';
import { createDevicesStore } from '../../src-renderer/stores/devices-store';
import { type Stores, StoresContext } from '../../src-renderer/stores/stores-context';
import { createFakeBridge } from './helpers/fake-bridge';

const MACS = Array.from({ length: 10 }, (_, i) => `0C11050000${String(i + 1).padStart(2, '0')}`);
const HINTS = { cards: [{ number: '4242 4242 4242 4242', outcome: 'Paid' }], macs: MACS };

async function renderForm(sandbox: boolean, site?: { id: string; onSandbox: boolean }) {
  const fake = createFakeBridge();
  fake.respond('app.getInfo', () => ({ name: 'SiteSync', version: '1', platform: 'linux', sandbox, online: true, lastSyncAt: null, theme: 'light' }));
  fake.respond('app.getStartupNotices', () => ({ notices: [] }));
  fake.respond('app.getSandboxHints', (input) => (sandbox && (!site || (input as { siteId?: string } | undefined)?.siteId !== site.id || site.onSandbox) ? HINTS : null));
  const app = createAppStore(fake.bridge);
  await app.getState().load();
  const devices = createDevicesStore(fake.bridge);
  if (site) devices.setState({ siteId: site.id });
  const stores = { bridge: fake.bridge, app, devices } as unknown as Stores;
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

  it('asks for the site the device goes to, and shows no test MACs when that site uses a real SmartPlus account (issue 16)', async () => {
    const fake = await renderForm(true, { id: 'site-east', onSandbox: false });
    await waitFor(() => expect(fake.calls.some((c) => c.channel === 'app.getSandboxHints' && (c.input as { siteId?: string })?.siteId === 'site-east')).toBe(true));
    await new Promise((r) => setTimeout(r, 0));
    expect(screen.queryByRole('complementary', { name: 'Sandbox device MACs' })).toBeNull();
  });

  it('shows the test MACs when the site uses the sandbox account', async () => {
    await renderForm(true, { id: 'site-sandbox', onSandbox: true });
    expect(await screen.findByRole('complementary', { name: 'Sandbox device MACs' })).toBeTruthy();
  });
});
