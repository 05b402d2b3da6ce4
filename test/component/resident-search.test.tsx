import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { ApartmentsScreen } from '../../src-renderer/screens/apartments/ApartmentsScreen';
import type { ResidentMatch } from '../../src-shared/ipc/contract/apartments';
import { renderWithStores, siteSummary } from './helpers/browse-fixtures';
import { createFakeBridge } from './helpers/fake-bridge';

const JANE: ResidentMatch = { residentId: 'res-7', firstName: 'Jane', lastName: 'Doe', email: 'jane@example.com', siteId: 'site-1', siteName: 'Maple Court', apartmentId: 'apt-0', apartmentName: '105' };
const JOHN: ResidentMatch = { ...JANE, residentId: 'res-8', firstName: 'John', email: null, siteId: 'site-2', siteName: 'Riverside Lofts', apartmentId: 'r-apt-1', apartmentName: 'Apt 2B' };

function setup() {
  const fake = createFakeBridge();
  fake.respond('sites.list', () => [siteSummary()]);
  fake.respond('sites.listCustomers', () => []);
  fake.respond('apartments.searchResidents', ({ query }) => ({ matches: [JANE, JOHN].filter((m) => `${m.firstName} ${m.lastName} ${m.email ?? ''} ${m.apartmentName}`.toLowerCase().includes(query.toLowerCase())), more: false }));
  const rendered = renderWithStores(<ApartmentsScreen />, fake);
  return { ...rendered, fake, u: userEvent.setup() };
}

describe('resident search across all sites (issue 16)', () => {
  it('searches from 2 characters and lists matches with site and unit', async () => {
    const { u, fake } = setup();
    const box = await screen.findByRole('searchbox', { name: 'Search residents in all sites' });
    await u.type(box, 'd');
    expect(await screen.findByText('Type at least 2 characters.')).toBeTruthy();
    expect(fake.calls.some((c) => c.channel === 'apartments.searchResidents')).toBe(false);
    await u.type(box, 'oe');
    const results = await screen.findByLabelText('Residents found');
    await waitFor(() => expect(within(results).getAllByRole('button').map((b) => b.textContent)).toEqual(['Jane Doe', 'John Doe']));
    expect(results.textContent).toContain('Maple Court · Unit 105 · jane@example.com');
    expect(results.textContent).toContain('Riverside Lofts · Apt 2B');
    expect(fake.calls.filter((c) => c.channel === 'apartments.searchResidents').at(-1)?.input).toEqual({ query: 'doe' });
    expect(screen.getByRole('status', { name: '' }).textContent).toBe('2 residents found.');
  });

  it('opens the apartment of a match', async () => {
    const { u, stores } = setup();
    await u.type(await screen.findByRole('searchbox', { name: 'Search residents in all sites' }), 'john');
    await u.click(await screen.findByRole('button', { name: 'John Doe' }));
    expect(stores.app.getState().route).toMatchObject({ screen: 'apartments', siteId: 'site-2', apartmentId: 'r-apt-1' });
  });

  it('says when nothing matches and how to search', async () => {
    const { u } = setup();
    await u.type(await screen.findByRole('searchbox', { name: 'Search residents in all sites' }), 'zz');
    expect(await screen.findByText(/No resident matches “zz”/)).toBeTruthy();
  });
});
