import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { RunListItem } from '../../src-shared/ipc/contract/runs';
import { RunsScreen } from '../../src-renderer/screens/runs/RunsScreen';
import { createFakeBridge } from './helpers/fake-bridge';
import { detail, listItem, overview, problem, renderWithStores, site } from './helpers/sync-fixtures';

function setup(list: RunListItem[] | (() => Promise<{ runs: RunListItem[] }>) = [listItem()]) {
  const fake = createFakeBridge();
  fake.respond('runs.list', typeof list === 'function' ? list : () => ({ runs: list }));
  fake.respond('overview.get', () => overview([site(), site({ id: 's2', name: 'Oak Plaza' })]));
  return { ...renderWithStores(<RunsScreen />, fake), user: userEvent.setup() };
}

describe('runs history', () => {
  it('shows loading, then every run with trigger, times, outcome and counts', async () => {
    let resolve!: (v: { runs: RunListItem[] }) => void;
    setup(() => new Promise((r) => (resolve = r)));
    expect(screen.getByRole('status').textContent).toContain('Loading run history');
    await act(async () => resolve({ runs: [listItem(), listItem({ id: 'r3', siteName: 'Oak Plaza', siteId: 's2', outcome: 'failed', trigger: 'scheduled' })] }));
    const row = (await screen.findByText('Oak Plaza', { selector: 'th' })).closest('tr')!;
    expect(within(row).getByText('Failed')).toBeTruthy();
    expect(within(row).getByText('Scheduled')).toBeTruthy();
    expect(within(row).getByText('2 created, 1 updated, 0 deleted, 1 credential set')).toBeTruthy();
    expect(screen.getAllByRole('row')).toHaveLength(3);
  });

  it('is empty with a way to the overview when there are no runs', async () => {
    const { stores } = setup([]);
    expect(await screen.findByRole('heading', { name: 'No runs yet' })).toBeTruthy();
    await userEvent.setup().click(screen.getByRole('button', { name: 'Go to the Overview' }));
    expect(stores.app.getState().route).toEqual({ screen: 'overview' });
  });

  it('explains a failure and retries', async () => {
    const fake = createFakeBridge();
    fake.fail('runs.list', { code: 'INTERNAL', message: 'database is locked', retryable: true });
    fake.respond('overview.get', () => overview([site()]));
    renderWithStores(<RunsScreen />, fake);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('database is locked');
    fake.respond('runs.list', () => ({ runs: [listItem()] }));
    await userEvent.setup().click(within(alert).getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('button', { name: /Open the run of Maple Court/ })).toBeTruthy();
  });

  it('filters by site, and opens a run', async () => {
    const { fake, user, stores } = setup();
    await screen.findByRole('option', { name: 'Oak Plaza' });
    await user.selectOptions(screen.getByLabelText('Site'), 's2');
    expect(stores.app.getState().route).toEqual({ screen: 'runs', siteId: 's2' });
    await waitFor(() => expect(fake.calls.some((c) => c.channel === 'runs.list' && (c.input as { siteId?: string }).siteId === 's2')).toBe(true));
    act(() => stores.app.getState().navigate({ screen: 'runs' }));
    await user.click(await screen.findByRole('button', { name: /Open the run of Maple Court/ }));
    expect(stores.app.getState().route).toEqual({ screen: 'runs', runId: 'r2' });
  });
});

