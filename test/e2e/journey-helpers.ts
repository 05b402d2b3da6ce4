import fs from 'node:fs';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
import { expect, screenshot } from './fixtures';

/** Presses Tab until `target` has focus (keyboard only); fails after `max` presses. */
export async function tabTo(page: Page, target: Locator, max = 60): Promise<void> {
  for (let i = 0; i < max; i++) {
    if (await target.evaluate((el) => el === document.activeElement).catch(() => false)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`could not reach ${target.toString()} with Tab`);
}

/** Runs axe-core and fails on any serious or critical violation (listing them). */
export async function expectAccessible(page: Page, where: string): Promise<void> {
  const result = await new AxeBuilder({ page }).analyze();
  const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(bad.map((v) => `${where}: ${v.id} — ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`)).toEqual([]);
}

/** Checks a step with axe and screenshots it in light and dark (back to light after). Focus is kept. */
export async function captureStep(page: Page, name: string): Promise<void> {
  await expectAccessible(page, `${name} (light)`);
  await screenshot(page, `${name}-light`);
  await page.emulateMedia({ colorScheme: 'dark' });
  await expectAccessible(page, `${name} (dark)`);
  await screenshot(page, `${name}-dark`);
  await page.emulateMedia({ colorScheme: 'light' });
}

/** Goes to a sidebar screen with the keyboard: focus the sidebar, arrow to the item, Enter. */
export async function sidebarTo(page: Page, name: string): Promise<void> {
  const items = ['Overview', 'Sites', 'Subscription', 'Devices', 'Runs', 'Settings', 'Connections'];
  await tabTo(page, page.getByRole('navigation', { name: 'Main' }).locator('button[tabindex="0"]'));
  await page.keyboard.press('Home');
  for (let i = 0; i < items.indexOf(name); i++) await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name })).toBeFocused();
}

/** Every byte the app wrote under its user-data folder (database, WAL, preferences, sandbox state), as text. */
export function userDataText(dir: string): string {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const entry of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, entry.name);
      if (entry.isDirectory()) walk(p);
      else out.push(fs.readFileSync(p).toString('latin1'));
    }
  };
  walk(dir);
  return out.join('\n');
}

/**
 * Watches a page for a journey: the page errors it throws, and every bridge answer's text
 * (`ipcText()` joins them, to check no secret came back out).
 */
export function watchPage(page: Page): { errors: string[]; ipcText: () => Promise<string> } {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const answers: Promise<string>[] = [];
  page.on('response', (r) => void (r.url().includes('/__bridge/invoke') && answers.push(r.text().catch(() => ''))));
  return { errors, ipcText: async () => (await Promise.all(answers)).join('\n') };
}
