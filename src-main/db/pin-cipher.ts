import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { AppError } from '../../src-shared/errors';
import { DB_PIN_KEY_ACCOUNT, SECRET_SERVICE, type SecretStore } from '../secrets/secret-store';

const VERSION = 1;
const IV_BYTES = 12;
const TAG_BYTES = 16;

/**
 * Encrypts door PINs for the local database with AES-256-GCM. Each value gets a fresh IV and
 * is bound (as associated data) to the row it belongs to, so ciphertext copied onto another
 * resident does not decrypt. Layout: version byte | IV (12) | tag (16) | ciphertext.
 */
export class PinCipher {
  private readonly key: Buffer;

  constructor(key: Buffer) {
    if (key.length !== 32) throw new Error('the PIN key must be 32 bytes');
    this.key = key;
  }

  /** Encrypts `pin` for the row identified by `rowId`. */
  encrypt(pin: string, rowId: string): Buffer {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    cipher.setAAD(Buffer.from(rowId, 'utf8'));
    const body = Buffer.concat([cipher.update(pin, 'utf8'), cipher.final()]);
    return Buffer.concat([Buffer.from([VERSION]), iv, cipher.getAuthTag(), body]);
  }

  /** Decrypts a value written by {@link encrypt} for the same `rowId`; throws if it was tampered with. */
  decrypt(blob: Buffer, rowId: string): string {
    if (blob.length < 1 + IV_BYTES + TAG_BYTES || blob[0] !== VERSION) throw new Error('not a PIN ciphertext');
    const iv = blob.subarray(1, 1 + IV_BYTES);
    const tag = blob.subarray(1 + IV_BYTES, 1 + IV_BYTES + TAG_BYTES);
    const decipher = createDecipheriv('aes-256-gcm', this.key, iv);
    decipher.setAAD(Buffer.from(rowId, 'utf8'));
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(blob.subarray(1 + IV_BYTES + TAG_BYTES)), decipher.final()]).toString('utf8');
  }
}

/**
 * Loads the database's PIN key from the keychain (account `db-pin-key`), creating a random one
 * on first use. A key that is present but malformed is an error, never silently replaced: a
 * new key would make every stored PIN unreadable.
 */
export async function loadPinCipher(secrets: SecretStore): Promise<PinCipher> {
  const stored = await secrets.get(SECRET_SERVICE, DB_PIN_KEY_ACCOUNT);
  if (stored !== null) {
    const key = Buffer.from(stored, 'base64');
    if (key.length !== 32) throw new AppError('INTERNAL', 'The PIN encryption key in the keychain is damaged.');
    return new PinCipher(key);
  }
  const key = randomBytes(32);
  await secrets.set(SECRET_SERVICE, DB_PIN_KEY_ACCOUNT, key.toString('base64'));
  return new PinCipher(key);
}
