import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { rejection, rmRef, site, startRig, type Rig } from './helpers';

let rig: Rig;
beforeEach(async () => {
  rig = await startRig();
  rig.sandbox.admin.activateIntegration(12);
});
afterEach(() => rig.close());

describe('SmartPlus client: contract rules as error codes', () => {
  it('maps a duplicate PIN in the community to SP_CONFLICT naming the pin', async () => {
    const { client } = rig;
    const { community, building } = await site(client);
    const a = await client.apartments.create(community.id, { buildingId: building.id, name: '101' });
    const b = await client.apartments.create(community.id, { buildingId: building.id, name: '102' });
    await client.setPin(a.masterAccountId, '4711');
    const error = await rejection(client.setPin(b.masterAccountId, '4711'));
    expect(error.code).toBe('SP_CONFLICT');
    expect(error.details?.conflict).toBe('pin');
    expect(error.message).toMatch(/already has this PIN/);
    expect(error.message).not.toContain('4711');
  });

  it('maps a duplicate RF card to SP_CONFLICT rfCard and a bad PIN to SP_VALIDATION_FAILED', async () => {
    const { client } = rig;
    const { community, building } = await site(client);
    const a = await client.apartments.create(community.id, { buildingId: building.id, name: '101' });
    const b = await client.apartments.create(community.id, { buildingId: building.id, name: '102' });
    await client.setRfCards(a.masterAccountId, ['AA11']);
    expect((await rejection(client.setRfCards(b.masterAccountId, ['aa11']))).details?.conflict).toBe('rfCard');
    const bad = await rejection(client.setPin(a.masterAccountId, '9123'));
    expect(bad.code).toBe('SP_VALIDATION_FAILED');
    expect(bad.details?.fields).toEqual([expect.objectContaining({ field: 'pin' })]);
  });

  it('maps an unregistered MAC to SP_MAC_NOT_REGISTERED with the next step, and a reused MAC to SP_CONFLICT mac', async () => {
    const { client } = rig;
    const { community } = await site(client);
    const error = await rejection(client.devices.create(community.id, { name: 'Door', type: 0, mac: 'AABBCCDDEEFF', location: { scope: 'community' } }));
    expect(error.code).toBe('SP_MAC_NOT_REGISTERED');
    expect(error.message).toContain('Ask your Akuvox distributor to add this MAC to the MAC library, then try again');
    await client.devices.create(community.id, { name: 'Door', type: 0, mac: '0C1105000003', location: { scope: 'community' } });
    const again = await rejection(client.devices.create(community.id, { name: 'Door 2', type: 0, mac: '0C1105000003', location: { scope: 'community' } }));
    expect(again.code).toBe('SP_CONFLICT');
    expect(again.details?.conflict).toBe('mac');
  });

  it('refuses to delete a master account', async () => {
    const { client } = rig;
    const { community, building } = await site(client);
    const apt = await client.apartments.create(community.id, { buildingId: building.id, name: '101' });
    const error = await rejection(client.residents.delete(apt.masterAccountId));
    expect(error.code).toBe('SP_CONFLICT');
    expect(error.details?.conflict).toBe('masterAccount');
    expect((await client.residents.list(community.id, { role: 'master' })).total).toBe(1);
  });

  it('maps the family-member limit to SP_LIMIT_EXCEEDED', async () => {
    const { client } = rig;
    const { community, building } = await site(client);
    const apt = await client.apartments.create(community.id, { buildingId: building.id, name: '101', familyMemberLimit: 1 });
    await client.residents.createFamilyMember(apt.id, { firstName: 'A', lastName: 'B', sameAccessAsMaster: false });
    const error = await rejection(client.residents.createFamilyMember(apt.id, { firstName: 'C', lastName: 'D', sameAccessAsMaster: false }));
    expect(error.code).toBe('SP_LIMIT_EXCEEDED');
    expect(error.retryable).toBe(false);
  });

  it('refuses to delete an apartment while devices are bound to it', async () => {
    const { client } = rig;
    const { community, building } = await site(client);
    const apt = await client.apartments.create(community.id, { buildingId: building.id, name: '101' });
    const dev = await client.devices.create(community.id, { name: 'Monitor', type: 2, mac: '0C1105000004', location: { scope: 'apartment', id: apt.id } });
    const error = await rejection(client.apartments.delete(apt.id));
    expect(error.code).toBe('SP_CONFLICT');
    expect(error.details?.conflict).toBe('devices');
    await client.devices.delete(dev.id);
    await client.apartments.delete(apt.id);
  });

  it('maps a second object with the same externalRef to SP_CONFLICT externalRef', async () => {
    const { client } = rig;
    await site(client);
    const error = await rejection(client.communities.create({ name: 'Twin', timeZone: 'UTC', externalRef: rmRef('property:1') }));
    expect(error.details?.conflict).toBe('externalRef');
  });

  it('maps wrong credentials to SP_UNAUTHORIZED', async () => {
    const error = await rejection(rig.makeClient({ password: 'wrong' }).account());
    expect(error.code).toBe('SP_UNAUTHORIZED');
    expect(error.message).toMatch(/Connections/);
  });
});
