import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { GetSiteScreen } from '../../src-renderer/screens/get-site/GetSiteScreen';
import { answerFieldsStep, CUSTOMERS, renderWith, wizardBridge } from './helpers/get-site-fixtures';

const user = () => userEvent.setup();
const next = () => screen.getByRole('button', { name: 'Next' });
const stepTitle = () => screen.getByRole('heading', { level: 2 }).textContent;

/** Renders the wizard and walks it to the properties step with both usable properties picked. */
async function toPolicySteps(u = user(), fake = wizardBridge()) {
  const r = renderWith(<GetSiteScreen />, fake);
  await screen.findByText('Sandbox Property Management');
  await u.click(next());
  await u.click(await screen.findByRole('checkbox', { name: /Maple Court/ }));
  await u.click(screen.getByRole('checkbox', { name: /Riverside/ }));
  await u.click(next());
  return { ...r, u };
}

describe('Get Site wizard: customer step', () => {
  it('keeps Next disabled until a customer is chosen; a refused connection cannot be chosen', async () => {
    const u = user();
    const two = [CUSTOMERS[0]!, { ...CUSTOMERS[0]!, connectionId: 'rm-3', name: 'Second Customer', isSandbox: false }, CUSTOMERS[1]!];
    const { getSite } = renderWith(<GetSiteScreen />, wizardBridge({ customers: two }));
    await screen.findByText('Second Customer');
    expect(next()).toHaveProperty('disabled', true);
    expect(screen.getByText('Choose a customer to continue.')).toBeTruthy();
    const refused = screen.getByRole('radio', { name: /Acme Rentals/ });
    expect(refused).toHaveProperty('disabled', true);
    expect(screen.getByText(/Rent Manager refused its password/)).toBeTruthy();
    await u.click(screen.getByRole('radio', { name: /Second Customer/ }));
    expect(next()).toHaveProperty('disabled', false);
    await u.click(next());
    expect(getSite.getState().step.kind).toBe('properties');
    expect(stepTitle()).toBe('Step 2 of 9: Properties');
  });

  it('chooses the only usable customer by itself', async () => {
    const { getSite } = renderWith(<GetSiteScreen />);
    await waitFor(() => expect(getSite.getState().draft.connectionId).toBe('rm-1'));
    expect(next()).toHaveProperty('disabled', false);
  });

  it('with no customer, offers Connections', async () => {
    const u = user();
    const { app } = renderWith(<GetSiteScreen />, wizardBridge({ customers: [] }));
    await u.click(await screen.findByRole('button', { name: 'Add a customer under Connections' }));
    expect(app.getState().route).toEqual({ screen: 'connections' });
  });

  it('shows a load failure with its next step and retries', async () => {
    const u = user();
    const fake = wizardBridge();
    fake.fail('sites.listCustomers', { code: 'OFFLINE', message: 'No network.', retryable: true });
    renderWith(<GetSiteScreen />, fake);
    expect((await screen.findByRole('alert')).textContent).toContain('Check the network connection');
    fake.respond('sites.listCustomers', () => CUSTOMERS);
    await u.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByText('Sandbox Property Management')).toBeTruthy();
  });
});

describe('Get Site wizard: offline', () => {
  it('says the wizard needs the network and keeps what was entered', async () => {
    const { fake, getSite } = renderWith(<GetSiteScreen />);
    await waitFor(() => expect(getSite.getState().draft.connectionId).toBe('rm-1'));
    act(() => fake.emit('app.onlineChanged', { online: false, since: '2026-11-27T11:00:00Z' }));
    expect(screen.getByText(/this wizard needs the network; what you entered is kept/)).toBeTruthy();
    expect(getSite.getState().draft.connectionId).toBe('rm-1');
  });
});

describe('Get Site wizard: properties step', () => {
  it('lists properties with unit counts, searches, refuses an imported one, and needs one picked', async () => {
    const u = user();
    renderWith(<GetSiteScreen />);
    await screen.findByText('Sandbox Property Management');
    await u.click(next());
    expect(await screen.findByText('3 units')).toBeTruthy();
    expect(next()).toHaveProperty('disabled', true);
    expect(screen.getByText('Choose at least one property to continue.')).toBeTruthy();
    expect(screen.getByRole('checkbox', { name: /Harbor View/ })).toHaveProperty('disabled', true);
    await u.type(screen.getByLabelText('Search properties'), 'river');
    expect(screen.queryByRole('checkbox', { name: /Maple Court/ })).toBeNull();
    await u.click(screen.getByRole('checkbox', { name: /Riverside/ }));
    expect(screen.getByText(/1 selected · 1 of 3 shown/)).toBeTruthy();
    expect(next()).toHaveProperty('disabled', false);
  });

  it('with no property enabled, says what the property manager does in Rent Manager, and looks again', async () => {
    const u = user();
    const fake = wizardBridge();
    fake.respond('sites.listProperties', () => []);
    renderWith(<GetSiteScreen />, fake);
    await screen.findByText('Sandbox Property Management');
    await u.click(next());
    const banner = await screen.findByText(/no property enabled for the integration yet/);
    const box = banner.closest('.banner') as HTMLElement;
    expect(box.textContent).toContain('Administration → Integrations → Akuvox → Request Activation');
    expect(box.textContent).toContain('select the properties');
    const asked = fake.calls.filter((c) => c.channel === 'sites.listProperties').length;
    await u.click(within(box).getByRole('button', { name: 'Try again' }));
    await waitFor(() => expect(fake.calls.filter((c) => c.channel === 'sites.listProperties').length).toBe(asked + 1));
  });
});

