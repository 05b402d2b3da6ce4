/**
 * Benchmark: the apartment browser with 10,000 apartments in Chromium, through the loopback
 * test bridge and the real services on a database seeded with SiteStateRepo.saveSiteState.
 * Measured in the renderer with performance marks (src-renderer/stores/perf.ts):
 *   - data → first rows: from the `apartments.list` answer arriving in the store to the
 *     virtualised rows committed to the DOM (a fresh page load per run);
 *   - keystroke → list: from a keystroke in the search box to the list showing that text's results
 *     (bridge round trip, the SQLite search over the site's 10,000 rows, React render).
 * The main side (services, database, bridge) runs in a child process, as main does in the app, so
 * the browser driver does not share its event loop. Prints a markdown table (min / median / p95).
 *
 *   node scripts/build-app.mjs   (or npx vite build --config vite.renderer.config.ts)
 *   npx tsx test/bench/browser.bench.ts [--apartments 10000] [--runs 10]
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { chromium, type Page } from '@playwright/test';
import { createAppServices } from '../../src-main/composition/create-app-services';
import { createLogger, memorySink } from '../../src-main/logging/logger';
import { EphemeralSecretStore } from '../../src-main/secrets/ephemeral-secret-store';
import { JsonFilePreferencesStore } from '../../src-main/services/preferences';
import { contactRef, propertyRef, unitRef } from '../../src-shared/domain/external-ref';
import type { CommunityState, SpResident } from '../../src-shared/domain/smartplus';
import { startTestBridge } from '../e2e/bridge/test-bridge';
import { CHROMIUM_PATH } from '../e2e/playwright.config';
import { RENDERER_DIR } from '../e2e/fixtures';

const args = process.argv.slice(2);
const arg = (name: string, fallback: number) => (args.includes(name) ? Number(args[args.indexOf(name) + 1]) : fallback);
const APARTMENTS = arg('--apartments', 10_000);
const RUNS = arg('--runs', 10);
const ORIGIN = { customer: 'bench', location: 1 };
const FIRST = ['Ana', 'Ben', 'Chloe', 'David', 'Elena', 'Farid', 'Grace', 'Hiro', 'Ines', 'Jamal', 'Kofi', 'Lena', 'Mateo', 'Nina', 'Omar', 'Priya'];
const LAST = ['Smith', 'Garcia', 'Nguyen', 'Okafor', 'Rossi', 'Kowalski', 'Haddad', 'Tanaka', 'Schmidt', 'Dubois', 'Silva', 'Murphy', 'Cohen', 'Larsen', 'Novak', 'Patel', 'Reyes', 'Ivanova', 'Mensah', 'Weber'];

/** A community of `count` apartments, 1–3 family members each (one in ten vacant), PINs and RF cards on the first. */
function community(count: number): CommunityState {
  const apartments: CommunityState['apartments'] = [];
  const residents: SpResident[] = [];
  let contact = 1;
  for (let i = 0; i < count; i++) {
    const unitId = 10_000 + i;
    const id = `apt-${unitId}`;
    const name = `${Math.floor(i / 40) + 1}${String((i % 40) + 1).padStart(2, '0')}`;
    apartments.push({ id, buildingId: 'b1', name, externalRef: unitRef(ORIGIN, unitId), masterAccountId: `m-${unitId}`, activated: i % 4 === 0, familyMemberLimit: 10 });
    residents.push(person(id, `m-${unitId}`, 'master', '', name, null, null, []));
    if (i % 10 === 9) continue;
    for (let k = 0; k < 1 + (i % 3); k++) {
      const c = contact++;
      const first = FIRST[(i * 7 + k) % FIRST.length]!;
      const last = LAST[(i * 3 + Math.floor(i / 20)) % LAST.length]!;
      residents.push({
        ...person(id, `r-${c}`, 'family', first, last, `${first}.${last}${c}@example.com`.toLowerCase(), k === 0 ? String(1000 + (c % 8999)) : null, k === 0 ? [(0xa00000 + c).toString(16).toUpperCase()] : []),
        externalRef: contactRef(ORIGIN, unitId, c),
      });
    }
  }
  return {
    community: { id: 'com-bench', name: 'Bench Towers', address: null, timeZone: 'America/New_York', externalRef: propertyRef(ORIGIN, 1) },
    buildings: [{ id: 'b1', name: 'Building 1' }],
    apartments,
    residents,
    accessGroups: [],
    devices: [],
  };
}

function person(apartmentId: string, id: string, role: 'master' | 'family', firstName: string, lastName: string, email: string | null, pin: string | null, rfCards: string[]): SpResident {
  return { id, apartmentId, role, firstName, lastName, email, phone: null, externalRef: null, pin, rfCards, accessGroupIds: [], sameAccessAsMaster: false };
}

function stats(values: number[]) {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;
  return { n: sorted.length, min: sorted[0]!, median: at(0.5), p95: at(0.95) };
}

async function measures(page: Page, name: string): Promise<number[]> {
  return page.evaluate((n) => performance.getEntriesByName(n, 'measure').map((e) => e.duration), name);
}

