import { act, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { Sidebar } from '../../src-renderer/shell/Sidebar';
import { GetSiteScreen } from '../../src-renderer/screens/get-site/GetSiteScreen';
import { CUSTOMERS, renderWith, wizardBridge } from './helpers/get-site-fixtures';

const two = [CUSTOMERS[0]!, { ...CUSTOMERS[0]!, connectionId: 'rm-3', name: 'Second Customer' }];

function renderWizard(customers = two) {
  const r = renderWith(
    <>
      <Sidebar />
      <GetSiteScreen />
    </>,
    wizardBridge({ customers }),
  );
  r.app.getState().navigate({ screen: 'get-site' });
  return r;
}

describe('Get Site wizard: leaving mid-way', () => {
  it('leaves at once when nothing was entered', async () => {
    const u = userEvent.setup();
    const { app } = renderWizard();
    await screen.findByText('Second Customer');
    await u.click(screen.getByRole('button', { name: /Runs/ }));
    expect(app.getState().route).toEqual({ screen: 'runs' });
    expect(screen.queryByRole('alertdialog')).toBeNull();
  });

  it('leaves at once when the wizard chose the only customer and the default account by itself (as after "Next: Get Site from PMS")', async () => {
    const u = userEvent.setup();
    const fake = wizardBridge();
    fake.respond('sites.listAccounts', () => [
      { id: 'sp-1', label: 'Main account', isSandbox: false, isDefault: true, status: 'configured' },
      { id: 'sp-2', label: 'Second account', isSandbox: false, isDefault: false, status: 'configured' },
    ]);
    const { app, getSite } = renderWith(
      <>
        <Sidebar />
        <GetSiteScreen />
      </>,
      fake,
    );
    app.getState().navigate({ screen: 'get-site' });
    await waitFor(() => expect(getSite.getState().draft).toMatchObject({ connectionId: 'rm-1', smartPlusAccountId: 'sp-1' }));
    await u.click(screen.getByRole('button', { name: 'Next' }));
    await screen.findByRole('checkbox', { name: /Riverside/ });
    await u.click(screen.getByRole('button', { name: /Runs/ }));
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(app.getState().route).toEqual({ screen: 'runs' });

    // Once the installer chooses something, leaving asks first.
    act(() => app.getState().navigate({ screen: 'get-site' }));
    await u.click(await screen.findByRole('checkbox', { name: /Riverside/ }));
    await u.click(screen.getByRole('button', { name: /Settings/ }));
    expect(screen.getByRole('alertdialog', { name: 'Leave Get Site from PMS?' })).toBeTruthy();
  });

  it('asks first when there is input; Stay keeps everything, Leave discards it', async () => {
    const u = userEvent.setup();
    const { app, getSite } = renderWizard();
    await u.click(await screen.findByRole('radio', { name: /Second Customer/ }));
    await u.click(screen.getByRole('button', { name: 'Next' }));
    await u.click(await screen.findByRole('checkbox', { name: /Riverside/ }));

    await u.click(screen.getByRole('button', { name: /Runs/ }));
    const dialog = screen.getByRole('alertdialog', { name: 'Leave Get Site from PMS?' });
    expect(dialog).toBeTruthy();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Stay in the wizard' }));
    expect(app.getState().route.screen).toBe('get-site');
    await u.keyboard('{Escape}');
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(getSite.getState().draft).toMatchObject({ connectionId: 'rm-3', propertyIds: [2] });

    await u.click(screen.getByRole('button', { name: /Settings/ }));
    await u.click(screen.getByRole('button', { name: 'Leave and discard' }));
    expect(app.getState().route).toEqual({ screen: 'settings' });
    await waitFor(() => expect(getSite.getState().draft.connectionId).toBeNull());
    expect(getSite.getState().step.kind).toBe('customer');
  });

  it('keeps the dialog keyboard-only: Tab moves between its two answers', async () => {
    const u = userEvent.setup();
    renderWizard();
    await u.click(await screen.findByRole('radio', { name: /Second Customer/ }));
    await u.click(screen.getByRole('button', { name: /Overview/ }));
    await u.tab();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Leave and discard' }));
    await u.tab();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Stay in the wizard' }));
    await u.keyboard('{Enter}');
    expect(screen.queryByRole('alertdialog')).toBeNull();
  });
});

describe('Get Site wizard: leaving from a menu item or notification', () => {
  it('asks first too when main sends the navigation', async () => {
    const u = userEvent.setup();
    const { app, fake } = renderWizard();
    await u.click(await screen.findByRole('radio', { name: /Second Customer/ }));
    act(() => fake.emit('app.navigated', { screen: 'runs', runId: 'r1' }));
    expect(app.getState().route.screen).toBe('get-site');
    await u.click(screen.getByRole('button', { name: 'Leave and discard' }));
    expect(app.getState().route).toEqual({ screen: 'runs', runId: 'r1' });
  });
});
