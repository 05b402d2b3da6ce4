import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { linkedCommunity, ref, startHarness, type Harness } from './harness';

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
  h.sandbox.admin.activateIntegration(12);
});
afterEach(() => h.close());

describe('communities', () => {
  it('creates a PMS-linked community with "Building 1" and the default "24 Hours" access group', async () => {
    const { community, building } = await linkedCommunity(h);
    expect(community).toEqual({ id: expect.any(String), name: 'Community property:1', address: null, timeZone: 'America/New_York', externalRef: ref('property:1') });
    expect(building.name).toBe('Building 1');
    const groups = await h.call('GET', `/communities/${community.id}/access-groups`);
    expect(groups.body).toEqual([{ id: expect.any(String), name: '24 Hours', repeat: 'daily', start: '00:00', end: '23:59', isDefault: true }]);
  });

  it('finds communities by externalRef, all four parts counting', async () => {
    await linkedCommunity(h, 'property:1');
    await h.call('POST', '/communities', { name: 'Other location', timeZone: 'UTC', externalRef: ref('property:1', 'acme', 2) });
    const hit = await h.call('GET', '/communities?externalRef=rentmanager:acme:1:property:1');
    expect(hit.body.total).toBe(1);
    expect(hit.body.items[0].externalRef).toEqual(ref('property:1'));
    expect((await h.call('GET', '/communities?externalRef=rentmanager:acme:3:property:1')).body.items).toEqual([]);
    expect((await h.call('GET', '/communities?externalRef=garbage')).status).toBe(422);
  });

  it('answers 409 CONFLICT (externalRef) for a second object with the same externalRef', async () => {
    await linkedCommunity(h);
    const dup = await h.call('POST', '/communities', { name: 'Again', timeZone: 'UTC', externalRef: ref('property:1') });
    expect(dup.status).toBe(409);
    expect(dup.body.error).toMatchObject({ code: 'CONFLICT', details: { conflict: 'externalRef' } });
  });

  it('validates bodies with 422 and field details, and patches', async () => {
    const bad = await h.call('POST', '/communities', { name: '', timeZone: 'Mars/Base' });
    expect(bad.status).toBe(422);
    expect(bad.body.error.details.map((d: { field: string }) => d.field).sort()).toEqual(['name', 'timeZone']);
    const { community } = await linkedCommunity(h);
    const patched = await h.call('PATCH', `/communities/${community.id}`, { name: 'Elm Court', address: '1 Elm St' });
    expect(patched.body).toMatchObject({ name: 'Elm Court', address: '1 Elm St' });
    expect((await h.call('GET', '/communities/com_404')).status).toBe(404);
  });

  it('pages lists with page, pageSize (max 500) and total', async () => {
    for (let i = 0; i < 5; i++) await h.call('POST', '/communities', { name: `c${i}`, timeZone: 'UTC' });
    const page2 = await h.call('GET', '/communities?page=2&pageSize=2');
    expect(page2.body).toMatchObject({ page: 2, pageSize: 2, total: 5 });
    expect(page2.body.items.map((c: { name: string }) => c.name)).toEqual(['c2', 'c3']);
    expect((await h.call('GET', '/communities?pageSize=501')).status).toBe(422);
  });
});

describe('apartments', () => {
  it('creates an apartment with its master account, not activated, family-member limit 10 by default', async () => {
    const { community, building } = await linkedCommunity(h);
    const apt = await h.call('POST', `/communities/${community.id}/apartments`, { buildingId: building.id, name: '101', externalRef: ref('unit:340') });
    expect(apt.status).toBe(201);
    expect(apt.body).toMatchObject({ buildingId: building.id, name: '101', externalRef: ref('unit:340'), activated: false, familyMemberLimit: 10 });
    const residents = await h.call('GET', `/communities/${community.id}/residents?role=master`);
    expect(residents.body.items).toEqual([expect.objectContaining({ id: apt.body.masterAccountId, role: 'master', apartmentId: apt.body.id })]);
    const byRef = await h.call('GET', `/communities/${community.id}/apartments?externalRef=rentmanager:acme:1:unit:340`);
    expect(byRef.body.items.map((a: { id: string }) => a.id)).toEqual([apt.body.id]);
    expect((await h.call('GET', `/communities/${community.id}/apartments?buildingId=${building.id}`)).body.total).toBe(1);
  });

  it('refuses an unknown building and a limit over 63', async () => {
    const { community, building } = await linkedCommunity(h);
    expect((await h.call('POST', `/communities/${community.id}/apartments`, { buildingId: 'bld_0', name: 'x' })).status).toBe(422);
    expect((await h.call('POST', `/communities/${community.id}/apartments`, { buildingId: building.id, name: 'x', familyMemberLimit: 64 })).status).toBe(422);
  });

  it('patches, and deletes with 204 — but refuses with 409 while devices are bound', async () => {
    const { community, building } = await linkedCommunity(h);
    const apt = (await h.call('POST', `/communities/${community.id}/apartments`, { buildingId: building.id, name: '101' })).body;
    expect((await h.call('PATCH', `/apartments/${apt.id}`, { name: '101A', familyMemberLimit: 3 })).body).toMatchObject({ name: '101A', familyMemberLimit: 3 });
    const device = await h.call('POST', `/communities/${community.id}/devices`, { name: 'Monitor', type: 2, mac: '0C1105000001', location: { scope: 'apartment', id: apt.id } });
    const refused = await h.call('DELETE', `/apartments/${apt.id}`);
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('CONFLICT');
    await h.call('DELETE', `/devices/${device.body.id}`);
    expect((await h.call('DELETE', `/apartments/${apt.id}`)).status).toBe(204);
    expect((await h.call('GET', `/communities/${community.id}/residents`)).body.total).toBe(0);
  });

  it('answers 409 externalRef for a second apartment with the same unit ref, and 404 for unknown paths', async () => {
    const { community, building } = await linkedCommunity(h);
    const body = { buildingId: building.id, name: '101', externalRef: ref('unit:7') };
    expect((await h.call('POST', `/communities/${community.id}/apartments`, body)).status).toBe(201);
    const dup = await h.call('POST', `/communities/${community.id}/apartments`, body);
    expect(dup.status).toBe(409);
    expect(dup.body.error.details).toEqual({ conflict: 'externalRef' });
    expect((await h.call('GET', '/no-such-thing')).status).toBe(404);
    expect((await h.call('POST', `/communities/${community.id}/apartments/x`, {})).status).toBe(404);
  });
});
