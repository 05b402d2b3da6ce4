import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runsCommand } from '../../src-main/cli/runs-command';
import { syncCommand } from '../../src-main/cli/sync-command';
import { type AppServices, createAppServices } from '../../src-main/composition/create-app-services';
import { dispatch } from '../../src-main/ipc/dispatch';
import { createLogger, rotatingFileSink } from '../../src-main/logging/logger';
import { MemorySecretStore } from '../../src-main/secrets/secret-store';
import { JsonFilePreferencesStore } from '../../src-main/services/preferences';
import type { RunRecord } from '../../src-shared/domain/run';
import type { Envelope } from '../../src-shared/ipc/contract';
import type { ApartmentListPage } from '../../src-shared/ipc/contract/apartments';
import type { ConnectionListItem } from '../../src-shared/ipc/contract/connections';
import type { CsvExport } from '../../src-shared/ipc/contract/runs';
import type { ImportedSite, PropertyOption } from '../../src-shared/ipc/contract/sites';
import { startTrapServer, type TrapServer } from './helpers/trap-server';

// One canary of each kind goes in the way real ones do; afterwards none may be found in clear on
// any surface: log files, the database and its WAL, preferences, the CSV export, CLI output
// (text and --json), every IPC answer, and every error message along the way.
const PASSWORD = 'Canary-Pw-7f3a9c!x';
const TOKEN = 'CanaryTok3n+/Zq8wXv5Ry2Tu7Lp4Nm1Ks6==';
const PIN = '4815162';
const BAD_PIN = '9162534'; // starts with 9: an invalid-pin problem, never synced
const CARD = '4000 0566 5566 5556';
const RM = 'sandbox-rentmanager';

/** The forms a canary might take on disk or in text: as typed, digits only, UTF-16, hex. */
function forms(secret: string): Buffer[] {
  const variants = new Set([secret, secret.replace(/\s/g, ''), JSON.stringify(secret).slice(1, -1)]);
  return [...variants].flatMap((v) => [Buffer.from(v, 'utf8'), Buffer.from(v, 'utf16le'), Buffer.from(Buffer.from(v).toString('hex'))]);
}
const CANARIES = { password: PASSWORD, token: TOKEN, pin: PIN, 'invalid pin': BAD_PIN, card: CARD };
/** Which canaries occur in `bytes`. */
function found(bytes: Buffer | string): string[] {
  const haystack = typeof bytes === 'string' ? Buffer.from(bytes) : bytes;
  return Object.entries(CANARIES).filter(([, secret]) => forms(secret).some((f) => haystack.includes(f))).map(([name]) => name);
}
function filesUnder(root: string): string[] {
  if (!fs.existsSync(root)) return [];
  return fs.readdirSync(root, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(root, e.name);
    return e.isDirectory() ? filesUnder(full) : [full];
  });
}

let dir: string;
let services: AppServices;
let trap: TrapServer;
const answers: { channel: string; json: string }[] = [];
const cliOutput: string[] = [];
let savedXdg: string | undefined;

