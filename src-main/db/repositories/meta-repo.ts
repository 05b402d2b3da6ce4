import type { Database } from 'better-sqlite3';

/** A small key-value table for app facts that are not preferences (e.g. sandbox seeded, last catch-up). */
export class MetaRepo {
  constructor(private readonly db: Database) {}

  /** The value of `key`, or null. */
  get(key: string): string | null {
    const row = this.db.prepare('SELECT value FROM meta WHERE key = ?').get(key) as { value: string } | undefined;
    return row?.value ?? null;
  }

  /** Sets `key` to `value`. */
  set(key: string, value: string): void {
    this.db.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(key, value);
  }

  /** Removes `key`; true when it was there. */
  delete(key: string): boolean {
    return this.db.prepare('DELETE FROM meta WHERE key = ?').run(key).changes > 0;
  }
}
