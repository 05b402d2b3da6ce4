import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EMPTY_COUNTS, type RunRecord } from '../../../src-shared/domain/run';
import { currentRuntime } from '../../../src-main/features/diagnostics-bundle';
import { createDiagnosticsService, type SaveFolderPort } from '../../../src-main/features/diagnostics-service';
import { createDiagnosticsHandlers } from '../../../src-main/ipc/handlers/diagnostics-handlers';
import { dispatch, type HandlerMap } from '../../../src-main/ipc/dispatch';
import { readLogTail } from '../../../src-main/logging/log-tail';
import { createLogger, rotatingFileSink } from '../../../src-main/logging/logger';
import { MemoryRunStore } from '../../fakes/memory-stores';

const tmp = (prefix: string) => fs.mkdtempSync(path.join(os.tmpdir(), prefix));

function run(id: string, startedAt: string, outcome: RunRecord['outcome'] = 'failed'): RunRecord {
  return { id, siteId: 's1', trigger: 'manual', dryRun: false, startedAt, endedAt: startedAt, outcome, counts: EMPTY_COUNTS, problemCount: 0, heldBackCount: 0, error: null };
}

async function setup(folder: string | null = tmp('sitesync-diag-parent-')) {
  const runs = new MemoryRunStore();
  await runs.saveRun(run('run-older-0001', '2026-11-26T10:00:00Z'));
  await runs.saveRun(run('run-newest-0002', '2026-11-27T10:00:00Z', 'succeeded'));
  const shown: string[] = [];
  const folders: SaveFolderPort = { chooseFolder: async () => folder, showFolder: async (f) => void shown.push(f) };
  const service = createDiagnosticsService({
    runtime: currentRuntime('1.2.3'),
    runs,
    shapes: () => [],
    logLines: (limit) => Array.from({ length: 800 }, (_, i) => JSON.stringify({ msg: `line ${i}` })).slice(-limit),
    folders,
    log: createLogger({ write: () => {} }),
    now: () => new Date('2026-11-27T12:00:00Z'),
    logLineCount: 500,
  });
  return { service, shown, folder };
}

const readJson = (folder: string, file: string) => JSON.parse(fs.readFileSync(path.join(folder, file), 'utf8')) as Record<string, unknown>;

describe('diagnostics service', () => {
  it('saves the chosen run into a new folder in the one the dialog chose, with the last 500 log lines', async () => {
    const { service, folder } = await setup();
    const saved = await service.saveReport('run-older-0001');
    if (!saved.saved) throw new Error('not saved');
    expect(path.dirname(saved.folder)).toBe(folder);
    expect(path.basename(saved.folder)).toBe('sitesync-diagnostics-20261127-120000');
    expect(readJson(saved.folder, 'run-report.json')).toMatchObject({ why: 'chosen', run: { id: 'run-older-0001' } });
    const lines = fs.readFileSync(path.join(saved.folder, 'log.jsonl'), 'utf8').trim().split('\n');
    expect(lines).toHaveLength(500);
    expect(lines[0]).toContain('line 300');
    expect(readJson(saved.folder, 'about.json')).toMatchObject({ version: '1.2.3', node: process.versions.node, logLines: 500 });
    // A second report in the same second gets its own folder.
    const again = await service.saveReport();
    if (!again.saved) throw new Error('not saved');
    expect(path.basename(again.folder)).toBe('sitesync-diagnostics-20261127-120000-2');
    expect(readJson(again.folder, 'run-report.json')).toMatchObject({ why: 'latest', run: { id: 'run-newest-0002' } });
  });

  it('answers saved: false when the dialog is cancelled, and writes nothing', async () => {
    const { service } = await setup(null);
    expect(await service.saveReport()).toEqual({ saved: false });
  });

  it('refuses an unknown run and a folder it did not save', async () => {
    const { service, shown } = await setup();
    await expect(service.saveReport('nope')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(service.showFolder('/etc')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const saved = await service.saveReport();
    if (!saved.saved) throw new Error('not saved');
    await service.showFolder(saved.folder);
    expect(shown).toEqual([saved.folder]);
  });

  it('says which folder could not be written', async () => {
    const parent = tmp('sitesync-diag-ro-');
    const file = path.join(parent, 'a-file');
    fs.writeFileSync(file, '');
    const { service } = await setup(file);
    await expect(service.saveReport()).rejects.toMatchObject({ code: 'BAD_INPUT', message: expect.stringContaining(file) });
  });

  it('is served by transport-free handlers with the contract checked', async () => {
    const { service } = await setup();
    const handlers = createDiagnosticsHandlers(service) as unknown as HandlerMap;
    const ok = await dispatch(handlers, 'diagnostics.saveReport', {});
    expect(ok).toMatchObject({ ok: true, value: { saved: true, files: expect.arrayContaining(['README.md']) } });
    expect(await dispatch(handlers, 'diagnostics.saveReport', { runId: 42 })).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
    expect(await dispatch(handlers, 'diagnostics.showFolder', { folder: '/tmp' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});

describe('readLogTail', () => {
  it('reads the newest lines across rotated files, oldest first', () => {
    const dir = tmp('sitesync-logs-');
    const sink = rotatingFileSink(dir, { maxBytes: 200, keep: 5 });
    for (let i = 0; i < 40; i++) sink.write(JSON.stringify({ n: i }));
    expect(fs.existsSync(path.join(dir, 'sitesync.log.1'))).toBe(true);
    const tail = readLogTail(dir, 12).map((l) => (JSON.parse(l) as { n: number }).n);
    expect(tail).toEqual(Array.from({ length: 12 }, (_, i) => 28 + i));
    expect(readLogTail(path.join(dir, 'missing'), 10)).toEqual([]);
  });
});
