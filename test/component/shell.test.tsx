import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { App } from '../../src-renderer/App';
import { createAppStore } from '../../src-renderer/stores/app-store';
import { createStores } from '../../src-renderer/stores/create-stores';
import { StoresContext } from '../../src-renderer/stores/stores-context';
import { createFakeBridge } from './helpers/fake-bridge';

const INFO = { name: 'SiteSync', version: '1.2.3', platform: 'linux', sandbox: true, online: true, lastSyncAt: null, theme: 'system' as const };

function renderShell(fake = createFakeBridge()) {
  const stores = createStores(fake.bridge);
  const app = stores.app;
  const { unmount } = render(
    <StoresContext.Provider value={stores}>
      <App />
    </StoresContext.Provider>,
  );
  return { fake, app, unmount };
}

describe('app store', () => {
  it('loads info, follows online events and main-initiated navigation', async () => {
    const fake = createFakeBridge();
    fake.respond('app.getInfo', () => INFO);
    const store = createAppStore(fake.bridge);
    await store.getState().load();
    expect(store.getState().info?.version).toBe('1.2.3');
    fake.emit('app.onlineChanged', { online: false, since: '2026-11-27T10:00:00.000Z' });
    expect(store.getState()).toMatchObject({ online: false, onlineSince: '2026-11-27T10:00:00.000Z' });
    fake.emit('app.navigated', { screen: 'runs', runId: 'r1' });
    expect(store.getState().route).toEqual({ screen: 'runs', runId: 'r1' });
  });

  it('keeps a load failure as a message instead of crashing', async () => {
    const fake = createFakeBridge();
    fake.fail('app.getInfo', { code: 'INTERNAL', message: 'database locked', retryable: false });
    const store = createAppStore(fake.bridge);
    await store.getState().load();
    expect(store.getState().loadError).toBe('database locked');
  });
});

