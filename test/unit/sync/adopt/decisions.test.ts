import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AdoptionQuestion, decisionsFrom, questionKey } from '../../../../src-shared/domain/adoption';
import { createSmartPlusClient } from '../../../../src-main/smartplus/client';
import { readCommunityState } from '../../../../src-main/smartplus/read-snapshot';
import { smartPlusAdoptionPort } from '../../../../src-main/sync/adapters/smartplus-port';
import { wantedFromPlan } from '../../../../src-main/sync/adopt/adopt';
import type { AdoptionContact } from '../../../../src-main/sync/adopt/match';
import { siteConfig, startWorld, type SandboxWorld } from '../../../safety/helpers/world';

// The installer's answers to the adoption review (issue 16): a link to one of two candidates,
// "keep separate" (a new account beside a same-name hand-made resident), "leave alone" (not created).

const question = (o: Partial<AdoptionQuestion>): AdoptionQuestion => ({
  kind: 'contact-two-candidates', unitId: 7, unitIds: [], contactIds: [70], residentIds: ['r1', 'r2'], apartmentIds: ['a1'], text: '', ...o,
});

describe('decisionsFrom', () => {
  it('turns each choice into links, kept-separate and left-alone contacts; unanswered questions decide nothing', () => {
    const two = question({});
    const email = question({ kind: 'same-email-other-name', contactIds: [71], residentIds: ['r3'] });
    const resident = question({ kind: 'resident-two-contacts', contactIds: [72, 73], residentIds: ['r4'] });
    const apartment = question({ kind: 'apartment-two-candidates', contactIds: [], residentIds: [], apartmentIds: ['a8', 'a9'] });
    const open = question({ contactIds: [74] });
    const d = decisionsFrom([two, email, resident, apartment, open], {
      [questionKey(two)]: { link: 'r2' },
      [questionKey(email)]: 'leave',
      [questionKey(resident)]: { link: '73' },
      [questionKey(apartment)]: { link: 'a9' },
    });
    expect(d).toEqual({
      apartmentLinks: [{ unitId: 7, apartmentId: 'a9' }],
      memberLinks: [{ unitId: 7, contactId: 70, residentId: 'r2' }, { unitId: 7, contactId: 73, residentId: 'r4' }],
      keepSeparate: [{ unitId: 7, contactId: 72 }],
      leaveAlone: [{ unitId: 7, contactId: 71 }],
    });
  });

  it('one hand-made apartment matching two units: linked to the unit chosen, to neither on "keep separate" or a unit not offered', () => {
    const shared = question({ kind: 'apartment-two-units', unitId: null, unitIds: [11, 12], contactIds: [], residentIds: [], apartmentIds: ['a5'] });
    expect(decisionsFrom([shared], { [questionKey(shared)]: { link: '12' } }).apartmentLinks).toEqual([{ unitId: 12, apartmentId: 'a5' }]);
    expect(decisionsFrom([shared], { [questionKey(shared)]: 'separate' }).apartmentLinks).toEqual([]);
    expect(decisionsFrom([shared], { [questionKey(shared)]: { link: '13' } }).apartmentLinks).toEqual([]);
  });

  it('ignores a link to an object the question does not offer', () => {
    const two = question({});
    expect(decisionsFrom([two], { [questionKey(two)]: { link: 'somebody-else' } }).memberLinks).toEqual([]);
  });
});

let world: SandboxWorld;
let wanted: ReturnType<typeof wantedFromPlan>;
let handMadeId: string;
let picks: { ambiguous: AdoptionContact; twin: AdoptionContact; alone: AdoptionContact };
const PROPERTY = 4;

beforeAll(async () => {
  world = await startWorld();
  const fresh = await world.sync(siteConfig(), { dryRun: true });
  wanted = wantedFromPlan(fresh.plan!, PROPERTY, true);
  const name = fresh.plan!.operations.find((op) => op.kind === 'create-community')!.display.property;
  const withEmail = wanted.contacts.filter((c) => c.email);
  const units = [...new Set(withEmail.map((c) => c.unitId))];
  const firstIn = (unitId: number) => withEmail.find((c) => c.unitId === unitId)!;
  picks = { ambiguous: firstIn(units[0]!), twin: firstIn(units[1]!), alone: firstIn(units[2]!) };
  const person = (c: AdoptionContact, email: string | null) => ({ firstName: c.firstName, lastName: c.lastName, email, phone: null, pin: null });
  const residentsOf = (unitId: number) => [
    ...(picks.ambiguous.unitId === unitId ? [person(picks.ambiguous, picks.ambiguous.email), person(picks.ambiguous, picks.ambiguous.email)] : []),
    // Same name, no e-mail or phone to prove it: the planner would not add a second account.
    ...(picks.twin.unitId === unitId ? [person(picks.twin, null)] : []),
  ];
  handMadeId = world.sp.admin.seedHandMade({
    name,
    buildings: [{ name: 'Building 1', apartments: wanted.units.map((u) => ({ name: u.name, residents: residentsOf(u.id) })) }],
  });
}, 60_000);
afterAll(() => world?.close());

function spClient() {
  return createSmartPlusClient({ baseUrl: world.sp.url, username: world.sp.username, password: world.sp.password, requestsPerSecond: 10_000 });
}

describe('adopting with the installer\'s decisions', () => {
  it('links the chosen candidate, creates the kept-separate contact beside its twin, leaves the left-alone one uncreated, and the next sync plans nothing', async () => {
    const before = await readCommunityState(spClient(), handMadeId);
    const named = (c: AdoptionContact) => before.residents.filter((r) => r.role === 'family' && r.firstName === c.firstName && r.lastName === c.lastName);
    const chosen = named(picks.ambiguous)[1]!;
    const decisions = {
      apartmentLinks: [],
      memberLinks: [{ unitId: picks.ambiguous.unitId, contactId: picks.ambiguous.contactId, residentId: chosen.id }],
      keepSeparate: [{ unitId: picks.twin.unitId, contactId: picks.twin.contactId }],
      leaveAlone: [{ unitId: picks.alone.unitId, contactId: picks.alone.contactId }],
    };
    const config = siteConfig({ linkExisting: true, community: handMadeId, decisions });
    const ports = { ...world.ports, adoption: smartPlusAdoptionPort(spClient()) };
    const result = await world.sync(config, { ports });
    expect(result.run.outcome).toBe('succeeded');
    // The answered question is no longer reported as one.
    expect(result.problems.filter((p) => p.kind === 'adoption-question' && p.contactId === picks.ambiguous.contactId)).toEqual([]);

    const after = await readCommunityState(spClient(), handMadeId);
    const ref = (c: AdoptionContact) => `unit:${c.unitId}/contact:${c.contactId}`;
    expect(after.residents.find((r) => r.id === chosen.id)?.externalRef?.id).toBe(ref(picks.ambiguous));
    expect(after.residents.filter((r) => r.externalRef?.id === ref(picks.ambiguous))).toHaveLength(1);
    // Kept separate: the hand-made twin stays as it was, and a new linked account stands beside it.
    const twins = after.residents.filter((r) => r.firstName === picks.twin.firstName && r.lastName === picks.twin.lastName);
    expect(twins.map((r) => r.externalRef?.id ?? null).sort()).toEqual([ref(picks.twin), null].sort());
    // Left alone: no account for that contact.
    expect(after.residents.some((r) => r.externalRef?.id === ref(picks.alone))).toBe(false);
    expect((await spClient().communities.list({ pageSize: 10 })).total).toBe(1);

    const again = await world.sync(config, { dryRun: true, ports });
    expect(again.plan!.operations).toEqual([]);
  });
});
