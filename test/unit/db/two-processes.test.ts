import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../src-main/db/database';

// Issue 14: the app and the CLI share one SQLite file. A transaction that reads and then writes
// must not fail with "database is locked" because another connection wrote in between (a
// DEFERRED transaction would: SQLITE_BUSY_SNAPSHOT is not retried by the busy timeout).
describe('one database, two connections', () => {
  it('a read-then-write transaction keeps its write when another connection writes meanwhile', () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'sitesync-two-')), 'sitesync.db');
    const a = openDatabase(file);
    const b = openDatabase(file);
    b.pragma('busy_timeout = 100');
    a.exec('CREATE TABLE t (n INTEGER)');
    a.prepare('INSERT INTO t VALUES (1)').run();
    let otherWaited = false;
    const readThenWrite = a.transaction(() => {
      const before = (a.prepare('SELECT COUNT(*) AS c FROM t').get() as { c: number }).c;
      try {
        b.prepare('INSERT INTO t VALUES (2)').run(); // the other process, mid-transaction
      } catch (error) {
        otherWaited = /locked|busy/i.test((error as Error).message); // it waits for our write lock instead
      }
      a.prepare('INSERT INTO t VALUES (?)').run(before + 10);
    });
    expect(() => readThenWrite()).not.toThrow();
    expect(otherWaited).toBe(true);
    expect((a.prepare('SELECT MAX(n) AS m FROM t').get() as { m: number }).m).toBe(11);
    a.close();
    b.close();
  });
});
