import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';

const root = path.resolve(import.meta.dirname, '../..');

/** Starts `npm run preview -- --no-build` and resolves with the address it prints. */
async function startPreview(home: string): Promise<{ child: ChildProcess; address: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/preview.ts', '--no-build'], {
    cwd: root,
    // Playwright's own loader options (NODE_OPTIONS) must not reach the preview's tsx.
    env: { ...withoutNodeOptions(process.env), SITESYNC_HOME: home },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const address = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`preview printed no address:\n${output}`)), 30_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /http:\/\/127\.0\.0\.1:\d+\/index\.html\?token=[0-9a-f]+/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[0]);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => reject(new Error(`preview exited with ${code}:\n${output}`)));
  });
  return { child, address };
}

test.describe('npm run preview', () => {
  test('serves the real app to a plain browser, and nothing without the token', async ({ page }) => {
    const home = fs.mkdtempSync(path.join(os.tmpdir(), 'sitesync-preview-'));
    const { child, address } = await startPreview(home);
    try {
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      await page.goto(address);
      await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
      await expect(page.getByRole('heading', { level: 1, name: 'Overview' })).toBeVisible();
      // A real call through the bridge: the sandbox connection is listed by main.
      await page.getByRole('button', { name: /Connections/ }).click();
      await expect(page.getByRole('heading', { level: 1, name: 'Connections' })).toBeVisible();
      await expect(page.getByText('Sandbox', { exact: true }).first()).toBeVisible();
      expect(errors).toEqual([]);

      const noToken = await page.request.get(address.replace(/\?token=.*$/, ''));
      expect(noToken.status()).toBe(403);
      const wrongToken = await page.request.get(address.replace(/token=[0-9a-f]+/, 'token=00'));
      expect(wrongToken.status()).toBe(403);
      expect(fs.existsSync(path.join(home, 'sitesync.db'))).toBe(true);
    } finally {
      child.kill('SIGTERM');
      await new Promise((resolve) => child.once('exit', resolve));
      fs.rmSync(home, { recursive: true, force: true });
    }
  });
});

function withoutNodeOptions(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const copy = { ...env };
  delete copy.NODE_OPTIONS;
  return copy;
}
