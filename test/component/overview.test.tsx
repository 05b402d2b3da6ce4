import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { Overview } from '../../src-shared/ipc/contract/overview';
import { OverviewScreen } from '../../src-renderer/screens/overview/OverviewScreen';
import { createFakeBridge } from './helpers/fake-bridge';
import { overview, renderWithStores, site } from './helpers/sync-fixtures';

function setup(data: Overview | (() => Promise<Overview>) = overview([site()])) {
  const fake = createFakeBridge();
  fake.respond('overview.get', typeof data === 'function' ? data : () => data);
  fake.respond('sync.listRunning', () => []);
  return renderWithStores(<OverviewScreen />, fake);
}

describe('overview screen states', () => {
  it('shows a loading line until the data arrives', async () => {
    let resolve!: (o: Overview) => void;
    setup(() => new Promise<Overview>((r) => (resolve = r)));
    expect(screen.getByRole('status').textContent).toMatch(/Loading the sync health/);
    await act(async () => resolve(overview([site()])));
    expect(await screen.findByText('Maple Court')).toBeTruthy();
    expect(screen.queryByText(/Loading the sync health/)).toBeNull();
  });

  it('explains a failure with the next step and loads again on Try again', async () => {
    const fake = createFakeBridge();
    fake.fail('overview.get', { code: 'KEYCHAIN_UNAVAILABLE', message: 'The keychain is locked.', retryable: true });
    fake.respond('sync.listRunning', () => []);
    renderWithStores(<OverviewScreen />, fake);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('The keychain is locked.');
    expect(alert.textContent).toContain('Start or install your system keychain');
    fake.respond('overview.get', () => overview([site()]));
    await userEvent.setup().click(within(alert).getByRole('button', { name: 'Try again' }));
    expect(await screen.findByText('Maple Court')).toBeTruthy();
  });

  it('points to Get Site from PMS when there are no sites', async () => {
    const { stores } = setup(overview([], { subscriptionChecked: false }));
    expect(await screen.findByRole('heading', { name: 'No sites yet' })).toBeTruthy();
    expect(screen.queryByText(/as last seen/)).toBeNull();
    expect(screen.queryByRole('button', { name: 'Resync all' })).toBeNull();
    await userEvent.setup().click(screen.getByRole('button', { name: 'Get Site from PMS' }));
    expect(stores.app.getState().route).toEqual({ screen: 'get-site' });
  });

  it('a succeeded last run with an error-level problem reads "Synced with problems" in amber, with the count that needs attention (issue 16)', async () => {
    setup(overview([site({ lastRun: { ...site().lastRun!, problemCount: 1, errorCount: 1 } })]));
    const maple = (await screen.findByText('Maple Court')).closest('tr')!;
    expect(within(maple).getByText('Synced with problems').className).toContain('pill-warn');
    expect(within(maple).queryByText('Succeeded')).toBeNull();
    expect(within(maple).getByRole('button', { name: '1 problem in the last run of Maple Court' }).textContent).toBe('1 problem');
    expect(within(maple).getByText('needs attention')).toBeTruthy();
  });

  it('shows every site with last run, problems, held-back deletions, subscription and next run', async () => {
    const { stores } = setup(
      overview([
        site(),
        site({ id: 's2', name: 'Oak Plaza', heldBack: { runId: 'r7', count: 7 }, lastRun: { ...site().lastRun!, id: 'r7', outcome: 'held-back', trigger: 'manual', problemCount: 0 } }),
      ]),
    );
    const maple = (await screen.findByText('Maple Court')).closest('tr')!;
    expect(within(maple).getByText('Succeeded')).toBeTruthy();
    expect(within(maple).getByText(/Scheduled/)).toBeTruthy();
    expect(within(maple).getByText('Active')).toBeTruthy();
    expect(within(maple).getByText(/48 apartments/)).toBeTruthy();
    const oak = screen.getByText('Oak Plaza').closest('tr')!;
    expect(within(oak).getByText('Deletions held back')).toBeTruthy();
    expect(screen.getByRole('heading', { name: /Sandbox Properties/ })).toBeTruthy();
    expect(screen.getByText(/daily at 07:00 \(UTC\)/)).toBeTruthy();
    const user = userEvent.setup();
    await user.click(within(maple).getByRole('button', { name: '3 problems in the last run of Maple Court' }));
    expect(stores.app.getState().route).toEqual({ screen: 'runs', runId: 'r1' });
    await user.click(within(oak).getByRole('button', { name: 'Review 7 held-back deletions of Oak Plaza' }));
    expect(stores.app.getState().route).toEqual({ screen: 'runs', runId: 'r7' });
  });

  it('offline: keeps the data, says as of when, and turns resync off saying why', async () => {
    const { fake } = setup(overview([site()], { online: false }));
    await screen.findByText('Maple Court');
    expect(screen.getByText(/Offline — data as of/)).toBeTruthy();
    const resync = screen.getByRole('button', { name: 'Resync Maple Court' }) as HTMLButtonElement;
    expect(resync.disabled).toBe(true);
    expect(screen.getByText('Offline: resyncing needs the network.')).toBeTruthy();
    expect(resync.getAttribute('aria-describedby')).toBe('resync-blocked-s1');
    expect((screen.getByRole('button', { name: 'Resync all' }) as HTMLButtonElement).disabled).toBe(true);
    expect(fake.calls.some((c) => c.channel === 'sync.runSite')).toBe(false);
  });

  it('follows the app going offline while open', async () => {
    const { fake } = setup();
    await screen.findByText('Maple Court');
    expect((screen.getByRole('button', { name: 'Resync Maple Court' }) as HTMLButtonElement).disabled).toBe(false);
    act(() => fake.emit('app.onlineChanged', { online: false, since: '2026-11-27T11:00:00.000Z' }));
    await waitFor(() => expect((screen.getByRole('button', { name: 'Resync Maple Court' }) as HTMLButtonElement).disabled).toBe(true));
  });

  it('says when subscription states could not be checked just now', async () => {
    setup(overview([site()], { subscriptionChecked: false }));
    expect(await screen.findByText(/Subscription states are as last seen/)).toBeTruthy();
  });

  it('a site without an active subscription cannot be synced: says why and offers Subscription', async () => {
    const { stores } = setup(overview([site({ subscription: 'expired' })]));
    await screen.findByText('Maple Court');
    expect((screen.getByRole('button', { name: 'Resync Maple Court' }) as HTMLButtonElement).disabled).toBe(true);
    expect(screen.getByText(/subscription has expired: renew it/)).toBeTruthy();
    await userEvent.setup().click(screen.getByRole('button', { name: 'Open Subscription' }));
    expect(stores.app.getState().route).toEqual({ screen: 'billing' });
  });
});
