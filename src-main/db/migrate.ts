import type { Database } from 'better-sqlite3';

/** One schema step. Versions are numbered 1, 2, 3…; a migration runs once, in its own transaction. */
export interface Migration {
  readonly version: number;
  readonly name: string;
  up(db: Database): void;
}

/**
 * Applies the migrations not yet recorded in `schema_migrations`, in version order, each in a
 * transaction with its record, so a crash leaves the database at a whole version. Refuses a
 * database from a newer app (a version it does not know), rather than guessing.
 */
export function runMigrations(db: Database, migrations: readonly Migration[], now: () => Date = () => new Date()): number[] {
  const sorted = [...migrations].sort((a, b) => a.version - b.version);
  sorted.forEach((m, i) => {
    if (m.version !== i + 1) throw new Error(`migrations must be numbered 1, 2, 3…: found ${m.version} at position ${i + 1}`);
  });
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)`);
  const applied = new Set(
    (db.prepare('SELECT version FROM schema_migrations').all() as { version: number }[]).map((r) => r.version),
  );
  const newest = Math.max(0, ...applied);
  if (newest > sorted.length) {
    throw new Error(`the local database is from a newer SiteSync (schema ${newest}; this version knows ${sorted.length})`);
  }
  const record = db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)');
  const ran: number[] = [];
  for (const m of sorted) {
    if (applied.has(m.version)) continue;
    db.transaction(() => {
      m.up(db);
      record.run(m.version, m.name, now().toISOString());
    })();
    ran.push(m.version);
  }
  return ran;
}

/** The versions recorded as applied, in order. */
export function appliedVersions(db: Database): number[] {
  return (db.prepare('SELECT version FROM schema_migrations ORDER BY version').all() as { version: number }[]).map(
    (r) => r.version,
  );
}
