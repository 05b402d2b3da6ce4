import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPORT_FILES } from '../../../src-main/features/diagnostics-bundle';
import { type CliWorld, runCli, siteConfigFile, smartPlusState, startCliWorld } from '../../support/cli-harness';

// `cli diagnostics` against both sandboxes: a real sync first (its log, run history and response
// shapes under SITESYNC_HOME), then the report — its files, their modes, and nothing personal.
const PROPERTY = 4; // Oak Street Townhomes, the demo's smallest property.
const site = siteConfigFile({ properties: [PROPERTY], pinField: 'Door PIN', rfCardField: 'RF Card' });

let world: CliWorld;
let env: NodeJS.ProcessEnv;
let outDir: string;

const readReport = (folder: string) => Object.fromEntries(REPORT_FILES.map((f) => [f, fs.readFileSync(path.join(folder, f), 'utf8')]));

beforeAll(async () => {
  // A SmartPlus password that is no common word (the default, "sandbox", is in every log line's scope).
  world = await startCliWorld('2026-11-27', { spPassword: 'Sp-Canary-Pass-9931' });
  env = world.env();
  const sync = await runCli(['sync', '--site-config', site, '--json'], env);
  expect(sync.code, sync.stderr).toBe(0);
  outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sitesync-diag-out-'));
}, 180_000);

afterAll(async () => {
  await world?.close();
});

describe('cli diagnostics', () => {
  it('is in the help text', async () => {
    const help = await runCli(['--help'], env);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('diagnostics [--out DIR] [--run RUN]');
  }, 60_000);

  it('saves versions, the log, the latest run and the response shapes of the last sync, owner-only', async () => {
    const result = await runCli(['diagnostics', '--out', outDir, '--json'], env);
    expect(result.code, result.stderr).toBe(0);
    const saved = JSON.parse(result.stdout) as { folder: string; files: string[] };
    expect(path.dirname(saved.folder)).toBe(outDir);
    expect(saved.files).toEqual([...REPORT_FILES]);
    expect(fs.readdirSync(saved.folder).sort()).toEqual([...REPORT_FILES].sort());
    if (process.platform !== 'win32') {
      expect(fs.statSync(saved.folder).mode & 0o777).toBe(0o700);
      for (const f of REPORT_FILES) expect(fs.statSync(path.join(saved.folder, f)).mode & 0o777, f).toBe(0o600);
    }
    const files = readReport(saved.folder);

    const about = JSON.parse(files['about.json']!) as Record<string, unknown>;
    expect(about).toMatchObject({ app: 'SiteSync CLI', version: '0.1.0', node: process.versions.node, platform: process.platform, electron: null });

    const runs = JSON.parse((await runCli(['runs', '--json'], env)).stdout) as Array<{ id: string }>;
    const report = JSON.parse(files['run-report.json']!) as { why: string; run: { id: string; outcome: string }; problems: unknown[] };
    expect(report.why).toBe('latest');
    expect(report.run.id).toBe(runs[0]!.id);

    const logLines = files['log.jsonl']!.trim().split('\n');
    expect(logLines.length).toBeGreaterThan(3);
    expect(logLines.length).toBeLessThanOrEqual(500);
    for (const line of logLines) expect(() => JSON.parse(line)).not.toThrow();

    const shapes = JSON.parse(files['response-shapes.json']!) as Array<{ endpoint: string; shape: unknown }>;
    const endpoints = shapes.map((s) => s.endpoint);
    expect(endpoints).toEqual(expect.arrayContaining(['rentmanager GET /Tenants', 'rentmanager GET /Units', 'smartplus GET /communities', 'smartplus POST /apartments/:id/family-members']));
    expect(endpoints.every((e) => !/\d/.test(e))).toBe(true);
    const tenants = shapes.find((s) => s.endpoint === 'rentmanager GET /Tenants')!.shape as Array<Record<string, unknown>>;
    expect(tenants[0]).toMatchObject({ TenantID: 'number', Name: 'string' });

    for (const f of ['README.md', 'about.json', 'log.jsonl', 'run-report.json', 'response-shapes.json']) expect(files['README.md']).toContain(`\`${f}\``);
  }, 120_000);

  it('holds no password, token, PIN, RF card, name or e-mail of the sandboxes', async () => {
    const result = await runCli(['diagnostics', '--out', outDir, '--json'], env);
    expect(result.code, result.stderr).toBe(0);
    const text = Object.values(readReport((JSON.parse(result.stdout) as { folder: string }).folder)).join('\n');
    const state = await smartPlusState(world, PROPERTY);
    const secrets = [world.rm.password, world.sp.password];
    const personal = state.residents.flatMap((r) => [r.name, r.email, r.pin, ...r.rfCards.split(',')]).filter((v): v is string => !!v && v.length >= 4);
    expect(personal.length).toBeGreaterThan(30);
    for (const value of [...secrets, ...personal]) expect(text, value).not.toContain(value);
  }, 120_000);

  it('takes --run, refuses an unknown run as bad usage, and works before any sync', async () => {
    const runs = JSON.parse((await runCli(['runs', '--json'], env)).stdout) as Array<{ id: string }>;
    const chosen = await runCli(['diagnostics', '--out', outDir, '--run', runs[0]!.id], env);
    expect(chosen.code, chosen.stderr).toBe(0);
    expect(chosen.stdout).toContain('Diagnostics report saved in');
    const folder = chosen.stdout.match(/saved in (.+)/)![1]!;
    expect((JSON.parse(fs.readFileSync(path.join(folder, 'run-report.json'), 'utf8')) as { why: string }).why).toBe('chosen');

    const unknown = await runCli(['diagnostics', '--out', outDir, '--run', 'no-such-run'], env);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('no-such-run is not in the history');

    const fresh = world.env();
    const empty = await runCli(['diagnostics', '--out', outDir, '--json'], fresh);
    expect(empty.code, empty.stderr).toBe(0);
    const files = readReport((JSON.parse(empty.stdout) as { folder: string }).folder);
    expect(JSON.parse(files['run-report.json']!)).toMatchObject({ why: 'none', run: null });
    expect(JSON.parse(files['response-shapes.json']!)).toEqual([]);
  }, 120_000);
});
