import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { ConnectionListItem } from '../../src-shared/ipc/contract/connections';
import { ConnectionsScreen } from '../../src-renderer/screens/connections/ConnectionsScreen';
import { createAppStore } from '../../src-renderer/stores/app-store';
import { createConnectionsStore } from '../../src-renderer/stores/connections-store';
import { type Stores, StoresContext } from '../../src-renderer/stores/stores-context';
import { createFakeBridge } from './helpers/fake-bridge';

const AT = '2026-11-27T10:00:00.000Z';
const north: ConnectionListItem = { id: 'sp-north', kind: 'smartplus', label: 'North region', companyCode: null, locationId: null, baseUrl: 'https://eu.example/api/v1', authKind: 'smartplus-account', username: 'north@example.com', isSandbox: false, status: 'configured', updatedAt: AT, siteCount: 2 };
const south: ConnectionListItem = { ...north, id: 'sp-south', label: 'South region', username: 'south@example.com', siteCount: 0 };

function renderScreen(list: ConnectionListItem[]) {
  const fake = createFakeBridge();
  let current = [...list];
  fake.respond('connections.list', () => current);
  fake.respond('connections.test', () => ({ ok: true, testedAt: AT, locations: [], accountName: 'South Installer' }));
  const app = createAppStore(fake.bridge);
  const connections = createConnectionsStore(fake.bridge);
  const stores = { bridge: fake.bridge, app, connections } as unknown as Stores;
  render(
    <StoresContext.Provider value={stores}>
      <ConnectionsScreen />
    </StoresContext.Provider>,
  );
  return { fake, setList: (next: ConnectionListItem[]) => void (current = next) };
}

async function fillAccount(user: ReturnType<typeof userEvent.setup>, label: string) {
  await user.type(screen.getByLabelText('Account name'), label);
  await user.type(screen.getByLabelText('SmartPlus server address'), 'https://eu.example/api/v1');
  await user.type(screen.getByLabelText('User name (e-mail)'), 'south@example.com');
  await user.type(screen.getByLabelText('Password'), 'sp-secret');
  await user.click(screen.getByRole('button', { name: 'Save and test' }));
}

