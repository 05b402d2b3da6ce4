import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { propertyRef, refKey } from '../../../../src-shared/domain/external-ref';
import type { HandMadeCommunity } from '../../../../src-main/sandbox/smartplus/hand-made';
import { createSmartPlusClient } from '../../../../src-main/smartplus/client';
import { readCommunityState } from '../../../../src-main/smartplus/read-snapshot';
import { smartPlusAdoptionPort } from '../../../../src-main/sync/adapters/smartplus-port';
import { type AdoptionContact } from '../../../../src-main/sync/adopt/match';
import { wantedFromPlan } from '../../../../src-main/sync/adopt/adopt';
import { createRentManagerClient } from '../../../../src-main/rentmanager/client';
import { previewAdoption } from '../../../../src-main/features/site-adoption';
import { siteConfig, startWorld, TODAY, type SandboxWorld } from '../../../safety/helpers/world';

/**
 * Adopting a building that already has SmartPlus (issue 16), against both sandboxes over HTTP:
 * a hand-made community typed from the same building, some residents with the PINs people use,
 * one ambiguous pair, one resident Rent Manager does not know.
 */
let world: SandboxWorld;
let handMadeId: string;
let wanted: ReturnType<typeof wantedFromPlan>;
let propertyName: string;
let picks: { keep: AdoptionContact[]; change: AdoptionContact; ambiguous: AdoptionContact };
const PROPERTY = 4;

beforeAll(async () => {
  world = await startWorld();
  // What SiteSync would create for the property on an empty SmartPlus: the building as typed by hand.
  const fresh = await world.sync(siteConfig(), { dryRun: true });
  wanted = wantedFromPlan(fresh.plan!, PROPERTY, true);
  propertyName = fresh.plan!.operations.find((op) => op.kind === 'create-community')!.display.property;
  const withPin = wanted.contacts.filter((c) => c.email && c.pin);
  const withEmailOnly = wanted.contacts.filter((c) => c.email && !c.pin && !withPin.some((p) => p.unitId === c.unitId));
  picks = { keep: withPin.slice(0, 3), change: withPin[3]!, ambiguous: withEmailOnly[0] ?? wanted.contacts.find((c) => c.email && !withPin.slice(0, 4).includes(c))! };
  const pins = new Set(wanted.contacts.flatMap((c) => (c.pin ? [c.pin] : [])));
  const spare = ['24680', '13579', '86420', '35791'].find((p) => !pins.has(p))!;
  const residentsOf = (unitId: number) => [
    ...picks.keep.filter((c) => c.unitId === unitId).map((c) => person(c, c.pin!)),
    ...(picks.change.unitId === unitId ? [person(picks.change, spare)] : []),
    ...(picks.ambiguous.unitId === unitId ? [person(picks.ambiguous, null), person(picks.ambiguous, null)] : []),
  ];
  const units = wanted.units.slice(0, -1); // the last unit has no hand-made apartment: it is created
  const spec: HandMadeCommunity = {
    name: propertyName,
    buildings: [{
      name: 'Main',
      apartments: [
        ...units.map((u, i) => ({ name: i % 2 === 0 ? `Apt ${u.name}` : u.name, residents: residentsOf(u.id) })),
        { name: 'Lobby', residents: [{ firstName: 'Front', lastName: 'Desk', pin: null }] },
      ],
    }],
  };
  handMadeId = world.sp.admin.seedHandMade(spec);
}, 60_000);
afterAll(() => world.close());

function person(c: AdoptionContact, pin: string | null) {
  return { firstName: c.firstName, lastName: c.lastName, email: c.email, phone: c.phone, pin };
}

function spClient() {
  return createSmartPlusClient({ baseUrl: world.sp.url, username: world.sp.username, password: world.sp.password, requestsPerSecond: 10_000 });
}

