import { render } from '@testing-library/react';
import type { ReactNode } from 'react';
import type { ImportPreview, PropertyPreview } from '../../../src-shared/ipc/contract/sites';
import { createAppStore } from '../../../src-renderer/stores/app-store';
import { createGetSiteStore } from '../../../src-renderer/stores/get-site-store';
import { createOverviewStore } from '../../../src-renderer/stores/overview-store';
import { createBackgroundStore } from '../../../src-renderer/stores/background-store';
import { createSettingsStore } from '../../../src-renderer/stores/settings-store';
import { createDiagnosticsStore } from '../../../src-renderer/stores/diagnostics-store';
import { type Stores, StoresContext } from '../../../src-renderer/stores/stores-context';
import { createFakeBridge } from './fake-bridge';

/** Two customers: the sandbox one (usable) and one whose password Rent Manager refused. */
export const CUSTOMERS = [
  { connectionId: 'rm-1', name: 'Sandbox Property Management', companyCode: 'sandbox', locationId: 1, isSandbox: true, status: 'configured' as const },
  { connectionId: 'rm-2', name: 'Acme Rentals', companyCode: 'acme', locationId: 2, isSandbox: false, status: 'rejected' as const },
];

/** Three properties; the third is already a site. */
export const PROPERTIES = [
  { id: 1, name: 'Maple Court Apartments', address: '1 Maple Ave, Knoxville, TN', unitCount: 3, siteId: null },
  { id: 2, name: 'Riverside Lofts', address: '2 River Rd, Tampa, FL', unitCount: 2, siteId: null },
  { id: 3, name: 'Harbor View Towers', address: null, unitCount: 40, siteId: 'site-old' },
];

/** The customer's tenant fields with counts and masked samples. */
export const FIELD_SAMPLES = [
  { id: 11, name: 'Door PIN (Text)', fieldType: 'Text', pinWarning: null, tenants: 5, tenantsWithValue: 4, shapes: ['4 digits', '6 digits'] },
  { id: 12, name: 'RF Card', fieldType: 'Text', pinWarning: null, tenants: 5, tenantsWithValue: 2, shapes: ['8 hex characters'] },
  { id: 13, name: 'Parking spot', fieldType: 'Text', pinWarning: null, tenants: 5, tenantsWithValue: 0, shapes: [] },
];

/** Answers the fields step: the PIN and RF card fields, the suggested time zone, grace days as they are. */
export async function answerFieldsStep(u: { click(el: Element): Promise<void> }): Promise<void> {
  const { screen, within } = await import('@testing-library/react');
  const pin = await screen.findByRole('group', { name: /holds each tenant.s PIN/ });
  await u.click(within(pin).getByRole('radio', { name: /Door PIN/ }));
  await u.click(within(screen.getByRole('group', { name: /holds each tenant.s RF card/ })).getByRole('radio', { name: /^RF Card/ }));
  await u.click(screen.getByRole('button', { name: 'Use this time zone' }));
}

/** Units per property. */
export const UNITS: Record<number, Array<{ id: number; name: string }>> = {
  1: [
    { id: 101, name: '101' },
    { id: 102, name: '102' },
    { id: 103, name: '103' },
  ],
  2: [
    { id: 201, name: 'A' },
    { id: 202, name: 'B' },
  ],
};

const zero = { 'create-community': 0, 'update-community': 0, 'create-apartment': 0, 'update-apartment': 0, 'create-family-member': 0, 'update-family-member': 0, 'remove-pin': 0, 'remove-rf-cards': 0, 'set-pin': 0, 'set-rf-cards': 0, 'delete-family-member': 0 };

/** A property's preview: N apartments, 2 family members each, one invalid PIN (masked). */
export function planOf(propertyId: number, name: string, apartments: number, unitsNotSynced = 0): PropertyPreview {
  return {
    propertyId,
    propertyName: name,
    summary: {
      operations: { ...zero, 'create-community': 1, 'create-apartment': apartments, 'create-family-member': apartments * 2, 'set-pin': apartments, 'set-rf-cards': 1 },
      totalOperations: 1 + apartments * 4 + 1,
      heldBack: 0,
      problems: { error: 1, warning: 0, info: 0 },
      billing: { apartmentsToActivate: apartments, familyMembersOverAllowance: 1, freeAllowancePerApartment: 4 },
    },
    problems: [
      { kind: 'invalid-pin', severity: 'error', propertyId, unitId: null, tenantId: 9, contactId: null, subject: 'Jane Doe (tenant 9)', field: 'PIN', value: '9•••', reason: 'a PIN must not start with 9' },
    ],
    moreProblems: 0,
    unitsNotSynced,
  };
}

/** A preview of the given plans with the integration active or not. */
export function previewOf(plans: PropertyPreview[], active: boolean): ImportPreview {
  return {
    plans,
    integration: active ? { active: true, endsAt: '2027-01-01T00:00:00.000Z', reason: null } : { active: false, endsAt: null, reason: 'The Integration service is not paid for on this SmartPlus account.' },
    fields: { pin: 'Door PIN (Text)', rfCard: 'RF Card' },
  };
}

/** A fake bridge answering the wizard's channels; `active` decides the subscription. */
export function wizardBridge(options: { active?: boolean; customers?: typeof CUSTOMERS } = {}) {
  const fake = createFakeBridge();
  fake.respond('sites.listCustomers', () => options.customers ?? CUSTOMERS);
  fake.respond('sites.listProperties', () => PROPERTIES);
  fake.respond('sites.listUnits', ({ propertyId }) => UNITS[propertyId] ?? []);
  fake.respond('sites.preview', (request) =>
    previewOf(
      request.properties.map((p) => {
        const all = UNITS[p.propertyId]!.length;
        const picked = p.units === 'all' ? all : p.units.length;
        return planOf(p.propertyId, PROPERTIES.find((x) => x.id === p.propertyId)!.name, picked, all - picked);
      }),
      options.active ?? true,
    ),
  );
  fake.respond('sites.import', (request) => ({
    sites: request.properties.map((p, i) => ({ siteId: `site-${p.propertyId}`, propertyId: p.propertyId, name: PROPERTIES.find((x) => x.id === p.propertyId)!.name, runId: `run-${i}` })),
    notStarted: [],
  }));
  fake.respond('sites.listCommunities', () => []);
  fake.respond('sites.listAccounts', () => [{ id: 'sp-1', label: 'SmartPlus account', isSandbox: false, isDefault: true, status: 'configured' }]);
  fake.respond('sites.listFieldSamples', () => FIELD_SAMPLES);
  fake.respond('sites.cancelImport', ({ siteIds }) => ({ cancelled: siteIds.length }));
  return fake;
}

/** Renders `ui` with the app, wizard and settings stores built on `fake`. */
export function renderWith(ui: ReactNode, fake = wizardBridge()) {
  const app = createAppStore(fake.bridge);
  const getSite = createGetSiteStore(fake.bridge);
  const settings = createSettingsStore(fake.bridge);
  const diagnostics = createDiagnosticsStore(fake.bridge);
  const background = createBackgroundStore(fake.bridge);
  const overview = createOverviewStore(fake.bridge);
  const stores = { bridge: fake.bridge, app, getSite, settings, diagnostics, background, overview } as unknown as Stores;
  const view = render(<StoresContext.Provider value={stores}>{ui}</StoresContext.Provider>);
  return { fake, app, getSite, settings, view };
}
