import { AsyncEntry, type EntryOptions } from '@napi-rs/keyring';
import { AppError } from '../../src-shared/errors';
import { keychainHint, keychainUnavailable } from './keychain-errors';
import { SECRET_SERVICE, type SecretStore } from './secret-store';

/**
 * On Linux, @napi-rs/keyring silently falls back from the Secret Service to the kernel keyring
 * (in memory, gone after a reboot). SiteSync pins the Secret Service so that a saved password
 * either lands in a real, persistent keychain or the save fails and says why.
 */
const ENTRY_OPTIONS: EntryOptions = { linux: { store: 'secret-service' } };

/**
 * The {@link SecretStore} on the OS keychain (macOS Keychain, Windows Credential Manager,
 * Secret Service on Linux). There is no plaintext fallback: every failure to reach the
 * keychain becomes KEYCHAIN_UNAVAILABLE.
 */
export class KeyringSecretStore implements SecretStore {
  async get(service: string, account: string): Promise<string | null> {
    return guard(async () => entry(service, account).getPassword());
  }

  async set(service: string, account: string, secret: string): Promise<void> {
    await guard(async () => entry(service, account).setPassword(secret));
  }

  async delete(service: string, account: string): Promise<boolean> {
    return guard(async () => entry(service, account).deleteCredential());
  }
}

/** The result of {@link checkKeychain}. */
export type KeychainStatus = { available: true } | { available: false; message: string };

/**
 * Probes the keychain by writing, reading back and deleting a throw-away entry, so that a
 * locked or missing Secret Service is found before the user types a password.
 */
export async function checkKeychain(store: SecretStore = new KeyringSecretStore()): Promise<KeychainStatus> {
  const account = `probe:${process.pid}:${Date.now()}`;
  const value = `probe-${Math.random().toString(36).slice(2)}`;
  try {
    await store.set(SECRET_SERVICE, account, value);
    const back = await store.get(SECRET_SERVICE, account);
    await store.delete(SECRET_SERVICE, account);
    if (back !== value) return { available: false, message: `The system keychain did not keep a test entry. ${keychainHint()}` };
    return { available: true };
  } catch (error) {
    const message = error instanceof AppError ? error.message : keychainUnavailable(error).message;
    return { available: false, message };
  }
}

function entry(service: string, account: string): AsyncEntry {
  return new AsyncEntry(service, account, ENTRY_OPTIONS);
}

// The constructor throws synchronously when the pinned store is unreachable; calls reject later.
async function guard<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    throw keychainUnavailable(error);
  }
}
