import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { SitePause } from '../../src-shared/domain/site';
import type { RemovalsDue } from '../../src-shared/ipc/contract/overview';
import { OverviewScreen } from '../../src-renderer/screens/overview/OverviewScreen';
import { createFakeBridge } from './helpers/fake-bridge';
import { overview, renderWithStores, site } from './helpers/sync-fixtures';

// Issue 16: a site can be paused (no scheduled or light runs) with a reason; the row shows it,
// Resume ends it, and a manual Resync of a paused site warns first and runs only when confirmed.

function setup(initial: SitePause | null = null, removalsDue: RemovalsDue | null = null) {
  const fake = createFakeBridge();
  let pause: SitePause | null = initial;
  fake.respond('overview.get', () => overview([site({ pause, removalsDue: pause ? removalsDue : null }), site({ id: 's2', name: 'Oak Plaza' })]));
  fake.respond('sync.listRunning', () => []);
  fake.respond('sites.listPropertyChanges', () => []);
  fake.respond('sync.runSite', ({ siteId }) => ({ siteId, runId: 'run-1', joined: false }));
  fake.respond('sites.pause', ({ reason }) => {
    pause = { pausedAt: '2026-12-03T06:00:00.000Z', reason };
    return { name: 'Maple Court', pause };
  });
  fake.respond('sites.resume', () => {
    pause = null;
    return { name: 'Maple Court', resumed: true };
  });
  return { ...renderWithStores(<OverviewScreen />, fake), user: userEvent.setup() };
}

const row = async (name: string) => (await screen.findByText(name)).closest('tr') as HTMLElement;
const runs = (fake: ReturnType<typeof createFakeBridge>) => fake.calls.filter((c) => c.channel === 'sync.runSite');

