import { randomUUID } from 'node:crypto';
import type { ConnectionSettings, ConnectionSummary } from '../../src-shared/domain/connection';
import { AppError } from '../../src-shared/errors';
import type { ConnectionsRepo } from '../db/repositories/connections-repo';
import { connectionAccount, SECRET_SERVICE, type SecretStore } from '../secrets/secret-store';
import { assertSecretReusable, bindingOf } from './secret-reuse';

/** A connection to save: its settings, and its secret when the user typed one (absent = keep the stored one). */
export type SaveConnectionInput = Omit<ConnectionSettings, 'id'> & { id?: string; secret?: string };

/**
 * Connections: settings in the database, the secret (password or partner token) only in the
 * keychain, one account per connection. Secrets come in through `save` and leave only through
 * `secretFor`, which the main-process API clients call; nothing returned to a screen has one.
 */
export class ConnectionStore {
  constructor(
    private readonly repo: ConnectionsRepo,
    private readonly secrets: SecretStore,
  ) {}

  /**
   * Saves a connection. The secret goes to the keychain first: when no keychain is reachable
   * this fails with KEYCHAIN_UNAVAILABLE and nothing is saved (there is no plaintext fallback).
   */
  async save(input: SaveConnectionInput): Promise<ConnectionSummary> {
    const { secret, ...settings } = input;
    const id = settings.id ?? randomUUID();
    const existing = settings.id ? this.repo.get(settings.id) : null;
    if (secret === undefined && !existing) {
      throw new AppError('BAD_INPUT', 'Enter the password or token for this connection.');
    }
    // The saved secret stays bound to where it was saved: re-pointing a connection needs it typed again.
    if (secret === undefined && existing) assertSecretReusable(bindingOf(existing), bindingOf(settings), existing.authKind === 'partner-token' ? 'partner token' : 'password');
    if (secret !== undefined) {
      if (secret.length === 0) throw new AppError('BAD_INPUT', 'The password or token is empty.');
      await this.secrets.set(SECRET_SERVICE, connectionAccount(id), secret);
    }
    this.repo.save({ ...settings, id });
    if (secret !== undefined) this.repo.setStatus(id, 'configured');
    return this.repo.get(id)!;
  }

  /** Every connection as screens show it. A `configured` one whose keychain entry has gone shows as `missing`. */
  async list(): Promise<ConnectionSummary[]> {
    const out: ConnectionSummary[] = [];
    for (const c of this.repo.list()) {
      if (c.status === 'configured' && (await this.secrets.get(SECRET_SERVICE, connectionAccount(c.id))) === null) {
        this.repo.setStatus(c.id, 'missing');
        out.push(this.repo.get(c.id)!);
      } else {
        out.push(c);
      }
    }
    return out;
  }

  /** The connection's secret, for the main-process API clients only. */
  async secretFor(id: string): Promise<string | null> {
    return this.secrets.get(SECRET_SERVICE, connectionAccount(id));
  }

  /** Removes a connection and its keychain entry. */
  async remove(id: string): Promise<boolean> {
    await this.secrets.delete(SECRET_SERVICE, connectionAccount(id));
    return this.repo.delete(id);
  }
}
