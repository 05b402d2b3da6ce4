import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../src-main/db/database';
import { appliedVersions, type Migration, runMigrations } from '../../../src-main/db/migrate';
import { MIGRATIONS } from '../../../src-main/db/migrations';

const dirs: string[] = [];
function tempFile(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sitesync-db-'));
  dirs.push(dir);
  return path.join(dir, 'nested', 'sitesync.db');
}
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

describe('openDatabase', () => {
  it('creates the file, uses WAL and foreign keys, and records the applied versions', () => {
    const file = tempFile();
    const db = openDatabase(file);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(appliedVersions(db)).toEqual(MIGRATIONS.map((m) => m.version));
    db.close();
    expect(fs.existsSync(file)).toBe(true);
  });

  it('does not run a migration twice when reopened', () => {
    const file = tempFile();
    openDatabase(file).close();
    const db = openDatabase(file);
    expect(db.prepare('SELECT COUNT(*) AS n FROM schema_migrations').get()).toEqual({ n: MIGRATIONS.length });
    db.close();
  });
});

describe('runMigrations', () => {
  const step = (version: number, sql: string): Migration => ({ version, name: `m${version}`, up: (db) => db.exec(sql) });

  it('applies only the new migrations, in order, and reports them', () => {
    const db = new BetterSqlite3(':memory:');
    expect(runMigrations(db, [step(1, 'CREATE TABLE a (x)')])).toEqual([1]);
    expect(runMigrations(db, [step(2, 'CREATE TABLE b (x)'), step(1, 'CREATE TABLE a (x)')])).toEqual([2]);
    expect(appliedVersions(db)).toEqual([1, 2]);
  });

  it('rolls a failing migration back whole and records nothing for it', () => {
    const db = new BetterSqlite3(':memory:');
    runMigrations(db, [step(1, 'CREATE TABLE a (x)')]);
    const bad = step(2, 'CREATE TABLE b (x); INSERT INTO nowhere VALUES (1)');
    expect(() => runMigrations(db, [step(1, ''), bad])).toThrow();
    expect(appliedVersions(db)).toEqual([1]);
    expect(db.prepare(`SELECT name FROM sqlite_master WHERE name = 'b'`).get()).toBeUndefined();
  });

  it('refuses gaps in numbering and a database from a newer app', () => {
    const db = new BetterSqlite3(':memory:');
    expect(() => runMigrations(db, [step(2, '')])).toThrow(/numbered/);
    runMigrations(db, [step(1, ''), step(2, '')]);
    expect(() => runMigrations(db, [step(1, '')])).toThrow(/newer SiteSync/);
  });
});

describe('migration 0009 (receipts per SmartPlus account)', () => {
  it('keeps every receipt of an older database, as not yet naming its account', () => {
    const db = new BetterSqlite3(':memory:');
    runMigrations(db, MIGRATIONS.filter((m) => m.version < 9));
    db.prepare(
      `INSERT INTO receipts (id, site_id, status, amount, currency, created_at, next_renewal_at, order_json) VALUES ('ord_1', NULL, 'succeeded', 4900, 'USD', '2026-01-05T10:00:00Z', NULL, '{}')`,
    ).run();
    runMigrations(db, MIGRATIONS);
    expect(db.prepare('SELECT account_id, id, amount FROM receipts').all()).toEqual([{ account_id: '', id: 'ord_1', amount: 4900 }]);
    // The same order ID may now be kept once per account.
    db.prepare(`INSERT INTO receipts (account_id, id, status, amount, currency, created_at, order_json) VALUES ('south', 'ord_1', 'succeeded', 100, 'USD', '2026-01-06T10:00:00Z', '{}')`).run();
    expect(db.prepare('SELECT COUNT(*) AS n FROM receipts').get()).toEqual({ n: 2 });
    db.close();
  });
});
