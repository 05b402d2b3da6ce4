import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSmartPlusClient, type SmartPlusClient } from '../../../src-main/smartplus/client';
import { readCommunityState } from '../../../src-main/smartplus/read-snapshot';
import { startSmartPlusSandbox, type SmartPlusSandbox } from '../../../src-main/sandbox/smartplus';
import { startRewritingProxy, withoutNulls, type RewritingProxy, type Rewrite } from '../../support/rewriting-proxy';
import { goodCard, billing, rejection, rmRef } from './helpers';

// Issue 13, "Tolerant readers": the same SmartPlus data answered in the other legal shapes
// (shared/reference/smartplus-cloud-api.md, "Conventions") reads as the same objects. A proxy in
// front of the sandbox rewrites the real answers; the client reads through it over HTTP.
let sandbox: SmartPlusSandbox;
let direct: SmartPlusClient;
let communityId: string;
const proxies: RewritingProxy[] = [];

async function through(rewrite: Rewrite): Promise<SmartPlusClient> {
  const proxy = await startRewritingProxy(sandbox.url, rewrite);
  proxies.push(proxy);
  return createSmartPlusClient({ baseUrl: proxy.url, username: sandbox.username, password: sandbox.password, timeoutMs: 3000, retries: 0 });
}

/** Every read the engine and the screens make of one community, plus billing. */
async function everything(client: SmartPlusClient) {
  const state = await readCommunityState(client, communityId);
  return {
    state,
    list: await client.communities.list(),
    found: await client.communities.findByExternalRef(rmRef('property:77')),
    subscriptions: await client.subscriptions(),
    methods: await client.listPaymentMethods(),
    orders: await client.listOrders(),
  };
}

/** Deep-maps objects: `fn` returns the replacement of each object (already mapped inside). */
function mapObjects(value: unknown, fn: (o: Record<string, unknown>) => Record<string, unknown>): unknown {
  if (Array.isArray(value)) return value.map((v) => mapObjects(v, fn));
  if (value === null || typeof value !== 'object') return value;
  return fn(Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, mapObjects(v, fn)])));
}

beforeAll(async () => {
  // A fixed business clock: device status (lastSeenAt) would otherwise move between two reads.
  sandbox = await startSmartPlusSandbox({ now: () => new Date('2026-06-01T12:00:00.000Z') });
  sandbox.admin.activateIntegration(12);
  direct = createSmartPlusClient({ baseUrl: sandbox.url, username: sandbox.username, password: sandbox.password, timeoutMs: 3000 });
  const community = await direct.communities.create({ name: 'Maple Court', timeZone: 'America/New_York', externalRef: rmRef('property:77') }, { idempotencyKey: 'c77' });
  communityId = community.id;
  const [building] = await direct.buildings(community.id);
  const apt = await direct.apartments.create(community.id, { buildingId: building!.id, name: '101', externalRef: rmRef('unit:1') }, { idempotencyKey: 'a1' });
  await direct.apartments.create(community.id, { buildingId: building!.id, name: '102' }, { idempotencyKey: 'a2' });
  const member = await direct.residents.createFamilyMember(apt.id, { firstName: 'Jane', lastName: 'Doe', email: null, phone: '555-0101', externalRef: rmRef('unit:1/contact:9'), sameAccessAsMaster: false }, { idempotencyKey: 'f1' });
  await direct.setRfCards(member.id, ['0A1B2C3D']);
  await direct.residents.createFamilyMember(apt.id, { firstName: 'Hand', lastName: 'Made', sameAccessAsMaster: true }, { idempotencyKey: 'f2' });
  await direct.devices.create(community.id, { name: 'Gate', type: 50, mac: '0C1105000001', location: { scope: 'community' } }, { idempotencyKey: 'd1' });
  const pm = await direct.addPaymentMethod(goodCard());
  await direct.createOrder({ services: [{ service: 'integration', renewal: 'auto', months: 12 }], billing, paymentMethodId: pm.id }, { idempotencyKey: 'o1' });
});
afterAll(async () => {
  await Promise.all(proxies.map((p) => p.close()));
  await sandbox.close();
});

