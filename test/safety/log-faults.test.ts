import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger, type LogFileOps, rotatingFileSink } from '../../src-main/logging/logger';
import { siteConfig, startWorld, type SandboxWorld } from './helpers/world';

// Issue 12, "nothing on the side may stop a run": a log write that fails — disk full, read-only
// volume, no permission — never propagates, and a sync whose log cannot be written ends normally.

const ROOT = path.resolve(import.meta.dirname, '../..');
const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'sitesync-logfault-'));
const fsError = (code: string) => Object.assign(new Error(`${code}: injected`), { code });

/** Node's fs with the chosen operations failing with `code` while `failing()` is true. */
function failingFs(code: string, failing: () => boolean, ops: Array<keyof LogFileOps> = ['appendFileSync']): LogFileOps {
  const guard = <K extends keyof LogFileOps>(name: K): LogFileOps[K] =>
    ((...args: unknown[]) => {
      if (ops.includes(name) && failing()) throw fsError(code);
      return (fs[name] as (...a: unknown[]) => unknown)(...args);
    }) as LogFileOps[K];
  return { appendFileSync: guard('appendFileSync'), renameSync: guard('renameSync'), existsSync: fs.existsSync, statSync: fs.statSync, mkdirSync: guard('mkdirSync') };
}

describe('a log write that fails never propagates (injected writer)', () => {
  it.each(['ENOSPC', 'EROFS', 'EACCES', 'EIO'])('%s on append: the caller carries on, the loss is counted and then reported once', (code) => {
    const dir = tmp();
    let broken = true;
    const sink = rotatingFileSink(dir, { fs: failingFs(code, () => broken) });
    const log = createLogger(sink, { scope: 'test' });
    expect(() => {
      log.info('first');
      log.warn('second', { runId: 'r1' });
    }).not.toThrow();
    expect(sink.dropped).toBe(2);
    expect(sink.lastError).toBe(code);
    broken = false;
    log.info('back');
    const lines = fs.readFileSync(sink.file, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    expect(lines).toMatchObject([{ msg: expect.stringContaining('log lines were lost'), dropped: 2, error: code }, { msg: 'back' }]);
    expect(sink.dropped).toBe(0);
  });

  it('a log folder that cannot be created (EROFS at start) does not stop the logger being built', () => {
    const dir = path.join(tmp(), 'logs');
    const sink = rotatingFileSink(dir, { fs: failingFs('EROFS', () => true, ['mkdirSync', 'appendFileSync']) });
    expect(() => createLogger(sink).error('boom')).not.toThrow();
    expect(sink.lastError).toBe('EROFS');
  });

  it('a rotation that fails (EACCES on rename) still writes the line into the current file', () => {
    const dir = tmp();
    const sink = rotatingFileSink(dir, { maxBytes: 60, fs: failingFs('EACCES', () => true, ['renameSync']) });
    const log = createLogger(sink);
    for (let i = 0; i < 5; i++) log.info('rotating line', { i });
    expect(sink.dropped).toBe(0);
    expect(fs.readFileSync(sink.file, 'utf8').trim().split('\n')).toHaveLength(5);
  });

  it('a sink that throws anything at all (not only fs errors) is contained by the logger', () => {
    const log = createLogger({ write: () => { throw new TypeError('sink bug'); } }).child('x');
    expect(() => log.error('still fine')).not.toThrow();
  });
});

describe('a log write that fails never propagates (real devices and folders)', () => {
  it('a full disk: the log file is /dev/full (real ENOSPC from the kernel)', () => {
    const dir = tmp();
    fs.symlinkSync('/dev/full', path.join(dir, 'sitesync.log'));
    const sink = rotatingFileSink(dir, { maxBytes: 1 << 30 });
    expect(() => createLogger(sink).info('does not fit')).not.toThrow();
    expect(sink.lastError).toBe('ENOSPC');
    expect(sink.dropped).toBe(1);
  });

  it('no permission: a folder the process may not write (EACCES or EPERM)', () => {
    // root ignores file modes, so as root the folder is one the kernel refuses to everyone.
    const dir = process.getuid?.() === 0 ? '/sys/kernel/sitesync-logs' : tmp();
    if (process.getuid?.() !== 0) fs.chmodSync(dir, 0o500);
    const sink = rotatingFileSink(dir);
    expect(() => createLogger(sink).info('refused')).not.toThrow();
    expect(['EACCES', 'EPERM', 'ENOENT']).toContain(sink.lastError);
  });

  const canMountReadOnly = spawnSync('unshare', ['-rm', 'true']).status === 0;
  it.skipIf(!canMountReadOnly)('a read-only volume (a real ro mount, EROFS) with a log file already on it', () => {
    const dir = tmp();
    const script = 'mount -t tmpfs tmpfs "$1" && echo "{}" > "$1/sitesync.log" && mount -o remount,ro "$1" && exec "$2" --import tsx "$3" "$1"';
    const child = spawnSync('unshare', ['-rm', 'sh', '-c', script, 'sh', dir, process.execPath, path.join(ROOT, 'test/safety/helpers/log-into.ts')], { cwd: ROOT, encoding: 'utf8' });
    expect(child.stderr).toBe('');
    expect(JSON.parse(child.stdout)).toEqual({ threw: null, dropped: 20, lastError: 'EROFS', carriedOn: true });
  });
});

describe('a sync whose log cannot be written ends normally', () => {
  let world: SandboxWorld;
  beforeAll(async () => {
    world = await startWorld();
  });
  afterAll(async () => world.close());

  it('disk full for the whole run: every operation applies and the run succeeds', async () => {
    const sink = rotatingFileSink(tmp(), { fs: failingFs('ENOSPC', () => true) });
    const logger = createLogger(sink, { level: 'debug', scope: 'sync' });
    const config = siteConfig();
    const result = await world.sync(config, { logger });
    expect(result.run.outcome).toBe('succeeded');
    expect(result.applied.length).toBeGreaterThan(0);
    expect(result.applied.filter((a) => a.status !== 'done')).toEqual([]);
    expect(sink.dropped).toBeGreaterThan(0);
    const after = await world.sync(config, { logger });
    expect(after.plan?.operations ?? []).toEqual([]);
  });
});