async function call<T = unknown>(channel: string, input?: unknown): Promise<Envelope<T>> {
  const envelope = await dispatch(services.handlers, channel, input, services.ctx.log);
  answers.push({ channel, json: JSON.stringify(envelope) });
  return envelope as Envelope<T>;
}
async function ok<T>(channel: string, input?: unknown): Promise<T> {
  const envelope = await call<T>(channel, input);
  if (!envelope.ok) throw new Error(`${channel}: ${envelope.error.code} ${envelope.error.message}`);
  return envelope.value;
}
async function finished(runId: string): Promise<RunRecord> {
  for (let i = 0; i < 1200; i++) {
    const runs = await services.ctx.db.runStore.listRuns();
    const run = runs.find((r) => r.id === runId);
    if (run && run.outcome !== 'running') return run;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`run ${runId} did not finish`);
}

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sitesync-canary-all-'));
  savedXdg = process.env.XDG_DOWNLOAD_DIR;
  process.env.XDG_DOWNLOAD_DIR = path.join(dir, 'Downloads');
  // A server that echoes everything it is sent (body and headers) back in its error message.
  trap = await startTrapServer((req, res) => {
    res.writeHead(401, { 'content-type': 'application/json' }).end(JSON.stringify({ UserMessage: `rejected ${req.body} ${JSON.stringify(req.headers)}`, error: { code: 'UNAUTHORIZED', message: `bad ${req.body}` } }));
  });
  const log = createLogger(rotatingFileSink(path.join(dir, 'logs')), { level: 'debug' });
  services = await createAppServices({
    userDataDir: dir, appVersion: '0.0.0-canary', platform: process.platform, log, secrets: new MemorySecretStore(),
    preferences: new JsonFilePreferencesStore(path.join(dir, 'preferences.json'), log), schedule: false, sandbox: 'auto',
  });
  const sandbox = services.sandbox!;

  // PASSWORD: typed into the Connections screen, against an echoing server and the real sandboxes.
  await call('connections.locations', { companyCode: 'canary', baseUrl: trap.url, signIn: { kind: 'api-user', username: 'canary-user', password: PASSWORD } });
  const spAccount = await ok<ConnectionListItem>('connections.saveSmartPlus', { baseUrl: trap.url, username: 'canary-installer', password: PASSWORD });
  await call('connections.test', { id: spAccount.id });
  await ok('connections.remove', { id: spAccount.id }); // billing then goes to the sandbox's account again
  // TOKEN: a partner token saved for a customer, tested, and used to browse.
  const tokenCustomer = await ok<ConnectionListItem>('connections.saveRentManager', { companyCode: 'canary', baseUrl: sandbox.rentManagerUrl, label: 'Canary Co', locationId: 1, signIn: { kind: 'partner-token', partnerToken: TOKEN } });
  await call('connections.test', { id: tokenCustomer.id });
  await call('sites.properties', { connectionId: tokenCustomer.id });
  await call('connections.locations', { companyCode: 'canary', baseUrl: trap.url, signIn: { kind: 'partner-token', partnerToken: TOKEN } });
  // CARD: the integration is paid with it.
  const billing = { company: 'Canary Doors', contact: 'Pat', email: 'pat@example.com', address: '1 Main St', country: 'US' };
  await ok('billing.pay', { renewal: 'auto', months: 12, billing, card: { number: CARD, expMonth: 12, expYear: new Date().getFullYear() + 2, cvc: '321', holder: 'Pat Canary' } });
  await call('billing.payApartments', { siteId: 'nope', apartmentIds: ['x'], months: 1, billing, card: { number: CARD, expMonth: 12, expYear: 2030, cvc: '321', holder: 'Pat' } });
  // PIN: two new tenants in Rent Manager, one with a good PIN, one with an invalid one; the property is imported and synced.
  const properties = await ok<PropertyOption[]>('sites.properties', { connectionId: RM });
  const smallest = [...properties].sort((a, b) => a.unitCount - b.unitCount)[0]!;
  const units = await ok<{ id: number }[]>('sites.units', { connectionId: RM, propertyId: smallest.id });
  sandbox.rentManager.admin.addTenant({ propertyId: smallest.id, unitId: units[0]!.id, firstName: 'Cara', lastName: 'Canary', moveIn: '2020-01-01', pin: PIN });
  sandbox.rentManager.admin.addTenant({ propertyId: smallest.id, unitId: units[1]!.id, firstName: 'Ivan', lastName: 'Invalid', moveIn: '2020-01-01', pin: BAD_PIN });
  const request = { connectionId: RM, policy: { creation: 'move-in', deletion: 'move-out', sameAccessAsMaster: false }, properties: [{ propertyId: smallest.id, units: 'all' }] };
  await ok('sites.preview', request);
  const { sites } = await ok<{ sites: ImportedSite[] }>('sites.import', request);
  const site = sites[0]!;
  const run = await finished(site.runId);
  expect(run.outcome).toBe('succeeded');
  // Every screen that shows the site, its run and its apartments.
  await ok('sites.list');
  await ok('overview.get');
  await ok('runs.list', {});
  await ok('runs.get', { runId: run.id });
  await ok('runs.problems', { runId: run.id });
  await ok('runs.preview', { siteId: site.siteId });
  const page = await ok<ApartmentListPage>('apartments.list', { siteId: site.siteId, search: 'Canary' });
  for (const row of page.rows) await ok('apartments.get', { apartmentId: row.id });
  await ok('billing.receipts');
  await ok('billing.status');
  await ok('connections.list');
  await ok('settings.saveSchedule', { time: '06:30', zone: 'America/Chicago', lightSyncMinutes: null });
  const exported = await ok<CsvExport>('runs.exportCsv', { runId: run.id });
  expect(fs.existsSync(exported.path)).toBe(true);
  // The renderer logs carelessly.
  await call('app.log', { level: 'error', message: `failed with password=${PASSWORD} pin ${PIN} card ${CARD}`, fields: { token: TOKEN, note: `Authorization: Basic ${Buffer.from(`u:${PASSWORD}`).toString('base64')}` } });
  // An unexpected error thrown deep in a handler, with a secret in its message (a crash path).
  await dispatch({ ...services.handlers, 'sync.running': async () => { throw new Error(`crashed: password=${PASSWORD} token=${TOKEN}`); } }, 'sync.running', undefined, services.ctx.log);

  // CLI: the same Rent Manager with the canary tenant, --json and text, then a run with the canary token that fails.
  const home = path.join(dir, 'cli-home');
  const site2 = path.join(dir, 'site.json');
  fs.writeFileSync(site2, JSON.stringify({ properties: [smallest.id], pinField: 'Door PIN (Text)', rfCardField: 'RF Card' }));
  const rm = sandbox.rentManager;
  const sp = sandbox.smartPlus;
  const env = { SITESYNC_HOME: home, SITESYNC_RM_URL: rm.url, SITESYNC_RM_CORP: rm.corp, SITESYNC_RM_LOCATION: String(rm.location), SITESYNC_RM_USERNAME: rm.username, SITESYNC_RM_PASSWORD: rm.password, SITESYNC_SP_URL: sp.url, SITESYNC_SP_USERNAME: sp.username, SITESYNC_SP_PASSWORD: sp.password };
  const io = { out: (s: string) => void cliOutput.push(s), err: (s: string) => void cliOutput.push(s) };
  const signal = new AbortController().signal;
  await syncCommand({ siteConfig: site2, dryRun: true, json: true }, env, io, signal);
  await syncCommand({ siteConfig: site2, dryRun: true }, env, io, signal);
  const { SITESYNC_RM_USERNAME: _u, SITESYNC_RM_PASSWORD: _p, ...withoutUser } = env;
  await syncCommand({ siteConfig: site2, json: true }, { ...withoutUser, SITESYNC_RM_URL: trap.url, SITESYNC_RM_PARTNER_TOKEN: TOKEN }, io, signal);
  await syncCommand({ siteConfig: site2 }, { ...env, SITESYNC_SP_URL: trap.url, SITESYNC_SP_PASSWORD: PASSWORD }, io, signal);
  await runsCommand({ json: true }, env, io.out);
  await runsCommand({}, env, io.out);
}, 180_000);

