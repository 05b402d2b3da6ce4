import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readCommunityState } from '../../../src-main/smartplus/read-snapshot';
import { rejection, rmRef, startRig, type Rig } from './helpers';

let rig: Rig;
beforeEach(async () => {
  rig = await startRig();
  rig.sandbox.admin.activateIntegration(12);
});
afterEach(() => rig.close());

const handMade = {
  name: 'Oak Street (by hand)',
  buildings: [
    { name: 'Main', apartments: [{ name: 'Apt 101', residents: [{ firstName: 'Ana', lastName: 'Diaz', email: 'ana@example.com', pin: '4821' }] }] },
  ],
};

describe('SmartPlus client: linking hand-made objects', () => {
  it('links a community, an apartment and a family member with PATCH externalRef, keeping what they hold', async () => {
    const { client, sandbox } = rig;
    const communityId = sandbox.admin.seedHandMade(handMade);
    const before = await readCommunityState(client, communityId);
    expect(before.buildings.map((b) => b.name)).toEqual(['Main']);
    const apartment = before.apartments[0]!;
    const ana = before.residents.find((r) => r.role === 'family')!;
    expect([apartment.externalRef, ana.externalRef]).toEqual([null, null]);

    await client.communities.update(communityId, { externalRef: rmRef('property:1') });
    await client.apartments.update(apartment.id, { externalRef: rmRef('unit:101') });
    await client.residents.update(ana.id, { externalRef: rmRef('unit:101/contact:9') });

    const after = await readCommunityState(client, communityId);
    expect(after.buildings.map((b) => b.name)).toEqual(['Main']); // no "Building 1" added by linking
    expect(after.community.externalRef).toEqual(rmRef('property:1'));
    expect(await client.apartments.list(communityId, { externalRef: rmRef('unit:101') })).toMatchObject({ items: [{ id: apartment.id }] });
    const linked = after.residents.find((r) => r.id === ana.id)!;
    expect(linked).toMatchObject({ externalRef: rmRef('unit:101/contact:9'), pin: '4821', firstName: 'Ana' });
    // Linking again with the same reference changes nothing.
    await client.residents.update(ana.id, { externalRef: rmRef('unit:101/contact:9') });
  });

  it('refuses a second reference, a reference held elsewhere, and linking a master account', async () => {
    const { client, sandbox } = rig;
    const communityId = sandbox.admin.seedHandMade({
      ...handMade,
      buildings: [{ name: 'Main', apartments: [{ name: '101' }, { name: '102' }] }],
    });
    const { apartments, residents } = await readCommunityState(client, communityId);
    await client.apartments.update(apartments[0]!.id, { externalRef: rmRef('unit:101') });
    expect(await rejection(client.apartments.update(apartments[0]!.id, { externalRef: rmRef('unit:999') }))).toMatchObject({ code: 'SP_CONFLICT', details: { conflict: 'externalRef' } });
    expect(await rejection(client.apartments.update(apartments[1]!.id, { externalRef: rmRef('unit:101') }))).toMatchObject({ code: 'SP_CONFLICT' });
    const master = residents.find((r) => r.role === 'master')!;
    expect(await rejection(client.residents.update(master.id, { externalRef: rmRef('unit:101/contact:1') }))).toMatchObject({ code: 'SP_VALIDATION_FAILED' });
  });

  it('needs the integration subscription to link', async () => {
    const { client, sandbox } = rig;
    sandbox.admin.reset();
    const communityId = sandbox.admin.seedHandMade(handMade);
    expect(await rejection(client.communities.update(communityId, { externalRef: rmRef('property:1') }))).toMatchObject({ code: 'SP_SUBSCRIPTION_REQUIRED' });
    // A hand-made object stays editable without it.
    expect((await client.communities.update(communityId, { name: 'Oak St' })).name).toBe('Oak St');
  });
});
