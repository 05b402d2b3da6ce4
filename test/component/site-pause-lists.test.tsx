import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { DEFAULT_POLICY } from '../../src-shared/domain/policy';
import type { SitePause, SiteSummary } from '../../src-shared/domain/site';
import { ApartmentsScreen } from '../../src-renderer/screens/apartments/ApartmentsScreen';
import { createApartmentsStore } from '../../src-renderer/stores/apartments-store';
import { createAppStore } from '../../src-renderer/stores/app-store';
import { createOverviewStore } from '../../src-renderer/stores/overview-store';
import { createResidentSearchStore } from '../../src-renderer/stores/resident-search-store';
import { type Stores, StoresContext } from '../../src-renderer/stores/stores-context';
import { createFakeBridge } from './helpers/fake-bridge';
import { overview } from './helpers/sync-fixtures';

// Issue 16: the Sites list shows a paused site's pause ("Paused since …: reason") with Resume, and
// Pause site… (with a reason) on the others, through sites.pause / sites.resume.

function summary(id: string, name: string, pause: SitePause | null): SiteSummary {
  return {
    id, name, customerId: null, connectionId: 'rm', propertyId: 1, communityId: 'c1', smartPlusAccountId: null, policy: DEFAULT_POLICY,
    subscription: 'active', subscriptionEndsAt: null, createdAt: '2026-11-01T00:00:00.000Z', asOf: null, apartmentCount: 3, lastRun: null, pause,
  };
}

function setup() {
  const fake = createFakeBridge();
  let pause: SitePause | null = { pausedAt: '2026-12-01T15:00:00.000Z', reason: 'Roof works' };
  fake.respond('sites.list', () => [summary('s1', 'Maple Court', pause), summary('s2', 'Oak Plaza', null)]);
  fake.respond('sites.listCustomers', () => []);
  fake.respond('overview.get', () => overview([]));
  fake.respond('sites.listPropertyChanges', () => []);
  fake.respond('sites.resume', () => {
    pause = null;
    return { name: 'Maple Court', resumed: true };
  });
  fake.respond('sites.pause', ({ siteId, reason }) => ({ name: siteId, pause: { pausedAt: '2026-12-03T10:00:00.000Z', reason } }));
  const stores = {
    bridge: fake.bridge,
    app: createAppStore(fake.bridge),
    apartments: createApartmentsStore(fake.bridge),
    residentSearch: createResidentSearchStore(fake.bridge),
    overview: createOverviewStore(fake.bridge),
  } as unknown as Stores;
  render(
    <StoresContext.Provider value={stores}>
      <ApartmentsScreen />
    </StoresContext.Provider>,
  );
  return { fake, user: userEvent.setup() };
}

const row = async (name: string) => (await screen.findByRole('button', { name })).closest('tr') as HTMLElement;

describe('Sites list: paused sites', () => {
  it('shows "Paused since <date>: <reason>" with Resume; Resume calls sites.resume and the list reloads', async () => {
    const { fake, user } = setup();
    const maple = await row('Maple Court');
    expect(within(maple).getByText('Paused')).toBeTruthy();
    expect(within(maple).getByText('since Dec 1, 2026: Roof works')).toBeTruthy();
    await user.click(within(maple).getByRole('button', { name: 'Resume Maple Court' }));
    expect(fake.calls.find((c) => c.channel === 'sites.resume')!.input).toEqual({ siteId: 's1' });
    await waitFor(async () => expect(within(await row('Maple Court')).queryByText('Paused')).toBeNull());
    expect(within(await row('Maple Court')).getByRole('button', { name: 'Pause site Maple Court' })).toBeTruthy();
  });

  it('Pause site… on a running site asks for the reason and calls sites.pause with it', async () => {
    const { fake, user } = setup();
    const oak = await row('Oak Plaza');
    expect(within(oak).queryByText('Paused')).toBeNull();
    await user.click(within(oak).getByRole('button', { name: 'Pause site Oak Plaza' }));
    const dialog = await screen.findByRole('dialog', { name: 'Pause “Oak Plaza”?' });
    await user.type(within(dialog).getByLabelText('Reason (optional)'), 'Sold in January');
    await user.click(within(dialog).getByRole('button', { name: 'Pause site' }));
    expect(fake.calls.find((c) => c.channel === 'sites.pause')!.input).toEqual({ siteId: 's2', reason: 'Sold in January' });
  });
});
