import type { SecretStore } from './secret-store';

/**
 * A {@link SecretStore} that lives as long as the process: nothing reaches the OS keychain or
 * the disk. The CLI gives it to its database, whose PIN key need not persist (the CLI stores
 * no PINs, only the journal and run history); tests use it where the keychain is not the subject.
 */
export class EphemeralSecretStore implements SecretStore {
  private readonly items = new Map<string, string>();

  /** How many secrets are held (tests). */
  get size(): number {
    return this.items.size;
  }

  async get(service: string, account: string): Promise<string | null> {
    return this.items.get(key(service, account)) ?? null;
  }

  async set(service: string, account: string, secret: string): Promise<void> {
    this.items.set(key(service, account), secret);
  }

  async delete(service: string, account: string): Promise<boolean> {
    return this.items.delete(key(service, account));
  }
}

function key(service: string, account: string): string {
  return `${service}\u0000${account}`;
}
