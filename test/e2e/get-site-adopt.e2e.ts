import { DEFAULT_POLICY } from '../../src-shared/domain/policy';
import type { SmartPlusClient } from '../../src-main/smartplus/client';
import { readCommunityState } from '../../src-main/smartplus/read-snapshot';
import { rentManagerPort } from '../../src-main/sync/adapters/rentmanager-port';
import { wantedFromPlan } from '../../src-main/sync/adopt/adopt';
import type { AdoptionContact } from '../../src-main/sync/adopt/match';
import { plan } from '../../src-main/sync/plan';
import { todayInZone } from '../../src-main/sync/today';
import { expect, openApp, test, type RunningApp } from './fixtures';
import { captureStep, sidebarTo, tabTo } from './journey-helpers';

// Issue 16, "Must show": a building that already has SmartPlus — a hand-made community with
// apartments, residents and PINs typed by hand, one ambiguous pair — linked from Get Site from
// PMS. The review lists every link and the question; applying leaves no duplicate community,
// apartment or resident, keeps the PINs Rent Manager agrees with, and a second sync writes nothing.

const RM = 'sandbox-rentmanager';
const SP = 'sandbox-smartplus';

interface World {
  propertyId: number;
  name: string;
  handMadeId: string;
  units: { id: number; name: string }[];
  picks: { keep: AdoptionContact[]; change: AdoptionContact; ambiguous: AdoptionContact };
}

/** What SiteSync would create for one property on an empty SmartPlus, typed in by hand beforehand. */
async function seedHandMade(app: RunningApp): Promise<World> {
  const { clients } = app.services.ctx;
  const rmClient = await clients.rentManager(RM);
  const properties = (await rmClient.properties()).rows;
  const propertyId = properties.find((p) => p.PropertyID === 4)?.PropertyID ?? properties[0]!.PropertyID;
  const config = { ...DEFAULT_POLICY, pinField: 'Door PIN (Text)', rfCardField: 'RF Card', properties: [propertyId] };
  const rm = await rentManagerPort(rmClient).readSnapshot([propertyId], config);
  const fresh = plan(rm, { readAt: rm.readAt, communities: [] }, config, todayInZone(new Date(), config.timeZone));
  const wanted = wantedFromPlan(fresh, propertyId, true);
  const name = rm.properties.find((p) => p.id === propertyId)!.name;
  const withPin = wanted.contacts.filter((c) => c.email && c.pin);
  const keep = withPin.slice(0, 2);
  const change = withPin[2]!;
  const ambiguous = wanted.contacts.find((c) => c.email && !c.pin && !withPin.slice(0, 3).some((p) => p.unitId === c.unitId))!;
  const pins = new Set(wanted.contacts.flatMap((c) => (c.pin ? [c.pin] : [])));
  const spare = ['24680', '13579', '86420', '35791'].find((p) => !pins.has(p))!;
  const person = (c: AdoptionContact, pin: string | null) => ({ firstName: c.firstName, lastName: c.lastName, email: c.email, phone: c.phone, pin });
  const residentsOf = (unitId: number, i: number) => [
    ...keep.filter((c) => c.unitId === unitId).map((c) => person(c, c.pin!)),
    ...(change.unitId === unitId ? [person(change, spare)] : []),
    ...(ambiguous.unitId === unitId ? [person(ambiguous, null), person(ambiguous, null)] : []),
    ...(i === 0 ? [{ firstName: 'Front', lastName: 'Desk', pin: null }] : []),
  ];
  const units = wanted.units;
  const sp = app.services.sandbox!.smartPlus.admin;
  sp.seedHandMade({ name: 'Old Office', buildings: [{ name: 'Main', apartments: [{ name: '1' }] }] });
  const handMadeId = sp.seedHandMade({
    name,
    buildings: [
      { name: 'Annex', apartments: [{ name: 'Storage' }] },
      // The last unit has no hand-made apartment: the sync creates it. Every other one is typed as "Apt 101" or "101".
      { name: 'Building 1', apartments: units.slice(0, -1).map((u, i) => ({ name: i % 2 === 0 ? `Apt ${u.name}` : u.name, residents: residentsOf(u.id, i) })) },
    ],
  });
  return { propertyId, name, handMadeId, units, picks: { keep, change, ambiguous } };
}

async function spClient(app: RunningApp): Promise<SmartPlusClient> {
  return app.services.ctx.clients.smartPlus(SP);
}

