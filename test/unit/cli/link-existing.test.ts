import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSmartPlusClient } from '../../../src-main/smartplus/client';
import { readCommunityState } from '../../../src-main/smartplus/read-snapshot';
import { type CliWorld, runCli, siteConfigFile, startCliWorld } from '../../support/cli-harness';

// Issue 16 through the command line: `"linkExisting": true` adopts the hand-made community named
// like the property; --dry-run only shows the proposed links; no community to adopt is exit 2.
let world: CliWorld;
const SITE = { properties: [4], pinField: 'Door PIN (Text)', rfCardField: 'RF Card' };

beforeAll(async () => {
  world = await startCliWorld();
}, 60_000);
afterAll(async () => {
  await world?.close();
});

interface JsonOp { kind: string; name?: string; display: { property: string; unitId: number | null } }

describe('sync with "linkExisting"', () => {
  it('refuses when no hand-made community is named like the property, writing nothing (exit 2)', async () => {
    world.resetSmartPlus();
    const result = await runCli(['sync', '--site-config', siteConfigFile({ ...SITE, linkExisting: true })], world.env());
    expect(result.code).toBe(2);
    expect(`${result.stdout}${result.stderr}`).toMatch(/No hand-made community is named "[^"]+"/);
    expect(world.sp.admin.counters().byRoute['POST /communities'] ?? 0).toBe(0);
  });

  it('dry run shows the links; the real run adopts the community and its apartments', async () => {
    world.resetSmartPlus();
    const fresh = JSON.parse((await runCli(['sync', '--site-config', siteConfigFile(SITE), '--dry-run', '--json'], world.env())).stdout) as { plan: { operations: JsonOp[] } };
    const ops = fresh.plan.operations;
    const property = ops.find((op) => op.kind === 'create-community')!.display.property;
    const units = ops.filter((op) => op.kind === 'create-apartment').map((op) => op.name!);
    const communityId = world.sp.admin.seedHandMade({
      name: property,
      buildings: [{ name: 'Building 1', apartments: units.slice(0, 10).map((name) => ({ name: `Unit ${name}` })) }],
    });

    const dry = await runCli(['sync', '--site-config', siteConfigFile({ ...SITE, linkExisting: true }), '--dry-run', '--json'], world.env());
    expect(dry.code).toBe(0);
    const dryJson = JSON.parse(dry.stdout) as { problems: { kind: string; reason: string }[] };
    expect(dryJson.problems.find((p) => p.kind === 'adoption-linked')?.reason).toMatch(/would link community .* 10 hand-made objects \(10 apartments/);
    const client = createSmartPlusClient({ baseUrl: world.sp.url, username: world.sp.username, password: world.sp.password });
    expect((await readCommunityState(client, communityId)).community.externalRef).toBeNull();

    const real = await runCli(['sync', '--site-config', siteConfigFile({ ...SITE, linkExisting: true, community: communityId })], world.env());
    expect(real.code).toBe(0);
    expect((await client.communities.list({ pageSize: 10 })).total).toBe(1);
    const state = await readCommunityState(client, communityId);
    expect(state.community.externalRef).not.toBeNull();
    expect(state.apartments).toHaveLength(units.length);
    expect(state.apartments.every((a) => a.externalRef !== null)).toBe(true);
    expect(state.apartments.filter((a) => a.name.startsWith('Unit '))).toHaveLength(0); // renamed to the unit's name by the sync
  });
});
