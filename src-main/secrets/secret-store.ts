/**
 * Where SiteSync keeps secrets (connection passwords and tokens, the database's PIN key):
 * the OS keychain in the app (`keyring-secret-store.ts`); `ephemeral-secret-store.ts` for what
 * must not outlive the process (the CLI's database key, tests). Secrets go in and are read only in the main
 * process; nothing here ever writes one to disk, a log or the database.
 */
export interface SecretStore {
  /** The secret stored under `service`/`account`, or null when there is none. */
  get(service: string, account: string): Promise<string | null>;
  /** Stores (or replaces) a secret. Throws KEYCHAIN_UNAVAILABLE when no keychain is reachable. */
  set(service: string, account: string, secret: string): Promise<void>;
  /** Removes a secret; resolves true when one was there. */
  delete(service: string, account: string): Promise<boolean>;
}

/** The keychain service name every SiteSync secret is filed under. */
export const SECRET_SERVICE = 'SiteSync';

/** The keychain account of the database's PIN encryption key. */
export const DB_PIN_KEY_ACCOUNT = 'db-pin-key';

/** The keychain account holding one connection's secret (password or partner token). */
export function connectionAccount(connectionId: string): string {
  return `connection:${connectionId}`;
}
