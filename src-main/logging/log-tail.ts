import fs from 'node:fs';
import path from 'node:path';

/** The file {@link rotatingFileSink} writes in a log folder, and its rotations `.1`, `.2`, … */
const LOG_FILE = 'sitesync.log';
/** Read at most this much of one file: the tail of a large log is what support needs. */
const MAX_BYTES_PER_FILE = 4 * 1024 * 1024;

/** The last `bytes` of a file as text, starting at a whole line. */
function tailOf(file: string, bytes: number): string {
  const size = fs.statSync(file).size;
  const start = Math.max(0, size - bytes);
  const fd = fs.openSync(file, 'r');
  try {
    const buffer = Buffer.alloc(size - start);
    fs.readSync(fd, buffer, 0, buffer.length, start);
    const text = buffer.toString('utf8');
    return start === 0 ? text : text.slice(text.indexOf('\n') + 1);
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * The last `limit` lines of the log in `dir` (the rotating sink's folder), oldest first: the
 * current file, then as many rotations as it takes. A missing folder or file is no lines.
 */
export function readLogTail(dir: string, limit: number): string[] {
  const lines: string[] = [];
  for (let i = 0; lines.length < limit; i++) {
    const file = path.join(dir, i === 0 ? LOG_FILE : `${LOG_FILE}.${i}`);
    if (!fs.existsSync(file)) break;
    const fileLines = tailOf(file, MAX_BYTES_PER_FILE).split('\n').filter((l) => l.trim() !== '');
    lines.unshift(...fileLines.slice(-(limit - lines.length)));
  }
  return lines;
}
