import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../src-main/db/database';
import { localDbOver } from '../../../src-main/db/local-db';
import { EphemeralSecretStore } from '../../../src-main/secrets/ephemeral-secret-store';
import { type CliWorld, runCli, siteConfigFile, startCliWorld } from '../../support/cli-harness';

// Issue 16: a site configuration may name the SmartPlus account its sites sync to
// ("smartPlusAccount": label or connection id); `sites add` stores it, `sites list` shows it.

let world: CliWorld;
let env: NodeJS.ProcessEnv;
let north: string;

beforeAll(async () => {
  world = await startCliWorld();
  env = world.env();
  // The first command registers the environment's SmartPlus account; then it is named "North region"
  // and a second account "South region" (settings only: its password is not on this computer).
  expect((await runCli(['sites', 'list'], env)).code).toBe(0);
  const db = await localDbOver(openDatabase(path.join(env.SITESYNC_HOME!, 'sitesync.db')), new EphemeralSecretStore());
  const envAccount = db.connections.list().find((c) => c.kind === 'smartplus')!;
  north = db.connections.save({ ...envAccount, label: 'North region' }).id;
  const { id: _omit, ...settings } = envAccount;
  db.connections.save({ ...settings, label: 'South region', username: 'south@example.com' });
  db.close();
}, 60_000);

afterAll(async () => {
  await world?.close();
});

const json = <T>(stdout: string): T => JSON.parse(stdout.trim().split('\n').at(-1)!) as T;

describe('sites add / list: the SmartPlus account of a site', () => {
  it('an unknown account name exits 2 naming the known labels, before anything is written', async () => {
    const result = await runCli(['sites', 'add', '--site-config', siteConfigFile({ properties: [4], smartPlusAccount: 'East region' })], env);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('smartPlusAccount "East region" is not a SmartPlus account');
    expect(result.stderr).toContain('"North region", "South region"');
    expect(json<unknown[]>((await runCli(['sites', 'list', '--json'], env)).stdout)).toEqual([]);
  }, 60_000);

  it('an empty or non-text account name is refused by the schema (exit 2)', async () => {
    const result = await runCli(['sites', 'add', '--site-config', siteConfigFile({ properties: [4], smartPlusAccount: 7 })], env);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('smartPlusAccount:');
  }, 60_000);

  it('named by label (any case) the site is stored with that account; list and --json show its label', async () => {
    const added = await runCli(['sites', 'add', '--site-config', siteConfigFile({ properties: [4], smartPlusAccount: ' north REGION ' }), '--json'], env);
    expect(added.code, added.stderr).toBe(0);
    const site = json<{ sites: { id: string; smartPlusAccount: { id: string; label: string } | null }[] }>(added.stdout).sites[0]!;
    expect(site.smartPlusAccount).toEqual({ id: north, label: 'North region' });
    const raw = openDatabase(path.join(env.SITESYNC_HOME!, 'sitesync.db'));
    expect(raw.prepare('SELECT smartplus_account_id FROM sites WHERE id = ?').get(site.id)).toEqual({ smartplus_account_id: north });
    raw.close();
    const listed = json<{ id: string; smartPlusAccount: { label: string } | null }[]>((await runCli(['sites', 'list', '--json'], env)).stdout);
    expect(listed.map((s) => s.smartPlusAccount?.label)).toEqual(['North region']);
    const text = (await runCli(['sites', 'list'], env)).stdout;
    expect(text).toContain('SmartPlus account');
    expect(text).toMatch(/North region/);
  }, 120_000);

  it('an account named by its connection id is stored too', async () => {
    const added = await runCli(['sites', 'add', '--site-config', siteConfigFile({ properties: [1], smartPlusAccount: north }), '--json'], env);
    expect(added.code, added.stderr).toBe(0);
    const site = json<{ sites: { id: string; smartPlusAccount: { id: string } | null }[] }>(added.stdout).sites[0]!;
    const raw = openDatabase(path.join(env.SITESYNC_HOME!, 'sitesync.db'));
    expect(raw.prepare('SELECT smartplus_account_id FROM sites WHERE id = ?').get(site.id)).toEqual({ smartplus_account_id: north });
    raw.close();
  }, 120_000);
});
