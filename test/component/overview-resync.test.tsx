import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { OverviewScreen } from '../../src-renderer/screens/overview/OverviewScreen';
import { createFakeBridge } from './helpers/fake-bridge';
import { overview, renderWithStores, runRecord, site } from './helpers/sync-fixtures';

function setup() {
  const fake = createFakeBridge();
  fake.respond('overview.get', () => overview([site(), site({ id: 's2', name: 'Oak Plaza', subscription: 'none' })]));
  fake.respond('sync.listRunning', () => []);
  fake.respond('sync.runSite', ({ siteId }) => ({ siteId, runId: 'run-1', joined: false }));
  fake.respond('sync.cancel', () => ({ cancelled: true }));
  return { ...renderWithStores(<OverviewScreen />, fake), user: userEvent.setup() };
}

describe('overview resync', () => {
  it('one click resyncs: the bar shows phase and counts, then the end with a link to the run', async () => {
    const { fake, user, stores } = setup();
    await user.click(await screen.findByRole('button', { name: 'Resync Maple Court' }));
    expect(fake.calls.filter((c) => c.channel === 'sync.runSite')).toEqual([{ channel: 'sync.runSite', input: { siteId: 's1' } }]);
    act(() => fake.emit('sync.progressed', { runId: 'run-1', siteId: 's1', phase: 'apartments', done: 12, total: 40, current: 'Maple Court / 204' }));
    const bar = screen.getByRole('progressbar', { name: 'Resync progress of Maple Court' }) as HTMLProgressElement;
    expect(bar.value).toBe(12);
    expect(bar.max).toBe(40);
    expect(screen.getByText('Apartments')).toBeTruthy();
    expect(screen.getByText(/12 of 40/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: /Show progress/ })).toBeNull();
    expect(screen.getByRole('button', { name: 'Resync of Maple Court running' }).textContent).toBe('Running…');
    act(() => fake.emit('sync.finished', runRecord({ id: 'run-1', problemCount: 2 })));
    const done = await screen.findByText(/Manual sync of Maple Court finished/);
    expect(done.textContent).toMatch(/\d+ apartments · 2 created, 1 updated/);
    expect(done.textContent).toContain('2 problems');
    await user.click(screen.getByRole('button', { name: 'View run' }));
    expect(stores.app.getState().route).toEqual({ screen: 'runs', runId: 'run-1' });
  });

  it('Cancel asks main to cancel and the bar ends as cancelled', async () => {
    const { fake, user } = setup();
    await user.click(await screen.findByRole('button', { name: 'Resync Maple Court' }));
    act(() => fake.emit('sync.progressed', { runId: 'run-1', siteId: 's1', phase: 'reading', done: 0, total: 0, current: null }));
    const bar = screen.getByRole('progressbar') as HTMLProgressElement;
    expect(bar.hasAttribute('value')).toBe(false);
    await user.click(screen.getByRole('button', { name: 'Cancel the resync of Maple Court' }));
    expect(fake.calls.some((c) => c.channel === 'sync.cancel' && (c.input as { siteId: string }).siteId === 's1')).toBe(true);
    expect(screen.getByRole('button', { name: 'Cancelling the resync of Maple Court' }).textContent).toBe('Cancelling…');
    act(() => fake.emit('sync.finished', runRecord({ id: 'run-1', outcome: 'cancelled' })));
    expect((await screen.findByText(/Manual sync of Maple Court finished/)).textContent).toContain('Cancelled');
  });

  it('a run already shown: Resync reads "Running…" and does not ask again; no "Show progress" button', async () => {
    const { fake, user } = setup();
    act(() => fake.emit('sync.progressed', { runId: 'sched-1', siteId: 's1', phase: 'family-members', done: 5, total: 30, current: null }));
    const running = await screen.findByRole('button', { name: 'Resync of Maple Court running' });
    expect(running.getAttribute('aria-disabled')).toBe('true');
    await user.click(running);
    expect(fake.calls.filter((c) => c.channel === 'sync.runSite')).toHaveLength(0);
    expect(screen.queryByRole('button', { name: /Show progress/ })).toBeNull();
    expect((screen.getByRole('progressbar') as HTMLProgressElement).value).toBe(5);
  });

  it('a click on a run the screen did not know of yet shows the running one', async () => {
    const { fake, user } = setup();
    fake.respond('sync.runSite', ({ siteId }) => ({ siteId, runId: 'sched-1', joined: true }));
    await user.click(await screen.findByRole('button', { name: 'Resync Maple Court' }));
    expect(await screen.findByText(/already running — this is its progress/)).toBeTruthy();
    expect(fake.calls.filter((c) => c.channel === 'sync.runSite')).toHaveLength(1);
  });

  it('shows step N of 7, the overall percent and the time elapsed, ticking', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true, now: Date.parse('2026-12-03T06:01:05.000Z') });
    try {
      const { fake } = setup();
      await screen.findByText('Maple Court');
      act(() =>
        fake.emit('sync.progressed', {
          runId: 'sched-1', siteId: 's1', phase: 'apartments', done: 3, total: 10, current: null, step: 3, steps: 7, percent: 42.4, startedAt: '2026-12-03T06:00:00.000Z',
        }),
      );
      expect(screen.getByText('Step 3 of 7 · 42% · 1:05 elapsed')).toBeTruthy();
      const bar = screen.getByRole('progressbar') as HTMLProgressElement;
      expect([bar.value, bar.max]).toEqual([42.4, 100]);
      act(() => vi.advanceTimersByTime(2000));
      expect(screen.getByText('Step 3 of 7 · 42% · 1:07 elapsed')).toBeTruthy();
    } finally {
      vi.useRealTimers();
    }
  });

  it('the finish line says "Already up to date" when the run changed nothing', async () => {
    const { fake } = setup();
    await screen.findByText('Maple Court');
    const none = { communities: 0, apartments: 0, accountsCreated: 0, accountsUpdated: 0, accountsDeleted: 0, credentialsSet: 0, credentialsRemoved: 0, failedOperations: 0 };
    act(() => fake.emit('sync.finished', runRecord({ id: 'quiet', counts: none, problemCount: 0 })));
    const done = await screen.findByText(/Manual sync of Maple Court finished/);
    expect(done.textContent).toMatch(/\d+ apartments? · Already up to date\./);
    expect(done.textContent).not.toContain('0 created');
  });

  it('picks up runs already going when it opens', async () => {
    const fake = createFakeBridge();
    fake.respond('overview.get', () => overview([site()]));
    fake.respond('sync.listRunning', () => [{ runId: 'sched-2', siteId: 's1', phase: 'credentials', done: 3, total: 9, current: null }]);
    renderWithStores(<OverviewScreen />, fake);
    expect(((await screen.findByRole('progressbar')) as HTMLProgressElement).value).toBe(3);
    expect(screen.getByText('PINs and RF cards')).toBeTruthy();
  });

  it('a refused start says why, with Subscription when payment is missing', async () => {
    const { fake, user, stores } = setup();
    fake.fail('sync.runSite', { code: 'SUBSCRIPTION_REQUIRED', message: 'The Integration subscription is not active.', retryable: false });
    await user.click(await screen.findByRole('button', { name: 'Resync Maple Court' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Could not resync Maple Court: The Integration subscription is not active.');
    await user.click(within(alert).getByRole('button', { name: 'Open Subscription' }));
    expect(stores.app.getState().route).toEqual({ screen: 'billing' });
  });

  it('Resync all starts every site and lists those left out and why', async () => {
    const { fake, user } = setup();
    fake.respond('sync.runAll', () => ({
      started: [{ siteId: 's1', runId: 'run-a', joined: false }],
      skipped: [{ siteId: 's2', code: 'SUBSCRIPTION_REQUIRED', reason: 'The Integration service is not paid for.' }],
    }));
    await user.click(await screen.findByRole('button', { name: 'Resync all' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Oak Plaza: The Integration service is not paid for.');
    expect(screen.getByRole('progressbar', { name: 'Resync progress of Maple Court' }).hasAttribute('value')).toBe(false);
    expect(screen.queryByRole('progressbar', { name: 'Resync progress of Oak Plaza' })).toBeNull();
    act(() => fake.emit('sync.progressed', { runId: 'run-a', siteId: 's1', phase: 'apartments', done: 1, total: 2, current: null }));
    expect((screen.getByRole('progressbar', { name: 'Resync progress of Maple Court' }) as HTMLProgressElement).value).toBe(1);
  });

  it('refreshes the overview when a run finishes and when the subscription changes', async () => {
    const { fake } = setup();
    await screen.findByText('Maple Court');
    const loads = () => fake.calls.filter((c) => c.channel === 'overview.get').length;
    const before = loads();
    act(() => fake.emit('sync.finished', runRecord({ id: 'x', trigger: 'scheduled' })));
    await waitFor(() => expect(loads()).toBe(before + 1));
    expect(screen.getByText(/Scheduled sync of Maple Court finished/)).toBeTruthy();
    act(() => fake.emit('billing.statusChanged', { state: 'active', activeUntil: null, renewal: 'auto', months: 12, checkedAt: null, stale: false, reason: null }));
    await waitFor(() => expect(loads()).toBe(before + 2));
  });

  it('Preview shows the plan, billing impact and problems without changing anything; Escape closes it', async () => {
    const { fake, user } = setup();
    fake.respond('runs.preview', () => ({
      siteId: 's1',
      siteName: 'Maple Court',
      today: '2026-11-27',
      summary: {
        operations: { 'create-family-member': 2, 'update-family-member': 1, 'set-pin': 1, 'delete-family-member': 1 } as never,
        totalOperations: 5,
        heldBack: 0,
        problems: { error: 0, warning: 1, info: 0 },
        billing: { apartmentsToActivate: 3, familyMembersOverAllowance: 1, freeAllowancePerApartment: 4 },
      },
      operations: [{ id: 'create-family-member:x', kind: 'create-family-member', target: 'Maple Court / 101 / Jane Doe', detail: '' }],
      problems: [{ kind: 'invalid-pin', severity: 'warning', propertyId: 1, unitId: 1, tenantId: 1, contactId: 1, subject: 'A', field: 'pin', value: '••••', reason: 'r' }],
    }));
    const previewButton = await screen.findByRole('button', { name: 'Preview the changes of Maple Court' });
    await user.click(previewButton);
    const dialog = await screen.findByRole('dialog', { name: 'Preview of Maple Court' });
    await within(dialog).findByText('3 apartments to activate');
    expect(within(dialog).getByText(/1 family member over the free allowance of 4/)).toBeTruthy();
    expect(within(dialog).getByText('Maple Court / 101 / Jane Doe')).toBeTruthy();
    expect(within(dialog).getByText('Invalid PIN: 1')).toBeTruthy();
    expect(fake.calls.some((c) => c.channel === 'sync.runSite')).toBe(false);
    expect(document.activeElement?.textContent).toBe('Close');
    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(document.activeElement).toBe(previewButton);
  });
});
