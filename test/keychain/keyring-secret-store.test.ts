import { execFileSync } from 'node:child_process';
import { AsyncEntry } from '@napi-rs/keyring';
import { afterAll, describe, expect, it } from 'vitest';
import { checkKeychain, KeyringSecretStore } from '../../src-main/secrets/keyring-secret-store';
import { connectionAccount } from '../../src-main/secrets/secret-store';

// Runs against the real OS keychain: `npm run test:keychain` (scripts/with-keyring.sh) gives it a
// private D-Bus session with an unlocked gnome-keyring on a headless Linux machine. The store is
// pinned to the Secret Service, and every write is checked from outside the library (secret-tool
// speaks to the Secret Service over D-Bus), so a silent fallback to the kernel keyring cannot pass.
const SERVICE = `SiteSyncTest-${process.pid}`;
const store = new KeyringSecretStore();
const accounts: string[] = [];

/** The secret as the Secret Service itself reports it (null when there is no such item). */
function secretToolLookup(account: string): string | null {
  try {
    return execFileSync('secret-tool', ['lookup', 'service', SERVICE, 'username', account], { encoding: 'utf8' });
  } catch {
    return null;
  }
}

function account(name: string): string {
  const a = connectionAccount(`${name}-${Date.now()}`);
  accounts.push(a);
  return a;
}

afterAll(async () => {
  for (const a of accounts) await store.delete(SERVICE, a).catch(() => undefined);
});

describe('KeyringSecretStore on the real Secret Service', () => {
  it('runs where a Secret Service is reachable (on Linux: a session bus is present)', () => {
    if (process.platform === 'linux') expect(process.env.DBUS_SESSION_BUS_ADDRESS).toBeTruthy();
  });

  it('reports the keychain as available', async () => {
    await expect(checkKeychain(store)).resolves.toEqual({ available: true });
  });

  it('stores a secret that the Secret Service itself holds and an independent entry reads', async () => {
    const a = account('rm');
    await store.set(SERVICE, a, 'canary-Pa55word!');
    expect(await store.get(SERVICE, a)).toBe('canary-Pa55word!');
    const independent = new AsyncEntry(SERVICE, a, { linux: { store: 'secret-service' } });
    expect(await independent.getPassword()).toBe('canary-Pa55word!');
    if (process.platform === 'linux') expect(secretToolLookup(a)).toBe('canary-Pa55word!');
  });

  it('replaces a secret and keeps accounts apart', async () => {
    const a = account('one');
    const b = account('two');
    await store.set(SERVICE, a, 'first');
    await store.set(SERVICE, b, 'other');
    await store.set(SERVICE, a, 'second');
    expect(await store.get(SERVICE, a)).toBe('second');
    expect(await store.get(SERVICE, b)).toBe('other');
  });

  it('returns null for a missing secret and deletes for real', async () => {
    const a = account('gone');
    expect(await store.get(SERVICE, a)).toBeNull();
    await store.set(SERVICE, a, 'temporary');
    expect(await store.delete(SERVICE, a)).toBe(true);
    expect(await store.delete(SERVICE, a)).toBe(false);
    expect(await store.get(SERVICE, a)).toBeNull();
    if (process.platform === 'linux') expect(secretToolLookup(a)).toBeNull();
  });

  it('keeps unicode and long secrets intact', async () => {
    const a = account('long');
    const secret = `ключ-🔑-${'x'.repeat(2000)}`;
    await store.set(SERVICE, a, secret);
    expect(await store.get(SERVICE, a)).toBe(secret);
  });

  it.runIf(process.platform === 'linux')('fails with KEYCHAIN_UNAVAILABLE, saying what to start, when no bus is reachable', () => {
    // The native binding keeps its D-Bus connection for the process: try from a fresh child.
    const script = [
      "import { KeyringSecretStore, checkKeychain } from './src-main/secrets/keyring-secret-store.ts';",
      'const error = await new KeyringSecretStore().set("SiteSyncTest", "nobus", "never-stored").catch((e) => e);',
      'const status = await checkKeychain();',
      'console.log(JSON.stringify({ code: error?.code, message: error?.message, status }));',
    ].join('\n');
    const out = execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      encoding: 'utf8',
      env: { ...process.env, DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/sitesync-no-bus' },
    });
    const result = JSON.parse(out.trim().split('\n').pop() ?? '{}') as {
      code: string;
      message: string;
      status: { available: boolean };
    };
    expect(result.code).toBe('KEYCHAIN_UNAVAILABLE');
    expect(result.message).toMatch(/gnome-keyring/);
    expect(result.message).toMatch(/unlocked/);
    expect(result.status.available).toBe(false);
  });
});
