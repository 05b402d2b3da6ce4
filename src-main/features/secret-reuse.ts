import type { AuthKind, ConnectionSettings } from '../../src-shared/domain/connection';
import { AppError } from '../../src-shared/errors';

/**
 * Where a saved password or token was saved for: the server, the company, the location and the
 * user. A saved secret may be reused (a form left blank means "keep the saved one") only for
 * this very place; anything else must be typed again, so a compromised renderer cannot point a
 * saved connection at another server and have main send the secret there (issue 12).
 */
export interface SecretBinding {
  readonly authKind: AuthKind;
  readonly baseUrl: string;
  readonly companyCode: string | null;
  readonly locationId: number | null;
  readonly username: string | null;
}

/** The binding of a saved connection's secret. */
export function bindingOf(connection: Pick<ConnectionSettings, 'authKind' | 'baseUrl' | 'companyCode' | 'locationId' | 'username'>): SecretBinding {
  return {
    authKind: connection.authKind,
    baseUrl: connection.baseUrl,
    companyCode: connection.companyCode,
    locationId: connection.locationId,
    username: connection.username,
  };
}

/** A URL compared as the client would send to it: parsed (host lower case, default port dropped), no trailing slashes. */
function canonicalUrl(raw: string): string {
  try {
    return new URL(raw).href.replace(/\/+$/, '');
  } catch {
    return `invalid:${raw}`;
  }
}

/** Which parts of `requested` differ from `saved` (empty: the saved secret may be reused). */
export function bindingChanges(saved: SecretBinding, requested: SecretBinding): string[] {
  const changes: string[] = [];
  if (saved.authKind !== requested.authKind) changes.push('sign-in method');
  if (canonicalUrl(saved.baseUrl) !== canonicalUrl(requested.baseUrl)) changes.push('server address');
  if ((saved.companyCode ?? '').toLowerCase() !== (requested.companyCode ?? '').toLowerCase()) changes.push('company code');
  if (saved.locationId !== requested.locationId) changes.push('location');
  if ((saved.username ?? '') !== (requested.username ?? '')) changes.push('user name');
  return changes;
}

/** True when a secret saved for `saved` may be used for `requested`. */
export function maySecretBeReused(saved: SecretBinding, requested: SecretBinding): boolean {
  return bindingChanges(saved, requested).length === 0;
}

/**
 * Throws BAD_INPUT naming what changed when the saved secret may not be reused for `requested`.
 * `what` is "password" or "partner token", for the sentence.
 */
export function assertSecretReusable(saved: SecretBinding, requested: SecretBinding, what: string): void {
  const changes = bindingChanges(saved, requested);
  if (changes.length === 0) return;
  throw new AppError('BAD_INPUT', `Enter the ${what} again: the ${changes.join(', ')} changed, and a saved ${what} is only used where it was saved.`, {
    details: { changed: changes, nextStep: `Type the ${what} for the new settings.` },
  });
}
