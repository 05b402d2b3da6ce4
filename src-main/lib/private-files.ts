import fs from 'node:fs';
import path from 'node:path';

/** Mode of SiteSync's own files: readable and writable by the user only. */
export const PRIVATE_FILE_MODE = 0o600;
/** Mode of SiteSync's own folders: the user only. */
export const PRIVATE_DIR_MODE = 0o700;

/**
 * Creates `dir` (and missing parents) readable by the user only, and tightens `dir` itself if it
 * already existed with wider rights. Only for folders SiteSync owns (the data home, logs) — never
 * for a folder the user chose, such as Downloads. (On Windows the modes are ignored; the profile
 * folder is already private.)
 */
export function ensurePrivateDir(dir: string): void {
  fs.mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR_MODE });
  tightenDir(dir);
}

/** Makes an existing folder the user's only (no-op when it is not there). */
export function tightenDir(dir: string): void {
  tightenFile(dir, PRIVATE_DIR_MODE);
}

/** Makes an existing file readable by the user only (no-op when it is not there). */
export function tightenFile(file: string, mode: number = PRIVATE_FILE_MODE): void {
  try {
    fs.chmodSync(file, mode);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
}

/** Writes a file created readable by the user only; `flag: 'wx'` refuses to overwrite. */
export function writePrivateFile(file: string, data: string | Uint8Array, flag: 'w' | 'wx' = 'w'): void {
  fs.writeFileSync(file, data, { mode: PRIVATE_FILE_MODE, flag });
  tightenFile(file);
}

/** Appends to a file, creating it readable by the user only. */
export function appendPrivateFile(file: string, data: string): void {
  fs.appendFileSync(file, data, { mode: PRIVATE_FILE_MODE });
}

/**
 * Prepares an SQLite database file before it is opened: its folder private, the file created
 * 0600 (SQLite gives its -wal and -shm files the mode of the database file) and any existing
 * database, WAL or shared-memory file tightened.
 */
export function preparePrivateDatabase(file: string): void {
  ensurePrivateDir(path.dirname(file));
  fs.closeSync(fs.openSync(file, 'a', PRIVATE_FILE_MODE));
  for (const f of [file, `${file}-wal`, `${file}-shm`, `${file}-journal`]) tightenFile(f);
}
