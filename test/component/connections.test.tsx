import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { ConnectionListItem } from '../../src-shared/ipc/contract/connections';
import { ConnectionsScreen } from '../../src-renderer/screens/connections/ConnectionsScreen';
import { createAppStore } from '../../src-renderer/stores/app-store';
import { createConnectionsStore, rmDetailsBlocker } from '../../src-renderer/stores/connections-store';
import { type Stores, StoresContext } from '../../src-renderer/stores/stores-context';
import { createFakeBridge } from './helpers/fake-bridge';

const AT = '2026-11-27T10:00:00.000Z';
const sandboxRm: ConnectionListItem = { id: 'sb-rm', kind: 'rentmanager', label: 'Sandbox customer', companyCode: 'sandbox', locationId: 1, baseUrl: 'http://127.0.0.1:4000', authKind: 'api-user', username: 'sitesync', isSandbox: true, status: 'configured', updatedAt: AT, siteCount: 2 };
const acme: ConnectionListItem = { ...sandboxRm, id: 'acme', label: 'Acme Properties', companyCode: 'acme', baseUrl: 'https://acme.api.rentmanager.com', isSandbox: false, siteCount: 1 };
const LOCATIONS = [{ id: 1, name: 'Main office', isMain: true }, { id: 2, name: 'Uptown', isMain: false }];

function setup(list: ConnectionListItem[] = [sandboxRm]) {
  const fake = createFakeBridge();
  let current = [...list];
  fake.respond('connections.list', () => current);
  const setList = (next: ConnectionListItem[]) => void (current = next);
  return { fake, setList };
}

function renderScreen(fake: ReturnType<typeof createFakeBridge>) {
  const app = createAppStore(fake.bridge);
  const connections = createConnectionsStore(fake.bridge);
  const stores = { bridge: fake.bridge, app, connections } as unknown as Stores;
  render(
    <StoresContext.Provider value={stores}>
      <ConnectionsScreen />
    </StoresContext.Provider>,
  );
  return { app, connections };
}

