import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { StartupNotice } from '../../src-shared/ipc/contract/app';
import { FakeClock } from '../unit/scheduler/fake-clock';
import { LockableKeychain, startOn, type StartedRig, userDataDir, value } from './helpers/startup-rig';

// Issue 12, "startup never dies silently": with the keychain locked or missing the app opens in a
// "keychain locked" state that says how to unlock it on this OS and retries — by itself and on the
// banner's button — and the sandbox registers without the keychain. Before, the sandbox's
// secrets.set threw and start() rejected: no window, no tray, no message.

let rig: StartedRig | null = null;
afterEach(async () => {
  await rig?.stop();
  rig = null;
});

const notices = async (r: StartedRig) => value<{ notices: StartupNotice[] }>(await r.call('app.getStartupNotices')).notices;
const services = (r: StartedRig) => {
  if (!r.result.ok) throw new Error('not started');
  return r.result.services;
};

/** Every file under `dir`, read as text (to prove no secret was written anywhere). */
function allFileText(dir: string): string {
  return fs.readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => fs.readFileSync(path.join(e.parentPath, e.name)).toString('latin1'))
    .join('\n');
}

describe('a locked keychain opens the app in the "keychain locked" state', () => {
  it('starts with the sandbox registered, a notice that says how to unlock it, and browsing works', async () => {
    const keychain = new LockableKeychain();
    rig = await startOn(userDataDir(), { secrets: keychain, sandbox: 'auto' });
    expect(rig.result.ok).toBe(true);
    expect(rig.fatal).toEqual([]);
    const [notice] = await notices(rig);
    expect(notice).toMatchObject({ kind: 'keychain-locked', dismissible: false, keptFile: null, title: 'The system keychain is locked' });
    expect(notice!.nextStep).toMatch(/gnome-keyring|Secret Service/);
    expect(notice!.nextStep).toMatch(/keeps trying by itself/);
    // The sandbox registered without the keychain, and its sign-ins work from memory this session.
    const connections = value<Array<{ id: string; status: string }>>(await rig.call('connections.list'));
    expect(connections.map((c) => [c.id, c.status]).sort()).toEqual([['sandbox-rentmanager', 'configured'], ['sandbox-smartplus', 'configured']]);
    expect(value<{ ok: boolean }>(await rig.call('connections.test', { id: 'sandbox-rentmanager' })).ok).toBe(true);
    expect(value<{ ok: boolean }>(await rig.call('connections.test', { id: 'sandbox-smartplus' })).ok).toBe(true);
    expect(value(await rig.call('sites.list'))).toEqual([]);
    expect(keychain.size).toBe(0);
  });

  it.each([
    ['darwin', /Keychain Access/],
    ['win32', /Credential Manager/],
    ['linux', /gnome-keyring-daemon --unlock/],
  ])('on %s the notice says how to unlock that OS’s keychain', async (platform, hint) => {
    rig = await startOn(userDataDir(), { secrets: new LockableKeychain(), platform });
    expect((await notices(rig))[0]!.nextStep).toMatch(hint);
  });

  it('the notice cannot be dismissed while the keychain is locked (it is a state, not news)', async () => {
    rig = await startOn(userDataDir(), { secrets: new LockableKeychain() });
    const [notice] = await notices(rig);
    await rig.call('app.dismissStartupNotice', { id: notice!.id });
    expect((await notices(rig)).map((n) => n.kind)).toEqual(['keychain-locked']);
  });

  it('"Try again" while still locked: still locked, the notice stays', async () => {
    rig = await startOn(userDataDir(), { secrets: new LockableKeychain() });
    const answer = value<{ unlocked: boolean; notices: StartupNotice[] }>(await rig.call('app.retryKeychain'));
    expect(answer.unlocked).toBe(false);
    expect(answer.notices.map((n) => n.kind)).toEqual(['keychain-locked']);
  });

  it('"Try again" after unlocking: the notice goes, the renderer is told, PINs work again', async () => {
    const keychain = new LockableKeychain();
    rig = await startOn(userDataDir(), { secrets: keychain });
    expect(services(rig).ctx.db.siteState.canHandlePins).toBe(false);
    keychain.locked = false;
    const answer = value<{ unlocked: boolean; notices: StartupNotice[] }>(await rig.call('app.retryKeychain'));
    expect(answer).toEqual({ unlocked: true, notices: [] });
    expect(rig.events).toContainEqual({ event: 'app.startupNoticesChanged', payload: { notices: [] } });
    expect(services(rig).ctx.db.siteState.canHandlePins).toBe(true);
    expect(keychain.size).toBe(1);
  });

  it('SiteSync retries by itself (30 s, then twice as long each time) and clears the notice once the keychain answers', async () => {
    const keychain = new LockableKeychain();
    const clock = new FakeClock('2026-12-02T15:30:00.000Z');
    rig = await startOn(userDataDir(), { secrets: keychain, clock });
    const callsAtStart = keychain.calls;
    await clock.advance(29_999);
    expect(keychain.calls).toBe(callsAtStart);
    await clock.advance(1);
    expect(keychain.calls).toBe(callsAtStart + 1);
    expect((await notices(rig)).map((n) => n.kind)).toEqual(['keychain-locked']);
    // The next try waits 60 s, not 30 (a keychain that prompts to unlock is not asked every half minute all day).
    await clock.advance(59_999);
    expect(keychain.calls).toBe(callsAtStart + 1);
    keychain.locked = false;
    await clock.advance(1);
    expect(await notices(rig)).toEqual([]);
    expect(services(rig).ctx.db.siteState.canHandlePins).toBe(true);
    // Unlocked: no more retries pending.
    const calls = keychain.calls;
    await clock.advance(120_000);
    expect(keychain.calls).toBe(calls);
  });

  it('no plaintext fallback: a real connection’s password is refused with KEYCHAIN_UNAVAILABLE and written nowhere', async () => {
    const dir = userDataDir();
    rig = await startOn(dir, { secrets: new LockableKeychain() });
    const password = 'Canary-Pa55word-7731';
    const saved = await rig.call('connections.saveRentManager', {
      companyCode: 'acme', signIn: { kind: 'api-user', username: 'installer', password }, label: 'Acme', locationId: 1,
    });
    expect(saved.ok).toBe(false);
    expect(!saved.ok && saved.error.code).toBe('KEYCHAIN_UNAVAILABLE');
    await rig.stop();
    rig = null;
    expect(allFileText(dir)).not.toContain(password);
  });

  it('an unlocked keychain: no notice at all', async () => {
    const keychain = new LockableKeychain();
    keychain.locked = false;
    rig = await startOn(userDataDir(), { secrets: keychain });
    expect(await notices(rig)).toEqual([]);
  });
});

