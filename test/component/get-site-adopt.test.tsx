import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { AdoptionPreview, CommunityOption } from '../../src-shared/ipc/contract/sites';
import { GetSiteScreen } from '../../src-renderer/screens/get-site/GetSiteScreen';
import { answerFieldsStep, renderWith, wizardBridge } from './helpers/get-site-fixtures';

// "Link to an existing community" (issue 16): the choice per property, the likely community and
// "Building 1" preselected, the link review with masked PIN fates, and a choice per question.

const next = () => screen.getByRole('button', { name: 'Next' });
const stepTitle = () => screen.getByRole('heading', { level: 2 }).textContent;

const COMMUNITIES: CommunityOption[] = [
  { id: 'com-9', name: 'Maple Court Apartments', likely: true, buildings: [{ id: 'bld-1', name: 'Annex' }, { id: 'bld-2', name: 'Building 1' }] },
  { id: 'com-8', name: 'Old Office', likely: false, buildings: [{ id: 'bld-3', name: 'Main' }] },
];

const ZERO_OPS = { 'create-community': 0, 'update-community': 0, 'create-apartment': 0, 'update-apartment': 0, 'create-family-member': 0, 'update-family-member': 0, 'remove-pin': 0, 'remove-rf-cards': 0, 'set-pin': 0, 'set-rf-cards': 0, 'delete-family-member': 0 };

const PREVIEW: AdoptionPreview = {
  propertyId: 1,
  communityId: 'com-9',
  communityName: 'Maple Court Apartments',
  buildingId: 'bld-2',
  review: {
    apartments: [
      { unitId: 101, unitName: '101', apartmentId: 'apt-1', apartmentName: '101', match: 'exact' },
      { unitId: 102, unitName: '102', apartmentId: 'apt-2', apartmentName: 'Apt 102', match: 'normalised' },
    ],
    members: [
      { unitId: 101, tenantId: 5, contactId: 50, residentId: 'res-1', name: 'Ann Lee', rung: 'name-and-email', pin: { fate: 'keep', from: '••21', to: '••21' } },
      { unitId: 102, tenantId: 6, contactId: 60, residentId: 'res-2', name: 'Bo Chen', rung: 'name-and-phone', pin: { fate: 'change', from: '••21', to: '••07' } },
    ],
    questions: [
      { kind: 'contact-two-candidates', unitId: 101, unitIds: [], contactIds: [51], residentIds: ['res-3', 'res-4'], apartmentIds: ['apt-1'], text: 'Cy Diaz matches 2 residents of the apartment: choose one, or keep them separate.' },
    ],
    newUnits: [{ unitId: 103, unitName: '103' }],
    untouchedResidents: 1,
  },
  summary: {
    operations: { ...ZERO_OPS, 'create-apartment': 1, 'create-family-member': 3, 'set-pin': 2 },
    totalOperations: 6,
    heldBack: 0,
    problems: { error: 0, warning: 1, info: 0 },
    billing: { apartmentsToActivate: 3, familyMembersOverAllowance: 0, freeAllowancePerApartment: 4 },
  },
  labels: {
    residents: { 'res-1': 'Ann Lee · apartment 101', 'res-2': 'Bo Chen · apartment Apt 102', 'res-3': 'Cy Diaz · cy@x.test · apartment 101', 'res-4': 'Cy Diaz · apartment 101' },
    apartments: { 'apt-1': '101', 'apt-2': 'Apt 102' },
    contacts: { '101:51': 'Cy Diaz · cy@x.test' },
  },
};

function adoptBridge() {
  const fake = wizardBridge();
  fake.respond('sites.listCommunities', ({ propertyId }) => (propertyId === 1 ? COMMUNITIES : []));
  fake.respond('sites.previewAdoption', () => PREVIEW);
  return fake;
}

async function toCommunityStep(fake = adoptBridge()) {
  const u = userEvent.setup();
  const r = renderWith(<GetSiteScreen />, fake);
  await screen.findByText('Sandbox Property Management');
  await u.click(next());
  await u.click(await screen.findByRole('checkbox', { name: /Maple Court/ }));
  for (let i = 0; i < 4; i++) await u.click(next());
  expect(stepTitle()).toBe('Step 6 of 9: Community');
  return { ...r, u };
}

