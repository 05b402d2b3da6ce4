import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { PropertyChanges } from '../../src-shared/ipc/contract/sites';
import { OverviewScreen } from '../../src-renderer/screens/overview/OverviewScreen';
import { createFakeBridge } from './helpers/fake-bridge';
import { overview, renderWithStores, site } from './helpers/sync-fixtures';

// Sites over their life (issue 16): new properties in the integration announced with Import,
// a site whose property left it flagged, and "Remove site" saying SmartPlus keeps everything.

function setup(changes: PropertyChanges[]) {
  const fake = createFakeBridge();
  let sites = [site(), site({ id: 's2', name: 'Oak Plaza' })];
  fake.respond('overview.get', () => overview(sites));
  fake.respond('sync.listRunning', () => []);
  fake.respond('sites.listPropertyChanges', () => changes);
  fake.respond('sites.dismissNewProperties', ({ propertyIds }) => ({ dismissed: propertyIds.length }));
  fake.respond('sites.removeSite', ({ siteId }) => {
    sites = sites.filter((s) => s.id !== siteId);
    return { name: 'Oak Plaza' };
  });
  const r = renderWithStores(<OverviewScreen />, fake);
  return { ...r, app: r.stores.app };
}

const CHANGES: PropertyChanges[] = [{
  connectionId: 'rm-1',
  customerName: 'Sandbox Property Management',
  newProperties: [{ id: 7, name: 'Birch Hall' }, { id: 8, name: 'Cedar Row' }],
  removedSites: [{ siteId: 's2', name: 'Oak Plaza' }],
}];

describe('overview: sites over their life', () => {
  it('announces new properties with Import and Not now', async () => {
    const u = userEvent.setup();
    const { fake, app } = setup(CHANGES);
    const notice = (await screen.findByText('2 new properties for Sandbox Property Management')).closest('.banner') as HTMLElement;
    expect(notice.textContent).toContain('Birch Hall, Cedar Row');
    await u.click(within(notice).getByRole('button', { name: 'Not now' }));
    expect(fake.calls.find((c) => c.channel === 'sites.dismissNewProperties')!.input).toEqual({ connectionId: 'rm-1', propertyIds: [7, 8] });
    expect(screen.queryByText(/new properties for/)).toBeNull();
    expect(app.getState().route).not.toEqual({ screen: 'get-site' });
  });

  it('Import opens Get Site from PMS', async () => {
    const u = userEvent.setup();
    const { app } = setup(CHANGES);
    const notice = (await screen.findByText(/2 new properties for/)).closest('.banner') as HTMLElement;
    await u.click(within(notice).getByRole('button', { name: 'Import' }));
    expect(app.getState().route).toEqual({ screen: 'get-site' });
  });

  it('flags a site whose property left the integration; Remove site says SmartPlus keeps everything, and Keep changes nothing', async () => {
    const u = userEvent.setup();
    const { fake } = setup(CHANGES);
    const row = (await screen.findByText('Oak Plaza')).closest('tr') as HTMLElement;
    expect(await within(row).findByText('Left the integration')).toBeTruthy();
    expect(within((screen.getByText('Maple Court').closest('tr') as HTMLElement)).queryByText('Left the integration')).toBeNull();
    await u.click(within(row).getByRole('button', { name: 'Remove site Oak Plaza' }));
    const dialog = screen.getByRole('alertdialog');
    expect(dialog.textContent).toContain('Nothing is deleted in SmartPlus');
    expect(dialog.textContent).toContain('forgets this site and its local copy');
    await u.click(within(dialog).getByRole('button', { name: 'Keep the site' }));
    expect(fake.calls.some((c) => c.channel === 'sites.removeSite')).toBe(false);
    await u.click(within(row).getByRole('button', { name: 'Remove site Oak Plaza' }));
    await u.click(within(screen.getByRole('alertdialog')).getByRole('button', { name: 'Remove site' }));
    await waitFor(() => expect(screen.queryByText('Oak Plaza')).toBeNull());
    expect(fake.calls.find((c) => c.channel === 'sites.removeSite')!.input).toEqual({ siteId: 's2' });
  });

  it('shows why a removal was refused', async () => {
    const u = userEvent.setup();
    const { fake } = setup([]);
    fake.fail('sites.removeSite', { code: 'RUN_IN_PROGRESS', message: '"Oak Plaza" is syncing right now. Cancel the run (or wait for it to end), then remove the site.', retryable: true });
    const row = (await screen.findByText('Oak Plaza')).closest('tr') as HTMLElement;
    await u.click(within(row).getByRole('button', { name: 'Remove site Oak Plaza' }));
    await u.click(within(screen.getByRole('alertdialog')).getByRole('button', { name: 'Remove site' }));
    expect((await within(row).findByRole('alert')).textContent).toMatch(/syncing right now|already running|in progress/i);
  });
});
