// Child-process fixture for the real-keychain start-up case: run inside a private D-Bus session
// whose gnome-keyring login collection the test has just locked (no prompter: an unlock is
// "dismissed"). Starts the app over the real OS keychain store and prints what it saw as JSON.
import { KeyringSecretStore } from '../../../src-main/secrets/keyring-secret-store';
import { startOn, userDataDir, value } from './startup-rig';

const rig = await startOn(userDataDir(), { secrets: new KeyringSecretStore(), sandbox: 'auto' });
const out: Record<string, unknown> = { ok: rig.result.ok, fatal: rig.fatal };
if (rig.result.ok) {
  out.notices = value<{ notices: Array<{ kind: string; nextStep: string }> }>(await rig.call('app.getStartupNotices')).notices;
  out.sandboxSignIn = value<{ ok: boolean }>(await rig.call('connections.test', { id: 'sandbox-rentmanager' })).ok;
  out.pinsReady = rig.result.services.ctx.db.siteState.canHandlePins;
  await rig.stop();
}
// Exit even when a failed start left servers running (the app quits the same way after its error dialog).
process.stdout.write(JSON.stringify(out), () => process.exit(0));
