import { isAppError } from '../../src-shared/errors';
import type { SecretStore } from './secret-store';

/**
 * The app's {@link SecretStore}: the OS keychain, plus a few accounts held in memory for this
 * session only — the embedded sandbox's throw-away sign-ins, so the sandbox registers and
 * syncs even while the keychain is locked (issue 12). Nothing here is ever written to disk,
 * and no real connection's secret is held: `holdForSession` is called only by the sandbox.
 */
export class SessionOverlaySecretStore implements SecretStore {
  private readonly session = new Map<string, string>();

  constructor(private readonly keychain: SecretStore) {}

  /** Keeps `secret` in memory for this run of the app; it answers before the keychain. */
  holdForSession(service: string, account: string, secret: string): void {
    this.session.set(key(service, account), secret);
  }

  async get(service: string, account: string): Promise<string | null> {
    const held = this.session.get(key(service, account));
    return held ?? this.keychain.get(service, account);
  }

  /** Writes to the keychain (a held account's memory copy follows); a keychain failure still throws, so the caller decides. */
  async set(service: string, account: string, secret: string): Promise<void> {
    const k = key(service, account);
    if (this.session.has(k)) this.session.set(k, secret);
    await this.keychain.set(service, account, secret);
  }

  async delete(service: string, account: string): Promise<boolean> {
    const held = this.session.delete(key(service, account));
    try {
      return (await this.keychain.delete(service, account)) || held;
    } catch (error) {
      if (held && isAppError(error) && error.code === 'KEYCHAIN_UNAVAILABLE') return true;
      throw error;
    }
  }
}

function key(service: string, account: string): string {
  return `${service}\u0000${account}`;
}