describe('shell', () => {
  it('shows the sandbox label, version and online state', async () => {
    const fake = createFakeBridge();
    fake.respond('app.getInfo', () => INFO);
    renderShell(fake);
    expect(await screen.findByText('Sandbox')).toBeTruthy();
    expect(screen.getByText('v1.2.3')).toBeTruthy();
    expect(within(screen.getByRole('contentinfo')).getByRole('status').textContent).toBe('Online');
  });

  it('shows Offline when main reports the network gone', async () => {
    const fake = createFakeBridge();
    fake.respond('app.getInfo', () => INFO);
    renderShell(fake);
    await screen.findByText('Sandbox');
    act(() => fake.emit('app.onlineChanged', { online: false, since: '2026-11-27T10:00:00.000Z' }));
    expect(within(screen.getByRole('contentinfo')).getByRole('status').textContent).toBe('Offline');
  });

  it('navigates with arrow keys and Enter, one tab stop in the sidebar', async () => {
    const fake = createFakeBridge();
    fake.respond('app.getInfo', () => INFO);
    renderShell(fake);
    const user = userEvent.setup();
    const overview = screen.getByRole('button', { name: /Overview/ });
    expect(screen.getAllByRole('button').filter((b) => b.closest('nav ul') && b.tabIndex === 0)).toHaveLength(1);
    overview.focus();
    await user.keyboard('{ArrowUp}');
    expect(document.activeElement?.textContent).toContain('Connections');
    await user.keyboard('{Enter}');
    await waitFor(() => expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Connections'));
  });

  it('the sidebar starts collapsed at 1024 px wide, its toggle expands it, and the choice is kept for the next start', async () => {
    window.localStorage.removeItem('sitesync.sidebar');
    const fake = createFakeBridge();
    fake.respond('app.getInfo', () => INFO);
    const first = renderShell(fake);
    const nav = screen.getByRole('navigation', { name: 'Main' });
    expect(window.innerWidth).toBeLessThanOrEqual(1100); // jsdom's window is 1024 wide
    expect(nav.classList.contains('collapsed')).toBe(true);
    expect(within(nav).getByRole('button', { name: 'Runs' }).getAttribute('title')).toBe('Runs');
    const toggle = within(nav).getByRole('button', { name: 'Expand the sidebar' });
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    await userEvent.setup().click(toggle);
    expect(nav.classList.contains('collapsed')).toBe(false);
    expect(within(nav).getByRole('button', { name: 'Collapse the sidebar' }).getAttribute('aria-expanded')).toBe('true');
    expect(window.localStorage.getItem('sitesync.sidebar')).toBe('expanded');
    first.unmount();
    renderShell(fake);
    expect(screen.getByRole('navigation', { name: 'Main' }).classList.contains('collapsed')).toBe(false);
    window.localStorage.removeItem('sitesync.sidebar');
  });

  it('saves a theme choice through main', async () => {
    const fake = createFakeBridge();
    fake.respond('app.getInfo', () => INFO);
    fake.respond('app.setTheme', () => undefined);
    renderShell(fake);
    await screen.findByText('Sandbox');
    await userEvent.setup().selectOptions(screen.getByLabelText(/Theme/), 'dark');
    expect(fake.calls.find((c) => c.channel === 'app.setTheme')?.input).toEqual({ theme: 'dark' });
    expect(document.documentElement.getAttribute('data-theme')).toBe('dark');
  });

  it('says so when the services cannot start', async () => {
    const fake = createFakeBridge();
    fake.fail('app.getInfo', { code: 'KEYCHAIN_UNAVAILABLE', message: 'No keychain is reachable.', retryable: false });
    renderShell(fake);
    await waitFor(() => expect(screen.getAllByRole('alert').some((a) => a.textContent?.includes('No keychain is reachable.'))).toBe(true));
  });
});

describe('menu commands', () => {
  it('Ctrl/Cmd+R resyncs the site on screen and shows its progress on the Overview', async () => {
    const fake = createFakeBridge();
    fake.respond('app.getInfo', () => INFO);
    fake.respond('sync.runSite', ({ siteId }) => ({ siteId, runId: 'run-1', joined: false }));
    fake.respond('sync.listRunning', () => []);
    fake.respond('overview.get', () => ({ customers: [], schedule: { time: '07:00', zone: 'UTC', lightSyncMinutes: null }, online: true }) as never);
    const { app } = renderShell(fake);
    act(() => app.getState().navigate({ screen: 'apartments', siteId: 'site-7' }));
    act(() => fake.emit('app.commandIssued', { command: 'resync-current-site' }));
    await waitFor(() => expect(fake.calls.some((c) => c.channel === 'sync.runSite')).toBe(true));
    expect(fake.calls.find((c) => c.channel === 'sync.runSite')?.input).toEqual({ siteId: 'site-7' });
    expect(app.getState().route.screen).toBe('overview');
  });

  it('with no site on screen it opens the Overview without starting anything', async () => {
    const fake = createFakeBridge();
    fake.respond('app.getInfo', () => INFO);
    fake.respond('sync.listRunning', () => []);
    fake.respond('overview.get', () => ({ customers: [], schedule: { time: '07:00', zone: 'UTC', lightSyncMinutes: null }, online: true }) as never);
    const { app } = renderShell(fake);
    act(() => app.getState().navigate({ screen: 'settings' }));
    act(() => fake.emit('app.commandIssued', { command: 'resync-current-site' }));
    expect(app.getState().route.screen).toBe('overview');
    expect(fake.calls.some((c) => c.channel === 'sync.runSite')).toBe(false);
  });
});

describe('status bar', () => {
  it('updates "Last sync" when a run finishes, but not for a dry run or a failed run', async () => {
    const fake = createFakeBridge();
    fake.respond('app.getInfo', () => INFO);
    const store = createAppStore(fake.bridge);
    await store.getState().load();
    const run = {
      id: 'r1', siteId: 's1', trigger: 'manual' as const, dryRun: false, startedAt: '2026-11-27T10:00:00.000Z', endedAt: '2026-11-27T10:01:00.000Z',
      outcome: 'succeeded' as const, counts: { communities: 0, apartments: 0, accountsCreated: 0, accountsUpdated: 0, accountsDeleted: 0, credentialsSet: 0, credentialsRemoved: 0, failedOperations: 0 },
      problemCount: 0, heldBackCount: 0, error: null,
    };
    fake.emit('sync.finished', { ...run, dryRun: true, endedAt: '2026-11-27T09:00:00.000Z' });
    fake.emit('sync.finished', { ...run, outcome: 'failed', endedAt: '2026-11-27T09:30:00.000Z' });
    expect(store.getState().info?.lastSyncAt).toBeNull();
    fake.emit('sync.finished', run);
    expect(store.getState().info?.lastSyncAt).toBe('2026-11-27T10:01:00.000Z');
  });
});
