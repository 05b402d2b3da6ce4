import { describe, expect, it } from 'vitest';
import { AppError } from '../../../src-shared/errors';
import { openLocalDb } from '../../../src-main/db/local-db';
import { type SecretStore } from '../../../src-main/secrets/secret-store';
import { EphemeralSecretStore } from '../../../src-main/secrets/ephemeral-secret-store';
import { community } from './fixtures';

/** A keychain that comes up only when told to (a user starting gnome-keyring while the app runs). */
function flakyKeychain(): SecretStore & { up: boolean } {
  const inner = new EphemeralSecretStore();
  const gate = <T>(call: () => Promise<T>) => (store.up ? call() : Promise.reject(new AppError('KEYCHAIN_UNAVAILABLE', 'no Secret Service')));
  const store = {
    up: false,
    get: (s: string, a: string) => gate(() => inner.get(s, a)),
    set: (s: string, a: string, v: string) => gate(() => inner.set(s, a, v)),
    delete: (s: string, a: string) => gate(() => inner.delete(s, a)),
  };
  return store;
}

describe('the local database without a keychain', () => {
  it('opens and browses, refuses to store or reveal PINs, and recovers when the keychain appears', async () => {
    const keychain = flakyKeychain();
    const local = await openLocalDb(':memory:', keychain);
    local.sites.create({ id: 'site-1', name: 'Maple Court', customerId: null, connectionId: null, propertyId: 12 });
    local.siteState.saveSiteState('site-1', community(3), '2026-11-27T07:00:00Z');
    expect(local.apartments.listApartments({ siteId: 'site-1' }).total).toBe(3);

    const withPins = community(3);
    withPins.residents[1]!.pin = '2468';
    expect(() => local.siteState.saveSiteState('site-1', withPins, '2026-11-28T07:00:00Z')).toThrow(
      expect.objectContaining({ code: 'KEYCHAIN_UNAVAILABLE', message: expect.stringMatching(/gnome-keyring|keychain/i) }),
    );
    expect(local.apartments.listApartments({ siteId: 'site-1' }).asOf).toBe('2026-11-27T07:00:00Z');
    expect(await local.ensurePinKey()).toBe(false);

    keychain.up = true;
    expect(await local.ensurePinKey()).toBe(true);
    local.siteState.saveSiteState('site-1', withPins, '2026-11-28T07:00:00Z');
    expect(local.siteState.revealPin(withPins.residents[1]!.id)).toBe('2468');
  });
});
