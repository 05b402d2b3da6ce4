import BetterSqlite3, { type Database } from 'better-sqlite3';
import { preparePrivateDatabase } from '../lib/private-files';
import { runMigrations } from './migrate';
import { MIGRATIONS } from './migrations';

/**
 * Opens the app's one SQLite connection (owned by the main process) and brings its schema up
 * to date. WAL lets reads go on while a sync writes; foreign keys are on; `busy_timeout`
 * covers a second process (the CLI) touching the same file.
 */
export function openDatabase(file: string): Database {
  // Readable by the user only: the file holds the local copy (PINs encrypted, names and cards in clear).
  if (file !== ':memory:') preparePrivateDatabase(file);
  const db = new BetterSqlite3(file);
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    immediateTransactions(db);
    // Deleted rows (old mirrors, PIN ciphertext) are overwritten with zeros rather than left in free pages.
    db.pragma('secure_delete = ON');
    runMigrations(db, MIGRATIONS);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

/**
 * Makes `db.transaction(fn)()` begin IMMEDIATE (take the write lock at BEGIN, waiting up to the
 * busy timeout) instead of DEFERRED. The app and CLI processes share this database (issue 14): a
 * deferred transaction that reads and then writes fails at once with "database is locked"
 * (SQLITE_BUSY_SNAPSHOT, which the busy timeout does not retry) when another process wrote
 * in between. `.deferred()` stays available for read-only work.
 */
function immediateTransactions(db: Database): void {
  const original = db.transaction.bind(db);
  db.transaction = ((fn: (...args: never[]) => unknown) => {
    const txn = original(fn);
    const run = (...args: never[]) => txn.immediate(...args);
    return Object.assign(run, { default: txn.immediate, deferred: txn.deferred, immediate: txn.immediate, exclusive: txn.exclusive });
  }) as Database['transaction'];
}
