import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { EMPTY_COUNTS, type RunRecord } from '../../src-shared/domain/run';
import type { ApartmentQuery } from '../../src-shared/domain/site';
import { ApartmentsScreen } from '../../src-renderer/screens/apartments/ApartmentsScreen';
import { createApartmentsStore } from '../../src-renderer/stores/apartments-store';
import { AS_OF, aptDetail, aptRow, renderWithStores, siteSummary } from './helpers/browse-fixtures';
import { createFakeBridge } from './helpers/fake-bridge';

function bridgeWithSites(sites = [siteSummary()]) {
  const fake = createFakeBridge();
  fake.respond('sites.list', () => sites);
  fake.respond('sites.listCustomers', () => [{ connectionId: 'conn-1', name: 'Acme Property Co', companyCode: 'acme', locationId: 1, isSandbox: true, status: 'configured' }]);
  return fake;
}

function respondList(fake: ReturnType<typeof createFakeBridge>, total = 3) {
  const seen: ApartmentQuery[] = [];
  fake.respond('apartments.list', (q) => {
    seen.push(q);
    const all = Array.from({ length: total }, (_, i) => aptRow(i));
    const rows = all.filter((r) => q.search === '' || r.name.includes(q.search) || r.residentNames.toLowerCase().includes(q.search.toLowerCase()));
    const start = q.page * q.pageSize;
    return { rows: rows.slice(start, start + q.pageSize), total: rows.length, page: q.page, pageSize: q.pageSize, asOf: AS_OF };
  });
  return seen;
}

const RUN: RunRecord = { id: 'run-1', siteId: 'site-1', trigger: 'manual', dryRun: false, startedAt: AS_OF, endedAt: AS_OF, outcome: 'succeeded', counts: EMPTY_COUNTS, problemCount: 0, heldBackCount: 0, error: null };

describe('Sites screen: the list of sites', () => {
  it('shows loading, then the sites with customer, apartment count and data age', async () => {
    const fake = bridgeWithSites();
    let release: () => void = () => {};
    const gate = new Promise<void>((r) => (release = r));
    fake.respond('sites.list', async () => {
      await gate;
      return [siteSummary()];
    });
    renderWithStores(<ApartmentsScreen />, fake);
    expect(screen.getByText('Loading sites…')).toBeTruthy();
    release();
    const row = (await screen.findByRole('button', { name: 'Maple Court' })).closest('tr')!;
    expect(within(row).getByText('3')).toBeTruthy();
    await waitFor(() => expect(within(row).getByText('Acme Property Co')).toBeTruthy());
  });

  it('says what failed and retries', async () => {
    const fake = createFakeBridge();
    fake.fail('sites.list', { code: 'INTERNAL', message: 'The database is locked.', retryable: true });
    renderWithStores(<ApartmentsScreen />, fake);
    expect((await screen.findByRole('alert')).textContent).toContain('The database is locked.');
    fake.respond('sites.list', () => [siteSummary()]);
    await userEvent.setup().click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('button', { name: 'Maple Court' })).toBeTruthy();
  });

  it('offers Get Site from PMS when there are no sites, and navigates to the wizard', async () => {
    const { stores } = renderWithStores(<ApartmentsScreen />, bridgeWithSites([]));
    expect(await screen.findByText('No sites yet')).toBeTruthy();
    await userEvent.setup().click(screen.getAllByRole('button', { name: 'Get Site from PMS' })[0]!);
    expect(stores.app.getState().route).toEqual({ screen: 'get-site' });
  });

  it('offline: shows the data age and says why Get Site waits', async () => {
    const { fake } = renderWithStores(<ApartmentsScreen />, bridgeWithSites());
    await screen.findByRole('button', { name: 'Maple Court' });
    act(() => fake.emit('app.onlineChanged', { online: false, since: AS_OF }));
    expect(screen.getByTestId('offline-notice').textContent).toMatch(/Offline — data as of/);
    expect((screen.getAllByRole('button', { name: 'Get Site from PMS' })[0] as HTMLButtonElement).disabled).toBe(true);
    expect(screen.getByText(/waits until you are back online/)).toBeTruthy();
  });
});

