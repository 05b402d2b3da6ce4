import { type ChildProcess, execFileSync, spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/*
 * What deploy/Dockerfile does, without Docker: its build stage's COPY lines into a clean folder,
 * the CLI bundle built there, and the bundle run next to only the two native modules (all the
 * runtime image has beyond what `npm ci --omit=dev` adds) — help, the sandbox and a dry run.
 */

const root = path.resolve(import.meta.dirname, '../../..');
const dockerfile = fs.readFileSync(path.join(root, 'deploy/Dockerfile'), 'utf8');
const stages = dockerfile.split(/^FROM /m).slice(1);
const buildStage = stages.find((s) => /\bAS build\b/.test(s.split('\n')[0]!))!;

/** The sources the build stage copies from the context (package files aside: node_modules stands in for `npm ci`). */
const copied = [...buildStage.matchAll(/^COPY (?!--from)(.+)$/gm)].flatMap((m) => m[1]!.trim().split(/\s+/).slice(0, -1)).filter((s) => !s.startsWith('package'));

let work: string;
let bundle: string;
let sandbox: ChildProcess | undefined;

beforeAll(() => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'sitesync-docker-'));
  const context = path.join(work, 'context');
  for (const src of copied) fs.cpSync(path.join(root, src), path.join(context, src), { recursive: true });
  fs.copyFileSync(path.join(root, 'package.json'), path.join(context, 'package.json'));
  fs.symlinkSync(path.join(root, 'node_modules'), path.join(context, 'node_modules'));
  execFileSync(process.execPath, ['scripts/build-cli.mjs', 'dist/cli'], { cwd: context, stdio: 'pipe' });
  const app = path.join(work, 'app');
  fs.mkdirSync(path.join(app, 'node_modules', '@napi-rs'), { recursive: true });
  fs.symlinkSync(path.join(root, 'node_modules', 'better-sqlite3'), path.join(app, 'node_modules', 'better-sqlite3'));
  for (const pkg of fs.readdirSync(path.join(root, 'node_modules', '@napi-rs')).filter((p) => p.startsWith('keyring'))) {
    fs.symlinkSync(path.join(root, 'node_modules', '@napi-rs', pkg), path.join(app, 'node_modules', '@napi-rs', pkg));
  }
  bundle = path.join(app, 'sitesync-cli.cjs');
  fs.copyFileSync(path.join(context, 'dist/cli/sitesync-cli.cjs'), bundle);
}, 120_000);

afterAll(() => {
  if (sandbox?.pid) sandbox.kill('SIGTERM');
  fs.rmSync(work, { recursive: true, force: true });
});

describe('deploy/Dockerfile', () => {
  it('builds from Node 24 in stages, runs as the non-root node user with state on a volume at SITESYNC_HOME', () => {
    expect(dockerfile).toMatch(/^ARG NODE_IMAGE=node:24-/m);
    expect(stages.length).toBeGreaterThanOrEqual(3);
    const runtime = stages.at(-1)!;
    expect(runtime).toMatch(/^USER node$/m);
    expect(runtime).toMatch(/SITESYNC_HOME=\/var\/lib\/sitesync/);
    expect(runtime).toMatch(/^VOLUME \["\/var\/lib\/sitesync"\]$/m);
    expect(runtime).toContain('ENTRYPOINT ["node", "--enable-source-maps", "/app/sitesync-cli.cjs"]');
    expect(runtime).not.toMatch(/electron/i);
    expect(copied).toEqual(expect.arrayContaining(['src-main', 'src-shared', 'scripts/build-cli.mjs']));
  });

  it('its .dockerignore lets in everything the build stage copies', () => {
    const ignore = fs.readFileSync(path.join(root, 'deploy/Dockerfile.dockerignore'), 'utf8');
    for (const src of [...copied, 'package.json', 'package-lock.json']) expect(ignore).toMatch(new RegExp(`^!${src.replace(/\./g, '\\.')}(/\\*\\*)?$`, 'm'));
  });

  it('the bundle runs with only the native modules beside it: help', () => {
    const help = spawnSync(process.execPath, [bundle, '--help'], { encoding: 'utf8', cwd: path.dirname(bundle) });
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(/SiteSync command line/);
    expect(fs.readFileSync(bundle, 'utf8')).toMatch(/require\(["']better-sqlite3["']\)/);
  });

  it('the bundle starts the sandbox and dry-runs a site against it through the database', async () => {
    sandbox = spawn(process.execPath, [bundle, 'sandbox', '--json', '--seed', 'demo'], { stdio: ['ignore', 'pipe', 'pipe'] });
    const line = await new Promise<string>((resolve, reject) => {
      let text = '';
      sandbox!.stdout!.on('data', (chunk: Buffer) => {
        text += chunk.toString();
        if (text.includes('\n')) resolve(text.split('\n')[0]!);
      });
      sandbox!.once('exit', (code) => reject(new Error(`sandbox exited with ${code}`)));
    });
    const urls = JSON.parse(line) as { rentManager: { url: string; corp: string; location: number; username: string; password: string }; smartPlus: { url: string; username: string; password: string } };
    const home = path.join(work, 'home');
    const siteConfig = path.join(work, 'site.json');
    fs.writeFileSync(siteConfig, JSON.stringify({ properties: [1] }));
    const env = {
      PATH: process.env.PATH,
      SITESYNC_HOME: home,
      SITESYNC_RM_URL: urls.rentManager.url,
      SITESYNC_RM_CORP: urls.rentManager.corp,
      SITESYNC_RM_LOCATION: String(urls.rentManager.location),
      SITESYNC_RM_USERNAME: urls.rentManager.username,
      SITESYNC_RM_PASSWORD: urls.rentManager.password,
      SITESYNC_SP_URL: urls.smartPlus.url,
      SITESYNC_SP_USERNAME: urls.smartPlus.username,
      SITESYNC_SP_PASSWORD: urls.smartPlus.password,
    };
    const sync = spawnSync(process.execPath, [bundle, 'sync', '--site-config', siteConfig, '--dry-run', '--json'], { encoding: 'utf8', env, cwd: work });
    expect(sync.stderr).toBe('');
    expect(sync.status).toBe(0);
    const report = JSON.parse(sync.stdout) as { run: { dryRun: boolean; outcome: string; counts: { apartments: number } } };
    expect(report.run).toMatchObject({ dryRun: true, outcome: 'succeeded' });
    expect(report.run.counts.apartments).toBeGreaterThan(0);
    expect(fs.existsSync(path.join(home, 'sitesync.db'))).toBe(true);
  }, 60_000);
});