describe('connections: more than one SmartPlus account (issue 16)', () => {
  it('adds another account with its name, saved as a new account beside the first', async () => {
    const { fake, setList } = renderScreen([north]);
    fake.respond('connections.saveSmartPlus', () => {
      setList([north, south]);
      return south;
    });
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Add another SmartPlus account' }));
    expect(screen.getByRole('heading', { name: 'Add another SmartPlus account' })).toBeTruthy();
    expect((screen.getByLabelText('Account name') as HTMLInputElement).value).toBe('');
    await fillAccount(user, 'South region');
    expect(fake.calls.find((c) => c.channel === 'connections.saveSmartPlus')?.input).toEqual({ label: 'South region', newAccount: true, baseUrl: 'https://eu.example/api/v1', username: 'south@example.com', password: 'sp-secret' });
    expect(await screen.findByText('South region saved.')).toBeTruthy();
    expect(await screen.findByRole('heading', { name: 'SmartPlus accounts' })).toBeTruthy();
    expect(screen.getByRole('heading', { name: /North region/ })).toBeTruthy();
    expect(screen.getByRole('heading', { name: /South region/ })).toBeTruthy();
    expect(document.body.textContent).not.toContain('sp-secret');
  });

  it('a new account needs a name; a name already used is refused with its message, and the form stays', async () => {
    const { fake } = renderScreen([north]);
    fake.fail('connections.saveSmartPlus', { code: 'BAD_INPUT', message: 'A SmartPlus account is already called "North region". Give this account another name, such as its region or company.', retryable: false });
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Add another SmartPlus account' }));
    await user.type(screen.getByLabelText('SmartPlus server address'), 'https://eu.example/api/v1');
    await user.type(screen.getByLabelText('User name (e-mail)'), 'south@example.com');
    await user.type(screen.getByLabelText('Password'), 'sp-secret');
    await user.click(screen.getByRole('button', { name: 'Save and test' }));
    expect((await screen.findByRole('alert')).textContent).toContain('Enter a name for this account');
    expect(fake.calls.some((c) => c.channel === 'connections.saveSmartPlus')).toBe(false);
    await user.type(screen.getByLabelText('Account name'), 'north region');
    await user.click(screen.getByRole('button', { name: 'Save and test' }));
    const refused = await screen.findByRole('alert');
    expect(refused.textContent).toContain('A SmartPlus account is already called "North region"');
    expect(refused.textContent).not.toContain('highlighted field');
    expect(screen.getByRole('heading', { name: 'Add another SmartPlus account' })).toBeTruthy();
  });

  it('each account card shows its communities and the site that syncs to each', async () => {
    const { fake } = renderScreen([north, south]);
    fake.respond('connections.listCommunities', ({ accountId }) =>
      accountId === 'sp-north'
        ? [
            { id: 'c1', name: 'Maple Court', siteName: 'Maple Court' },
            { id: 'c2', name: 'Old Mill (hand-made)', siteName: null },
          ]
        : [],
    );
    const user = userEvent.setup();
    const card = (await screen.findByRole('heading', { name: /North region/ })).closest('li')!;
    expect(within(card).getByText('2 sites')).toBeTruthy();
    await user.click(within(card).getByRole('button', { name: 'Show communities of North region' }));
    const list = await within(card).findByRole('list', { name: 'Communities of North region' });
    expect(fake.calls.find((c) => c.channel === 'connections.listCommunities')?.input).toEqual({ accountId: 'sp-north' });
    const items = within(list).getAllByRole('listitem').map((li) => li.textContent);
    expect(items).toEqual(['Maple Court · site "Maple Court"', 'Old Mill (hand-made) · not synced by SiteSync']);
    const other = screen.getByRole('heading', { name: /South region/ }).closest('li')!;
    await user.click(within(other).getByRole('button', { name: 'Show communities of South region' }));
    expect(await within(other).findByText(/no community yet/)).toBeTruthy();
    await user.click(within(card).getByRole('button', { name: 'Hide communities of North region' }));
    expect(within(card).queryByRole('list', { name: 'Communities of North region' })).toBeNull();
  });

  it('a removal refused because sites sync to the account shows the message naming them', async () => {
    const { fake } = renderScreen([north, south]);
    fake.fail('connections.remove', {
      code: 'BAD_INPUT',
      message: '"North region" cannot be removed: sites "Maple Court", "Elm Row" sync to it. Remove those sites first.',
      retryable: false,
      details: { nextStep: 'Remove the sites under Settings, then remove the account.', sites: ['Maple Court', 'Elm Row'] },
    });
    const user = userEvent.setup();
    const card = (await screen.findByRole('heading', { name: /North region/ })).closest('li')!;
    await user.click(within(card).getByRole('button', { name: 'Remove North region' }));
    const confirm = within(card).getByRole('group', { name: 'Remove North region?' });
    await user.click(within(confirm).getByRole('button', { name: 'Remove' }));
    const alert = await within(confirm).findByRole('alert');
    expect(alert.textContent).toContain('sites "Maple Court", "Elm Row" sync to it');
    expect(alert.textContent).toContain('Remove the sites under Settings, then remove the account.');
    expect(screen.getByRole('heading', { name: /North region/ })).toBeTruthy();
  });

  it('editing an account keeps its name and sends no newAccount flag', async () => {
    const { fake } = renderScreen([north, south]);
    fake.respond('connections.saveSmartPlus', () => south);
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Edit South region' }));
    expect((screen.getByLabelText('Account name') as HTMLInputElement).value).toBe('South region');
    await user.click(screen.getByRole('button', { name: 'Save and test' }));
    expect(fake.calls.find((c) => c.channel === 'connections.saveSmartPlus')?.input).toEqual({ id: 'sp-south', label: 'South region', baseUrl: 'https://eu.example/api/v1', username: 'south@example.com' });
  });
});
