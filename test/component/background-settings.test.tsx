import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { BackgroundView } from '../../src-shared/ipc/contract/background';
import { BackgroundCard } from '../../src-renderer/screens/settings/BackgroundCard';
import { createBackgroundStore } from '../../src-renderer/stores/background-store';
import { type Stores, StoresContext } from '../../src-renderer/stores/stores-context';
import { createFakeBridge } from './helpers/fake-bridge';

// Issue 14: Settings → "Stays on duty", the three switches over background.* IPC.
function renderCard(initial: Partial<BackgroundView> = {}, options: { installFails?: boolean } = {}) {
  const fake = createFakeBridge();
  let view: BackgroundView = { keepRunningInBackground: true, startAtSignIn: true, runWhenClosed: false, osTask: { registered: false, lastRun: null, problem: null }, ...initial };
  fake.respond('background.getSettings', () => view);
  fake.respond('background.saveSettings', (patch) => {
    if (options.installFails && patch.runWhenClosed) {
      return { ...view, osTask: { registered: false, lastRun: null, problem: 'The OS task could not be registered: systemctl --user is not reachable' } };
    }
    view = { ...view, ...patch, osTask: patch.runWhenClosed === undefined ? view.osTask : { registered: patch.runWhenClosed, lastRun: null, problem: null } };
    return view;
  });
  const stores = { bridge: fake.bridge, background: createBackgroundStore(fake.bridge) } as unknown as Stores;
  render(
    <StoresContext.Provider value={stores}>
      <BackgroundCard />
    </StoresContext.Provider>,
  );
  return { fake, u: userEvent.setup() };
}

describe('Settings: stays on duty', () => {
  it('shows the three switches with their saved values', async () => {
    renderCard({ startAtSignIn: false });
    expect((await screen.findByRole('switch', { name: 'Keep running in the background' }) as HTMLInputElement).checked).toBe(true);
    expect((screen.getByRole('switch', { name: 'Start SiteSync when I sign in' }) as HTMLInputElement).checked).toBe(false);
    expect((screen.getByRole('switch', { name: 'Run the daily sync even when SiteSync is closed' }) as HTMLInputElement).checked).toBe(false);
  });

  it('"Run the daily sync even when SiteSync is closed" registers the OS task through IPC and says so', async () => {
    const { fake, u } = renderCard();
    await u.click(await screen.findByRole('switch', { name: 'Run the daily sync even when SiteSync is closed' }));
    expect(fake.calls.find((c) => c.channel === 'background.saveSettings')?.input).toEqual({ runWhenClosed: true });
    expect((await screen.findByRole('status')).textContent).toContain('The daily sync now runs even when SiteSync is closed.');
    expect((screen.getByRole('switch', { name: 'Run the daily sync even when SiteSync is closed' }) as HTMLInputElement).checked).toBe(true);
    expect(screen.getByText(/Registered; not run yet/)).toBeTruthy();
  });

  it('turning "Keep running in the background" off is saved and explained', async () => {
    const { fake, u } = renderCard();
    await u.click(await screen.findByRole('switch', { name: 'Keep running in the background' }));
    expect(fake.calls.filter((c) => c.channel === 'background.saveSettings').map((c) => c.input)).toEqual([{ keepRunningInBackground: false }]);
    expect((await screen.findByRole('status')).textContent).toContain('Closing the window now quits SiteSync.');
    expect((screen.getByRole('switch', { name: 'Keep running in the background' }) as HTMLInputElement).checked).toBe(false);
  });

  it('a task that cannot be registered leaves the switch off and says why', async () => {
    const { u } = renderCard({}, { installFails: true });
    await u.click(await screen.findByRole('switch', { name: 'Run the daily sync even when SiteSync is closed' }));
    expect((await screen.findByRole('alert')).textContent).toContain('The OS task could not be registered: systemctl --user is not reachable');
    await waitFor(() => expect((screen.getByRole('switch', { name: 'Run the daily sync even when SiteSync is closed' }) as HTMLInputElement).checked).toBe(false));
  });
});