describe('Get Site wizard: policy steps and Back', () => {
  it('starts on the spec defaults and keeps every choice across Back and Next', async () => {
    const { u, getSite } = await toPolicySteps();
    expect(stepTitle()).toBe('Step 3 of 9: Account creation');
    expect(screen.getByRole('radio', { name: /Move-In Date/ })).toHaveProperty('checked', true);
    await u.click(screen.getByRole('radio', { name: /Lease Start Date/ }));
    await u.click(next());
    expect(screen.getByRole('radio', { name: /Move-Out Date/ })).toHaveProperty('checked', true);
    await u.click(screen.getByRole('radio', { name: /Lease End Date/ }));
    await u.click(next());
    expect(screen.getByText(/opens the community.s doors at any time of day/)).toBeTruthy();
    expect(screen.getByRole('radio', { name: /24 Hours/ })).toHaveProperty('checked', true);
    await u.click(screen.getByRole('radio', { name: /Yes — same access/ }));

    for (let i = 0; i < 3; i++) await u.click(screen.getByRole('button', { name: 'Back' }));
    expect(stepTitle()).toBe('Step 2 of 9: Properties');
    expect(screen.getByRole('checkbox', { name: /Maple Court/ })).toHaveProperty('checked', true);
    expect(screen.getByRole('checkbox', { name: /Riverside/ })).toHaveProperty('checked', true);
    await u.click(next());
    expect(screen.getByRole('radio', { name: /Lease Start Date/ })).toHaveProperty('checked', true);
    await u.click(next());
    expect(screen.getByRole('radio', { name: /Lease End Date/ })).toHaveProperty('checked', true);
    await u.click(next());
    expect(screen.getByRole('radio', { name: /Yes — same access/ })).toHaveProperty('checked', true);
    expect(getSite.getState().draft).toMatchObject({ creation: 'lease-start', deletion: 'lease-end', sameAccessAsMaster: true, propertyIds: [1, 2] });
  });

  it('moves on with Enter (the step is a form) and focuses the new step heading', async () => {
    const { u } = await toPolicySteps();
    await u.click(screen.getByRole('radio', { name: /Lease Start Date/ }));
    await u.keyboard('{Enter}');
    expect(stepTitle()).toBe('Step 4 of 9: Account deletion');
    expect(document.activeElement).toBe(screen.getByRole('heading', { level: 2 }));
  });
});

