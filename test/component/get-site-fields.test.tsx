import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { GetSiteScreen } from '../../src-renderer/screens/get-site/GetSiteScreen';
import { suggestTimeZone } from '../../src-shared/rules/time-zones';
import { renderWith, wizardBridge } from './helpers/get-site-fixtures';

// "A first import that asks" (issue 16): the PIN and RF card fields chosen from masked samples,
// "No field" a clear choice, the time zone suggested from the property's state but never set
// silently, grace days — all carried in the import request.

const next = () => screen.getByRole('button', { name: 'Next' });

async function toFieldsStep(fake = wizardBridge()) {
  const u = userEvent.setup();
  const r = renderWith(<GetSiteScreen />, fake);
  await screen.findByText('Sandbox Property Management');
  await u.click(next());
  await u.click(await screen.findByRole('checkbox', { name: /Maple Court/ }));
  for (let i = 0; i < 5; i++) await u.click(next());
  expect(screen.getByRole('heading', { level: 2 }).textContent).toBe('Step 7 of 9: PINs, cards and time');
  return { ...r, u };
}

describe('Get Site wizard: PINs, cards and time', () => {
  it('asks for the chosen properties’ samples and shows counts and value shapes (never values); nothing is chosen by itself', async () => {
    const { fake, getSite } = await toFieldsStep();
    const pin = await screen.findByRole('group', { name: /holds each tenant.s PIN/ });
    expect(fake.calls.find((c) => c.channel === 'sites.listFieldSamples')!.input).toEqual({ connectionId: 'rm-1', propertyIds: [1] });
    const door = within(pin).getByRole('radio', { name: /Door PIN/ }).closest('label')!;
    expect(door.textContent).toContain('4 of 5 tenants have a value · values like: 4 digits; 6 digits');
    expect(door.textContent).toContain('named like a PIN field');
    // "Door PIN (Text)" already says its type: shown once, not again as a "Text" pill (issue 16).
    expect(door.textContent!.match(/Text/g)).toHaveLength(1);
    const card = within(screen.getByRole('group', { name: /holds each tenant.s RF card/ })).getByRole('radio', { name: /^RF Card/ }).closest('label')!;
    expect(card.textContent).toContain('values like: 8 hex characters');
    expect(within(card).getByText('Text')).toBeTruthy();
    expect(within(pin).getAllByRole('radio').every((r) => !(r as HTMLInputElement).checked)).toBe(true);
    expect(getSite.getState().draft).toMatchObject({ pinField: 'unset', rfCardField: 'unset', timeZone: null });
    expect(next()).toHaveProperty('disabled', true);
    expect(screen.getByText('Choose the PIN field — or “No field”.')).toBeTruthy();
  });

  it('takes "No field", a searched time zone and grace days into the import request', async () => {
    const { u, fake } = await toFieldsStep();
    const pin = await screen.findByRole('group', { name: /holds each tenant.s PIN/ });
    await u.click(within(pin).getByRole('radio', { name: /No field/ }));
    expect(screen.getByText('Choose the RF card field — or “No field”.')).toBeTruthy();
    await u.click(within(screen.getByRole('group', { name: /holds each tenant.s RF card/ })).getByRole('radio', { name: /^RF Card/ }));
    expect(screen.getByText('Choose the site’s time zone.')).toBeTruthy();
    expect(screen.getByText(/Suggested from the property.s state \(TN\)/)).toBeTruthy();
    await u.type(screen.getByLabelText('Search time zones'), 'los ang');
    const list = screen.getByLabelText('Time zone');
    expect(within(list).getAllByRole('option').map((o) => o.textContent)).toEqual(['America/Los Angeles']);
    await u.selectOptions(list, 'America/Los_Angeles');
    const grace = screen.getByLabelText('Grace days');
    await u.clear(grace);
    await u.type(grace, '75');
    expect(next()).toHaveProperty('disabled', true);
    expect(screen.getByText('Grace days are a whole number from 0 to 60.')).toBeTruthy();
    await u.clear(grace);
    await u.type(grace, '3');
    expect(next()).toHaveProperty('disabled', false);
    await u.click(next());
    await u.click(next());
    await screen.findByRole('heading', { level: 3, name: 'Maple Court Apartments' });
    await u.click(screen.getByRole('button', { name: 'Import' }));
    await waitFor(() => expect(fake.calls.some((c) => c.channel === 'sites.import')).toBe(true));
    expect(fake.calls.find((c) => c.channel === 'sites.import')!.input).toMatchObject({
      policy: { fields: { pin: null, rfCard: 12 }, timeZone: 'America/Los_Angeles', graceDays: 3 },
    });
  });

  it('refuses one field for both PINs and RF cards', async () => {
    const { u } = await toFieldsStep();
    await u.click(within(await screen.findByRole('group', { name: /holds each tenant.s PIN/ })).getByRole('radio', { name: /Door PIN/ }));
    await u.click(within(screen.getByRole('group', { name: /holds each tenant.s RF card/ })).getByRole('radio', { name: /Door PIN/ }));
    expect(screen.getByText('PINs and RF cards need two different fields.')).toBeTruthy();
  });
});

describe('suggestTimeZone', () => {
  it('reads the state at the end of a US address, with or without a ZIP', () => {
    expect(suggestTimeZone('1 Maple Ave, Knoxville, TN')).toEqual({ zone: 'America/Chicago', state: 'TN' });
    expect(suggestTimeZone('2 River Rd, Tampa, FL 33602')).toEqual({ zone: 'America/New_York', state: 'FL' });
    expect(suggestTimeZone('9 Pine St, Denver CO 80202-1234')).toEqual({ zone: 'America/Denver', state: 'CO' });
    expect(suggestTimeZone('10 Downing Street, London')).toBeNull();
    expect(suggestTimeZone(null)).toBeNull();
  });
});