describe('connections store', () => {
  it('checks the details before signing in', () => {
    const draft = { label: 'Acme', companyCode: 'acme', baseUrl: '', authKind: 'api-user' as const, username: 'api', locationId: null };
    expect(rmDetailsBlocker({ ...draft, label: ' ' }, 'pw', false)).toMatch(/name for this customer/);
    expect(rmDetailsBlocker({ ...draft, companyCode: 'a b' }, 'pw', false)).toMatch(/company code/);
    expect(rmDetailsBlocker({ ...draft, baseUrl: 'ftp://x' }, 'pw', false)).toMatch(/https:\/\//);
    expect(rmDetailsBlocker({ ...draft, username: '' }, 'pw', false)).toMatch(/API user name/);
    expect(rmDetailsBlocker(draft, '', false)).toBe('Enter the password.');
    expect(rmDetailsBlocker({ ...draft, authKind: 'partner-token' }, '', false)).toBe('Enter the partner token.');
    expect(rmDetailsBlocker(draft, '', true)).toBeNull();
  });

  it('signs in, preselects the main location, saves — and never holds the password', async () => {
    const { fake } = setup([]);
    fake.respond('connections.listLocations', () => ({ ok: true, testedAt: AT, locations: LOCATIONS, accountName: null }));
    fake.respond('connections.saveRentManager', () => acme);
    const store = createConnectionsStore(fake.bridge);
    store.getState().openNewRentManager();
    store.getState().setRmDraft({ label: 'Acme Properties', companyCode: 'ACME', username: 'api' });
    await store.getState().signIn('s3cret-pw');
    expect(store.getState().editor).toMatchObject({ phase: 'location', locations: LOCATIONS, draft: { locationId: 1 } });
    expect(fake.calls.at(-1)).toEqual({ channel: 'connections.listLocations', input: { companyCode: 'acme', signIn: { kind: 'api-user', username: 'api', password: 's3cret-pw' } } });
    store.getState().setRmDraft({ locationId: 2 });
    expect(JSON.stringify(store.getState())).not.toContain('s3cret-pw');
    expect(await store.getState().save('s3cret-pw')).toBe(true);
    expect(fake.calls.find((c) => c.channel === 'connections.saveRentManager')?.input).toEqual({ companyCode: 'acme', signIn: { kind: 'api-user', username: 'api', password: 's3cret-pw' }, label: 'Acme Properties', locationId: 2 });
    expect(store.getState()).toMatchObject({ editor: null, notice: 'Acme Properties saved.' });
    expect(JSON.stringify(store.getState())).not.toContain('s3cret-pw');
  });

  it('keeps a failed sign-in on the details step with its cause', async () => {
    const { fake } = setup([]);
    fake.respond('connections.listLocations', () => ({ ok: false, testedAt: AT, failure: { code: 'RM_UNKNOWN_COMPANY', message: 'No company answers.', nextStep: 'Check the company code.' } }));
    const store = createConnectionsStore(fake.bridge);
    store.getState().openNewRentManager();
    store.getState().setRmDraft({ label: 'X', companyCode: 'nosuch', username: 'api' });
    await store.getState().signIn('pw');
    expect(store.getState().editor).toMatchObject({ phase: 'details', busy: null, failure: { code: 'RM_UNKNOWN_COMPANY' } });
    await expect(store.getState().save('pw')).resolves.toBe(false);
    expect(store.getState().editor?.problem?.text).toMatch(/Sign in and choose a location first/);
  });

  it('editing sends no password when none is typed; a new sign-in method needs its own secret', async () => {
    const { fake } = setup([acme]);
    fake.respond('connections.listLocations', () => ({ ok: true, testedAt: AT, locations: LOCATIONS, accountName: null }));
    const store = createConnectionsStore(fake.bridge);
    await store.getState().load();
    store.getState().openEdit('acme');
    expect(store.getState().editor).toMatchObject({ kind: 'rentmanager', id: 'acme', secretSaved: true, draft: { baseUrl: '', companyCode: 'acme', locationId: 1 } });
    await store.getState().signIn('');
    expect(fake.calls.at(-1)?.input).toEqual({ id: 'acme', companyCode: 'acme', signIn: { kind: 'api-user', username: 'sitesync' } });
    store.getState().backToDetails();
    store.getState().setRmDraft({ authKind: 'partner-token' });
    expect(store.getState().editor?.secretSaved).toBe(false);
    await store.getState().signIn('');
    expect(store.getState().editor?.problem?.text).toBe('Enter the partner token.');
  });

  it('the sandbox connection cannot be opened for editing', async () => {
    const { fake } = setup([sandboxRm]);
    const store = createConnectionsStore(fake.bridge);
    await store.getState().load();
    store.getState().openEdit('sb-rm');
    expect(store.getState().editor).toBeNull();
  });
});

describe('connections screen', () => {
  it('lists the sandbox connection with its label and only a Test button', async () => {
    const { fake } = setup([sandboxRm]);
    fake.respond('connections.test', () => ({ ok: true, testedAt: AT, locations: [LOCATIONS[0]!], accountName: null }));
    renderScreen(fake);
    const card = (await screen.findByRole('heading', { name: /Sandbox customer/ })).closest('li')!;
    expect(within(card).getByText('Sandbox')).toBeTruthy();
    expect(within(card).queryByRole('button', { name: /Edit/ })).toBeNull();
    expect(within(card).queryByRole('button', { name: /Remove/ })).toBeNull();
    await userEvent.setup().click(within(card).getByRole('button', { name: 'Test Sandbox customer' }));
    expect((await within(card).findByText(/Locations: Main office \(1\), main/)).textContent).toBeTruthy();
  });

  it('adds a customer from the keyboard: details → sign in → location → save', async () => {
    const { fake, setList } = setup([]);
    fake.respond('connections.listLocations', () => ({ ok: true, testedAt: AT, locations: LOCATIONS, accountName: null }));
    fake.respond('connections.saveRentManager', () => {
      setList([acme]);
      return acme;
    });
    renderScreen(fake);
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Add a customer' }));
    await waitFor(() => expect(document.activeElement?.id).toBe('cn-editor-title'));
    await user.type(screen.getByLabelText('Customer name'), 'Acme Properties');
    await user.type(screen.getByLabelText('Company code'), 'acme');
    await user.type(screen.getByLabelText('API user name'), 'api');
    await user.type(screen.getByLabelText('Password'), 'typed-secret{Enter}');
    const location = await screen.findByRole('radio', { name: /Main office/ });
    expect((location as HTMLInputElement).checked).toBe(true);
    await user.click(screen.getByRole('button', { name: 'Save connection' }));
    expect(await screen.findByText('Acme Properties saved.')).toBeTruthy();
    expect(await screen.findByRole('heading', { name: /Acme Properties/ })).toBeTruthy();
    expect(document.body.textContent).not.toContain('typed-secret');
    await user.click(screen.getByRole('button', { name: 'Edit Acme Properties' }));
    expect((screen.getByLabelText('Password') as HTMLInputElement).value).toBe('');
    expect(screen.getByText(/A password is saved. Leave this empty to keep it./)).toBeTruthy();
  });

  it('a wrong password shows the cause and the next step, and keeps the form', async () => {
    const { fake } = setup([]);
    fake.respond('connections.listLocations', () => ({ ok: false, testedAt: AT, failure: { code: 'RM_UNAUTHORIZED', message: 'Rent Manager did not accept the sign-in.', nextStep: 'Check the user name and password.' } }));
    renderScreen(fake);
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Add a customer' }));
    await user.type(screen.getByLabelText('Customer name'), 'Acme');
    await user.type(screen.getByLabelText('Company code'), 'acme');
    await user.type(screen.getByLabelText('API user name'), 'api');
    await user.type(screen.getByLabelText('Password'), 'wrong');
    await user.click(screen.getByRole('button', { name: 'Sign in and find locations' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Wrong user name, password or token');
    expect(alert.textContent).toContain('Next step: Check the user name and password.');
    expect((screen.getByLabelText('Customer name') as HTMLInputElement).value).toBe('Acme');
  });

  it('says what is missing instead of sending an incomplete sign-in', async () => {
    const { fake } = setup([]);
    renderScreen(fake);
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Add a customer' }));
    await user.click(screen.getByRole('button', { name: 'Sign in and find locations' }));
    expect((await screen.findByRole('alert')).textContent).toContain('Enter a name for this customer.');
    expect(fake.calls.some((c) => c.channel === 'connections.listLocations')).toBe(false);
  });

  it('asks before removing, naming the sites that read from it', async () => {
    const { fake, setList } = setup([acme]);
    fake.respond('connections.remove', () => {
      setList([]);
      return { removed: true };
    });
    renderScreen(fake);
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Remove Acme Properties' }));
    const confirm = screen.getByRole('group', { name: 'Remove Acme Properties?' });
    expect(confirm.textContent).toContain('1 site reads from it');
    expect(document.activeElement?.textContent).toBe('Keep it');
    await user.click(within(confirm).getByRole('button', { name: 'Remove' }));
    expect(await screen.findByText('Acme Properties removed.')).toBeTruthy();
    expect(await screen.findByText('No Rent Manager customer yet')).toBeTruthy();
  });

  it('sets up the SmartPlus account, then tests it', async () => {
    const { fake, setList } = setup([]);
    const sp: ConnectionListItem = { ...acme, id: 'sp', kind: 'smartplus', label: 'SmartPlus account', companyCode: null, locationId: null, baseUrl: 'https://eu.example/api/v1', authKind: 'smartplus-account', username: 'me@example.com', siteCount: 0 };
    fake.respond('connections.saveSmartPlus', () => {
      setList([sp]);
      return sp;
    });
    fake.respond('connections.test', () => ({ ok: false, testedAt: AT, failure: { code: 'SP_UNAUTHORIZED', message: 'SmartPlus did not accept it.', nextStep: 'Check the password.' } }));
    renderScreen(fake);
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Set up your account' }));
    await user.type(screen.getByLabelText('SmartPlus server address'), 'https://eu.example/api/v1');
    await user.type(screen.getByLabelText('User name (e-mail)'), 'me@example.com');
    await user.type(screen.getByLabelText('Password'), 'sp-secret');
    await user.click(screen.getByRole('button', { name: 'Save and test' }));
    expect(fake.calls.find((c) => c.channel === 'connections.saveSmartPlus')?.input).toEqual({ baseUrl: 'https://eu.example/api/v1', username: 'me@example.com', password: 'sp-secret' });
    expect((await screen.findByRole('alert')).textContent).toContain('Wrong user name or password');
  });

  it('shows a load failure with a way to retry, and an offline note', async () => {
    const fake = createFakeBridge();
    fake.fail('connections.list', { code: 'KEYCHAIN_UNAVAILABLE', message: 'No keychain is reachable.', retryable: false });
    const { app } = renderScreen(fake);
    expect((await screen.findByRole('alert')).textContent).toContain('No keychain is reachable.');
    act(() => app.setState({ online: false }));
    expect(screen.getByText(/You are offline/)).toBeTruthy();
    fake.respond('connections.list', () => []);
    await userEvent.setup().click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByText('No Rent Manager customer yet')).toBeTruthy();
  });
});
