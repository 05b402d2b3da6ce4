import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { loadPinCipher, PinCipher } from '../../../src-main/db/pin-cipher';
import { DB_PIN_KEY_ACCOUNT, SECRET_SERVICE } from '../../../src-main/secrets/secret-store';
import { EphemeralSecretStore } from '../../../src-main/secrets/ephemeral-secret-store';

describe('PinCipher', () => {
  const cipher = new PinCipher(randomBytes(32));

  it('round-trips a PIN and never yields the same ciphertext twice', () => {
    const a = cipher.encrypt('04711', 'res-1');
    const b = cipher.encrypt('04711', 'res-1');
    expect(a.equals(b)).toBe(false);
    expect(a.includes(Buffer.from('04711'))).toBe(false);
    expect(cipher.decrypt(a, 'res-1')).toBe('04711');
  });

  it('refuses ciphertext moved to another resident or tampered with', () => {
    const blob = cipher.encrypt('4242', 'res-1');
    expect(() => cipher.decrypt(blob, 'res-2')).toThrow();
    const tampered = Buffer.from(blob);
    tampered[tampered.length - 1]! ^= 1;
    expect(() => cipher.decrypt(tampered, 'res-1')).toThrow();
    expect(() => new PinCipher(randomBytes(32)).decrypt(blob, 'res-1')).toThrow();
  });
});

describe('loadPinCipher', () => {
  it('creates the key in the keychain once and reuses it', async () => {
    const secrets = new EphemeralSecretStore();
    const first = await loadPinCipher(secrets);
    const stored = await secrets.get(SECRET_SERVICE, DB_PIN_KEY_ACCOUNT);
    expect(Buffer.from(stored!, 'base64')).toHaveLength(32);
    const second = await loadPinCipher(secrets);
    expect(second.decrypt(first.encrypt('1357', 'r'), 'r')).toBe('1357');
    expect(await secrets.get(SECRET_SERVICE, DB_PIN_KEY_ACCOUNT)).toBe(stored);
  });

  it('does not replace a damaged key silently', async () => {
    const secrets = new EphemeralSecretStore();
    await secrets.set(SECRET_SERVICE, DB_PIN_KEY_ACCOUNT, 'c2hvcnQ=');
    await expect(loadPinCipher(secrets)).rejects.toMatchObject({ code: 'INTERNAL' });
    expect(await secrets.get(SECRET_SERVICE, DB_PIN_KEY_ACCOUNT)).toBe('c2hvcnQ=');
  });
});
