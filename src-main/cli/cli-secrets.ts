import { KeyringSecretStore } from '../secrets/keyring-secret-store';
import type { SecretStore } from '../secrets/secret-store';

/**
 * The CLI's secrets: the OS keychain, as the app's (spec §13: the same state). The database's PIN
 * key lives there, so the PINs a run's journal keeps (encrypted) can be restored by a later
 * `undo --run`. With no keychain reachable the database opens without the key: runs are still
 * recorded, their PINs are not kept, and an undo says it cannot restore them (never a plaintext key).
 */
export function cliSecrets(): SecretStore {
  return new KeyringSecretStore();
}
