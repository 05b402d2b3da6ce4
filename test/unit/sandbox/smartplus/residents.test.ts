import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { linkedCommunity, ref, startHarness, type Harness } from './harness';

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
  h.sandbox.admin.activateIntegration(12);
});
afterEach(() => h.close());

async function apartment(communityId: string, buildingId: string, name: string, extra: Record<string, unknown> = {}) {
  return (await h.call('POST', `/communities/${communityId}/apartments`, { buildingId, name, ...extra })).body;
}
const member = (first: string, extra: Record<string, unknown> = {}) => ({ firstName: first, lastName: 'Tenant', sameAccessAsMaster: false, ...extra });

describe('family members', () => {
  it('creates family members with the default access group, or the master’s when sameAccessAsMaster', async () => {
    const { community, building } = await linkedCommunity(h);
    const apt = await apartment(community.id, building.id, '101');
    const [group] = (await h.call('GET', `/communities/${community.id}/access-groups`)).body;
    const fm = await h.call('POST', `/apartments/${apt.id}/family-members`, member('Ann', { email: 'ann@example.com', externalRef: ref('unit:1/contact:9') }));
    expect(fm.status).toBe(201);
    expect(fm.body).toMatchObject({ apartmentId: apt.id, role: 'family', firstName: 'Ann', email: 'ann@example.com', pin: null, rfCards: [], accessGroupIds: [group.id] });
    expect(fm.body.createdAt).toEqual(expect.any(String));
    const same = await h.call('POST', `/apartments/${apt.id}/family-members`, member('Bob', { sameAccessAsMaster: true }));
    expect(same.body).toMatchObject({ sameAccessAsMaster: true, accessGroupIds: [group.id] });
    const found = await h.call('GET', `/communities/${community.id}/residents?externalRef=rentmanager:acme:1:unit:1/contact:9`);
    expect(found.body.items.map((r: { id: string }) => r.id)).toEqual([fm.body.id]);
    expect((await h.call('GET', `/communities/${community.id}/residents?apartmentId=${apt.id}&role=family`)).body.total).toBe(2);
  });

  it('answers 422 LIMIT_EXCEEDED past the apartment’s family-member limit', async () => {
    const { community, building } = await linkedCommunity(h);
    const apt = await apartment(community.id, building.id, '101', { familyMemberLimit: 2 });
    expect((await h.call('POST', `/apartments/${apt.id}/family-members`, member('A'))).status).toBe(201);
    expect((await h.call('POST', `/apartments/${apt.id}/family-members`, member('B'))).status).toBe(201);
    const third = await h.call('POST', `/apartments/${apt.id}/family-members`, member('C'));
    expect(third.status).toBe(422);
    expect(third.body.error.code).toBe('LIMIT_EXCEEDED');
  });

  it('never deletes a master account (409); deletes family members (204) and patches them', async () => {
    const { community, building } = await linkedCommunity(h);
    const apt = await apartment(community.id, building.id, '101');
    const master = await h.call('DELETE', `/residents/${apt.masterAccountId}`);
    expect(master.status).toBe(409);
    expect(master.body.error.code).toBe('CONFLICT');
    const fm = (await h.call('POST', `/apartments/${apt.id}/family-members`, member('Ann'))).body;
    expect((await h.call('PATCH', `/residents/${fm.id}`, { lastName: 'Smith', phone: '+15551234' })).body).toMatchObject({ lastName: 'Smith', phone: '+15551234' });
    expect((await h.call('DELETE', `/residents/${fm.id}`)).status).toBe(204);
    expect((await h.call('DELETE', `/residents/${fm.id}`)).status).toBe(404);
  });

  it('answers 402 for family members of a PMS-linked apartment once the subscription lapses', async () => {
    const { community, building } = await linkedCommunity(h);
    const apt = await apartment(community.id, building.id, '101');
    h.clock.advance(400 * 86_400_000);
    h.token = await h.signIn();
    expect((await h.call('POST', `/apartments/${apt.id}/family-members`, member('Late'))).status).toBe(402);
  });
});

describe('PIN', () => {
  it.each(['1', '123456789', '9123', '12a4', ' 1234'])('refuses %j with 422', async (pin) => {
    const { community, building } = await linkedCommunity(h);
    const apt = await apartment(community.id, building.id, '101');
    const answer = await h.call('PUT', `/residents/${apt.masterAccountId}/pin`, { pin });
    expect(answer.status).toBe(422);
    expect(answer.body.error.code).toBe('VALIDATION_FAILED');
  });

  it('keeps a PIN unique within a community (409 pin) but not across communities, and removes it', async () => {
    const a = await linkedCommunity(h, 'property:1');
    const b = await linkedCommunity(h, 'property:2');
    const apt1 = await apartment(a.community.id, a.building.id, '101');
    const apt2 = await apartment(a.community.id, a.building.id, '102');
    const apt3 = await apartment(b.community.id, b.building.id, '101');
    expect((await h.call('PUT', `/residents/${apt1.masterAccountId}/pin`, { pin: '0123' })).body.pin).toBe('0123');
    const dup = await h.call('PUT', `/residents/${apt2.masterAccountId}/pin`, { pin: '0123' });
    expect(dup.status).toBe(409);
    expect(dup.body.error.details).toEqual({ conflict: 'pin' });
    expect((await h.call('PUT', `/residents/${apt1.masterAccountId}/pin`, { pin: '0123' })).status).toBe(200);
    expect((await h.call('PUT', `/residents/${apt3.masterAccountId}/pin`, { pin: '0123' })).status).toBe(200);
    expect((await h.call('DELETE', `/residents/${apt1.masterAccountId}/pin`)).status).toBe(204);
    expect((await h.call('PUT', `/residents/${apt2.masterAccountId}/pin`, { pin: '0123' })).status).toBe(200);
  });
});

describe('RF cards', () => {
  it('accepts 0–5 cards of 1–16 hex characters, stored uppercase', async () => {
    const { community, building } = await linkedCommunity(h);
    const apt = await apartment(community.id, building.id, '101');
    const set = await h.call('PUT', `/residents/${apt.masterAccountId}/rf-cards`, { cards: ['0a1b2c3d', 'FF'] });
    expect(set.body.rfCards).toEqual(['0A1B2C3D', 'FF']);
    expect((await h.call('PUT', `/residents/${apt.masterAccountId}/rf-cards`, { cards: ['XYZ'] })).status).toBe(422);
    expect((await h.call('PUT', `/residents/${apt.masterAccountId}/rf-cards`, { cards: ['1'.repeat(17)] })).status).toBe(422);
    expect((await h.call('PUT', `/residents/${apt.masterAccountId}/rf-cards`, { cards: ['1', '2', '3', '4', '5', '6'] })).status).toBe(422);
    expect((await h.call('PUT', `/residents/${apt.masterAccountId}/rf-cards`, { cards: [] })).body.rfCards).toEqual([]);
  });

  it('answers 409 rfCard when another resident of the community holds a card', async () => {
    const { community, building } = await linkedCommunity(h);
    const apt1 = await apartment(community.id, building.id, '101');
    const apt2 = await apartment(community.id, building.id, '102');
    await h.call('PUT', `/residents/${apt1.masterAccountId}/rf-cards`, { cards: ['ABC'] });
    const dup = await h.call('PUT', `/residents/${apt2.masterAccountId}/rf-cards`, { cards: ['DEF', 'abc'] });
    expect(dup.status).toBe(409);
    expect(dup.body.error.details.conflict).toBe('rfCard');
  });
});