afterAll(async () => {
  if (savedXdg === undefined) delete process.env.XDG_DOWNLOAD_DIR;
  else process.env.XDG_DOWNLOAD_DIR = savedXdg;
  await services?.stop();
  await trap?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('canary: a planted password, token, PIN and card number appear on no surface in clear', () => {
  it('the secrets really went in (the trap got the password and token; SmartPlus holds the PIN)', async () => {
    expect(found(trap.received())).toEqual(expect.arrayContaining(['password', 'token']));
    const detail = answers.find((a) => a.channel === 'apartments.get' && a.json.includes('Canary'));
    expect(detail).toBeDefined();
    const residentId = (JSON.parse(detail!.json).value.familyMembers as { id: string }[]).find((r) => JSON.stringify(r).includes('Canary'))!.id;
    const revealed = await dispatch(services.handlers, 'apartments.revealPin', { residentId });
    expect(revealed).toEqual({ ok: true, value: { pin: PIN } }); // the one deliberate way out: a PIN revealed on request
  });

  it('log files', () => {
    const logs = filesUnder(path.join(dir, 'logs'));
    expect(logs.length).toBeGreaterThan(0);
    for (const file of [...logs, ...filesUnder(path.join(dir, 'cli-home', 'logs'))]) expect([file, found(fs.readFileSync(file))]).toEqual([file, []]);
  });

  it('the SQLite database, its WAL and shared memory (app and CLI)', () => {
    const dbFiles = [...filesUnder(dir).filter((f) => /sitesync\.db/.test(f))];
    expect(dbFiles.some((f) => f.endsWith('-wal'))).toBe(true);
    for (const file of dbFiles) expect([file, found(fs.readFileSync(file))]).toEqual([file, []]);
  });

  it('the preferences file', () => {
    const prefs = fs.readFileSync(path.join(dir, 'preferences.json'));
    expect(prefs.toString()).toContain('America/Chicago');
    expect(found(prefs)).toEqual([]);
  });

  it('the CSV export', () => {
    const csv = filesUnder(path.join(dir, 'Downloads'));
    expect(csv).toHaveLength(1);
    expect(found(fs.readFileSync(csv[0]!))).toEqual([]);
  });

  it('CLI output, text and --json (the failing runs included)', () => {
    const all = cliOutput.join('\n');
    expect(all).toContain('set-pin');
    expect(found(all)).toEqual([]);
  });

  it('every IPC answer, errors included (the PIN reveal aside)', () => {
    expect(answers.length).toBeGreaterThan(25);
    expect(answers.some((a) => a.json.includes('"ok":false'))).toBe(true);
    for (const a of answers) expect([a.channel, found(a.json)]).toEqual([a.channel, []]);
  });

  it('every other file SiteSync wrote (the sandboxes\' own data aside: they stand in for Rent Manager and SmartPlus)', () => {
    const ours = filesUnder(dir).filter((f) => !f.startsWith(path.join(dir, 'sandbox') + path.sep));
    expect(ours.length).toBeGreaterThan(4);
    for (const file of ours) expect([file, found(fs.readFileSync(file))]).toEqual([file, []]);
  });
});
