import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { maskPin } from '../../../src-shared/rules/pin';
import { openDatabase } from '../../../src-main/db/database';
import { localDbOver } from '../../../src-main/db/local-db';
import { createLogger, rotatingFileSink } from '../../../src-main/logging/logger';
import { ConnectionStore } from '../../../src-main/features/connection-store';
import { JsonFilePreferencesStore } from '../../../src-main/services/preferences';
import { EphemeralSecretStore } from '../../../src-main/secrets/ephemeral-secret-store';
import { community } from '../db/fixtures';

// A canary password and PIN go in through the services the way real ones do; afterwards their
// clear text must appear in no log line, no database row or file byte, and no preferences file.
// (IPC responses are covered where the handlers live.)
const PASSWORD = 'Canary-Pw-7f3a9c!';
const PIN = '48151623';
const USERNAME = 'canary-api-user';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sitesync-canary-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** Every file under `root`, recursively. */
function filesUnder(root: string): string[] {
  return fs.readdirSync(root, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(root, e.name);
    return e.isDirectory() ? filesUnder(full) : [full];
  });
}

/** Where `needle` occurs in the files (as UTF-8, UTF-16LE, or hex of its UTF-8). */
function leaks(files: string[], needle: string): string[] {
  const forms = [Buffer.from(needle, 'utf8'), Buffer.from(needle, 'utf16le'), Buffer.from(Buffer.from(needle).toString('hex'))];
  return files.filter((file) => {
    const bytes = fs.readFileSync(file);
    return forms.some((form) => bytes.includes(form));
  });
}

describe('canary secrets', () => {
  it('never reach a log line, a database row or file, or the preferences file', async () => {
    const secrets = new EphemeralSecretStore();
    const dbFile = path.join(dir, 'data', 'sitesync.db');
    const logDir = path.join(dir, 'logs');
    const log = createLogger(rotatingFileSink(logDir), { level: 'debug' }).child('canary');
    // The raw connection is kept beside the repositories: the test reads every row of every table.
    const db = openDatabase(dbFile);
    const local = Object.assign(await localDbOver(db, secrets), { db });
    const prefs = new JsonFilePreferencesStore(path.join(dir, 'config', 'preferences.json'), log);

    // A connection secret goes in through the service (keychain) and is logged carelessly.
    const connections = new ConnectionStore(local.connections, secrets);
    const input = {
      kind: 'rentmanager' as const,
      label: 'Canary Co',
      companyCode: 'canary',
      locationId: 1,
      baseUrl: 'https://canary.api.rentmanager.com',
      authKind: 'api-user' as const,
      username: USERNAME,
      isSandbox: false,
      secret: PASSWORD,
    };
    const saved = await connections.save(input);
    log.info('connection saved', { input, password: PASSWORD, headers: { Authorization: `Bearer ${PASSWORD}` } });
    expect(await connections.secretFor(saved.id)).toBe(PASSWORD);

    // A resident PIN goes into the synced mirror, is shown masked in a run problem, and is logged carelessly.
    local.sites.create({ id: 'site-1', name: 'Canary Court', customerId: null, connectionId: saved.id, propertyId: 12 });
    const state = community(5);
    const family = state.residents.find((r) => r.role === 'family')!;
    family.pin = PIN;
    local.siteState.saveSiteState('site-1', state, new Date());
    log.debug('resident synced', { resident: family, pin: PIN, tenant: { pinField: PIN, rfCard: 'AB12' } });
    const run = local.runs.startRun({ siteId: 'site-1', trigger: 'manual', dryRun: false, startedAt: new Date().toISOString() });
    local.runs.addProblems(run.id, [
      { kind: 'weak-pin', severity: 'warning', propertyId: 12, unitId: 1000, tenantId: 1, contactId: null, subject: 'A B (tenant 1)', field: 'PIN', value: maskPin(PIN), reason: 'weak' },
    ]);
    expect(local.siteState.revealPin(family.id)).toBe(PIN);
    expect(JSON.stringify(local.apartments.getApartmentDetail(family.apartmentId))).not.toContain(PIN);
    prefs.update({ theme: 'dark', schedule: { zone: 'America/New_York' } });

    // Every table, every row, every column (BLOBs included) while the database is open…
    const tables = (local.db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table'`).all() as { name: string }[]).map((t) => t.name);
    expect(tables).toEqual(expect.arrayContaining(['connections', 'residents', 'runs', 'problems', 'meta']));
    const dump = tables
      .flatMap((t) => local.db.prepare(`SELECT * FROM "${t}"`).all() as Record<string, unknown>[])
      .map((row) => Object.values(row).map((v) => (Buffer.isBuffer(v) ? v.toString('latin1') : String(v))).join('|'))
      .join('\n');
    expect(dump).toContain(USERNAME);
    expect(dump).not.toContain(PASSWORD);
    expect(dump).not.toContain(PIN);

    // …and every byte on disk: database, WAL, logs, preferences, before and after a checkpoint.
    const files = filesUnder(dir);
    expect(files.some((f) => f.endsWith('sitesync.db-wal'))).toBe(true);
    expect(leaks(files, USERNAME).length).toBeGreaterThan(0);
    expect(leaks(files, PASSWORD)).toEqual([]);
    expect(leaks(files, PIN)).toEqual([]);
    local.db.pragma('wal_checkpoint(TRUNCATE)');
    local.close();
    expect(leaks(filesUnder(dir), PASSWORD)).toEqual([]);
    expect(leaks(filesUnder(dir), PIN)).toEqual([]);

    const lines = fs.readFileSync(path.join(logDir, 'sitesync.log'), 'utf8').trim().split('\n');
    expect(lines.length).toBeGreaterThanOrEqual(2);
    expect(lines.join('\n')).toContain('[redacted]');
  });
});
