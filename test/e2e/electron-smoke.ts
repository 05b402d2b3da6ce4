import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { _electron as electron, expect, test } from '@playwright/test';

const root = path.resolve(import.meta.dirname, '../..');

/**
 * The Electron binary, or null where none was installed. Read from the electron package's
 * files (path.txt + dist/) rather than by `require('electron')`, which would try to download it.
 */
function electronBinary(): string | null {
  const pkg = path.dirname(createRequire(import.meta.url).resolve('electron/package.json'));
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  const pathFile = path.join(pkg, 'path.txt');
  const name = fs.existsSync(pathFile) ? fs.readFileSync(pathFile, 'utf8').trim() : 'electron';
  const binary = path.join(override ?? path.join(pkg, 'dist'), name);
  return fs.existsSync(binary) ? binary : null;
}

const binary = electronBinary();
if (!binary) console.log('electron smoke: skipped: no Electron binary');

test.describe('Electron smoke', () => {
  test.skip(!binary, 'skipped: no Electron binary');

  test('the bundled app opens a sandboxed, context-isolated window with only the bridge exposed', async () => {
    const userData = fs.mkdtempSync(path.join(os.tmpdir(), 'sitesync-electron-'));
    const app = await electron.launch({
      executablePath: binary!,
      args: [path.join(root, '.vite/build/main.cjs'), `--user-data-dir=${userData}`],
      cwd: root,
    });
    try {
      const window = await app.firstWindow();
      await expect(window.getByRole('navigation', { name: 'Main' })).toBeVisible();
      const prefs = await app.evaluate(({ BrowserWindow }) => {
        const w = BrowserWindow.getAllWindows()[0]!;
        // Undocumented and absent from Electron's typings, but present in every Electron this app
        // supports; if a version drops it, p is null and the expectation below fails loudly.
        const read = (w.webContents as unknown as { getLastWebPreferences?: () => Record<string, unknown> | null }).getLastWebPreferences;
        const p = read?.call(w.webContents) ?? null;
        return { url: w.webContents.getURL(), prefs: p && { sandbox: p.sandbox, contextIsolation: p.contextIsolation, nodeIntegration: p.nodeIntegration } };
      });
      expect(prefs.url).toBe('app://sitesync/index.html');
      expect(prefs.prefs).toEqual({ sandbox: true, contextIsolation: true, nodeIntegration: false });
      const page = await window.evaluate(() => ({
        require: typeof (globalThis as { require?: unknown }).require,
        process: typeof (globalThis as { process?: unknown }).process,
        bridge: Object.keys((window as unknown as { bridge: object }).bridge).sort(),
      }));
      // contextBridge works only with context isolation on; no require/process means no Node in the page.
      expect(page).toEqual({ require: 'undefined', process: 'undefined', bridge: ['invoke', 'on'] });
    } finally {
      await app.close();
      fs.rmSync(userData, { recursive: true, force: true });
    }
  });
});
