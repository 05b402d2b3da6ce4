import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { StartupNotice } from '../../src-shared/ipc/contract/app';
import { App } from '../../src-renderer/App';
import { createStores } from '../../src-renderer/stores/create-stores';
import { StoresContext } from '../../src-renderer/stores/stores-context';
import { createFakeBridge } from './helpers/fake-bridge';

const INFO = { name: 'SiteSync', version: '1.2.3', platform: 'linux', sandbox: false, online: true, lastSyncAt: null, theme: 'system' as const };

const DB_NOTICE: StartupNotice = {
  id: 'database-replaced-1',
  kind: 'database-replaced',
  title: 'The local database was damaged and has been replaced',
  message: 'SiteSync could not read sitesync.db (the file is not a SQLite database). It kept the file, unchanged, as sitesync.db.damaged-2026-12-02T1530 and started with an empty database.',
  nextStep: 'Add your connections and sites again (Connections, then Sites → Get site from PMS).',
  keptFile: '/home/ann/.config/SiteSync/sitesync.db.damaged-2026-12-02T1530',
  at: '2026-12-02T15:30:00.000Z',
  dismissible: true,
};

const KEYCHAIN_NOTICE: StartupNotice = {
  id: 'keychain-locked-1',
  kind: 'keychain-locked',
  title: 'The system keychain is locked',
  message: 'SiteSync keeps passwords and the PIN key only in the system keychain and cannot reach it, so syncing, connection tests and PINs wait.',
  nextStep: 'Unlock the login keychain in Keychain Access and try again. SiteSync keeps trying by itself, or press “Try again”.',
  keptFile: null,
  at: '2026-12-02T15:30:00.000Z',
  dismissible: false,
};

function renderShell(notices: StartupNotice[]) {
  const fake = createFakeBridge();
  let current = notices;
  fake.respond('app.getInfo', () => INFO);
  fake.respond('app.getStartupNotices', () => ({ notices: current }));
  fake.respond('app.dismissStartupNotice', ({ id }) => {
    current = current.filter((n) => n.id !== id || !n.dismissible);
    return { notices: current };
  });
  const stores = createStores(fake.bridge);
  render(
    <StoresContext.Provider value={stores}>
      <App />
    </StoresContext.Provider>,
  );
  return { fake, app: stores.app, setNotices: (n: StartupNotice[]) => (current = n) };
}

describe('start-up notices in the shell', () => {
  it('shows a replaced database with the kept file and the next step, and dismisses it through main', async () => {
    const { fake } = renderShell([DB_NOTICE]);
    const region = await screen.findByRole('region', { name: 'Start-up notices' });
    const banner = within(region).getByRole('region', { name: DB_NOTICE.title });
    expect(banner.textContent).toContain('sitesync.db.damaged-2026-12-02T1530');
    expect(banner.textContent).toContain(DB_NOTICE.keptFile!);
    expect(banner.textContent).toMatch(/Next step:\s*Add your connections/);
    await userEvent.setup().click(within(banner).getByRole('button', { name: `Dismiss: ${DB_NOTICE.title}` }));
    await waitFor(() => expect(screen.queryByRole('region', { name: 'Start-up notices' })).toBeNull());
    expect(fake.calls.find((c) => c.channel === 'app.dismissStartupNotice')?.input).toEqual({ id: DB_NOTICE.id });
  });

  it('a locked keychain: no Dismiss, a "Try again" that says when it is still locked', async () => {
    const { fake } = renderShell([KEYCHAIN_NOTICE]);
    fake.respond('app.retryKeychain', () => ({ unlocked: false, notices: [KEYCHAIN_NOTICE] }));
    const banner = await screen.findByRole('region', { name: KEYCHAIN_NOTICE.title });
    expect(within(banner).queryByRole('button', { name: /Dismiss/ })).toBeNull();
    expect(banner.textContent).toContain('Keychain Access');
    await userEvent.setup().click(within(banner).getByRole('button', { name: 'Try again' }));
    expect(await within(banner).findByRole('status')).toHaveProperty('textContent', 'Still locked. SiteSync keeps trying by itself.');
  });

  it('"Try again" once the keychain is unlocked: the banner goes', async () => {
    const { fake } = renderShell([KEYCHAIN_NOTICE]);
    fake.respond('app.retryKeychain', () => ({ unlocked: true, notices: [] }));
    const banner = await screen.findByRole('region', { name: KEYCHAIN_NOTICE.title });
    await userEvent.setup().click(within(banner).getByRole('button', { name: 'Try again' }));
    await waitFor(() => expect(screen.queryByRole('region', { name: KEYCHAIN_NOTICE.title })).toBeNull());
  });

  it('the periodic retry in main unlocks it: the event removes the banner without a click', async () => {
    const { fake } = renderShell([DB_NOTICE, KEYCHAIN_NOTICE]);
    await screen.findByRole('region', { name: KEYCHAIN_NOTICE.title });
    act(() => fake.emit('app.startupNoticesChanged', { notices: [DB_NOTICE] }));
    expect(screen.queryByRole('region', { name: KEYCHAIN_NOTICE.title })).toBeNull();
    expect(screen.getByRole('region', { name: DB_NOTICE.title })).toBeTruthy();
  });

  it('no notices (or a main without the channel): no banner, the shell works', async () => {
    const fake = createFakeBridge();
    fake.respond('app.getInfo', () => INFO);
    const stores = createStores(fake.bridge);
    render(
      <StoresContext.Provider value={stores}>
        <App />
      </StoresContext.Provider>,
    );
    expect(await screen.findByText('v1.2.3')).toBeTruthy();
    expect(screen.queryByRole('region', { name: 'Start-up notices' })).toBeNull();
  });
});
