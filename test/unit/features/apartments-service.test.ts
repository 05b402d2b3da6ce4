import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApartmentDetail, ResidentRow } from '../../../src-shared/domain/site';
import type { AddToSyncResult, ApartmentListPage, ApartmentListRow } from '../../../src-shared/ipc/contract/apartments';
import { err, ok } from './sites-rig';
import { type BrowseRig, RM, startBrowseRig } from './browse-rig';
import type { DeviceList } from '../../../src-shared/ipc/contract/devices';

const CUSTOM = 12;
let rig: BrowseRig;
beforeAll(async () => {
  rig = await startBrowseRig({ custom: CUSTOM });
}, 60_000);
afterAll(() => rig.close());

const list = async (search = '', filter = 'all', pageSize = 500) =>
  ok<ApartmentListPage>(await rig.call('apartments.list', { siteId: rig.site.id, search, filter, page: 0, pageSize }));
const detail = async (apartmentId: string) => ok<ApartmentDetail>(await rig.call('apartments.get', { apartmentId }));

/** A synced family member with an e-mail, an RF card and a PIN, and their apartment. */
async function someResident(): Promise<{ row: ApartmentListRow; resident: ResidentRow }> {
  for (const row of (await list()).rows.filter((r) => r.synced && r.cardCount > 0)) {
    const resident = (await detail(row.id)).familyMembers.find((r) => r.email && r.rfCards.length > 0 && r.hasPin);
    if (resident) return { row, resident };
  }
  throw new Error('the demo portfolio has no resident with e-mail, RF card and PIN in the picked units');
}

describe('apartment browser over the synced copy', () => {
  it('lists the synced apartments with credential state, and the Custom site’s unsynced units', async () => {
    const page = await list();
    const synced = page.rows.filter((r) => r.synced);
    expect(synced).toHaveLength(CUSTOM);
    expect(page.rows.filter((r) => !r.synced)).toHaveLength(rig.units.length - CUSTOM);
    expect(page.asOf).toBe(rig.site.asOf);
    expect(synced.some((r) => r.pinCount > 0)).toBe(true);
    const notSynced = await list('', 'not-synced');
    expect(notSynced.total).toBe(rig.units.length - CUSTOM);
    expect(notSynced.rows.every((r) => !r.synced)).toBe(true);
  });

  it('finds a resident by unit, name, e-mail and RF card', async () => {
    const { row, resident } = await someResident();
    for (const needle of [row.name, resident.lastName.toUpperCase(), resident.email!, resident.rfCards[0]!.toLowerCase()]) {
      const hits = await list(needle);
      expect(hits.rows.map((r) => r.id), needle).toContain(row.id);
      expect(hits.total).toBeLessThan((await list()).total);
    }
    expect((await list('no-such-person-xyz')).total).toBe(0);
  });

  it('shows an apartment: main account, family members with policy dates and reasons, PIN only as “set”', async () => {
    const { row, resident } = await someResident();
    const d = await detail(row.id);
    expect(d.apartment.id).toBe(row.id);
    expect(d.master?.role).toBe('master');
    expect(resident.applicantType).toMatch(/Primary|Occupant/);
    expect(resident.accessFrom).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(resident.accessReason).toBeTruthy();
    expect(JSON.stringify(d)).not.toMatch(/"pin"/);
  });

  it('reveals a PIN that matches SmartPlus, without logging it', async () => {
    const { resident } = await someResident();
    const { pin } = ok<{ pin: string | null }>(await rig.call('apartments.revealPin', { residentId: resident.id }));
    expect(pin).toMatch(/^\d{2,8}$/);
    const sp = await rig.services.ctx.clients.smartPlus(RM);
    const live = (await sp.residents.list(rig.site.communityId!, { pageSize: 500 })).items.find((r) => r.id === resident.id);
    expect(live?.pin).toBe(pin);
    expect(rig.logLines.join('\n')).not.toContain(`"${pin}"`);
    expect(rig.logLines.some((l) => l.includes('PIN revealed'))).toBe(true);
  });

  it('refuses an unknown apartment or resident with NOT_FOUND', async () => {
    expect(err(await rig.call('apartments.get', { apartmentId: 'nope' })).code).toBe('NOT_FOUND');
    expect(err(await rig.call('apartments.revealPin', { residentId: 'nope' })).code).toBe('NOT_FOUND');
  });
});

describe('offline', () => {
  it('browses, searches and reveals with the sandboxes off the network; add to sync is refused with the reason, changing nothing', async () => {
    const { row, resident } = await someResident();
    await rig.services.sandbox!.setNetworkDown(true);
    try {
      // A call that needs the network finds none: it answers from the local copy, and the app knows it is offline.
      const devices = ok<DeviceList>(await rig.call('devices.list', { siteId: rig.site.id }));
      expect(devices).toMatchObject({ live: false, staleReason: expect.stringContaining('last known') });
      expect(rig.services.ctx.isOnline()).toBe(false);
      expect((await list(resident.lastName)).rows.map((r) => r.id)).toContain(row.id);
      expect((await detail(row.id)).familyMembers.length).toBeGreaterThan(0);
      expect(ok<{ pin: string | null }>(await rig.call('apartments.revealPin', { residentId: resident.id })).pin).toMatch(/^\d+$/);
      const unit = (await list('', 'not-synced')).rows[0]!;
      const e = err(await rig.call('apartments.addToSync', { siteId: rig.site.id, unitId: unit.unitId, resync: true }));
      expect(e).toMatchObject({ code: 'OFFLINE', message: expect.stringContaining('needs the network') });
      expect(err(await rig.call('apartments.addToSync', { siteId: rig.site.id, unitId: unit.unitId })).code).toBe('OFFLINE');
      const policy = ok<{ policy: { apartments: unknown } }[]>(await rig.call('sites.list'))[0]!.policy;
      expect((policy.apartments as { custom: number[] }).custom).not.toContain(unit.unitId);
    } finally {
      await rig.services.sandbox!.setNetworkDown(false);
      rig.services.reportOsOnline(true);
    }
  }, 60_000);
});

describe('add to sync (Custom sites)', () => {
  it('puts an unsynced unit on the list and a resync brings it in', async () => {
    const unit = (await list('', 'not-synced')).rows.at(-1)!;
    const result = ok<AddToSyncResult>(await rig.call('apartments.addToSync', { siteId: rig.site.id, unitId: unit.unitId, resync: true }));
    expect(result.added).toBe(true);
    expect(result.policy.apartments).toEqual({ custom: expect.arrayContaining([unit.unitId]) });
    expect(result.runId).toBeTruthy();
    await rig.waitForRun(result.runId!);
    const now = (await list(unit.name)).rows.find((r) => r.unitId === unit.unitId)!;
    expect(now.synced).toBe(true);
    expect((await list()).rows.filter((r) => r.synced)).toHaveLength(CUSTOM + 1);
    const again = ok<AddToSyncResult>(await rig.call('apartments.addToSync', { siteId: rig.site.id, unitId: unit.unitId }));
    expect(again).toMatchObject({ added: false, runId: null });
  }, 60_000);
});