describe('the SmartPlus client reads every legal shape as the same objects', () => {
  it('absent optional fields: nulls and empty lists left out read as null and [] (externalRef, address, email, pin, lastSeenAt, rfCards, accessGroupIds, days, items)', async () => {
    const dropEmpty: Rewrite = (_m, _p, body) => mapObjects(withoutNulls(body), (o) => Object.fromEntries(Object.entries(o).filter(([, v]) => !(Array.isArray(v) && v.length === 0))));
    const client = await through(dropEmpty);
    const expected = await everything(direct);
    // The data has every optional field null or empty somewhere.
    expect(expected.state.residents.some((r) => r.externalRef === null)).toBe(true);
    expect(expected.state.residents.some((r) => r.email === null && r.pin === null && r.rfCards.length === 0)).toBe(true);
    expect(expected.state.apartments.some((a) => a.externalRef === null)).toBe(true);
    expect(expected.state.community.address).toBeNull();
    expect(expected.state.devices[0]!.location).toEqual({ scope: 'community' });
    expect(await everything(client)).toEqual(expected);
    // An empty page without `items` is an empty page.
    expect((await client.communities.findByExternalRef(rmRef('property:404')))).toBeNull();
  });

  it('the first import: a created community without an `address` key is read (issue 13: it failed with SP_BAD_RESPONSE)', async () => {
    const client = await through((_m, _p, body) => withoutNulls(body));
    const created = await client.communities.create({ name: 'Oak Row', timeZone: 'America/Chicago', externalRef: rmRef('property:78') }, { idempotencyKey: 'c78' });
    expect(created).toMatchObject({ name: 'Oak Row', address: null, externalRef: rmRef('property:78') });
  });

  it('later syncs: masters and hand-made members without an `externalRef` key are read (issue 13: every later sync failed)', async () => {
    const client = await through((_m, _p, body) => withoutNulls(body, new Set(['externalRef'])));
    const residents = await client.residents.list(communityId);
    expect(residents.items.filter((r) => r.externalRef === null).map((r) => r.role).sort()).toEqual(['family', 'master', 'master']);
    expect(residents.unreadable).toBeUndefined();
  });

  it('unknown fields are ignored, in any key order', async () => {
    const client = await through((_m, _p, body) =>
      mapObjects(body, (o) => Object.fromEntries([['x-trace', 'abc'], ['revision', 3], ...Object.entries(o).reverse(), ['_links', { self: '/x' }]])));
    expect(await everything(client)).toEqual(await everything(direct));
  });

  it('enum values in another case (MASTER, Family, Daily, COMMUNITY, Active) read as the contract spells them', async () => {
    const upper = new Set(['role', 'repeat', 'scope', 'status', 'renewal', 'service', 'system']);
    const client = await through((_m, _p, body) =>
      mapObjects(body, (o) => Object.fromEntries(Object.entries(o).map(([k, v]) => [k, upper.has(k) && typeof v === 'string' ? (k === 'role' ? v.toUpperCase() : v[0]!.toUpperCase() + v.slice(1)) : v]))));
    expect(await everything(client)).toEqual(await everything(direct));
  });

  it('timestamps with or without an offset read as the same UTC instant; a date that is none is one unreadable device', async () => {
    const shifted = (iso: string) => {
      const d = new Date(Date.parse(iso) + 3_600_000).toISOString();
      return `${d.slice(0, 19)}+01:00`;
    };
    const client = await through((_m, _p, body) =>
      mapObjects(body, (o) => ({
        ...o,
        ...(typeof o['lastSeenAt'] === 'string' ? { lastSeenAt: shifted(o['lastSeenAt']) } : {}),
        ...(typeof o['currentPeriodEnd'] === 'string' ? { currentPeriodEnd: o['currentPeriodEnd'].replace(/Z$/, '') } : {}),
        ...(typeof o['createdAt'] === 'string' ? { createdAt: o['createdAt'].replace(/Z$/, '+00:00') } : {}),
      })));
    const [viaProxy, expected] = [await everything(client), await everything(direct)];
    expect(viaProxy).toEqual(expected);
    expect(viaProxy.state.devices[0]!.lastSeenAt).toMatch(/^2026-06-01T\d{2}:\d{2}:\d{2}\.000Z$/);

    const broken = await through((_m, path, body) => (path.endsWith('/devices') ? mapObjects(body, (o) => ('lastSeenAt' in o ? { ...o, lastSeenAt: 'yesterday' } : o)) : body));
    const devices = await broken.devices.list(communityId);
    expect(devices.items).toEqual([]);
    expect(devices.unreadable).toEqual([expect.objectContaining({ field: 'lastSeenAt', got: '"yesterday"' })]);
  });
});

