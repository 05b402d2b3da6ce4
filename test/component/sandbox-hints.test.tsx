import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { AddDeviceForm } from '../../src-renderer/screens/devices/AddDeviceForm';
import { createAppStore } from '../../src-renderer/stores/app-store';
import { createDevicesStore } from '../../src-renderer/stores/devices-store';
import { type Stores, StoresContext } from '../../src-renderer/stores/stores-context';
import { createFakeBridge } from './helpers/fake-bridge';

const HINTS = { cards: [{ number: '4242 4242 4242 4242', outcome: 'Paid' }], macs: ['0C1105000001', '0C1105000002'] };

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
  it('shows the registered MACs where a device is added, in the sandbox', async () => {
    await renderForm(true);
    expect(screen.getByRole('complementary', { name: 'Sandbox device MACs' }).textContent).toContain('0C1105000001, 0C1105000002');
  });

  it('shows nothing and never asks for a real account', async () => {
    const fake = await renderForm(false);
    expect(screen.queryByRole('complementary', { name: 'Sandbox device MACs' })).toBeNull();
    expect(fake.calls.some((c) => c.channel === 'app.getSandboxHints')).toBe(false);
  });
});
