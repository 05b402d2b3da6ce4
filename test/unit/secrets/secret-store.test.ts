import { describe, expect, it } from 'vitest';
import { keychainHint, keychainUnavailable } from '../../../src-main/secrets/keychain-errors';
import { connectionAccount, SECRET_SERVICE } from '../../../src-main/secrets/secret-store';
import { EphemeralSecretStore } from '../../../src-main/secrets/ephemeral-secret-store';

describe('EphemeralSecretStore', () => {
  it('gets, replaces and deletes secrets per service and account', async () => {
    const store = new EphemeralSecretStore();
    expect(await store.get(SECRET_SERVICE, 'a')).toBeNull();
    await store.set(SECRET_SERVICE, 'a', 'one');
    await store.set(SECRET_SERVICE, 'a', 'two');
    await store.set('Other', 'a', 'elsewhere');
    expect(await store.get(SECRET_SERVICE, 'a')).toBe('two');
    expect(await store.get('Other', 'a')).toBe('elsewhere');
    expect(await store.delete(SECRET_SERVICE, 'a')).toBe(true);
    expect(await store.delete(SECRET_SERVICE, 'a')).toBe(false);
    expect(store.size).toBe(1);
  });
});

describe('keychain naming and errors', () => {
  it('files one account per connection under the SiteSync service', () => {
    expect(SECRET_SERVICE).toBe('SiteSync');
    expect(connectionAccount('c1')).toBe('connection:c1');
    expect(connectionAccount('c1')).not.toBe(connectionAccount('c2'));
  });

  it('says what to install or start on Linux', () => {
    expect(keychainHint('linux')).toMatch(/gnome-keyring/);
    expect(keychainHint('linux')).toMatch(/Secret Service/);
    expect(keychainHint('linux')).toMatch(/unlocked/);
    expect(keychainHint('darwin')).toMatch(/Keychain/);
    expect(keychainHint('win32')).toMatch(/Credential Manager/);
  });

  it('wraps a native failure as a retryable KEYCHAIN_UNAVAILABLE error keeping the cause', () => {
    const cause = new Error('Platform failure: DBus error');
    const error = keychainUnavailable(cause);
    expect(error.code).toBe('KEYCHAIN_UNAVAILABLE');
    expect(error.retryable).toBe(true);
    expect(error.cause).toBe(cause);
    expect(error.toShape()).not.toHaveProperty('cause');
  });
});
