import { createBillingStore } from '../../../src-renderer/stores/billing-store';
import { render } from '@testing-library/react';
import type { DeviceRow, OutboxItem } from '../../../src-shared/domain/device';
import type { ApartmentDetail, SiteSummary } from '../../../src-shared/domain/site';
import type { ApartmentListRow } from '../../../src-shared/ipc/contract/apartments';
import type { DeviceList } from '../../../src-shared/ipc/contract/devices';
import { createResidentSearchStore } from '../../../src-renderer/stores/resident-search-store';
import { createApartmentsStore } from '../../../src-renderer/stores/apartments-store';
import { createAppStore } from '../../../src-renderer/stores/app-store';
import { createDevicesStore } from '../../../src-renderer/stores/devices-store';
import { type Stores, StoresContext } from '../../../src-renderer/stores/stores-context';
import { createFakeBridge } from './fake-bridge';
import type { ReactNode } from 'react';

/** The time the fixtures' data was taken. */
export const AS_OF = '2026-11-27T09:30:00.000Z';

/** A synced site summary. */
export function siteSummary(over: Partial<SiteSummary> = {}): SiteSummary {
  return {
    id: 'site-1',
    name: 'Maple Court',
    customerId: 'acme',
    connectionId: 'conn-1',
    propertyId: 12,
    communityId: 'com-1',
    smartPlusAccountId: null,
    policy: { creation: 'move-in', deletion: 'move-out', sameAccessAsMaster: false, apartments: 'all', timeZone: 'America/New_York', graceDays: 0 },
    subscription: 'active',
    subscriptionEndsAt: null,
    createdAt: AS_OF,
    asOf: AS_OF,
    apartmentCount: 3,
    lastRun: null,
    ...over,
  };
}

/** An apartment list row. */
export function aptRow(i: number, over: Partial<ApartmentListRow> = {}): ApartmentListRow {
  return {
    id: `apt-${i}`,
    siteId: 'site-1',
    name: String(101 + i),
    unitId: 1000 + i,
    synced: true,
    activated: i % 2 === 0,
    familyMemberCount: 1,
    familyMemberLimit: 6,
    residentNames: `Resident ${i}`,
    problemCount: i === 1 ? 2 : 0,
    pinCount: 1,
    cardCount: 0,
    ...over,
  };
}

/** An apartment detail with one family member who has a PIN and an RF card. */
export function aptDetail(over: Partial<ApartmentDetail> = {}): ApartmentDetail {
  return {
    apartment: aptRow(0),
    master: { ...resident('master-1', 'Unit', '101'), role: 'master', hasPin: false },
    familyMembers: [resident('res-1', 'Jane', 'Doe')],
    devices: [],
    history: [],
    asOf: AS_OF,
    ...over,
  };
}

function resident(id: string, firstName: string, lastName: string): ApartmentDetail['familyMembers'][number] {
  return {
    id,
    role: 'family',
    firstName,
    lastName,
    email: 'jane@example.com',
    phone: '555-0100',
    hasPin: true,
    rfCards: ['0A1B2C3D'],
    sameAccessAsMaster: false,
    tenantId: 7,
    contactId: 9,
    applicantType: 'Primary',
    accessFrom: '2026-03-01',
    accessUntil: null,
    accessReason: 'Move-In Date 2026-03-01',
  };
}

/** A device row. */
export function device(over: Partial<DeviceRow> = {}): DeviceRow {
  return { id: 'dev-1', siteId: 'site-1', name: 'Lobby door', type: 0, mac: '0C1105000001', location: { scope: 'community' }, online: true, lastSeenAt: AS_OF, ...over };
}

/** An outbox item. */
export function outboxItem(over: Partial<OutboxItem> = {}): OutboxItem {
  return {
    id: 1,
    siteId: 'site-1',
    device: { name: 'Garage gate', type: 50, mac: '0C1105000002', location: { scope: 'building' } },
    status: 'queued',
    attempts: 0,
    error: null,
    errorCode: null,
    deviceId: null,
    createdAt: AS_OF,
    updatedAt: AS_OF,
    ...over,
  };
}

/** A device list answer. */
export function deviceList(over: Partial<DeviceList> = {}): DeviceList {
  return { devices: [device()], asOf: AS_OF, live: true, staleReason: null, outbox: [], apartmentNames: {}, ...over };
}

/** Renders `ui` with the shell, apartments, devices and billing stores over a fake bridge. */
export function renderWithStores(ui: ReactNode, fake = createFakeBridge()) {
  const app = createAppStore(fake.bridge);
  const stores = { bridge: fake.bridge, app, apartments: createApartmentsStore(fake.bridge), residentSearch: createResidentSearchStore(fake.bridge), devices: createDevicesStore(fake.bridge), billing: createBillingStore(fake.bridge) } as unknown as Stores;
  const result = render(<StoresContext.Provider value={stores}>{ui}</StoresContext.Provider>);
  return { ...result, fake, stores };
}
