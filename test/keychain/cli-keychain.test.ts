import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAppServices } from '../../src-main/composition/create-app-services';
import { silentLogger } from '../../src-main/logging/logger';
import { KeyringSecretStore } from '../../src-main/secrets/keyring-secret-store';
import { connectionAccount, SECRET_SERVICE } from '../../src-main/secrets/secret-store';
import { AppPreferencesFile } from '../../src-main/services/app-preferences-file';
import { type CliWorld, runCli, siteConfigFile, smartPlusState, startCliWorld } from '../support/cli-harness';

// Issue 14: the CLI signs in with the keychain entries the app saved — a real Secret Service
// (scripts/with-keyring.sh: `bash scripts/with-keyring.sh npx vitest run --project keychain`).
// No SITESYNC_RM_* / SITESYNC_SP_* variables here: only the keychain holds the passwords.
const PROPERTY = 4;
let world: CliWorld;
let home: string;
let env: NodeJS.ProcessEnv;
const connectionIds: string[] = [];

/** The environment of a CLI child: this process's (its D-Bus session) without any credential variable. */
function cliEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const base = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^SITESYNC_(RM|SP)_/.test(k)));
  return { ...base, SITESYNC_HOME: home, ...extra };
}

beforeAll(async () => {
  world = await startCliWorld();
  home = fs.mkdtempSync(path.join(os.tmpdir(), 'sitesync-cli-keychain-'));
  // The app saves the two connections as its Connections screen does: settings in the database, secrets in the keychain.
  const app = await createAppServices({
    userDataDir: home,
    appVersion: 'test',
    platform: process.platform,
    log: silentLogger,
    secrets: new KeyringSecretStore(),
    preferences: new AppPreferencesFile(home),
    sandbox: 'off',
    schedule: false,
  });
  try {
    const rm = await app.handlers['connections.saveRentManager']({
      label: 'Oak Property Group',
      companyCode: world.rm.corp,
      baseUrl: world.rm.url,
      locationId: world.rm.location,
      signIn: { kind: 'api-user', username: world.rm.username, password: world.rm.password },
    }, {});
    const sp = await app.handlers['connections.saveSmartPlus']({ baseUrl: world.sp.url, username: world.sp.username, password: world.sp.password }, {});
    connectionIds.push((rm as { id: string }).id, (sp as { id: string }).id);
  } finally {
    await app.stop();
  }
  env = cliEnv();
}, 60_000);

afterAll(async () => {
  const store = new KeyringSecretStore();
  for (const id of connectionIds) await store.delete(SECRET_SERVICE, connectionAccount(id)).catch(() => false);
  await world?.close();
});

describe('the CLI with the app’s keychain entries', () => {
  let siteId: string;

  it('sites add and sync --site sign in with the passwords the app saved in the Secret Service', async () => {
    const added = await runCli(['sites', 'add', '--site-config', siteConfigFile({ properties: [PROPERTY] }), '--json'], env);
    expect(added.code, added.stderr).toBe(0);
    const body = JSON.parse(added.stdout) as { sites: { id: string; customer: { name: string } }[]; runs: { outcome: string }[] };
    siteId = body.sites[0]!.id;
    expect(body.sites[0]!.customer.name).toBe('Oak Property Group');
    expect(body.runs[0]!.outcome).toBe('succeeded');
    expect((await smartPlusState(world, PROPERTY)).apartments).toHaveLength(28);

    const synced = await runCli(['sync', '--site', siteId, '--json'], env);
    expect(synced.code, synced.stderr).toBe(0);
    expect(JSON.parse(synced.stdout)).toMatchObject({ run: { trigger: 'cli', outcome: 'succeeded' } });
    // No password reaches the output.
    for (const secret of [world.rm.password, world.sp.password]) expect(`${added.stdout}${synced.stdout}${synced.stderr}`).not.toContain(secret);
  }, 180_000);

  it('a missing keychain entry is a clear message, exit 2', async () => {
    const store = new KeyringSecretStore();
    const account = connectionAccount(connectionIds[1]!);
    const saved = await store.get(SECRET_SERVICE, account);
    await store.delete(SECRET_SERVICE, account);
    try {
      const result = await runCli(['sync', '--site', siteId], env);
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(/The password or token of "SmartPlus account" is not in the keychain/);
    } finally {
      await store.set(SECRET_SERVICE, account, saved!);
    }
  }, 60_000);

  it('an unreachable keychain is a clear message, exit 2', async () => {
    // A child process: the keychain library reads the bus address from the process's own environment.
    const result = await runCli(['run-due'], cliEnv({ DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/sitesync-no-bus' }), { process: true });
    expect(result.code, result.stdout).toBe(2);
    expect(result.stderr).toMatch(/The system keychain is not available/);
    expect(result.stderr).not.toMatch(/--help/);
  }, 60_000);
});