/** From the Community step, links the property and walks on to the review. */
async function toLinkReview(fake = adoptBridge()) {
  const r = await toCommunityStep(fake);
  await r.u.click(screen.getByRole('radio', { name: /Link to an existing community/ }));
  await screen.findByLabelText('Community to link');
  await r.u.click(next());
  await answerFieldsStep(r.u);
  await r.u.click(next());
  await r.u.click(next());
  return r;
}

describe('Get Site wizard: link to an existing community', () => {
  it('defaults to a new community but names the hand-made one of the same name', async () => {
    const { getSite } = await toCommunityStep();
    const group = screen.getByRole('group', { name: 'Maple Court Apartments' });
    expect(within(group).getByRole('radio', { name: /Create a new community/ })).toHaveProperty('checked', true);
    expect((await within(group).findByText(/already has a hand-made community named “Maple Court Apartments”/)).textContent).toContain('second community');
    expect(next()).toHaveProperty('disabled', false);
    expect(getSite.getState().communityPlans[1]).toBeUndefined();
  });

  it('preselects the likely community and its "Building 1", lets the installer change them, and blocks Next without a building', async () => {
    const { u, getSite } = await toCommunityStep();
    await u.click(screen.getByRole('radio', { name: /Link to an existing community/ }));
    const community = await screen.findByLabelText('Community to link');
    expect((community as HTMLSelectElement).value).toBe('com-9');
    expect(within(community).getAllByRole('option').map((o) => o.textContent)[1]).toBe('Maple Court Apartments — same name (likely match)');
    expect((screen.getByLabelText('Building that holds the units') as HTMLSelectElement).value).toBe('bld-2');
    await u.selectOptions(community, 'com-8');
    // The other community has one building: it is the one.
    expect((screen.getByLabelText('Building that holds the units') as HTMLSelectElement).value).toBe('bld-3');
    await u.selectOptions(community, 'com-9');
    expect(getSite.getState().communityPlans[1]).toMatchObject({ mode: 'link', communityId: 'com-9', buildingId: 'bld-2' });
    getSite.setState({ communityPlans: { 1: { mode: 'link', communityId: 'com-9', buildingId: null, choices: {} } } });
    await waitFor(() => expect(next()).toHaveProperty('disabled', true));
    expect(screen.getByText('Choose the building that holds the units of Maple Court Apartments.')).toBeTruthy();
  });

  it('reviews every link and PIN fate (masked), asks the question, and imports with the link and the answer', async () => {
    const { u, fake } = await toLinkReview();
    expect(await screen.findByText(/Link to the hand-made community/)).toBeTruthy();
    expect(fake.calls.find((c) => c.channel === 'sites.previewAdoption')!.input).toMatchObject({ propertyId: 1, communityId: 'com-9', buildingId: 'bld-2', units: 'all' });
    const apartments = screen.getByRole('table', { name: 'Apartment links in Maple Court Apartments' });
    expect(within(apartments).getByText('Apt 102')).toBeTruthy();
    expect(within(apartments).getByText(/Same after tidying/)).toBeTruthy();
    const members = screen.getByRole('table', { name: 'Resident links in Maple Court Apartments' });
    expect(within(members).getByText('Kept (••21)')).toBeTruthy();
    expect(within(members).getByText('••21 → ••07')).toBeTruthy();
    expect(within(members).getByText('Name and phone')).toBeTruthy();
    expect(screen.getByText(/1 unit gets a new apartment/)).toBeTruthy();
    expect(screen.queryByText('Communities to create')).toBeNull();
    // What the import still creates beside the links is counted too.
    const counts = screen.getByLabelText('What the import creates beside the links');
    const count = (label: string) => within(counts).getByText(label).nextElementSibling!.textContent;
    expect(count('New apartments beside the linked ones')).toBe('1');
    expect(count('New family member accounts')).toBe('3');
    expect(count('PINs and RF cards to set')).toBe('2');

    const importButton = screen.getByRole('button', { name: 'Import' });
    expect(importButton).toHaveProperty('disabled', true);
    const question = screen.getByRole('group', { name: /Cy Diaz matches 2 residents/ });
    expect(within(question).getAllByRole('radio').map((r) => r.parentElement!.textContent)).toEqual([
      'Link to Cy Diaz · cy@x.test · apartment 101',
      'Link to Cy Diaz · apartment 101',
      'Keep separate — create a new account from Rent Manager',
      'Leave alone — create nothing for this contact',
    ]);
    await u.click(within(question).getByRole('radio', { name: 'Link to Cy Diaz · apartment 101' }));
    expect(importButton).toHaveProperty('disabled', false);
    await u.click(importButton);
    await waitFor(() => expect(fake.calls.some((c) => c.channel === 'sites.import')).toBe(true));
    expect(fake.calls.find((c) => c.channel === 'sites.import')!.input).toMatchObject({
      properties: [{
        propertyId: 1,
        units: 'all',
        adopt: { communityId: 'com-9', buildingId: 'bld-2', decisions: { memberLinks: [{ unitId: 101, contactId: 51, residentId: 'res-4' }], keepSeparate: [], leaveAlone: [], apartmentLinks: [] } },
      }],
    });
  });

  it('one hand-made apartment matching two units: offers each unit, and an answer makes the review again with that link', async () => {
    const shared: AdoptionPreview = {
      ...PREVIEW,
      review: {
        ...PREVIEW.review,
        questions: [{ kind: 'apartment-two-units', unitId: null, unitIds: [104, 105], contactIds: [], residentIds: [], apartmentIds: ['apt-4'], text: 'Apartment "104" matches units 104 and 0104: choose which unit it is, or create new apartments for them.' }],
        newUnits: [{ unitId: 103, unitName: '103' }, { unitId: 104, unitName: '104' }, { unitId: 105, unitName: '0104' }],
      },
    };
    const fake = adoptBridge();
    fake.respond('sites.previewAdoption', () => shared);
    const { u } = await toLinkReview(fake);
    const question = await screen.findByRole('group', { name: /Apartment "104" matches units 104 and 0104/ });
    expect(within(question).getAllByRole('radio').map((r) => r.parentElement!.textContent)).toEqual([
      'Link to unit 104',
      'Link to unit 0104',
      'Keep separate — create new apartments for these units',
    ]);
    const before = fake.calls.filter((c) => c.channel === 'sites.previewAdoption').length;
    await u.click(within(question).getByRole('radio', { name: 'Link to unit 0104' }));
    await waitFor(() => expect(fake.calls.filter((c) => c.channel === 'sites.previewAdoption').length).toBe(before + 1));
    expect(fake.calls.filter((c) => c.channel === 'sites.previewAdoption').at(-1)!.input).toMatchObject({ apartmentLinks: [{ unitId: 105, apartmentId: 'apt-4' }] });
    await u.click(screen.getByRole('button', { name: 'Import' }));
    await waitFor(() => expect(fake.calls.some((c) => c.channel === 'sites.import')).toBe(true));
    expect(fake.calls.find((c) => c.channel === 'sites.import')!.input).toMatchObject({
      properties: [{ adopt: { decisions: { apartmentLinks: [{ unitId: 105, apartmentId: 'apt-4' }] } } }],
    });
  });

  it('a property left on "Create a new community" imports without a link', async () => {
    const { u, fake } = await toCommunityStep();
    await u.click(next());
    await answerFieldsStep(u);
    await u.click(next());
    await u.click(next());
    await screen.findByRole('heading', { level: 3, name: 'Maple Court Apartments' });
    await u.click(screen.getByRole('button', { name: 'Import' }));
    await waitFor(() => expect(fake.calls.some((c) => c.channel === 'sites.import')).toBe(true));
    expect(fake.calls.find((c) => c.channel === 'sites.import')!.input).toMatchObject({ properties: [{ propertyId: 1, units: 'all' }] });
    expect(JSON.stringify(fake.calls.find((c) => c.channel === 'sites.import')!.input)).not.toContain('adopt');
    expect(fake.calls.some((c) => c.channel === 'sites.previewAdoption')).toBe(false);
  });
});
