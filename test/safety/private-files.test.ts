import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Protocol } from 'electron';
import { FuseV1Options } from '@electron/fuses';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import config from '../../forge.config';
import { registerAppProtocol, resolveAppFile } from '../../src-main/app/protocol';
import { openDatabase } from '../../src-main/db/database';
import { openLocalDb } from '../../src-main/db/local-db';
import { createRunsService } from '../../src-main/features/runs-service';
import { createLogger, rotatingFileSink, silentLogger } from '../../src-main/logging/logger';
import { MemorySecretStore } from '../../src-main/secrets/secret-store';

const posix = process.platform !== 'win32';
const mode = (p: string) => fs.statSync(p).mode & 0o777;

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sitesync-private-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

describe.runIf(posix)('files: created readable by the user only', () => {
  it('the database, its WAL and shared-memory files are 0600, its new folder 0700', () => {
    const file = path.join(dir, 'home', 'data', 'sitesync.db');
    const db = openDatabase(file);
    try {
      db.prepare("INSERT INTO meta (key, value) VALUES ('canary', 'x')").run();
      expect(mode(path.dirname(file))).toBe(0o700);
      for (const f of [file, `${file}-wal`, `${file}-shm`]) expect([f, mode(f)]).toEqual([f, 0o600]);
    } finally {
      db.close();
    }
  });

  it('an existing database left world-readable by an older version is tightened on open', () => {
    const file = path.join(dir, 'sitesync.db');
    openDatabase(file).close();
    fs.chmodSync(file, 0o644);
    fs.chmodSync(dir, 0o755);
    openDatabase(file).close();
    expect(mode(file)).toBe(0o600);
    expect(mode(dir)).toBe(0o700);
  });

  it('log files (and rotated ones) are 0600 in a 0700 folder', () => {
    const logs = path.join(dir, 'logs');
    const log = createLogger(rotatingFileSink(logs, { maxBytes: 200, keep: 2 }));
    for (let i = 0; i < 10; i++) log.info('line', { i, pad: 'x'.repeat(40) });
    expect(mode(logs)).toBe(0o700);
    const files = fs.readdirSync(logs);
    expect(files).toEqual(expect.arrayContaining(['sitesync.log', 'sitesync.log.1']));
    for (const f of files) expect([f, mode(path.join(logs, f))]).toEqual([f, 0o600]);
  });

  it('an exported run report is 0600 (the Downloads folder itself is left as the user has it)', async () => {
    const downloads = path.join(dir, 'Downloads');
    fs.mkdirSync(downloads, { mode: 0o755 });
    fs.chmodSync(downloads, 0o755);
    const db = await openLocalDb(path.join(dir, 'db', 'sitesync.db'), new MemorySecretStore());
    try {
      db.sites.create({ id: 'site-1', name: 'Canary Court', customerId: null, connectionId: null, propertyId: 12 });
      const run = db.runs.startRun({ siteId: 'site-1', trigger: 'manual', dryRun: false, startedAt: '2026-06-01T07:00:00.000Z' });
      const runs = createRunsService({ db, log: silentLogger, sync: {} as never, isOnline: () => true }, { downloadsDir: downloads });
      const exported = await runs.exportCsv(run.id);
      expect(mode(exported.path)).toBe(0o600);
      expect(mode(downloads)).toBe(0o755);
    } finally {
      db.close();
    }
  });
});

describe('files: Electron hardening', () => {
  it('the GrantFileProtocolExtraPrivileges fuse is off (and the others stay as they were)', () => {
    const fuses = (config.plugins ?? []).find((p) => p.constructor.name === 'FusesPlugin') as unknown as { fusesConfig: Record<number, boolean> };
    expect(fuses.fusesConfig[FuseV1Options.GrantFileProtocolExtraPrivileges]).toBe(false);
    expect(fuses.fusesConfig[FuseV1Options.RunAsNode]).toBe(false);
    expect(fuses.fusesConfig[FuseV1Options.OnlyLoadAppFromAsar]).toBe(true);
  });

  it.each(['app://sitesync/%E0%A4%A', 'app://sitesync/%', 'app://sitesync/assets/%ZZ.js', 'app://sitesync/%00index.html', 'app://sitesync/..%5C..%5Cetc%5Cpasswd'])(
    'the app:// path decision refuses %s without throwing',
    (url) => {
      expect(() => resolveAppFile(url, dir)).not.toThrow();
      expect(resolveAppFile(url, dir)).toBeNull();
    },
  );

  it('a good app:// path still maps into the renderer folder', () => {
    expect(resolveAppFile('app://sitesync/assets/index-abc.js', dir)).toEqual({ file: path.join(dir, 'assets', 'index-abc.js'), mime: 'text/javascript; charset=utf-8' });
  });

  it('the app:// handler answers 404 to a malformed escape', async () => {
    let handler: ((request: Request) => Promise<Response>) | undefined;
    registerAppProtocol({ handle: (_scheme: string, fn: (request: Request) => Promise<Response>) => void (handler = fn) } as unknown as Protocol, dir);
    const response = await handler!(new Request('app://sitesync/%E0%A4%A'));
    expect(response.status).toBe(404);
  });
});