describe('what cannot be read is named, not a failed call', () => {
  it('one unreadable resident in a list is one unreadable object (object, field, expected, got); the others are read', async () => {
    const all = await direct.residents.list(communityId);
    const victim = all.items.find((r) => r.role === 'family' && r.externalRef !== null)!;
    const client = await through((_m, path, body) =>
      path.endsWith('/residents') ? mapObjects(body, (o) => (o['id'] === victim.id ? { ...o, role: 'owner', pin: '4821' } : o)) : body);
    const told: unknown[] = [];
    const page = await client.residents.list(communityId, {}, { onUnreadable: (objects) => told.push(...objects) });
    expect(page.items.map((r) => r.id)).toEqual(all.items.filter((r) => r.id !== victim.id).map((r) => r.id));
    const line = { object: `resident ${victim.id}`, id: victim.id, field: 'role', expected: 'one of "master", "family"', got: '"owner"', refKey: 'rentmanager:acme:1:unit:1/contact:9' };
    expect(page.unreadable).toEqual([line]);
    expect(told).toEqual([line]);
    const state = await readCommunityState(client, communityId);
    expect(state.unreadable).toEqual([line]);
  });

  it('a secret field that cannot be read is named without its value', async () => {
    const client = await through((_m, path, body) => (path.endsWith('/residents') ? mapObjects(body, (o) => ('pin' in o || 'role' in o ? { ...o, pin: 4821 } : o)) : body));
    const page = await client.residents.list(communityId);
    expect(page.unreadable?.[0]).toMatchObject({ field: 'pin', got: 'a number (value hidden)' });
    expect(JSON.stringify(page.unreadable)).not.toContain('4821');
  });

  it('an unreadable single answer is SP_BAD_RESPONSE naming the object and field, offering the diagnostics report', async () => {
    const client = await through((method, path, body) => (method === 'GET' && path === `/communities/${communityId}` ? { ...(body as object), timeZone: undefined } : body));
    const error = await rejection(client.communities.get(communityId));
    expect(error.code).toBe('SP_BAD_RESPONSE');
    expect(error.message).toContain(`community ${communityId}`);
    expect(error.message).toContain('timeZone: expected string, got nothing');
    expect(error.message).toContain('Save a diagnostics report');
    expect(error.details).toMatchObject({ object: `community ${communityId}`, field: 'timeZone', diagnostics: true });
  });

  it('a 422 keeps its details and its message names the refused field', async () => {
    const [apt] = (await direct.apartments.list(communityId)).items;
    const error = await rejection(direct.residents.createFamilyMember(apt!.id, { firstName: 'Bob', lastName: 'Bad', email: 'bob@@example', sameAccessAsMaster: true }, { idempotencyKey: 'bad-email' }));
    expect(error.code).toBe('SP_VALIDATION_FAILED');
    expect(error.details?.['fields']).toEqual([expect.objectContaining({ field: 'email' })]);
    expect(error.message).toMatch(/^SmartPlus refused email \(.+\) as not valid\./);
  });
});