describe('Sites screen: the apartment browser', () => {
  async function openBrowser(total = 3, sites = [siteSummary()]) {
    const fake = bridgeWithSites(sites);
    const seen = respondList(fake, total);
    const rendered = renderWithStores(<ApartmentsScreen />, fake);
    act(() => rendered.stores.app.getState().navigate({ screen: 'apartments', siteId: 'site-1' }));
    await screen.findByRole('button', { name: 'Unit 101' });
    return { ...rendered, seen };
  }

  it('lists apartments with residents, credentials, activation and problems', async () => {
    await openBrowser();
    const row = screen.getByRole('button', { name: 'Unit 102' }).closest('[role="row"]')!;
    expect(within(row as HTMLElement).getByText('Resident 1')).toBeTruthy();
    expect(within(row as HTMLElement).getByText('1 PIN · 0 cards')).toBeTruthy();
    expect(within(row as HTMLElement).getByText('Not activated')).toBeTruthy();
    expect(within(row as HTMLElement).getByText('2')).toBeTruthy();
    expect(screen.getByText('3 apartments')).toBeTruthy();
  });

  it('explains "Not activated" with the monthly price and Pay for apartments, and counts synced and Rent-Manager-only units apart (issue 16)', async () => {
    const fake = bridgeWithSites();
    fake.respond('apartments.list', (q) => ({
      rows: [aptRow(0)], total: 1, page: q.page, pageSize: q.pageSize, asOf: AS_OF, siteCounts: { synced: 48, rentManagerOnly: 6, notActivated: 3 },
    }));
    fake.respond('billing.getPrices', () => ({
      prices: { currency: 'USD', integrationMonthly: 4900, apartmentMonthly: 150, additionalAppMonthly: 50 },
      billingDefaults: { company: '', contact: '', email: '', address: '', country: '' },
    }));
    fake.respond('billing.listApartmentChoices', () => ({ sites: [], siteId: null, apartments: [] }));
    const { stores } = renderWithStores(<ApartmentsScreen />, fake);
    act(() => stores.app.getState().navigate({ screen: 'apartments', siteId: 'site-1' }));
    expect(await screen.findByText('48 apartments synced · 6 units in Rent Manager only, not synced · 3 not activated')).toBeTruthy();
    const note = screen.getByRole('note', { name: 'Not activated' });
    expect(note.textContent).toContain('3 apartments not activated.');
    expect(note.textContent).toContain('cannot use the SmartPlus app');
    await waitFor(() => expect(note.textContent).toContain('$1.50 per apartment a month'));
    await userEvent.setup().click(within(note).getByRole('button', { name: 'Pay for apartments' }));
    expect(stores.app.getState().route).toEqual({ screen: 'billing' });
    expect((stores as unknown as { billing: { getState(): { wizard: { draft: { flow: string } } | null } } }).billing.getState().wizard?.draft.flow).toBe('apartments');
  });

  it('renders only the rows in view of 10,000 apartments', async () => {
    await openBrowser(10_000);
    expect(screen.getByText('10,000 apartments')).toBeTruthy();
    const rendered = screen.getAllByRole('row').length;
    expect(rendered).toBeGreaterThan(5);
    expect(rendered).toBeLessThan(60);
  });

  it('searches in main with the newest text only while a query is in flight', async () => {
    const { seen, fake } = await openBrowser(30);
    const rows = Array.from({ length: 30 }, (_, i) => aptRow(i));
    fake.respond('apartments.list', async (q) => {
      seen.push(q);
      await new Promise((r) => setTimeout(r, 300));
      const hits = rows.filter((r) => r.residentNames.toLowerCase().includes(q.search.toLowerCase()));
      return { rows: hits, total: hits.length, page: 0, pageSize: q.pageSize, asOf: AS_OF };
    });
    const before = seen.length;
    await userEvent.setup().type(screen.getByLabelText('Search this site'), 'Resident 2');
    await waitFor(() => expect(screen.getByText(/matching “Resident 2”/)).toBeTruthy());
    expect(seen.at(-1)?.search).toBe('Resident 2');
    // Ten keystrokes, fewer queries: text typed while a query ran was folded into the next one.
    expect(seen.length - before).toBeLessThan(10);
    expect(screen.getByRole('button', { name: 'Unit 103' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Unit 102' })).toBeNull();
  });

  it('filters, and says so when nothing matches', async () => {
    const { seen } = await openBrowser();
    await userEvent.setup().click(screen.getByRole('button', { name: 'Vacant' }));
    await waitFor(() => expect(seen.at(-1)?.filter).toBe('vacant'));
    expect(screen.getByRole('button', { name: 'Vacant' }).getAttribute('aria-pressed')).toBe('true');
    await userEvent.setup().type(screen.getByLabelText('Search this site'), 'zzz');
    expect(await screen.findByText('No apartments match')).toBeTruthy();
  });

  it('moves between rows with the arrow keys and opens one with Enter', async () => {
    const { stores } = await openBrowser();
    const user = userEvent.setup();
    screen.getByRole('button', { name: 'Unit 101' }).focus();
    await user.keyboard('{ArrowDown}');
    await waitFor(() => expect(document.activeElement?.textContent).toBe('102'));
    await user.keyboard('{Enter}');
    expect(stores.app.getState().route).toEqual({ screen: 'apartments', siteId: 'site-1', apartmentId: 'apt-1' });
  });

  it('custom sites: shows unsynced units with Add to sync, unavailable offline', async () => {
    const custom = siteSummary({ policy: { ...siteSummary().policy, apartments: { custom: [1000] } } });
    const fake = bridgeWithSites([custom]);
    fake.respond('apartments.list', (q) => ({
      rows: [aptRow(0), aptRow(5, { synced: false, name: '106', residentNames: '', familyMemberCount: 0, pinCount: 0 })],
      total: 2,
      page: q.page,
      pageSize: q.pageSize,
      asOf: AS_OF,
    }));
    fake.respond('apartments.addToSync', () => ({ policy: custom.policy, added: true, runId: null }));
    const { stores } = renderWithStores(<ApartmentsScreen />, fake);
    act(() => stores.app.getState().navigate({ screen: 'apartments', siteId: 'site-1' }));
    expect(await screen.findByRole('button', { name: 'In Rent Manager, not synced' })).toBeTruthy();
    await userEvent.setup().click(screen.getByRole('button', { name: 'Add to sync: unit 106' }));
    expect(fake.calls.find((c) => c.channel === 'apartments.addToSync')?.input).toEqual({ siteId: 'site-1', unitId: 1005, resync: false });
    expect(await screen.findByText('Unit 106 added — it syncs on the next run, or resync now.')).toBeTruthy();
    // The row is marked pending instead of offering the button again.
    expect(screen.getByText('Added — syncs on the next run')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Add to sync: unit 106' })).toBeNull();
    fake.respond('sync.runSite', () => ({ siteId: 'site-1', runId: 'run-9', joined: false }));
    await userEvent.setup().click(screen.getByRole('button', { name: 'Resync now' }));
    expect(fake.calls.filter((c) => c.channel === 'sync.runSite').at(-1)?.input).toEqual({ siteId: 'site-1' });
    expect(await screen.findByText(/Unit 106 added\. A resync has started/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Resync now' })).toBeNull();
    // The run finishing ends the notice and the pending mark (the refreshed list shows the unit as before here).
    act(() => fake.emit('sync.finished', RUN));
    await waitFor(() => expect(screen.queryByText(/Unit 106 added/)).toBeNull());
    expect(await screen.findByRole('button', { name: 'Add to sync: unit 106' })).toBeTruthy();
    act(() => fake.emit('app.onlineChanged', { online: false, since: AS_OF }));
    expect((screen.getByRole('button', { name: 'Add to sync: unit 106' }) as HTMLButtonElement).disabled).toBe(true);
    expect(screen.getByText('Needs the network')).toBeTruthy();
  });

  it('shows the error of a failed list and retries', async () => {
    const fake = bridgeWithSites();
    fake.fail('apartments.list', { code: 'INTERNAL', message: 'The local database could not be read.', retryable: false });
    const { stores } = renderWithStores(<ApartmentsScreen />, fake);
    act(() => stores.app.getState().navigate({ screen: 'apartments', siteId: 'site-1' }));
    expect((await screen.findByRole('alert')).textContent).toContain('could not be read');
    respondList(fake);
    await userEvent.setup().click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('button', { name: 'Unit 101' })).toBeTruthy();
  });

  it('refreshes the list when a run of the site finishes', async () => {
    const { fake } = await openBrowser(3);
    expect(screen.queryByRole('button', { name: 'Unit 104' })).toBeNull();
    const after = respondList(fake, 4);
    act(() => fake.emit('sync.finished', RUN));
    expect(await screen.findByRole('button', { name: 'Unit 104' })).toBeTruthy();
    expect(after.map((q) => q.siteId)).toContain('site-1');
  });

  it('an empty site says how to fill it', async () => {
    const fake = bridgeWithSites();
    respondList(fake, 0);
    const { stores } = renderWithStores(<ApartmentsScreen />, fake);
    act(() => stores.app.getState().navigate({ screen: 'apartments', siteId: 'site-1' }));
    expect(await screen.findByText('No apartments synced yet')).toBeTruthy();
  });
});

describe('apartments store', () => {
  it('switching sites while a query runs shows the newly opened site, never the old answer', async () => {
    const fake = createFakeBridge();
    fake.respond('apartments.list', async (q) => {
      await new Promise((r) => setTimeout(r, q.siteId === 'site-1' ? 60 : 5));
      return { rows: [aptRow(0, { siteId: q.siteId, name: q.siteId })], total: 1, page: 0, pageSize: q.pageSize, asOf: AS_OF };
    });
    const store = createApartmentsStore(fake.bridge);
    const first = store.getState().openSite('site-1');
    const second = store.getState().openSite('site-2');
    await Promise.all([first, second]);
    await waitFor(() => expect(fake.calls.filter((c) => c.channel === 'apartments.list')).toHaveLength(2));
    const list = store.getState().list;
    expect(list.status === 'ready' && list.value.siteId).toBe('site-2');
    expect(list.status === 'ready' && list.value.pages[0]![0]!.name).toBe('site-2');
  });
});

describe('Sites screen: apartment detail', () => {
  async function openDetail(fake = bridgeWithSites()) {
    fake.respond('apartments.get', () => aptDetail({ history: [{ runId: 'r1', runStartedAt: AS_OF, kind: 'invalid-pin', severity: 'warning', propertyId: 12, unitId: 1000, tenantId: 7, contactId: 9, subject: 'Jane Doe', field: 'PIN', value: '9•••', reason: 'A PIN must not start with 9.' }] }));
    fake.respond('apartments.revealPin', () => ({ pin: '4821' }));
    const rendered = renderWithStores(<ApartmentsScreen />, fake);
    act(() => rendered.stores.app.getState().navigate({ screen: 'apartments', siteId: 'site-1', apartmentId: 'apt-0' }));
    await screen.findByRole('heading', { level: 1, name: 'Unit 101' });
    return rendered;
  }

  it('shows the family member with masked PIN, RF card, access dates and history', async () => {
    await openDetail();
    const row = screen.getByRole('rowheader', { name: 'Jane Doe' }).closest('tr')!;
    expect(within(row).getByText('jane@example.com')).toBeTruthy();
    expect(within(row).getByText('Primary')).toBeTruthy();
    expect(within(row).getByText('0A1B2C3D')).toBeTruthy();
    expect(within(row).getByText('Move-In Date Mar 1, 2026')).toBeTruthy();
    expect(within(row).getByText('••••')).toBeTruthy();
    expect(document.body.textContent).not.toContain('4821');
    expect(screen.getByText('A PIN must not start with 9.')).toBeTruthy();
  });

  it('names the main account after its unit, not the bare number, with the primary tenant (issue 16)', async () => {
    await openDetail();
    const main = screen.getByRole('region', { name: 'Main account' });
    expect(within(main).getByText('Unit 101 (main account)')).toBeTruthy();
    expect(main.textContent).toContain('primary tenant Jane Doe');
  });

  it('reveals a PIN only on request, and hides it again', async () => {
    const { fake } = await openDetail();
    expect(fake.calls.some((c) => c.channel === 'apartments.revealPin')).toBe(false);
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Reveal PIN of Jane Doe' }));
    expect(await screen.findByText('4821')).toBeTruthy();
    expect(fake.calls.find((c) => c.channel === 'apartments.revealPin')?.input).toEqual({ residentId: 'res-1' });
    await user.click(screen.getByRole('button', { name: 'Hide PIN of Jane Doe' }));
    expect(screen.queryByText('4821')).toBeNull();
  });

  it('reveals PINs offline too, with the offline notice', async () => {
    const { fake } = await openDetail();
    act(() => fake.emit('app.onlineChanged', { online: false, since: AS_OF }));
    expect(screen.getByTestId('offline-notice').textContent).toContain('Offline — data as of');
    await userEvent.setup().click(screen.getByRole('button', { name: 'Reveal PIN of Jane Doe' }));
    expect(await screen.findByText('4821')).toBeTruthy();
  });

  it('explains an apartment that is gone', async () => {
    const fake = bridgeWithSites();
    fake.fail('apartments.get', { code: 'NOT_FOUND', message: 'This apartment is not in the synced data any more.', retryable: false });
    const { stores } = renderWithStores(<ApartmentsScreen />, fake);
    act(() => stores.app.getState().navigate({ screen: 'apartments', siteId: 'site-1', apartmentId: 'apt-x' }));
    expect((await screen.findByRole('alert')).textContent).toContain('not in the synced data');
    await userEvent.setup().click(screen.getByRole('button', { name: 'Back to the list' }));
    expect(stores.app.getState().route).toEqual({ screen: 'apartments', siteId: 'site-1' });
  });
});