describe('the real OS keychain, locked', () => {
  // A private D-Bus session with gnome-keyring (scripts/with-keyring.sh), its login collection then
  // locked over D-Bus; with no prompter there, every read is refused as a locked desktop keyring is.
  const root = path.resolve(import.meta.dirname, '../..');
  const canRun = process.platform === 'linux' && ['dbus-run-session', 'gnome-keyring-daemon', 'gdbus'].every((c) => spawnSync('sh', ['-c', `command -v ${c}`]).status === 0);
  it.skipIf(!canRun)('a locked Secret Service: the app starts "keychain locked", the sandbox signs in, PINs wait', () => {
    const lock = "gdbus call --session --dest org.freedesktop.secrets --object-path /org/freedesktop/secrets --method org.freedesktop.Secret.Service.Lock \"['/org/freedesktop/secrets/collection/login']\" >/dev/null";
    const env = { ...process.env };
    delete env.DBUS_SESSION_BUS_ADDRESS;
    const child = spawnSync(
      'bash',
      [path.join(root, 'scripts/with-keyring.sh'), 'bash', '-c', `${lock} && exec "$0" --import tsx "$1"`, process.execPath, path.join(root, 'test/safety/helpers/start-on-locked-keychain.ts')],
      { cwd: root, env, encoding: 'utf8', timeout: 120_000 },
    );
    const out = JSON.parse(child.stdout) as { ok: boolean; notices: Array<{ kind: string; nextStep: string }>; sandboxSignIn: boolean; pinsReady: boolean };
    expect(out).toMatchObject({ ok: true, sandboxSignIn: true, pinsReady: false });
    expect(out.notices.map((n) => n.kind)).toEqual(['keychain-locked']);
  }, 120_000);
});
