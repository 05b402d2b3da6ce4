import { contactRef, propertyRef, unitRef } from '../../../src-shared/domain/external-ref';
import type { CommunityState, SpResident } from '../../../src-shared/domain/smartplus';
import { EphemeralSecretStore } from '../../../src-main/secrets/ephemeral-secret-store';
import type { Database } from 'better-sqlite3';
import { openDatabase } from '../../../src-main/db/database';
import { localDbOver, type LocalDb } from '../../../src-main/db/local-db';

const ORIGIN = { customer: 'acme', location: 1 };

/** A fresh in-memory local DB with one site `site-1` (property 12), and its raw connection (`db`) for tests that inspect rows. */
export async function dbWithSite(file = ':memory:'): Promise<LocalDb & { secrets: EphemeralSecretStore; db: Database }> {
  const secrets = new EphemeralSecretStore();
  const db = openDatabase(file);
  const local = await localDbOver(db, secrets, () => new Date('2026-11-27T10:00:00Z'));
  local.sites.create({ id: 'site-1', name: 'Maple Court', customerId: null, connectionId: null, propertyId: 12 });
  return Object.assign(local, { secrets, db });
}

/** A resident of apartment `apt` made from contact `contactId` of unit `unitId`. */
export function resident(apt: string, unitId: number, contactId: number, over: Partial<SpResident> = {}): SpResident {
  return {
    id: `res-${contactId}`,
    apartmentId: apt,
    role: 'family',
    firstName: `First${contactId}`,
    lastName: `Last${contactId}`,
    email: `person${contactId}@example.com`,
    phone: null,
    externalRef: contactRef(ORIGIN, unitId, contactId),
    pin: null,
    rfCards: [],
    accessGroupIds: ['ag-default'],
    sameAccessAsMaster: false,
    ...over,
  };
}

/**
 * A community with `count` apartments named "101", "102", …; apartment i (from 0) has one
 * family member except every tenth, which is vacant; every third is activated.
 */
export function community(count: number, extra: Partial<CommunityState> = {}): CommunityState {
  const apartments: CommunityState['apartments'] = [];
  const residents: SpResident[] = [];
  for (let i = 0; i < count; i++) {
    const unitId = 1000 + i;
    const id = `apt-${unitId}`;
    apartments.push({
      id,
      buildingId: 'b1',
      name: String(101 + i),
      externalRef: unitRef(ORIGIN, unitId),
      masterAccountId: `master-${unitId}`,
      activated: i % 3 === 0,
      familyMemberLimit: 6,
    });
    residents.push({ ...resident(id, unitId, 0, { id: `master-${unitId}`, role: 'master', firstName: 'Unit', lastName: String(101 + i), email: null }), externalRef: null });
    if (i % 10 !== 9) residents.push(resident(id, unitId, 50_000 + i, { rfCards: [`AB${(i + 0x1000).toString(16).toUpperCase()}`] }));
  }
  return {
    community: { id: 'com-1', name: 'Maple Court', address: null, timeZone: 'America/New_York', externalRef: propertyRef(ORIGIN, 12) },
    buildings: [{ id: 'b1', name: 'Building 1' }],
    apartments,
    residents,
    accessGroups: [],
    devices: [],
    ...extra,
  };
}