describe('run detail', () => {
  function openDetail(held = 0) {
    const ctx = setup();
    ctx.fake.respond('runs.get', () => detail(held));
    ctx.fake.respond('runs.listProblems', ({ kind }) => ({
      problems: [problem({ value: '1234' }), problem({ kind: 'missing-email', field: 'email', value: null, reason: 'No e-mail address.' })].filter((p) => !kind || p.kind === kind),
    }));
    act(() => ctx.stores.app.getState().navigate({ screen: 'runs', runId: 'r9' }));
    return ctx;
  }

  it('shows counts and every problem with PINs masked, filterable by kind', async () => {
    const { fake, user } = openDetail();
    expect(await screen.findByRole('heading', { level: 1, name: 'Run of Maple Court' })).toBeTruthy();
    expect(screen.getByText('Accounts created').nextSibling?.textContent).toBe('2');
    const table = await screen.findByRole('table');
    expect(within(table).getByText('••••')).toBeTruthy();
    expect(document.body.textContent).not.toContain('1234');
    await user.selectOptions(screen.getByLabelText('Show'), 'missing-email');
    await waitFor(() => expect(within(screen.getByRole('table')).queryByText('Invalid PIN')).toBeNull());
    expect(fake.calls.some((c) => c.channel === 'runs.listProblems' && (c.input as { kind?: string }).kind === 'missing-email')).toBe(true);
  });

  it('sorts problems out: errors then warnings under Needs attention, info notes apart; a tenant problem links to its apartment (issue 16)', async () => {
    const ctx = setup();
    ctx.fake.respond('runs.get', () => ({ ...detail(0, { problemCount: 2, errorCount: 1 }), problemCounts: { 'missing-email': 1, 'unit-not-synced': 1, 'duplicate-pin': 1 } }));
    ctx.fake.respond('runs.listProblems', () => ({
      problems: [
        problem({ kind: 'unit-not-synced', severity: 'info', subject: null, unitId: 107, field: null, value: null, reason: 'Unit 107 is left out (Custom selection).' }),
        problem({ kind: 'missing-email', severity: 'warning', field: 'email', value: null, reason: 'No e-mail address.' }),
        { ...problem({ kind: 'duplicate-pin', severity: 'error', subject: 'Sam Roe (tenant 921)', reason: 'Another tenant has this PIN.' }), apartment: { id: 'apt-104', name: '104' } },
      ],
    }));
    act(() => ctx.stores.app.getState().navigate({ screen: 'runs', runId: 'r9' }));
    const attention = await screen.findByRole('region', { name: 'Needs attention (2)' });
    const rows = within(within(attention).getByRole('table')).getAllByRole('row').slice(1);
    expect(rows.map((r) => within(r).getAllByRole('cell')[0]!.textContent)).toEqual(['error', 'warning']);
    const info = screen.getByRole('region', { name: 'For your information (1)' });
    expect(within(info).getByText('In Rent Manager, not synced')).toBeTruthy();
    expect(within(attention).queryByText('In Rent Manager, not synced')).toBeNull();
    expect(screen.getByText('Synced with problems').className).toContain('pill-warn');
    await ctx.user.click(within(attention).getByRole('button', { name: 'Unit 104: open the apartment of Sam Roe (tenant 921)' }));
    expect(ctx.stores.app.getState().route).toEqual({ screen: 'apartments', siteId: 's1', apartmentId: 'apt-104' });
  });

  it('exports the report and says where it was saved', async () => {
    const { fake, user } = openDetail();
    fake.respond('runs.exportCsv', () => ({ fileName: 'sitesync-run-r9.csv', path: '/home/me/Downloads/sitesync-run-r9.csv', rows: 4 }));
    await user.click(await screen.findByRole('button', { name: 'Export to CSV' }));
    expect((await screen.findByText(/Report saved as/)).textContent).toContain('/home/me/Downloads/sitesync-run-r9.csv');
  });

  it('held-back deletions: Confirm asks with the number of accounts, then applies them', async () => {
    const { fake, user } = openDetail(7);
    fake.respond('runs.confirmHeldBack', () => ({ ...detail(0).run, id: 'r10', counts: { ...detail(0).run.counts, accountsDeleted: 7 } }));
    expect(await screen.findByRole('heading', { name: 'Deletions waiting for you (7)' })).toBeTruthy();
    expect(screen.getByText(/would delete 7 of 20/)).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Confirm deletions' }));
    const dialog = screen.getByRole('dialog', { name: 'Delete 7 accounts?' });
    expect(document.activeElement?.textContent).toBe('Go back');
    fake.respond('runs.get', () => detail(0));
    await user.click(within(dialog).getByRole('button', { name: 'Delete 7 accounts' }));
    expect((await screen.findByText(/Deletions confirmed/)).textContent).toContain('7 deleted');
    expect(fake.calls.filter((c) => c.channel === 'runs.confirmHeldBack')).toEqual([{ channel: 'runs.confirmHeldBack', input: { runId: 'r9' } }]);
    await waitFor(() => expect(screen.queryByRole('heading', { name: /Deletions waiting/ })).toBeNull());
  });

  it('held-back deletions: Keep asks, keeps, and Go back does nothing', async () => {
    const { fake, user } = openDetail(6);
    fake.respond('runs.keepHeldBack', () => ({ kept: 6 }));
    await user.click(await screen.findByRole('button', { name: 'Keep accounts' }));
    await user.click(within(screen.getByRole('dialog', { name: 'Keep 6 accounts?' })).getByRole('button', { name: 'Go back' }));
    expect(fake.calls.some((c) => c.channel === 'runs.keepHeldBack')).toBe(false);
    await user.click(screen.getByRole('button', { name: 'Keep accounts' }));
    fake.respond('runs.get', () => detail(0));
    await user.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Keep 6 accounts' }));
    expect(await screen.findByText('Kept 6 accounts; nothing was deleted.')).toBeTruthy();
  });

  it('offline: confirming deletions is off and says why', async () => {
    const { fake } = openDetail(7);
    await screen.findByRole('button', { name: 'Confirm deletions' });
    act(() => fake.emit('app.onlineChanged', { online: false, since: '2026-11-27T11:00:00.000Z' }));
    expect((screen.getByRole('button', { name: 'Confirm deletions' }) as HTMLButtonElement).disabled).toBe(true);
    expect(screen.getByText('Offline: deleting accounts needs the network.')).toBeTruthy();
  });

  it('shows loading, then a run still going with its progress and Cancel', async () => {
    const ctx = setup();
    let resolve!: (d: ReturnType<typeof detail>) => void;
    ctx.fake.respond('runs.get', () => new Promise((r) => (resolve = r)));
    ctx.fake.respond('runs.listProblems', () => ({ problems: [] }));
    act(() => ctx.stores.app.getState().navigate({ screen: 'runs', runId: 'r9' }));
    expect((await screen.findByRole('status')).textContent).toBe('Loading the run…');
    const heading = screen.getByRole('heading', { level: 1 });
    await act(async () => resolve(detail(0, { outcome: 'running', endedAt: null })));
    act(() => ctx.fake.emit('sync.progressed', { runId: 'r9', siteId: 's1', phase: 'deletions', done: 1, total: 4, current: null }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Run of Maple Court' })).toBe(heading);
    expect((screen.getByRole('progressbar', { name: 'Resync progress of Maple Court' }) as HTMLProgressElement).value).toBe(1);
    expect(screen.getByRole('button', { name: 'Cancel the resync of Maple Court' })).toBeTruthy();
  });

  it('a run that cannot be opened says so', async () => {
    const ctx = setup();
    ctx.fake.fail('runs.get', { code: 'NOT_FOUND', message: 'Run x was not found.', retryable: false });
    act(() => ctx.stores.app.getState().navigate({ screen: 'runs', runId: 'x' }));
    expect((await screen.findByRole('alert')).textContent).toContain('Run x was not found.');
  });

  it('main-initiated navigation (a notification click) opens that run', async () => {
    const { fake } = openDetail();
    await screen.findByRole('heading', { level: 1, name: 'Run of Maple Court' });
    fake.respond('runs.get', () => detail(0, { id: 'r44', siteName: 'Oak Plaza' }));
    act(() => fake.emit('app.navigated', { screen: 'runs', runId: 'r44' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Run of Oak Plaza' })).toBeTruthy();
    expect(fake.calls.some((c) => c.channel === 'runs.get' && (c.input as { runId: string }).runId === 'r44')).toBe(true);
  });
});
