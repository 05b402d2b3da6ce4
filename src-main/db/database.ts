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
    // Deleted rows (old mirrors, PIN ciphertext) are overwritten with zeros rather than left in free pages.
    db.pragma('secure_delete = ON');
    runMigrations(db, MIGRATIONS);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}
