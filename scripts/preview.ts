// `npm run preview`: see SiteSync where Electron cannot start (no Electron binary, locked-down
// networks, CI). Starts the real main-process services with the embedded sandbox and serves the
// real renderer over the loopback bridge the E2E tests use, on 127.0.0.1 with a random token in
// the printed address. A development tool only: it is not part of the packaged app.
//
//   npm run preview                 # build the renderer, start, print the address
//   npm run preview -- --no-build   # reuse .vite/renderer/main_window
//   SITESYNC_HOME=/tmp/x npm run preview   # keep the preview's data elsewhere (default .preview-data/)
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { createAppServices } from '../src-main/composition/create-app-services';
import { createLogger, rotatingFileSink } from '../src-main/logging/logger';
import { KeyringSecretStore } from '../src-main/secrets/keyring-secret-store';
import { MemorySecretStore, type SecretStore } from '../src-main/secrets/secret-store';
import { JsonFilePreferencesStore } from '../src-main/services/preferences';
import { startTestBridge } from '../test/e2e/bridge/test-bridge';

const root = path.resolve(import.meta.dirname, '..');
const rendererDir = path.join(root, '.vite/renderer/main_window');
const home = path.resolve(process.env.SITESYNC_HOME ?? path.join(root, '.preview-data'));

/** The OS keychain when one answers; otherwise memory, said plainly (secrets then last until the preview stops). */
async function chooseSecrets(): Promise<SecretStore> {
  const keyring = new KeyringSecretStore();
  try {
    await keyring.get('SiteSync', 'preview-probe');
    return keyring;
  } catch {
    console.warn('preview: no OS keychain answered; connection secrets are kept in memory until the preview stops.');
    return new MemorySecretStore();
  }
}

async function main(): Promise<void> {
  if (!process.argv.includes('--no-build') || !fs.existsSync(path.join(rendererDir, 'index.html'))) {
    console.log('preview: building the renderer…');
    execFileSync(process.execPath, [path.join(root, 'node_modules/vite/bin/vite.js'), 'build', '--config', 'vite.renderer.config.ts', '--logLevel', 'warn'], {
      cwd: root,
      stdio: 'inherit',
    });
  }
  fs.mkdirSync(home, { recursive: true, mode: 0o700 });
  const sink = rotatingFileSink(path.join(home, 'logs'));
  const log = createLogger(sink, { level: 'info', scope: 'preview' });
  const services = await createAppServices({
    userDataDir: home,
    appVersion: `${JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')).version}-preview`,
    platform: process.platform,
    log,
    secrets: await chooseSecrets(),
    preferences: new JsonFilePreferencesStore(path.join(home, 'preferences.json'), log),
  });
  const bridge = await startTestBridge({ rendererDir, handlers: services.handlers, events: services.events, servePageScript: true });
  const address = `${bridge.url}?token=${bridge.token}`;
  console.log(`preview: SiteSync is at\n\n  ${address}\n\nOpen it in Chromium or Chrome (for example: chromium --app='${address}').`);
  console.log(`preview: data in ${home}, log in ${sink.file}. Ctrl+C stops.`);
  const stop = async () => {
    await bridge.close();
    await services.stop();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
}

main().catch((error: unknown) => {
  console.error(`preview: could not start: ${(error as Error).message}`);
  process.exit(1);
});