describe('Get Site wizard: apartments step', () => {
  async function toApartments() {
    const r = await toPolicySteps();
    await r.u.click(next());
    await r.u.click(next());
    await r.u.click(next());
    await r.u.click(next());
    await answerFieldsStep(r.u);
    await r.u.click(next());
    expect(stepTitle()).toBe('Step 8 of 9: Apartments');
    return r;
  }

  it('explains All and Custom; Custom with no apartment in a property is refused', async () => {
    const { u } = await toApartments();
    expect(screen.getByText(/including units added to Rent Manager later/)).toBeTruthy();
    expect(screen.getByText(/in Rent Manager, not synced/)).toBeTruthy();
    expect(next()).toHaveProperty('disabled', false);
    await u.click(screen.getByRole('radio', { name: /Custom/ }));
    await screen.findByRole('group', { name: 'Maple Court Apartments' });
    expect(next()).toHaveProperty('disabled', true);
    expect(screen.getByText(/Pick at least one apartment in Maple Court Apartments, Riverside Lofts/)).toBeTruthy();

    const maple = screen.getByRole('group', { name: 'Maple Court Apartments' });
    await u.click(within(maple).getByRole('button', { name: /Select all/ }));
    expect(within(maple).getByText('3 of 3 apartments picked')).toBeTruthy();
    expect(screen.getByText(/Pick at least one apartment in Riverside Lofts —/)).toBeTruthy();
    const river = await screen.findByRole('group', { name: 'Riverside Lofts' });
    await u.click(within(river).getByRole('checkbox', { name: 'B' }));
    expect(next()).toHaveProperty('disabled', false);
    await u.click(within(maple).getByRole('button', { name: /Select none/ }));
    expect(next()).toHaveProperty('disabled', true);
  });

  it('makes the unit grid one Tab stop that arrow keys move through', async () => {
    const { u, getSite } = await toApartments();
    await u.click(screen.getByRole('radio', { name: /Custom/ }));
    const maple = await screen.findByRole('group', { name: 'Maple Court Apartments' });
    within(maple).getByRole('checkbox', { name: '101' }).focus();
    await u.keyboard(' ');
    await u.keyboard('{ArrowRight}');
    expect(document.activeElement).toBe(within(maple).getByRole('checkbox', { name: '102' }));
    await u.keyboard('{End} ');
    expect(getSite.getState().draft.customUnits[1]).toEqual([101, 103]);
    await u.tab();
    expect(document.activeElement).toBe(within(screen.getByRole('group', { name: 'Riverside Lofts' })).getByLabelText(/Search units/));
    await u.tab({ shift: true });
    expect(document.activeElement).toBe(within(maple).getByRole('checkbox', { name: '103' }));
  });

  it('searches units and selects only the shown ones', async () => {
    const { u, getSite } = await toApartments();
    await u.click(screen.getByRole('radio', { name: /Custom/ }));
    const maple = await screen.findByRole('group', { name: 'Maple Court Apartments' });
    await u.type(within(maple).getByLabelText(/Search units/), '102');
    await u.click(within(maple).getByRole('button', { name: /Select all shown/ }));
    expect(getSite.getState().draft.customUnits[1]).toEqual([102]);
  });
});