test.describe('Get Site from PMS: link to an existing community', () => {
  test('links a hand-made community: review, answer, apply; no duplicates, hand-made PINs kept, the next sync writes nothing', async ({ page, app }) => {
    test.setTimeout(240_000);
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    app.services.sandbox!.smartPlus.admin.activateIntegration(12);
    const world = await seedHandMade(app);
    const sp = await spClient(app);
    const before = await readCommunityState(sp, world.handMadeId);

    await openApp(page, app, 'light');
    const main = page.getByRole('main');
    const next = main.getByRole('button', { name: 'Next' });
    await sidebarTo(page, 'Sites');
    await main.getByRole('button', { name: 'Get Site from PMS' }).first().click();
    await expect(main.getByRole('radio', { name: /Sandbox Property Management/ })).toBeChecked();
    await next.click();
    await main.getByRole('checkbox', { name: new RegExp(world.name) }).check();
    for (let i = 0; i < 4; i++) await next.click();

    // Community: new by default, with the same-name hand-made community named; link it.
    await expect(page.getByRole('heading', { level: 2, name: 'Step 6 of 9: Community' })).toBeVisible();
    const group = main.getByRole('group', { name: world.name });
    await expect(group.getByText(/already has a hand-made community named/)).toBeVisible();
    await captureStep(page, 'get-site-adopt-1-community-new');
    await group.getByRole('radio', { name: /Link to an existing community/ }).check();
    await expect(group.getByLabel('Community to link')).toHaveValue(world.handMadeId);
    const building = before.buildings.find((b) => b.name === 'Building 1')!;
    await expect(group.getByLabel('Building that holds the units')).toHaveValue(building.id);
    await expect(group.getByLabel('Community to link').locator('option')).toHaveText(['Choose a community…', `${world.name} — same name (likely match)`, 'Old Office']);
    await captureStep(page, 'get-site-adopt-2-community-link');
    await next.click();

    // PINs, cards and time: chosen from masked samples, nothing preselected; a searched zone and grace days.
    await expect(page.getByRole('heading', { level: 2, name: 'Step 7 of 9: PINs, cards and time' })).toBeVisible();
    const pinGroup = main.getByRole('group', { name: /holds each tenant.s PIN/ });
    const pinChoice = pinGroup.getByRole('radio', { name: /^Door PIN \(Text\)/ });
    await expect(pinChoice).not.toBeChecked();
    await expect(next).toBeDisabled();
    const pinHint = await pinChoice.locator('xpath=..').textContent();
    expect(pinHint).toMatch(/\d+ of \d+ tenants have a value · values like: \d+ digits/);
    await expect(pinGroup.getByRole('radio', { name: /No field/ })).toBeVisible();
    await pinChoice.check();
    await main.getByRole('group', { name: /holds each tenant.s RF card/ }).getByRole('radio', { name: /^RF Card/ }).check();
    await main.getByLabel('Search time zones').fill('chicago');
    await main.getByLabel('Time zone', { exact: true }).selectOption('America/Chicago');
    await main.getByLabel('Grace days').fill('2');
    await expect(next).toBeEnabled();
    await captureStep(page, 'get-site-adopt-2b-fields');
    await page.setViewportSize({ width: 1024, height: 640 });
    await captureStep(page, 'get-site-adopt-2b-fields-small');
    await page.setViewportSize({ width: 1280, height: 800 });
    await next.click();
    await next.click();

    // Review: every link, the PIN fates (masked), the question; Import waits for the answer.
    await expect(main.getByText(/Link to the hand-made community/)).toBeVisible({ timeout: 30_000 });
    const apartments = main.getByRole('table', { name: `Apartment links in ${world.name}` });
    await expect(apartments.locator('tbody tr')).toHaveCount(world.units.length - 1);
    await expect(apartments.getByText(/Same after tidying/).first()).toBeVisible();
    const members = main.getByRole('table', { name: `Resident links in ${world.name}` });
    await expect(members.locator('tbody tr')).toHaveCount(3);
    await expect(members.getByText(/^Kept \(/)).toHaveCount(2);
    await expect(members.getByText(/→/)).toHaveCount(1);
    for (const cell of await members.locator('td.gs-mono').allTextContents()) expect(cell).not.toMatch(/\d{3,}/);
    await expect(main.getByText(/1 unit gets a new apartment/)).toBeVisible();
    await expect(main.getByText(/1 hand-made resident Rent Manager does not know stays/)).toBeVisible();
    const question = main.getByRole('group', { name: new RegExp(`${world.picks.ambiguous.firstName} ${world.picks.ambiguous.lastName} matches 2 residents`) });
    await expect(question.getByRole('radio')).toHaveCount(4);
    await expect(main.getByRole('button', { name: 'Import' })).toBeDisabled();
    await expect(main.getByText('Communities to create')).toHaveCount(0);
    // What the import creates beside the links: the one unit without a hand-made apartment.
    const counts = main.getByLabel('What the import creates beside the links');
    await expect(counts.locator('div', { hasText: 'New apartments beside the linked ones' }).locator('dd')).toHaveText('1');
    const ambiguousIds = before.residents.filter((r) => r.firstName === world.picks.ambiguous.firstName && r.lastName === world.picks.ambiguous.lastName).map((r) => r.id);
    await question.getByRole('radio').nth(1).check();
    await expect(main.getByRole('button', { name: 'Import' })).toBeEnabled();
    await captureStep(page, 'get-site-adopt-3-review');
    await page.setViewportSize({ width: 1024, height: 640 });
    await captureStep(page, 'get-site-adopt-3-review-small');
    await tabTo(page, main.getByRole('button', { name: 'Import' }));
    await page.setViewportSize({ width: 1280, height: 800 });
    await main.getByRole('button', { name: 'Import' }).click();
    await expect(main.getByText('The site was imported.')).toBeVisible({ timeout: 90_000 });
    await captureStep(page, 'get-site-adopt-4-result');

    // No second community, apartment or resident; hand-made objects kept their ids; nothing deleted.
    const communities = await sp.communities.list({ pageSize: 100 });
    expect(communities.items.map((c) => c.name).sort()).toEqual(['Old Office', world.name].sort());
    const after = await readCommunityState(sp, world.handMadeId);
    expect(after.community.externalRef).not.toBeNull();
    expect(after.buildings.map((b) => b.name).sort()).toEqual(['Annex', 'Building 1']);
    const unitRefs = after.apartments.flatMap((a) => (a.externalRef ? [a.externalRef.id] : []));
    expect(new Set(unitRefs).size).toBe(world.units.length);
    expect(unitRefs).toHaveLength(world.units.length);
    expect(after.apartments.filter((a) => !a.externalRef).map((a) => a.name)).toEqual(['Storage']);
    for (const a of before.apartments.filter((x) => x.buildingId === building.id)) expect(after.apartments.find((x) => x.id === a.id)?.externalRef).not.toBeNull();
    for (const r of before.residents) expect(after.residents.some((x) => x.id === r.id)).toBe(true);
    const refs = after.residents.flatMap((r) => (r.externalRef ? [r.externalRef.id] : []));
    expect(new Set(refs).size).toBe(refs.length);
    const ref = (c: AdoptionContact) => `unit:${c.unitId}/contact:${c.contactId}`;
    const byRef = (c: AdoptionContact) => after.residents.filter((r) => r.externalRef?.id === ref(c));
    for (const c of world.picks.keep) {
      const was = before.residents.find((r) => r.firstName === c.firstName && r.lastName === c.lastName && r.role === 'family')!;
      expect(byRef(c).map((r) => [r.id, r.pin])).toEqual([[was.id, c.pin]]); // linked, PIN kept as typed
    }
    expect(byRef(world.picks.change).map((r) => r.pin)).toEqual([world.picks.change.pin]);
    // The ambiguous pair: the chosen one linked, the other left as it was, no third account.
    expect(byRef(world.picks.ambiguous).map((r) => r.id)).toEqual([ambiguousIds[1]]);
    expect(after.residents.find((r) => r.id === ambiguousIds[0])?.externalRef).toBeNull();
    expect(after.residents.filter((r) => r.firstName === world.picks.ambiguous.firstName && r.lastName === world.picks.ambiguous.lastName)).toHaveLength(2);
    expect(after.residents.find((r) => r.firstName === 'Front' && r.lastName === 'Desk')?.externalRef).toBeNull();

    // The site remembers its community, and the next sync has nothing to do.
    const site = app.services.ctx.db.sites.listSummaries().find((s) => s.propertyId === world.propertyId)!;
    expect(site.communityId).toBe(world.handMadeId);
    expect(site.policy).toMatchObject({ timeZone: 'America/Chicago', graceDays: 2 });
    expect(site.policy.pinField).toEqual(expect.any(Number));
    expect(site.policy.rfCardField).toEqual(expect.any(Number));
    const dry = await (await app.services.ctx.sync.runSite({ siteId: site.id, trigger: 'manual', dryRun: true })).done;
    expect(dry.counts).toMatchObject({ communities: 0, apartments: 0, accountsCreated: 0, accountsUpdated: 0, accountsDeleted: 0, credentialsSet: 0, credentialsRemoved: 0 });
    app.services.sandbox!.smartPlus.admin.resetCounters();
    const again = await (await app.services.ctx.sync.runSite({ siteId: site.id, trigger: 'manual' })).done;
    expect(again.outcome).toBe('succeeded');
    const writes = Object.keys(app.services.sandbox!.smartPlus.admin.counters().byRoute).filter((route) => !route.startsWith('GET '));
    expect(writes.filter((w) => !w.includes('/auth'))).toEqual([]);
    expect(errors).toEqual([]);
  });
});
