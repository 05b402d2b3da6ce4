import fs from 'node:fs';
import path from 'node:path';
import type { Database } from 'better-sqlite3';
import type { z } from 'zod';
import { openDatabase } from '../db/database';

/** What a file check found: nothing there yet, a file that reads, or a damaged one and why. */
export type FileCheck = { state: 'missing' } | { state: 'ok' } | { state: 'damaged'; reason: string };

/** `2026-12-02T1530`: the UTC minute a damaged file was kept, as its name's suffix. */
export function damagedStamp(at: Date): string {
  return at.toISOString().slice(0, 16).replace(':', '');
}

/**
 * Moves a damaged file aside — never deletes it — as `<file>.damaged-<UTC stamp>` (with `-2`,
 * `-3`… when that name is taken), and its companions (`-wal`, `-shm`) beside it under the same
 * name. A rename keeps the bytes exactly. Returns where the file went.
 */
export function keepAside(file: string, at: Date, companions: readonly string[] = []): string {
  const base = `${file}.damaged-${damagedStamp(at)}`;
  let target = base;
  for (let n = 2; fs.existsSync(target); n++) target = `${base}-${n}`;
  fs.renameSync(file, target);
  for (const suffix of companions) {
    if (fs.existsSync(file + suffix)) fs.renameSync(file + suffix, target + suffix);
  }
  return target;
}

/**
 * Checks a JSON settings file against its schema: not valid JSON, or valid JSON holding values
 * of the wrong kind, is damaged (the reason names the fields). A file that cannot be read at
 * all (no permission) is not "damaged": that error is thrown, for the start-up error dialog.
 */
export function checkJsonFile(file: string, schema: z.ZodType): FileCheck {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { state: 'missing' };
    throw error;
  }
  let value: unknown;
  try {
    value = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    return { state: 'damaged', reason: 'it is not valid JSON' };
  }
  const parsed = schema.safeParse(value);
  if (parsed.success) return { state: 'ok' };
  const fields = [...new Set(parsed.error.issues.map((i) => i.path.join('.') || 'the whole file'))].slice(0, 5);
  return { state: 'damaged', reason: `it holds settings of the wrong kind (${fields.join(', ')})` };
}

/** SQLite's answers for a file that is not (or no longer) a readable database. */
const DAMAGED_CODES = /^SQLITE_(NOTADB|CORRUPT)/;

/** The first 16 bytes of every SQLite 3 database file. */
const SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1');

/**
 * Checks the database before the app opens it, without changing a byte of it: a file that does
 * not start with SQLite's header is damaged (garbage); otherwise a copy (with its WAL) is opened
 * the way the app opens it and SQLite's `quick_check` runs there, so broken pages or a truncated
 * file are found at start rather than in the middle of a sync. (Opening the original would let
 * SQLite discard an unreadable WAL or checkpoint a readable one — the kept file would not be
 * the file that failed.) A database from a newer SiteSync, or one the disk cannot open, is not
 * "damaged": that error is thrown, for the error dialog, and the file stays where it is.
 */
export function checkDatabaseFile(file: string): FileCheck {
  if (!fs.existsSync(file)) return { state: 'missing' };
  const header = Buffer.alloc(SQLITE_HEADER.length);
  const fd = fs.openSync(file, 'r');
  let read: number;
  try {
    read = fs.readSync(fd, header, 0, header.length, 0);
  } finally {
    fs.closeSync(fd);
  }
  if (read === 0) return { state: 'ok' };
  if (read < header.length || !header.equals(SQLITE_HEADER)) return { state: 'damaged', reason: 'the file is not a SQLite database' };
  const scratch = fs.mkdtempSync(path.join(path.dirname(file), '.startup-check-'));
  let db: Database | null = null;
  try {
    const copy = path.join(scratch, path.basename(file));
    fs.copyFileSync(file, copy, fs.constants.COPYFILE_FICLONE);
    if (fs.existsSync(`${file}-wal`)) fs.copyFileSync(`${file}-wal`, `${copy}-wal`, fs.constants.COPYFILE_FICLONE);
    db = openDatabase(copy);
    const rows = db.pragma('quick_check') as Array<{ quick_check: string }>;
    const problems = rows.map((r) => r.quick_check).filter((r) => r !== 'ok');
    return problems.length === 0 ? { state: 'ok' } : { state: 'damaged', reason: `SQLite found damage: ${problems[0]}` };
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (typeof code === 'string' && DAMAGED_CODES.test(code)) return { state: 'damaged', reason: `${(error as Error).message} (${code})` };
    throw error;
  } finally {
    db?.close();
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}