describe('overview: pause a site', () => {
  it('Pause site… asks for the reason, then the row shows Paused with the reason and date, and Resume resumes', async () => {
    const { fake, user } = setup();
    await user.click(within(await row('Maple Court')).getByRole('button', { name: 'Pause site Maple Court' }));
    const dialog = await screen.findByRole('dialog', { name: 'Pause “Maple Court”?' });
    expect(dialog.textContent).toContain('Scheduled runs, catch-up runs and light syncs skip this site');
    await user.type(within(dialog).getByLabelText('Reason (optional)'), 'Roof works until March');
    await user.click(within(dialog).getByRole('button', { name: 'Pause site' }));
    expect(fake.calls.find((c) => c.channel === 'sites.pause')!.input).toEqual({ siteId: 's1', reason: 'Roof works until March' });
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    const maple = await row('Maple Court');
    expect(await within(maple).findByText('Paused')).toBeTruthy();
    expect(within(maple).getByText(/Roof works until March · since/)).toBeTruthy();
    expect(within(maple).queryByRole('button', { name: 'Pause site Maple Court' })).toBeNull();
    expect(within(await row('Oak Plaza')).queryByText('Paused')).toBeNull();
    await user.click(within(maple).getByRole('button', { name: 'Resume Maple Court' }));
    expect(fake.calls.find((c) => c.channel === 'sites.resume')!.input).toEqual({ siteId: 's1' });
    await waitFor(() => expect(within(maple).queryByText('Paused')).toBeNull());
  });

  it('Resync on a paused site warns with the reason; Keep it paused runs nothing, Resync anyway runs it once', async () => {
    const { fake, user } = setup({ pausedAt: '2026-12-01T09:00:00.000Z', reason: 'Building sold' });
    const maple = await row('Maple Court');
    await user.click(within(maple).getByRole('button', { name: 'Resync Maple Court' }));
    const ask = await screen.findByRole('alertdialog', { name: 'Resync “Maple Court”?' });
    expect(ask.textContent).toContain('This site is paused: Building sold. Resync anyway?');
    await user.click(within(ask).getByRole('button', { name: 'Keep it paused' }));
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(runs(fake)).toEqual([]);
    await user.click(within(maple).getByRole('button', { name: 'Resync Maple Court' }));
    await user.click(within(await screen.findByRole('alertdialog')).getByRole('button', { name: 'Resync anyway' }));
    expect(runs(fake).map((c) => c.input)).toEqual([{ siteId: 's1' }]);
  });

  it('a site that is not paused resyncs at once, without the question', async () => {
    const { fake, user } = setup();
    await user.click(within(await row('Oak Plaza')).getByRole('button', { name: 'Resync Oak Plaza' }));
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(runs(fake).map((c) => c.input)).toEqual([{ siteId: 's2' }]);
  });

  it('the tray\'s or the menu\'s Resync all (run in main) shows the same result on the Overview', async () => {
    const { fake } = setup({ pausedAt: '2026-12-01T09:00:00.000Z', reason: 'Roof works' });
    await row('Oak Plaza');
    act(() =>
      fake.emit('sync.resyncedAll', {
        started: [{ siteId: 's2', runId: 'run-2', joined: false }],
        skipped: [{ siteId: 's1', code: 'PAUSED', reason: 'Paused (Roof works): resync it from its own row if it must run now.' }],
      }),
    );
    const banner = (await screen.findByText('1 site resynced. Left out:')).closest('.banner') as HTMLElement;
    expect(banner.textContent).toContain('Maple Court skipped: paused (Roof works).');
    expect(within(banner).getByRole('button', { name: 'Resync Maple Court anyway' })).toBeTruthy();
  });

  it('Resync all: the header names the paused site it skips; after the click it says how many ran and offers to run the paused one anyway', async () => {
    const { fake, user } = setup({ pausedAt: '2026-12-01T09:00:00.000Z', reason: 'Roof works' });
    fake.respond('sync.runAll', () => ({
      started: [{ siteId: 's2', runId: 'run-2', joined: false }],
      skipped: [{ siteId: 's1', code: 'PAUSED', reason: 'Paused (Roof works): resync it from its own row if it must run now.' }],
    }));
    expect((await screen.findByText(/Resync all” skips/)).textContent).toBe('“Resync all” skips the paused site Maple Court; resync it from its own row if it must run now.');
    await user.click(screen.getByRole('button', { name: 'Resync all' }));
    expect(fake.calls.find((c) => c.channel === 'sync.runAll')!.input).toEqual({});
    const banner = (await screen.findByText('1 site resynced. Left out:')).closest('.banner') as HTMLElement;
    expect(banner.getAttribute('role')).toBe('status');
    expect(banner.textContent).toContain('Maple Court skipped: paused (Roof works).');
    expect(runs(fake)).toEqual([]);
    await user.click(within(banner).getByRole('button', { name: 'Resync Maple Court anyway' }));
    expect(runs(fake).map((c) => c.input)).toEqual([{ siteId: 's1' }]);
    await waitFor(() => expect(screen.queryByText('1 site resynced. Left out:')).toBeNull());
  });

  it('a paused site with removals due: a warning under its row with the count, the earliest move-out and the next step', async () => {
    const { fake, user } = setup({ pausedAt: '2026-12-01T09:00:00.000Z', reason: 'Roof works' }, { count: 3, since: '2026-11-28', deletion: 'move-out' });
    expect((await screen.findByRole('alert')).textContent).toBe('Maple Court is paused — 3 removals are due (move-outs since Nov 28, 2026). Resume it or resync it (its row below) so departed tenants lose door access.');
    const warning = screen.getByText(/Paused — 3 removals are due/).closest('tr') as HTMLElement;
    expect(warning.textContent).toContain('Paused — 3 removals are due (move-outs since Nov 28, 2026), as of the last sync.');
    expect(warning.textContent).toContain('Departed tenants keep door access until a run removes them');
    await user.click(within(warning).getByRole('button', { name: 'Resync now: Maple Court' }));
    expect(runs(fake).map((c) => c.input)).toEqual([{ siteId: 's1' }]);
    await user.click(within(warning).getByRole('button', { name: 'Resume now: Maple Court' }));
    expect(fake.calls.find((c) => c.channel === 'sites.resume')!.input).toEqual({ siteId: 's1' });
    await waitFor(() => expect(screen.queryByText(/removals are due/)).toBeNull());
  });

  it('one removal due reads in the singular, with the lease end the policy deletes on', async () => {
    setup({ pausedAt: '2026-12-01T09:00:00.000Z', reason: null }, { count: 1, since: '2026-12-02', deletion: 'lease-end' });
    expect((await screen.findByText(/^Paused — 1 removal/)).textContent).toBe('Paused — 1 removal is due (a lease end on Dec 2, 2026)');
  });
});
