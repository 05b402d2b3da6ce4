import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EMPTY_COUNTS, type Problem, type RunRecord } from '../../src-shared/domain/run';
import type { HeldBackDeletion } from '../../src-shared/domain/sync-plan';
import { currentRuntime, REPORT_FILES } from '../../src-main/features/diagnostics-bundle';
import { createDiagnosticsService } from '../../src-main/features/diagnostics-service';
import { createLogger, memorySink } from '../../src-main/logging/logger';
import { type ShapeEntry, ShapeRecorder } from '../../src-main/logging/response-shapes';
import { createRentManagerClient } from '../../src-main/rentmanager/client';
import { startRentManagerSandbox, type RentManagerSandbox } from '../../src-main/sandbox/rentmanager/server';
import { startSmartPlusSandbox, type SmartPlusSandbox } from '../../src-main/sandbox/smartplus';
import { createSmartPlusClient } from '../../src-main/smartplus/client';
import { MemoryRunStore } from '../fakes/memory-stores';

// Issue 13's canary: a password, a token, a PIN, a card number, a person's name and an e-mail
// planted in the log, in the run report and in the answers the real clients receive from both
// sandboxes (recorded by the transports' shape recorder) must appear in no file of the report.
const PASSWORD = 'Canary-Pw-7Q2x!zz';
const TOKEN = 'cnrytok_9f8e7d6c5b4a';
const PIN = '482913';
const CARD = '4111 1111 1111 1111';
const RF_CARD = '7766554433';
const FIRST = 'Zephyrine';
const LAST = 'Quillfeather';
const NAME = `${FIRST} ${LAST}`;
const EMAIL = 'zephyrine.q@canary-mail.example';
/** Every form a planted value could leak in. */
const CANARIES = [PASSWORD, TOKEN, PIN, CARD, CARD.replace(/ /g, ''), RF_CARD, FIRST, LAST, NAME, EMAIL, 'canary-mail'];

let rm: RentManagerSandbox;
let sp: SmartPlusSandbox;
let recorder: ShapeRecorder;
const sink = memorySink();
const runs = new MemoryRunStore();
const RUN_ID = '5d0c1a9e-3b7f-4c2e-9a61-0f2e8d7c6b5a';

/** The text of every file of a report saved with `shapes` (default: what the transports recorded). */
async function reportText(shapes: () => ShapeEntry[] = () => recorder.entries()): Promise<{ folder: string; files: Record<string, string> }> {
  const diagnostics = createDiagnosticsService({
    runtime: currentRuntime('0.0.0-canary'),
    runs,
    shapes,
    logLines: (limit) => sink.lines.slice(-limit),
    folders: null,
    log: createLogger({ write: () => {} }),
    now: () => new Date('2026-11-27T12:00:00Z'),
  });
  const saved = await diagnostics.saveTo(fs.mkdtempSync(path.join(os.tmpdir(), 'sitesync-canary-')), RUN_ID);
  const names = fs.readdirSync(saved.folder);
  return { folder: saved.folder, files: Object.fromEntries(names.map((n) => [n, fs.readFileSync(path.join(saved.folder, n), 'utf8')])) };
}

/** Planted values found in any file, as `file: value`. */
function leaks(files: Record<string, string>): string[] {
  return Object.entries(files).flatMap(([name, text]) => CANARIES.filter((c) => text.toLowerCase().includes(c.toLowerCase())).map((c) => `${name}: ${c}`));
}