/** The app's main side in its own process (as in the app): services, seeded database, test bridge. */
async function serve(): Promise<void> {
  if (!fs.existsSync(path.join(RENDERER_DIR, 'index.html'))) throw new Error(`No built renderer at ${RENDERER_DIR}: run "node scripts/build-app.mjs" first.`);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sitesync-bench-browser-'));
  const log = createLogger(memorySink(), { level: 'warn' });
  const services = await createAppServices({
    userDataDir: dir,
    appVersion: '0.0.0-bench',
    platform: process.platform,
    log,
    secrets: new EphemeralSecretStore(),
    preferences: new JsonFilePreferencesStore(path.join(dir, 'preferences.json'), log),
    schedule: false,
    sandbox: 'off',
  });
  const { db } = services.ctx;
  const site = db.sites.create({ id: 'bench-site', name: 'Bench Towers', customerId: null, connectionId: null, propertyId: 1 });
  const seedStart = performance.now();
  db.siteState.saveSiteState(site.id, community(APARTMENTS), new Date());
  const seedMs = performance.now() - seedStart;
  const bridge = await startTestBridge({ rendererDir: RENDERER_DIR, handlers: services.handlers, events: services.events });
  process.stdout.write(`${JSON.stringify({ url: bridge.url, initScript: bridge.initScript, seedMs })}\n`);
  process.stdin.on('end', () => {
    void (async () => {
      await bridge.close();
      await services.stop();
      fs.rmSync(dir, { recursive: true, force: true });
      process.exit(0);
    })();
  });
  process.stdin.resume();
}

async function main(): Promise<void> {
  const child = spawn(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), '--serve', '--apartments', String(APARTMENTS)], { stdio: ['pipe', 'pipe', 'inherit'] });
  const line = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout }).once('line', resolve);
    child.once('exit', (code) => reject(new Error(`the main-side process ended (${code})`)));
  });
  const served = JSON.parse(line) as { url: string; initScript: string; seedMs: number };
  const bridge = { url: served.url, initScript: served.initScript };
  const seedMs = served.seedMs;
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await page.addInitScript(bridge.initScript);
  const firstRows: number[] = [];
  const search: number[] = [];
  const roundTrip: number[] = [];
  const draw: number[] = [];
  const ping: number[] = [];
  try {
    for (let run = 0; run < RUNS; run++) {
      await page.goto(bridge.url);
      await page.getByRole('button', { name: /Sites/ }).click();
      await page.getByRole('button', { name: 'Bench Towers' }).click();
      await page.getByRole('button', { name: /^Unit / }).first().waitFor();
      firstRows.push(...(await measures(page, 'apartments:first-rows')).slice(0, 1));

      // One keystroke at a time, each after the previous list is drawn: every keystroke is timed alone.
      const box = page.getByLabel('Search this site');
      const term = run % 2 === 0 ? LAST[run % LAST.length]!.toLowerCase() : 'a0';
      await box.focus();
      for (let k = 1; k <= term.length; k++) {
        await page.keyboard.type(term[k - 1]!);
        await page.waitForFunction((n) => performance.getEntriesByName('apartments:search', 'measure').length >= n, k);
      }
      search.push(...(await measures(page, 'apartments:search')));
      // Each keystroke's query: the first round trip and first draw belong to opening the site.
      roundTrip.push(...(await measures(page, 'apartments:round-trip')).slice(1));
      draw.push(...(await measures(page, 'apartments:first-rows')).slice(1));
      // The transport alone (test bridge: HTTP on loopback), under the same machine load.
      ping.push(
        ...(await page.evaluate(async () => {
          const bridge = (window as unknown as { bridge: { invoke(c: string, i: unknown): Promise<unknown> } }).bridge;
          const times: number[] = [];
          for (let i = 0; i < 4; i++) {
            const start = performance.now();
            await bridge.invoke('app.ping', { message: 'bench' });
            times.push(performance.now() - start);
          }
          return times;
        })),
      );
    }
  } finally {
    await browser.close();
    child.stdin.end();
  }
  const rows = [
    { metric: 'data → first rendered rows', goal: 150, s: stats(firstRows) },
    { metric: 'search keystroke → updated list', goal: 50, s: stats(search) },
    { metric: '… of which: bridge + SQLite search round trip', goal: null, s: stats(roundTrip) },
    { metric: '… of which: answer → rows drawn', goal: null, s: stats(draw) },
    { metric: 'for comparison: an empty call (app.ping) over the test bridge', goal: null, s: stats(ping) },
  ];
  console.log(`\nApartment browser, ${APARTMENTS.toLocaleString('en-US')} apartments (seeded in ${seedMs.toFixed(0)} ms), Chromium ${browser.version()}, ${os.cpus().length} CPUs, load average ${os.loadavg()[0]!.toFixed(1)}\n`);
  console.log('| measure | samples | min (ms) | median (ms) | p95 (ms) | goal (ms) | met |');
  console.log('|---|---|---|---|---|---|---|');
  for (const r of rows) {
    const met = r.goal === null ? '' : r.s.p95 <= r.goal ? 'yes (p95)' : r.s.median <= r.goal ? 'median only' : 'no';
    console.log(`| ${r.metric} | ${r.s.n} | ${r.s.min.toFixed(1)} | ${r.s.median.toFixed(1)} | ${r.s.p95.toFixed(1)} | ${r.goal === null ? '' : `≤ ${r.goal}`} | ${met} |`);
  }
}

void (args.includes('--serve') ? serve() : main()).catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
