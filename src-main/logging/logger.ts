import fs from 'node:fs';
import path from 'node:path';
import { appendPrivateFile, ensurePrivateDir, tightenFile } from '../lib/private-files';
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
      const safe = fields ? (redact(fields) as Record<string, unknown>) : {};
      const head = { t: now().toISOString(), level, scope, msg: redactText(message) };
      // Fields never overwrite the line's own t, level, scope or msg (a forged level or time).
      sink.write(JSON.stringify(Object.assign({}, head, safe, head)));
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

/**
 * A sink appending to `dir/sitesync.log`, rotating to `.1`…`.N` when the file passes
 * `maxBytes`. Synchronous appends keep lines whole and ordered across a crash.
 */
export function rotatingFileSink(dir: string, options: { maxBytes?: number; keep?: number } = {}): LogSink & { file: string } {
  const maxBytes = options.maxBytes ?? 5 * 1024 * 1024;
  const keep = options.keep ?? 3;
  const file = path.join(dir, 'sitesync.log');
  // Logs are the user's only (0700 folder, 0600 files): redacted, yet they name tenants and units.
  ensurePrivateDir(dir);
  tightenFile(file);
  let size = fs.existsSync(file) ? fs.statSync(file).size : 0;
  const rotate = () => {
    for (let i = keep - 1; i >= 1; i--) {
      const from = `${file}.${i}`;
      if (fs.existsSync(from)) fs.renameSync(from, `${file}.${i + 1}`);
    }
    if (fs.existsSync(file)) fs.renameSync(file, `${file}.1`);
    size = 0;
  };
  return {
    file,
    write(line) {
      const bytes = Buffer.byteLength(line) + 1;
      if (size + bytes > maxBytes && size > 0) rotate();
      appendPrivateFile(file, `${line}\n`);
      size += bytes;
    },
  };
}