describe('Get Site wizard: review, import and result', () => {
  async function toReview(active = true) {
    const fake = wizardBridge({ active });
    const r = await toPolicySteps(user(), fake);
    await r.u.click(next());
    await r.u.click(next());
    await r.u.click(next());
    await r.u.click(next());
    await answerFieldsStep(r.u);
    await r.u.click(next());
    await r.u.click(screen.getByRole('radio', { name: /Custom/ }));
    const maple = await screen.findByRole('group', { name: 'Maple Court Apartments' });
    await r.u.click(within(maple).getByRole('checkbox', { name: '101' }));
    const river = await screen.findByRole('group', { name: 'Riverside Lofts' });
    await r.u.click(within(river).getByRole('button', { name: /Select all/ }));
    await r.u.click(next());
    await screen.findByRole('heading', { level: 3, name: 'Maple Court Apartments' });
    return r;
  }

  it('shows the plan per property with masked PINs and billing impact, from the chosen units', async () => {
    const { fake } = await toReview();
    const request = fake.calls.find((c) => c.channel === 'sites.preview')!.input;
    expect(request).toEqual({
      connectionId: 'rm-1',
      policy: { creation: 'move-in', deletion: 'move-out', sameAccessAsMaster: false, fields: { pin: 11, rfCard: 12 }, timeZone: 'America/Chicago', graceDays: 0 },
      properties: [
        { propertyId: 1, units: [101] },
        { propertyId: 2, units: [201, 202] },
      ],
    });
    const maple = screen.getByRole('region', { name: 'Maple Court Apartments' });
    expect(within(maple).getByText('Apartments to create').nextSibling?.textContent).toBe('1');
    expect(within(maple).getByText('Family member accounts to create').nextSibling?.textContent).toBe('2');
    expect(within(maple).getByText('Apartments that will need activation').nextSibling?.textContent).toBe('1');
    expect(within(maple).getByText('9•••')).toBeTruthy();
    expect(within(maple).getByText('Invalid PIN')).toBeTruthy();
    expect(within(maple).getByText(/2 other units stay in Rent Manager, not synced/)).toBeTruthy();
    expect(within(screen.getByRole('region', { name: 'Riverside Lofts' })).queryByText(/not synced/)).toBeNull();
    expect(screen.getByRole('button', { name: 'Import' })).toHaveProperty('disabled', false);
  });

  it('without the Integration service, says why, disables Import and offers Subscription keeping the choices', async () => {
    const { u, app, getSite } = await toReview(false);
    expect(screen.getByText(/not paid for on this SmartPlus account/)).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Import' })).toHaveProperty('disabled', true);
    await u.click(screen.getByRole('button', { name: 'Pay for the Integration service' }));
    expect(app.getState().route).toEqual({ screen: 'billing' });
    expect(getSite.getState().step.kind).toBe('review');
    expect(getSite.getState().draft.propertyIds).toEqual([1, 2]);
  });

  it('imports with a progress bar per site, cancels, and ends on a result linking to sites and problems', async () => {
    const { u, fake, app } = await toReview();
    await u.click(screen.getByRole('button', { name: 'Import' }));
    await screen.findByText('Creating and syncing 2 sites…');
    act(() => fake.emit('sync.progressed', { runId: 'run-0', siteId: 'site-1', phase: 'apartments', done: 1, total: 4, current: null }));
    const bar = screen.getByRole('progressbar', { name: 'Maple Court Apartments: Apartments' });
    expect(bar.getAttribute('value')).toBe('1');
    expect(bar.getAttribute('max')).toBe('4');
    const phases = within(screen.getByRole('list', { name: 'Phases of Maple Court Apartments' })).getAllByRole('listitem');
    expect(phases[2]!.textContent).toContain('Community (done)');
    expect(phases[3]!.textContent).toContain('Apartments (in progress)');
    act(() => fake.emit('sync.progressed', { runId: 'run-1', siteId: 'site-2', phase: 'done', done: 0, total: 0, current: null }));
    expect(screen.getByRole('progressbar', { name: 'Riverside Lofts: Saving the local copy' }).getAttribute('value')).toBe('1');
    const riverPhases = within(screen.getByRole('list', { name: 'Phases of Riverside Lofts' })).getAllByRole('listitem');
    expect(riverPhases.every((li) => li.textContent!.includes('(done)'))).toBe(true);

    await u.click(screen.getByRole('button', { name: 'Cancel import' }));
    expect(fake.calls.find((c) => c.channel === 'sites.cancelImport')?.input).toEqual({ siteIds: ['site-1', 'site-2'] });

    const record = (siteId: string, id: string, problemCount: number) => ({
      id, siteId, trigger: 'import' as const, dryRun: false, startedAt: '2026-11-27T11:00:00Z', endedAt: '2026-11-27T11:01:00Z',
      outcome: 'succeeded' as const,
      counts: { communities: 1, apartments: 2, accountsCreated: 4, accountsUpdated: 0, accountsDeleted: 0, credentialsSet: 2, credentialsRemoved: 0, failedOperations: 0 },
      problemCount, errorCount: problemCount ? 1 : 0, heldBackCount: 0, error: null,
    });
    act(() => fake.emit('sync.finished', record('site-1', 'run-0', 3)));
    expect(screen.queryByText('2 sites were imported.', { exact: false })).toBeNull();
    act(() => fake.emit('sync.finished', record('site-2', 'run-1', 0)));
    expect(await screen.findByText(/2 sites were imported/)).toBeTruthy();
    expect(screen.getByText('Synced with problems').className).toContain('pill-warn');
    expect(screen.getByText(/3 problems need attention in the run report/)).toBeTruthy();
    expect(screen.getAllByText('Succeeded')).toHaveLength(1);
    await u.click(screen.getByRole('button', { name: 'See the run report of Maple Court Apartments' }));
    expect(app.getState().route).toEqual({ screen: 'runs', runId: 'run-0' });
  });

  it('lists a property whose site could not start next to the ones that did', async () => {
    const { u, fake } = await toReview();
    fake.respond('sites.import', () => ({
      sites: [{ siteId: 'site-1', propertyId: 1, name: 'Maple Court Apartments', runId: 'run-0' }],
      notStarted: [{ propertyId: 2, name: 'Riverside Lofts', reason: 'SmartPlus Cloud is not answering.' }],
    }));
    await u.click(screen.getByRole('button', { name: 'Import' }));
    await screen.findByText('Creating and syncing the site…');
    act(() =>
      fake.emit('sync.finished', {
        id: 'run-0', siteId: 'site-1', trigger: 'import', dryRun: false, startedAt: '2026-11-27T11:00:00Z', endedAt: '2026-11-27T11:01:00Z', outcome: 'succeeded',
        counts: { communities: 1, apartments: 1, accountsCreated: 2, accountsUpdated: 0, accountsDeleted: 0, credentialsSet: 1, credentialsRemoved: 0, failedOperations: 0 },
        problemCount: 0, heldBackCount: 0, error: null,
      }),
    );
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('One property was not imported');
    expect(alert.textContent).toContain('Riverside Lofts: SmartPlus Cloud is not answering.');
    expect(screen.getByRole('button', { name: 'Open Maple Court Apartments' })).toBeTruthy();
  });

  it('a refused import shows why on the result page', async () => {
    const { u, fake } = await toReview();
    fake.fail('sites.import', { code: 'SUBSCRIPTION_REQUIRED', message: 'The Integration service has expired.', retryable: false });
    await u.click(screen.getByRole('button', { name: 'Import' }));
    expect((await screen.findByRole('alert')).textContent).toContain('The Integration service has expired.');
  });
});
