import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../src-main/db/database';
import { createAppServices } from '../../../src-main/composition/create-app-services';
import { silentLogger } from '../../../src-main/logging/logger';
import { EphemeralSecretStore } from '../../../src-main/secrets/ephemeral-secret-store';
import { AppPreferencesFile } from '../../../src-main/services/app-preferences-file';
import { type CliWorld, runCli, siteConfigFile, smartPlusState, startCliWorld } from '../../support/cli-harness';

// Issue 14, "one state, two front doors": the CLI registers and runs sites in the app's own state
// (SITESYNC_HOME here; the app's user-data folder by default), against both sandboxes, with the
// credentials from the environment (the override; the keychain path is test/keychain/cli-keychain.test.ts).
const PROPERTY = 4; // Oak Street Townhomes, 28 units

let world: CliWorld;
let env: NodeJS.ProcessEnv;
let siteId: string;

beforeAll(async () => {
  world = await startCliWorld();
  env = world.env();
}, 60_000);

afterAll(async () => {
  await world?.close();
});

const json = <T>(stdout: string): T => JSON.parse(stdout.trim().split('\n').at(-1)!) as T;

describe('the CLI on the app’s state', () => {
  it('sites add registers the site as the wizard does and runs its import', async () => {
    const added = await runCli(['sites', 'add', '--site-config', siteConfigFile({ properties: [PROPERTY], timeZone: 'America/Chicago' }), '--json'], env);
    expect(added.code, added.stderr).toBe(0);
    const body = json<{ sites: { id: string; properties: number[]; policy: { timeZone: string; pinField?: unknown } }[]; runs: { trigger: string; outcome: string; siteId: string }[] }>(added.stdout);
    expect(body.sites).toHaveLength(1);
    siteId = body.sites[0]!.id;
    expect(body.sites[0]!.properties).toEqual([PROPERTY]);
    expect(body.sites[0]!.policy.timeZone).toBe('America/Chicago');
    // The wizard's field pick: the demo's "Door PIN" text field.
    expect(body.sites[0]!.policy.pinField).toBeDefined();
    expect(body.runs).toEqual([expect.objectContaining({ siteId, trigger: 'import', outcome: 'succeeded' })]);
    const state = await smartPlusState(world, PROPERTY);
    expect(state.apartments).toHaveLength(28);
    expect(state.duplicates).toEqual([]);

    const listed = await runCli(['sites', 'list', '--json'], env);
    expect(listed.code, listed.stderr).toBe(0);
    expect(json<{ id: string; lastRun: { outcome: string } | null; nextRunAt: string }[]>(listed.stdout)).toEqual([
      expect.objectContaining({ id: siteId, lastRun: expect.objectContaining({ outcome: 'succeeded' }), nextRunAt: expect.stringMatching(/T07:00:00/) }),
    ]);
    // A field Rent Manager does not have is refused before anything is written (it used to be saved after the import ran with the default field).
    const badField = await runCli(['sites', 'add', '--site-config', siteConfigFile({ properties: [PROPERTY + 1], pinField: 'Gate code' })], env);
    expect(badField.code).toBe(2);
    expect(badField.stderr).toMatch(/pinField "Gate code" is not a tenant field in Rent Manager\. Tenant fields: .*Door PIN/);
    const afterBad = await runCli(['sites', 'list', '--json'], env);
    expect(json<{ id: string }[]>(afterBad.stdout).map((s) => s.id)).toEqual([siteId]);
    // Adding the same property again is refused as the wizard refuses it (exit 2, nothing created).
    const again = await runCli(['sites', 'add', '--site-config', siteConfigFile({ properties: [PROPERTY] })], env);
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/already a site/);
  }, 180_000);

  it('sync --site runs the registered site, recorded with trigger cli', async () => {
    const result = await runCli(['sync', '--site', siteId, '--json'], env);
    expect(result.code, result.stderr).toBe(0);
    const body = json<{ site: { id: string }; run: { trigger: string; outcome: string; counts: { accountsCreated: number } } }>(result.stdout);
    expect(body.site.id).toBe(siteId);
    expect(body.run).toMatchObject({ trigger: 'cli', outcome: 'succeeded', counts: { accountsCreated: 0 } });
    const unknown = await runCli(['sync', '--site', 'no-such-site'], env);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/No site "no-such-site"/);
  }, 120_000);

  it('run-due after a missed slot runs the site once; the second call runs nothing and says so', async () => {
    // The site's runs were two days ago: the 07:00 UTC slots since then were missed.
    const db = openDatabase(path.join(env.SITESYNC_HOME!, 'sitesync.db'));
    db.prepare(`UPDATE runs SET started_at = '2026-01-05T07:00:00.000Z', ended_at = '2026-01-05T07:01:00.000Z' WHERE site_id = ?`).run(siteId);
    db.close();
    const first = await runCli(['run-due', '--json', '--trigger', 'os-schedule'], env);
    expect(first.code, first.stderr).toBe(0);
    const ran = json<{ ran: { site: { id: string }; kind: string; run: { trigger: string; outcome: string } }[] }>(first.stdout).ran;
    expect(ran).toEqual([expect.objectContaining({ site: expect.objectContaining({ id: siteId }), kind: 'full', run: expect.objectContaining({ trigger: 'os-schedule', outcome: 'succeeded' }) })]);

    const second = await runCli(['run-due'], env);
    expect(second.code, second.stderr).toBe(0);
    expect(second.stdout).toMatch(/Nothing is due/);
    expect(second.stdout).toContain(siteId);
  }, 120_000);

  it('the app’s runs service lists the runs the CLI made, with their triggers; runs --json names each run’s site id', async () => {
    const app = await createAppServices({
      userDataDir: env.SITESYNC_HOME!,
      appVersion: 'test',
      platform: process.platform,
      log: silentLogger,
      secrets: new EphemeralSecretStore(),
      preferences: new AppPreferencesFile(env.SITESYNC_HOME!),
      sandbox: 'off',
      schedule: false,
    });
    try {
      const runs = await app.features.runs.list(siteId, 50);
      expect(runs.map((r) => r.trigger).sort()).toEqual(['cli', 'import', 'os-schedule']);
      expect(app.features.sites.list().map((s) => s.id)).toEqual([siteId]);
    } finally {
      await app.stop();
    }
    const listed = await runCli(['runs', '--json'], env);
    expect(listed.code, listed.stderr).toBe(0);
    const rows = json<{ siteId: string; trigger: string }[]>(listed.stdout);
    expect(rows.map((r) => [r.siteId, r.trigger])).toEqual(expect.arrayContaining([[siteId, 'cli'], [siteId, 'import'], [siteId, 'os-schedule']]));
  }, 60_000);
});