describe('adopting a hand-made community with "linkExisting"', () => {
  it('a dry run proposes the links and writes nothing', async () => {
    const before = await readCommunityState(spClient(), handMadeId);
    const result = await world.sync(siteConfig({ linkExisting: true }), { dryRun: true, ports: { ...world.ports, adoption: smartPlusAdoptionPort(spClient()) } });
    const linked = result.problems.find((p) => p.kind === 'adoption-linked')!;
    expect(linked.reason).toMatch(/would link community/);
    expect(result.problems.some((p) => p.kind === 'adoption-question')).toBe(true);
    expect(await readCommunityState(spClient(), handMadeId)).toEqual(before);
  });

  const config = siteConfig();
  const rmClient = () => createRentManagerClient({
    baseUrl: world.rm.url, corp: world.rm.corp, locationId: world.rm.location,
    auth: { kind: 'user', username: world.rm.username, password: world.rm.password }, requestsPerMinute: 100_000,
  });

  it('links without duplicating, keeps the PINs Rent Manager agrees with, asks about the ambiguous pair, and the next sync plans nothing', async () => {
    const before = await readCommunityState(spClient(), handMadeId);
    const idOf = (c: AdoptionContact) => before.residents.filter((r) => r.firstName === c.firstName && r.lastName === c.lastName && r.role === 'family').map((r) => r.id);
    // The wizard's link review, before anything is written: what the import creates beside the links.
    const preview = await previewAdoption(
      { clients: { rentManager: async () => rmClient(), smartPlus: async () => spClient() }, now: () => new Date(`${TODAY}T12:00:00Z`) },
      { connectionId: 'c1', policy: { creation: config.creation, deletion: config.deletion, sameAccessAsMaster: config.sameAccessAsMaster }, propertyId: PROPERTY, units: 'all', communityId: handMadeId, buildingId: before.buildings[0]!.id },
      { pinField: config.pinField, rfCardField: config.rfCardField },
    );
    const result = await world.sync(siteConfig({ linkExisting: true }), { ports: { ...world.ports, adoption: smartPlusAdoptionPort(spClient()) } });
    expect(result.problems.filter((p) => p.severity === 'error')).toEqual([]);
    // The review counted what the import then created: one new apartment, the accounts not linked, their PINs.
    const ops = result.plan!.summary.operations;
    expect(preview.summary.operations['create-community']).toBe(0);
    expect(preview.summary.operations['create-apartment']).toBe(1);
    for (const kind of ['create-apartment', 'create-family-member', 'set-pin', 'set-rf-cards'] as const) expect(preview.summary.operations[kind]).toBe(ops[kind]);
    expect(preview.summary.operations['create-family-member']).toBeLessThan(wanted.contacts.length);
    expect(result.run.outcome).toBe('succeeded');

    const communities = await spClient().communities.list({ pageSize: 100 });
    expect(communities.total).toBe(1); // no second community beside the hand-made one
    const after = await readCommunityState(spClient(), handMadeId);
    expect(after.community.externalRef).toEqual(propertyRef({ customer: world.rm.corp, location: world.rm.location }, PROPERTY));
    expect(after.buildings.map((b) => b.name)).toEqual(['Main']);
    // Every unit has exactly one apartment; the hand-made ones kept their ids and names.
    const unitRefs = after.apartments.flatMap((a) => (a.externalRef ? [refKey(a.externalRef)] : []));
    expect(new Set(unitRefs).size).toBe(wanted.units.length);
    expect(unitRefs).toHaveLength(wanted.units.length);
    expect(after.apartments.filter((a) => !a.externalRef).map((a) => a.name)).toEqual(['Lobby']);
    for (const a of before.apartments.filter((x) => x.name !== 'Lobby')) expect(after.apartments.find((x) => x.id === a.id)?.externalRef).not.toBeNull();

    const residentById = new Map(after.residents.map((r) => [r.id, r]));
    for (const c of picks.keep) {
      const [id] = idOf(c);
      expect(residentById.get(id!)).toMatchObject({ externalRef: { id: `unit:${c.unitId}/contact:${c.contactId}` }, pin: c.pin });
    }
    const [changedId] = idOf(picks.change);
    expect(residentById.get(changedId!)).toMatchObject({ externalRef: { id: `unit:${picks.change.unitId}/contact:${picks.change.contactId}` }, pin: picks.change.pin });
    // The ambiguous pair: neither linked, no third account created beside them.
    for (const id of idOf(picks.ambiguous)) expect(residentById.get(id)!.externalRef).toBeNull();
    expect(after.residents.filter((r) => r.firstName === picks.ambiguous.firstName && r.lastName === picks.ambiguous.lastName)).toHaveLength(2);
    expect(result.problems.filter((p) => p.kind === 'adoption-question').length).toBeGreaterThanOrEqual(1);
    // Nothing hand-made was deleted; the unknown resident is untouched.
    for (const r of before.residents) expect(residentById.has(r.id)).toBe(true);
    const refs = after.residents.flatMap((r) => (r.externalRef ? [refKey(r.externalRef)] : []));
    expect(new Set(refs).size).toBe(refs.length);

    const again = await world.sync(siteConfig({ linkExisting: true }), { dryRun: true, ports: { ...world.ports, adoption: smartPlusAdoptionPort(spClient()) } });
    expect(again.plan!.operations).toEqual([]);
  });
});
