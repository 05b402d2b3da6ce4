import fs from 'node:fs';
import path from 'node:path';
import { PRIVATE_DIR_MODE, PRIVATE_FILE_MODE, tightenDir, tightenFile } from '../lib/private-files';
import { redact, redactText } from './redact';

/** Log levels, least to most severe. */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error';
const LEVELS: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

/** A scoped logger. Fields are redacted before they are written: pass objects freely, never pre-format secrets. */
export interface Logger {
  debug(message: string, fields?: Record<string, unknown>): void;
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
  /** A logger for a narrower scope, e.g. `log.child('rentmanager')`. */
  child(scope: string): Logger;
}

/** Where log lines go (a file, memory in tests). */
export interface LogSink {
  write(line: string): void;
}

/** Builds a logger writing JSON lines `{ t, level, scope, msg, ...fields }` to `sink`, redacted. */
export function createLogger(sink: LogSink, options: { scope?: string; level?: LogLevel; now?: () => Date } = {}): Logger {
  const min = LEVELS[options.level ?? 'info'];
  const now = options.now ?? (() => new Date());
  const make = (scope: string): Logger => {
    const emit = (level: LogLevel, message: string, fields?: Record<string, unknown>) => {
      if (LEVELS[level] < min) return;
      // Logging is on the side: nothing it does (a cycle the redactor missed, a full disk, a
      // read-only folder) may stop the work it describes, so no failure leaves this function.
      try {
        const safe = fields ? (redact(fields) as Record<string, unknown>) : {};
        const head = { t: now().toISOString(), level, scope, msg: redactText(message) };
        // Fields never overwrite the line's own t, level, scope or msg (a forged level or time).
        sink.write(JSON.stringify(Object.assign({}, head, safe, head)));
      } catch {
        // Dropped; a file sink counts its own failures and says so once it can write again.
      }
    };
    return {
      debug: (m, f) => emit('debug', m, f),
      info: (m, f) => emit('info', m, f),
      warn: (m, f) => emit('warn', m, f),
      error: (m, f) => emit('error', m, f),
      child: (inner) => make(scope ? `${scope}.${inner}` : inner),
    };
  };
  return make(options.scope ?? '');
}

/** A logger that drops everything (for tests and code paths that take an optional logger). */
export const silentLogger: Logger = createLogger({ write: () => {} });

/** A sink that keeps lines in memory (tests read `lines`). */
export function memorySink(): LogSink & { lines: string[] } {
  const lines: string[] = [];
  return { lines, write: (line) => void lines.push(line) };
}

/** The file operations a {@link rotatingFileSink} uses (Node's `fs`; tests inject failing ones). */
export type LogFileOps = Pick<typeof fs, 'appendFileSync' | 'renameSync' | 'existsSync' | 'statSync' | 'mkdirSync'>;

/** A file sink, with what it could not write. */
export interface FileLogSink extends LogSink {
  readonly file: string;
  /** Lines lost since the last successful write (disk full, read-only, no permission). */
  readonly dropped: number;
  /** The error code of the last failed write (ENOSPC, EROFS, EACCES…), or null once writing works. */
  readonly lastError: string | null;
}

/**
 * A sink appending to `dir/sitesync.log`, rotating to `.1`…`.N` when the file passes
 * `maxBytes`. Synchronous appends keep lines whole and ordered across a crash. It never throws:
 * a folder it cannot create, a full disk (ENOSPC), a read-only volume (EROFS) or a missing
 * permission (EACCES) drops the line and counts it; the first line that gets through again is
 * preceded by one that says how many were lost and why.
 */
export function rotatingFileSink(dir: string, options: { maxBytes?: number; keep?: number; fs?: LogFileOps } = {}): FileLogSink {
  const ops = options.fs ?? fs;
  const maxBytes = options.maxBytes ?? 5 * 1024 * 1024;
  const keep = options.keep ?? 3;
  const file = path.join(dir, 'sitesync.log');
  let dropped = 0;
  let lastError: string | null = null;
  const attempt = <T>(step: () => T): { ok: true; value: T } | { ok: false } => {
    try {
      return { ok: true, value: step() };
    } catch (error) {
      lastError = errorCode(error);
      return { ok: false };
    }
  };
  // Logs are the user's only (0700 folder, 0600 files): redacted, yet they name tenants and units.
  const makeDir = () => {
    ops.mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR_MODE });
    tightenDir(dir);
    tightenFile(file);
  };
  let ready = attempt(makeDir).ok;
  const size = attempt(() => (ops.existsSync(file) ? ops.statSync(file).size : 0));
  let bytesSoFar = size.ok ? size.value : 0;
  const rotate = () => {
    for (let i = keep - 1; i >= 1; i--) {
      const from = `${file}.${i}`;
      if (ops.existsSync(from)) ops.renameSync(from, `${file}.${i + 1}`);
    }
    if (ops.existsSync(file)) ops.renameSync(file, `${file}.1`);
    bytesSoFar = 0;
  };
  const append = (line: string): boolean => {
    if (!ready) ready = attempt(makeDir).ok;
    if (!ready) return false;
    const bytes = Buffer.byteLength(line) + 1;
    // A failed rotation only means the file grows a little past maxBytes; the line still goes.
    if (bytesSoFar + bytes > maxBytes && bytesSoFar > 0) attempt(rotate);
    if (!attempt(() => ops.appendFileSync(file, `${line}\n`, { mode: PRIVATE_FILE_MODE })).ok) return false;
    bytesSoFar += bytes;
    return true;
  };
  return {
    file,
    get dropped() {
      return dropped;
    },
    get lastError() {
      return lastError;
    },
    write(line) {
      if (dropped > 0) {
        const note = JSON.stringify({ t: new Date().toISOString(), level: 'warn', scope: 'logging', msg: 'log lines were lost: the log file could not be written', dropped, error: lastError });
        if (!append(note)) return void (dropped += 1);
        dropped = 0;
      }
      if (append(line)) lastError = null;
      else dropped += 1;
    },
  };
}

function errorCode(error: unknown): string {
  const code = error && typeof error === 'object' && 'code' in error ? (error as { code: unknown }).code : null;
  return typeof code === 'string' ? code : 'UNKNOWN';
}
