import { describe, expect, it } from 'vitest';
import { AppError } from '../../../src-shared/errors';
import { ConnectionStore } from '../../../src-main/features/connection-store';
import { connectionAccount, SECRET_SERVICE, type SecretStore } from '../../../src-main/secrets/secret-store';
import { EphemeralSecretStore } from '../../../src-main/secrets/ephemeral-secret-store';
import { dbWithSite } from '../db/fixtures';

const input = {
  kind: 'rentmanager' as const,
  label: 'Acme',
  companyCode: 'acme',
  locationId: 1,
  baseUrl: 'https://acme.api.rentmanager.com',
  authKind: 'api-user' as const,
  username: 'api',
  isSandbox: false,
};

/** A keychain that is not there (Linux without a Secret Service). */
const noKeychain: SecretStore = {
  get: () => Promise.reject(new AppError('KEYCHAIN_UNAVAILABLE', 'install gnome-keyring')),
  set: () => Promise.reject(new AppError('KEYCHAIN_UNAVAILABLE', 'install gnome-keyring')),
  delete: () => Promise.reject(new AppError('KEYCHAIN_UNAVAILABLE', 'install gnome-keyring')),
};

describe('ConnectionStore', () => {
  it('puts the secret in the keychain and only its status in the database', async () => {
    const local = await dbWithSite();
    const secrets = new EphemeralSecretStore();
    const service = new ConnectionStore(local.connections, secrets);
    const saved = await service.save({ ...input, secret: 'hunter2-canary' });
    expect(saved).toMatchObject({ status: 'configured', username: 'api' });
    expect(JSON.stringify(saved)).not.toContain('hunter2');
    expect(await secrets.get(SECRET_SERVICE, connectionAccount(saved.id))).toBe('hunter2-canary');
    expect(await service.secretFor(saved.id)).toBe('hunter2-canary');
    expect(JSON.stringify(local.db.prepare('SELECT * FROM connections').all())).not.toContain('hunter2');
  });

  it('keeps the stored secret when only settings change, and requires one for a new connection', async () => {
    const local = await dbWithSite();
    const service = new ConnectionStore(local.connections, new EphemeralSecretStore());
    await expect(service.save(input)).rejects.toMatchObject({ code: 'BAD_INPUT' });
    const saved = await service.save({ ...input, secret: 's3cret' });
    const renamed = await service.save({ ...input, id: saved.id, label: 'Acme HQ' });
    expect(renamed).toMatchObject({ label: 'Acme HQ', status: 'configured' });
    expect(await service.secretFor(saved.id)).toBe('s3cret');
  });

  it('fails with KEYCHAIN_UNAVAILABLE and saves nothing when no keychain is reachable', async () => {
    const local = await dbWithSite();
    const service = new ConnectionStore(local.connections, noKeychain);
    await expect(service.save({ ...input, secret: 'never-stored' })).rejects.toMatchObject({ code: 'KEYCHAIN_UNAVAILABLE' });
    expect(local.connections.list()).toEqual([]);
  });

  it('shows a secret that left the keychain as missing, a refused one as rejected, and removes both parts', async () => {
    const local = await dbWithSite();
    const secrets = new EphemeralSecretStore();
    const service = new ConnectionStore(local.connections, secrets);
    const a = await service.save({ ...input, secret: 'one' });
    const b = await service.save({ ...input, label: 'Beta', secret: 'two' });
    await secrets.delete(SECRET_SERVICE, connectionAccount(a.id));
    local.connections.setStatus(b.id, 'rejected'); // as the Connections service records a 401
    expect((await service.list()).map((c) => [c.label, c.status])).toEqual([
      ['Acme', 'missing'],
      ['Beta', 'rejected'],
    ]);
    expect(await service.remove(b.id)).toBe(true);
    expect(await service.secretFor(b.id)).toBeNull();
    expect(secrets.size).toBe(0);
  });
});
