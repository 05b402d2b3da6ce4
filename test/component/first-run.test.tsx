import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { OverviewScreen } from '../../src-renderer/screens/overview/OverviewScreen';
import { device, deviceList } from './helpers/browse-fixtures';
import { createFakeBridge } from './helpers/fake-bridge';
import { overview, renderWithStores, site } from './helpers/sync-fixtures';

const STATUS = { activeUntil: null, renewal: null, months: null, checkedAt: '2026-11-27T10:00:00Z', stale: false, reason: null };

function setup({ paid, sites, devices }: { paid: boolean; sites: number; devices: number }) {
  const fake = createFakeBridge();
  fake.respond('overview.get', () => overview(sites > 0 ? [site()] : []));
  fake.respond('sync.listRunning', () => []);
  fake.respond('billing.getStatus', () => ({ ...STATUS, state: paid ? 'active' : 'none' }));
  fake.respond('devices.list', () => deviceList({ devices: Array.from({ length: devices }, (_, i) => device({ id: `dev-${i}` })) }));
  return renderWithStores(<OverviewScreen />, fake);
}

describe('first-run checklist with several SmartPlus accounts (issue 16)', () => {
  it('ticks "pay" when an account other than the default is active, and names the accounts not paid', async () => {
    const fake = createFakeBridge();
    fake.respond('overview.get', () => overview([]));
    fake.respond('sync.listRunning', () => []);
    fake.respond('billing.listAccounts', () => [
      { id: 'north', label: 'North region', isSandbox: false, isDefault: true },
      { id: 'south', label: 'South region', isSandbox: false, isDefault: false },
    ]);
    fake.respond('billing.getStatus', (input) => ({ ...STATUS, state: (input as { accountId?: string } | undefined)?.accountId === 'south' ? 'active' : 'none' }));
    fake.respond('devices.list', () => deviceList({ devices: [] }));
    renderWithStores(<OverviewScreen />, fake);
    const list = within(await screen.findByRole('region', { name: 'Getting started' }));
    const pay = list.getByText(/Pay for the integration/);
    expect(pay.textContent).toContain('done');
    expect(pay.textContent).toContain('Not paid yet: North region');
    expect(pay.textContent).not.toContain('South region');
  });
});

describe('first-run checklist on the Overview', () => {
  it('ticks what is done from real state and offers a button for the rest', async () => {
    const { stores } = setup({ paid: true, sites: 0, devices: 0 });
    const list = within(await screen.findByRole('region', { name: 'Getting started' }));
    expect(list.getByText(/Pay for the integration/).textContent).toContain('done');
    expect(list.queryByRole('button', { name: 'Go to Subscription' })).toBeNull();
    expect(list.getByText(/Import a site/).textContent).toContain('to do');
    await userEvent.setup().click(list.getByRole('button', { name: 'Go to Get Site from PMS' }));
    expect(stores.app.getState().route).toEqual({ screen: 'get-site' });
  });

  it('sends an unpaid installer to Subscription and, with a site, to Devices', async () => {
    const { stores } = setup({ paid: false, sites: 1, devices: 0 });
    const list = within(await screen.findByRole('region', { name: 'Getting started' }));
    expect(list.getByText(/Import a site/).textContent).toContain('done');
    await userEvent.setup().click(list.getByRole('button', { name: 'Go to Subscription' }));
    expect(stores.app.getState().route).toEqual({ screen: 'billing' });
    act(() => stores.app.getState().navigate({ screen: 'overview' }));
    await userEvent.setup().click(list.getByRole('button', { name: 'Go to Devices' }));
    expect(stores.app.getState().route).toEqual({ screen: 'devices' });
  });

  it('is gone once everything is done', async () => {
    setup({ paid: true, sites: 1, devices: 2 });
    expect(await screen.findByText('Maple Court')).toBeTruthy();
    await new Promise((r) => setTimeout(r, 50));
    expect(screen.queryByRole('region', { name: 'Getting started' })).toBeNull();
  });
});