beforeAll(async () => {
  rm = await startRentManagerSandbox({ seed: 'demo', asOf: '2026-06-01', requestsPerMinute: 100_000 });
  sp = await startSmartPlusSandbox({ password: PASSWORD, requestsPerSecond: 10_000 });
  sp.admin.activateIntegration(12);
  recorder = new ShapeRecorder();
  const log = createLogger(sink, { level: 'debug' });

  // Recorded answers: a Rent Manager tenant named like the canary, with its PIN; a SmartPlus
  // family member with name, e-mail, PIN and RF card — all read back through the real clients.
  const unitId = rm.admin.addUnit({ propertyId: 4, name: 'Canary 1' });
  rm.admin.addTenant({ propertyId: 4, unitId, firstName: FIRST, lastName: LAST, moveIn: '2026-01-01', pin: PIN, rfCard: RF_CARD });
  const rmClient = createRentManagerClient({
    baseUrl: rm.url, corp: rm.corp, locationId: rm.location, auth: { kind: 'user', username: rm.username, password: rm.password },
    requestsPerMinute: 100_000, logger: log, shapes: recorder.sink('rentmanager'),
  });
  const tenants = await rmClient.tenants();
  expect(tenants.rows.some((t) => t.Name?.includes(LAST) || `${t.FirstName} ${t.LastName}` === NAME)).toBe(true);
  const spClient = createSmartPlusClient({ baseUrl: sp.url, username: sp.username, password: PASSWORD, requestsPerSecond: 10_000, logger: log, shapes: recorder.sink('smartplus') });
  const community = await spClient.communities.create({
    name: `${LAST} Court`, address: `1 ${LAST} Road`, timeZone: 'America/New_York', externalRef: { system: 'rentmanager', customer: rm.corp, location: 1, id: 'property:4' },
  });
  const [building] = await spClient.buildings(community.id);
  const apartment = await spClient.apartments.create(community.id, { buildingId: building!.id, name: '101' });
  const member = await spClient.residents.createFamilyMember(apartment.id, { firstName: FIRST, lastName: LAST, email: EMAIL, sameAccessAsMaster: true });
  await spClient.setPin(member.id, PIN);
  await spClient.setRfCards(member.id, [RF_CARD]);
  await spClient.residents.list(community.id);
  await rmClient.signOut();

  // The log: lines through the logger (redacted when written) and raw lines, as an older version
  // or a bug could have left them, with the canaries under secret keys, personal keys and in text.
  log.warn(`create-family-member failed for ${NAME}`, { person: NAME, email: EMAIL, pin: PIN, token: TOKEN, card: CARD });
  log.info('resident read', { firstName: FIRST, lastName: LAST, contact: { email: EMAIL } });
  sink.write(JSON.stringify({ t: '2026-11-27T10:00:00Z', level: 'info', scope: 'old', msg: 'sign-in', password: PASSWORD, authorization: `Bearer ${TOKEN}`, pin: PIN }));
  sink.write(`plain line: ${NAME} <${EMAIL}> PIN ${PIN} card ${CARD} token ${TOKEN} password ${PASSWORD}`);

  // The run report: problems and held-back deletions that name the person, quote the PIN and card.
  const run: RunRecord = {
    id: RUN_ID, siteId: 'site-canary', trigger: 'manual', dryRun: false, startedAt: '2026-11-27T10:00:00Z', endedAt: '2026-11-27T10:01:00Z',
    outcome: 'failed', counts: EMPTY_COUNTS, problemCount: 2, heldBackCount: 1, error: `SmartPlus refused ${EMAIL} (password ${PASSWORD}).`,
  };
  const place = { propertyId: 4, unitId, tenantId: 920, contactId: 921 };
  const problems: Problem[] = [
    { kind: 'duplicate-pin', severity: 'error', ...place, subject: `${NAME} (tenant 920)`, field: 'pin', value: PIN, reason: `PIN not set: in this community it already belongs to ${NAME} (tenant 921).` },
    { kind: 'operation-failed', severity: 'error', ...place, subject: `${LAST} Court / 101 / ${NAME} (tenant 920)`, field: 'set-rf-cards', value: RF_CARD, reason: `set-rf-cards failed (SP_VALIDATION_FAILED): card ${CARD} for ${EMAIL} refused. The next sync tries again.` },
  ];
  const heldBack: HeldBackDeletion[] = [{
    reason: `Would delete ${NAME}'s account.`,
    operation: {
      kind: 'delete-family-member', id: 'delete-family-member:r1', communityRef: `rentmanager:${rm.corp}:1:property:4`, target: 'r1',
      display: { propertyId: 4, property: `${LAST} Court`, unitId, unit: '101', tenantId: 920, contactId: 921, person: `${NAME} (tenant 920)` },
      residentId: member.id, reason: `${NAME} no longer has a lease on unit "101".`,
    },
  }];
  await runs.saveRun(run);
  await runs.saveProblems(RUN_ID, problems);
  await runs.saveHeldBack(RUN_ID, heldBack);
}, 60_000);

afterAll(async () => {
  await rm?.close();
  await sp?.close();
});

describe('diagnostics report canary', () => {
  it('the canaries are really in what the report is made of', async () => {
    const inputs = [sink.lines.join('\n'), JSON.stringify(await runs.listProblems(RUN_ID)), JSON.stringify(await runs.listHeldBack(RUN_ID)), JSON.stringify(await runs.getRun(RUN_ID))].join('\n');
    for (const value of [NAME, EMAIL, PIN, CARD, TOKEN, PASSWORD]) expect(inputs, value).toContain(value);
    expect(recorder.entries().length).toBeGreaterThan(8);
  });

  it('no planted password, token, PIN, card number, name or e-mail is in any file of the report', async () => {
    const { files } = await reportText();
    expect(Object.keys(files).sort()).toEqual([...REPORT_FILES].sort());
    expect(leaks(files)).toEqual([]);
  });

  it('the report still says what support needs: the run, its problems, the endpoints and their shapes', async () => {
    const { files } = await reportText();
    const report = JSON.parse(files['run-report.json']!) as { run: RunRecord; problems: Problem[]; heldBack: unknown[] };
    expect(report.run).toMatchObject({ id: RUN_ID, outcome: 'failed', siteId: 'site-canary' });
    expect(report.problems.map((p) => [p.kind, p.tenantId, p.field])).toEqual([['duplicate-pin', 920, 'pin'], ['operation-failed', 920, 'set-rf-cards']]);
    expect(report.problems[1]!.reason).toContain('SP_VALIDATION_FAILED');
    const shapes = JSON.parse(files['response-shapes.json']!) as ShapeEntry[];
    const member = shapes.find((s) => s.endpoint === 'smartplus POST /apartments/:id/family-members')!;
    expect(member.shape).toMatchObject({ firstName: 'string', lastName: 'string', email: 'string', pin: '[redacted]' });
    expect(shapes.map((s) => s.endpoint)).toEqual(expect.arrayContaining(['rentmanager GET /Tenants', 'smartplus PUT /residents/:id/pin', 'smartplus GET /communities/:id/residents']));
    expect(files['log.jsonl']!.trim().split('\n')).toHaveLength(sink.lines.length);
  });

  it('fails when the recorder keeps values instead of shapes', async () => {
    // What a recorder that stored bodies would hand the report: this check must see the leak.
    const raw: ShapeEntry[] = [{ endpoint: 'smartplus GET /communities/:id/residents', status: 200, at: '2026-11-27T10:00:00Z', shape: { items: [{ firstName: FIRST, lastName: LAST, email: EMAIL }] } }];
    const { files } = await reportText(() => raw);
    expect(leaks(files)).toEqual(expect.arrayContaining([`response-shapes.json: ${FIRST}`, `response-shapes.json: ${EMAIL}`]));
  });
});
