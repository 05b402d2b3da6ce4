import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { _electron as electron, expect, test } from '@playwright/test';

const root = path.resolve(import.meta.dirname, '../..');

/** The Electron binary, or null where none was installed (this machine cannot download it). */
function electronBinary(): string | null {
  try {
    const binary = createRequire(import.meta.url)('electron') as unknown as string;
    return typeof binary === 'string' && fs.existsSync(binary) ? binary : null;
  } catch {
    return null;
  }
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
        const p = w.webContents.getLastWebPreferences()!;
        return { sandbox: p.sandbox, contextIsolation: p.contextIsolation, nodeIntegration: p.nodeIntegration, url: w.webContents.getURL() };
      });
      expect(prefs).toEqual({ sandbox: true, contextIsolation: true, nodeIntegration: false, url: 'app://sitesync/index.html' });
      const page = await window.evaluate(() => ({
        require: typeof (globalThis as { require?: unknown }).require,
        process: typeof (globalThis as { process?: unknown }).process,
        bridge: Object.keys((window as unknown as { bridge: object }).bridge).sort(),
      }));
      expect(page).toEqual({ require: 'undefined', process: 'undefined', bridge: ['invoke', 'on'] });
    } finally {
      await app.close();
      fs.rmSync(userData, { recursive: true, force: true });
    }
  });
});
