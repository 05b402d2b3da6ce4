import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { findCommunitiesByRefs, listAll, readCommunityState, readSmartPlusSnapshot } from '../../../src-main/smartplus/read-snapshot';
import { SmartPlusError } from '../../../src-main/smartplus/errors';
import { rejection, rmRef, site, startRig, type Rig } from './helpers';

let rig: Rig;
beforeEach(async () => {
  rig = await startRig();
  rig.sandbox.admin.activateIntegration(12);
});
afterEach(() => rig.close());

describe('SmartPlus client: resources', () => {
  it('reads the account, prices and subscriptions', async () => {
    const { client } = rig;
    expect((await client.account()).email).toBe('installer@sandbox.local');
    expect((await client.prices()).integrationMonthly).toBeGreaterThan(0);
    expect((await client.subscriptions())[0]).toMatchObject({ service: 'integration', status: 'active' });
  });

  it('creates, finds, gets and updates communities', async () => {
    const { client } = rig;
    const { community, building } = await site(client);
    expect(building.name).toBe('Building 1');
    expect(await client.communities.findByExternalRef(rmRef('property:1'))).toEqual(community);
    expect(await client.communities.findByExternalRef(rmRef('property:1', 2))).toBeNull();
    expect((await client.communities.update(community.id, { address: '1 Elm St' })).address).toBe('1 Elm St');
    expect((await client.communities.get(community.id)).address).toBe('1 Elm St');
    const page = await client.communities.list({ pageSize: 10 });
    expect(page.total).toBe(1);
  });

  it('manages apartments, family members, PIN, RF cards, access groups and devices', async () => {
    const { client } = rig;
    const { community, building } = await site(client);
    const apt = await client.apartments.create(community.id, { buildingId: building.id, name: '101', externalRef: rmRef('unit:340') }, { idempotencyKey: 'a-340' });
    expect(apt).toMatchObject({ name: '101', activated: false, familyMemberLimit: 10 });
    expect((await client.apartments.update(apt.id, { familyMemberLimit: 4 })).familyMemberLimit).toBe(4);
    expect((await client.apartments.list(community.id, { externalRef: rmRef('unit:340') })).items).toHaveLength(1);

    const [group] = await client.accessGroups(community.id);
    expect(group).toMatchObject({ name: '24 Hours', isDefault: true });
    const fm = await client.residents.createFamilyMember(apt.id, { firstName: 'Ann', lastName: 'Lee', externalRef: rmRef('unit:340/contact:9'), sameAccessAsMaster: true }, { idempotencyKey: 'r-9' });
    expect(fm).toMatchObject({ role: 'family', accessGroupIds: [group!.id] });
    expect((await client.residents.update(fm.id, { email: 'ann@example.com' })).email).toBe('ann@example.com');
    expect((await client.setPin(fm.id, '2580')).pin).toBe('2580');
    expect((await client.setRfCards(fm.id, ['00ab12'])).rfCards).toEqual(['00AB12']);
    await client.removePin(fm.id);
    const listed = await client.residents.list(community.id, { apartmentId: apt.id, role: 'family' });
    expect(listed.items[0]).toMatchObject({ id: fm.id, pin: null, rfCards: ['00AB12'] });
    await client.residents.delete(fm.id);
    expect((await client.residents.list(community.id, { role: 'family' })).total).toBe(0);

    const dev = await client.devices.create(community.id, { name: 'Gate', type: 50, mac: '0C1105000001', location: { scope: 'community' } }, { idempotencyKey: 'd-1' });
    expect(typeof dev.online).toBe('boolean');
    expect((await client.devices.update(dev.id, { name: 'Main gate' })).name).toBe('Main gate');
    expect((await client.devices.list(community.id)).items.map((d) => d.mac)).toEqual(['0C1105000001']);
    await client.devices.delete(dev.id);
    await client.apartments.delete(apt.id);
    expect((await client.apartments.list(community.id)).total).toBe(0);
  });

  it('reads a whole community in six requests with pageSize 500, and finds communities by refs', async () => {
    const { client } = rig;
    const { community, building } = await site(client);
    await site(client, 'property:2');
    const apts = await Promise.all(Array.from({ length: 12 }, (_, i) => client.apartments.create(community.id, { buildingId: building.id, name: `${100 + i}` }, { idempotencyKey: `apt-${i}` })));
    await client.residents.createFamilyMember(apts[0]!.id, { firstName: 'Ann', lastName: 'Lee', sameAccessAsMaster: false });
    await client.devices.create(community.id, { name: 'Monitor', type: 2, mac: '0C1105000002', location: { scope: 'apartment', id: apts[0]!.id } });
    rig.sandbox.admin.resetCounters();
    const state = await readCommunityState(client, community.id);
    expect(state.community).toEqual(community);
    expect(state.buildings).toEqual([building]);
    expect(state.apartments).toHaveLength(12);
    expect(state.residents).toHaveLength(13);
    expect(state.accessGroups).toHaveLength(1);
    expect(state.devices).toHaveLength(1);
    const counters = rig.sandbox.admin.counters();
    expect(counters.requests).toBe(6);

    const found = await findCommunitiesByRefs(client, [rmRef('property:1'), rmRef('property:2'), rmRef('property:3')]);
    expect([...found.keys()].sort()).toEqual(['rentmanager:acme:1:property:1', 'rentmanager:acme:1:property:2']);
    const many = await findCommunitiesByRefs(client, ['property:1', 'property:2', 'property:4', 'property:5', 'property:6'].map((id) => rmRef(id)));
    expect(many.size).toBe(2);
    const snapshot = await readSmartPlusSnapshot(client, [rmRef('property:1')]);
    expect(snapshot.communities.map((c) => c.community.id)).toEqual([community.id]);
  });

  it('pages with pageSize 500: page 1 tells the total, the rest load together', async () => {
    const calls: [number, number][] = [];
    const all = Array.from({ length: 1234 }, (_, i) => i);
    const items = await listAll(async (page, pageSize) => {
      calls.push([page, pageSize]);
      return { items: all.slice((page - 1) * pageSize, page * pageSize), page, pageSize, total: all.length };
    });
    expect(items).toEqual(all);
    expect(calls).toEqual([[1, 500], [2, 500], [3, 500]]);
  });

  it('returns SmartPlusError instances with codes', async () => {
    const error = await rejection(rig.client.communities.get('com_missing'));
    expect(error).toBeInstanceOf(SmartPlusError);
    expect(error.code).toBe('SP_NOT_FOUND');
  });
});
