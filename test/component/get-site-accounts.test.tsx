import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { AdoptionPreview, CommunityOption, SiteAccountOption } from '../../src-shared/ipc/contract/sites';
import { GetSiteScreen } from '../../src-renderer/screens/get-site/GetSiteScreen';
import { answerFieldsStep, renderWith, wizardBridge } from './helpers/get-site-fixtures';

// "Which SmartPlus account?" (issue 16): asked on the Community step only when the customer's
// sites can sync to more than one account; every later call names the chosen account.

const next = () => screen.getByRole('button', { name: 'Next' });
const stepTitle = () => screen.getByRole('heading', { level: 2 }).textContent;

const ACCOUNTS: SiteAccountOption[] = [
  { id: 'sp-north', label: 'North region', isSandbox: false, isDefault: true, status: 'configured' },
  { id: 'sp-south', label: 'South region', isSandbox: false, isDefault: false, status: 'configured' },
];
const SOUTH_COMMUNITIES: CommunityOption[] = [{ id: 'com-s', name: 'Maple Court Apartments', likely: true, buildings: [{ id: 'bld-s', name: 'Building 1' }] }];
const ZERO_OPS = { 'create-community': 0, 'update-community': 0, 'create-apartment': 0, 'update-apartment': 0, 'create-family-member': 0, 'update-family-member': 0, 'remove-pin': 0, 'remove-rf-cards': 0, 'set-pin': 0, 'set-rf-cards': 0, 'delete-family-member': 0 };
const PREVIEW: AdoptionPreview = {
  propertyId: 1,
  communityId: 'com-s',
  communityName: 'Maple Court Apartments',
  buildingId: 'bld-s',
  review: { apartments: [], members: [], questions: [], newUnits: [], untouchedResidents: 0 },
  summary: { operations: ZERO_OPS, totalOperations: 0, heldBack: 0, problems: { error: 0, warning: 0, info: 0 }, billing: { apartmentsToActivate: 0, familyMembersOverAllowance: 0, freeAllowancePerApartment: 4 } },
  labels: { residents: {}, apartments: {}, contacts: {} },
};

function accountsBridge(accounts: SiteAccountOption[]) {
  const fake = wizardBridge();
  fake.respond('sites.listAccounts', () => accounts);
  fake.respond('sites.listCommunities', ({ propertyId, smartPlusAccountId }) => (propertyId === 1 && smartPlusAccountId === 'sp-south' ? SOUTH_COMMUNITIES : []));
  fake.respond('sites.previewAdoption', () => PREVIEW);
  return fake;
}

async function toCommunityStep(fake: ReturnType<typeof wizardBridge>) {
  const u = userEvent.setup();
  const r = renderWith(<GetSiteScreen />, fake);
  await screen.findByText('Sandbox Property Management');
  await u.click(next());
  await u.click(await screen.findByRole('checkbox', { name: /Maple Court/ }));
  for (let i = 0; i < 4; i++) await u.click(next());
  expect(stepTitle()).toBe('Step 6 of 9: Community');
  return { ...r, u };
}

const inputsOf = (fake: ReturnType<typeof wizardBridge>, channel: string) => fake.calls.filter((c) => c.channel === channel).map((c) => c.input as Record<string, unknown>);

describe('Get Site wizard: which SmartPlus account', () => {
  it('with two accounts asks which one (the default preselected), and every later call names the chosen account', async () => {
    const fake = accountsBridge(ACCOUNTS);
    const { u } = await toCommunityStep(fake);
    expect(inputsOf(fake, 'sites.listAccounts')).toEqual([{ connectionId: 'rm-1' }]);
    const group = screen.getByRole('group', { name: 'Which SmartPlus account?' });
    expect(within(group).getByRole('radio', { name: /North region/ })).toHaveProperty('checked', true);
    expect(within(group).getByRole('radio', { name: /South region/ })).toHaveProperty('checked', false);
    await u.click(within(group).getByRole('radio', { name: /South region/ }));
    await waitFor(() => expect(inputsOf(fake, 'sites.listCommunities').at(-1)).toMatchObject({ propertyId: 1, smartPlusAccountId: 'sp-south' }));
    const property = screen.getByRole('group', { name: 'Maple Court Apartments' });
    await u.click(within(property).getByRole('radio', { name: /Link to an existing community/ }));
    expect(((await screen.findByLabelText('Community to link')) as HTMLSelectElement).value).toBe('com-s');
    await u.click(next());
    await answerFieldsStep(u);
    await u.click(next());
    await u.click(next());
    await screen.findByRole('heading', { level: 3, name: 'Maple Court Apartments' });
    await waitFor(() => expect(inputsOf(fake, 'sites.previewAdoption').length).toBeGreaterThan(0));
    await u.click(screen.getByRole('button', { name: 'Import' }));
    await waitFor(() => expect(fake.calls.some((c) => c.channel === 'sites.import')).toBe(true));
    for (const channel of ['sites.previewAdoption', 'sites.preview', 'sites.import']) {
      const inputs = inputsOf(fake, channel);
      expect(inputs.length, channel).toBeGreaterThan(0);
      for (const input of inputs) expect(input.smartPlusAccountId, channel).toBe('sp-south');
    }
    expect(inputsOf(fake, 'sites.import')[0]).toMatchObject({ properties: [{ propertyId: 1, adopt: { communityId: 'com-s', buildingId: 'bld-s' } }] });
  });

  it('with one account nothing is asked and no account is named in the calls', async () => {
    const fake = accountsBridge([ACCOUNTS[0]!]);
    const { u } = await toCommunityStep(fake);
    expect(inputsOf(fake, 'sites.listAccounts')).toEqual([{ connectionId: 'rm-1' }]);
    expect(screen.queryByRole('group', { name: 'Which SmartPlus account?' })).toBeNull();
    await u.click(next());
    await answerFieldsStep(u);
    await u.click(next());
    await u.click(next());
    await screen.findByRole('heading', { level: 3, name: 'Maple Court Apartments' });
    await u.click(screen.getByRole('button', { name: 'Import' }));
    await waitFor(() => expect(fake.calls.some((c) => c.channel === 'sites.import')).toBe(true));
    expect(JSON.stringify(fake.calls.filter((c) => c.channel.startsWith('sites.') && c.channel !== 'sites.listAccounts'))).not.toContain('smartPlusAccountId');
  });
});
