import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { propertyRef, refKey } from '../../src-shared/domain/external-ref';
import { runCli as runCliInProcess } from '../../src-main/cli/run-cli';
import { startRentManagerSandbox, type RentManagerSandbox } from '../../src-main/sandbox/rentmanager/server';
import { startSmartPlusSandbox, type SmartPlusSandbox } from '../../src-main/sandbox/smartplus';
import { createSmartPlusClient } from '../../src-main/smartplus/client';
import { findCommunitiesByRefs, readCommunityState } from '../../src-main/smartplus/read-snapshot';

const ROOT = path.resolve(import.meta.dirname, '../..');

/** Both sandboxes running in this process, with the Integration paid, for CLI tests. */
export interface CliWorld {
  rm: RentManagerSandbox;
  sp: SmartPlusSandbox;
  /** Environment for the CLI child process (credentials, a fresh SITESYNC_HOME). */
  env(extra?: Record<string, string>): NodeJS.ProcessEnv;
  /** Restores SmartPlus to empty (Integration paid again) between trials. */
  resetSmartPlus(): void;
  close(): Promise<void>;
}

/** Starts both sandboxes; the Rent Manager portfolio is pinned to `asOf`; `spPassword` replaces SmartPlus's default "sandbox". */
export async function startCliWorld(asOf = '2026-11-27', options: { spPassword?: string } = {}): Promise<CliWorld> {
  const rm = await startRentManagerSandbox({ seed: 'demo', asOf });
  const sp = await startSmartPlusSandbox(options.spPassword ? { password: options.spPassword } : {});
  sp.admin.activateIntegration(12);
  return {
    rm,
    sp,
    env(extra = {}) {
      return {
        ...process.env,
        SITESYNC_RM_URL: rm.url,
        SITESYNC_RM_CORP: rm.corp,
        SITESYNC_RM_LOCATION: String(rm.location),
        SITESYNC_RM_USERNAME: rm.username,
        SITESYNC_RM_PASSWORD: rm.password,
        SITESYNC_SP_URL: sp.url,
        SITESYNC_SP_USERNAME: sp.username,
        SITESYNC_SP_PASSWORD: sp.password,
        SITESYNC_HOME: fs.mkdtempSync(path.join(os.tmpdir(), 'sitesync-cli-')),
        ...extra,
      };
    },
    resetSmartPlus() {
      sp.admin.reset();
      sp.admin.activateIntegration(12);
    },
    async close() {
      await Promise.all([rm.close(), sp.close()]);
    },
  };
}

/** Writes a site configuration file and returns its path. */
export function siteConfigFile(config: Record<string, unknown>): string {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'sitesync-site-')), 'site.json');
  fs.writeFileSync(file, JSON.stringify(config));
  return file;
}

/** How a CLI run ended. */
export interface CliResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** How {@link runCli} runs the CLI. */
export interface RunCliOptions {
  /** SIGKILLs the child process after this long (implies `process`). */
  killAfterMs?: number;
  /** Kills a child process that is still running after this long (default 240 s). */
  timeoutMs?: number;
  /**
   * Runs `node --import tsx src-main/cli.ts …` as a child process (the real entry, exit code and
   * streams). Without it the same `runCli` of src-main/cli/run-cli.ts runs in this process with
   * its output captured: the same code from argument parsing to exit code, without the 1–2 s of
   * a Node + tsx start per call. Tests of the process itself (kills, two processes at once, the
   * entry file) ask for it.
   */
  process?: boolean;
}

/** Runs one CLI invocation (in this process unless `options.process` or `killAfterMs`). */
export async function runCli(args: string[], env: NodeJS.ProcessEnv, options: RunCliOptions = {}): Promise<CliResult> {
  if (options.process || options.killAfterMs !== undefined) return runCliProcess(args, env, options);
  let stdout = '';
  let stderr = '';
  const host = { isPackaged: false, execPath: process.execPath, script: path.join(ROOT, 'src-main/cli.ts') };
  const code = await runCliInProcess(args, { ...env }, host, { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t) });
  return { code, signal: null, stdout, stderr };
}

/** Runs the CLI as a child process (`node --import tsx src-main/cli.ts …`); optionally SIGKILLs it after `killAfterMs`. */
export function runCliProcess(args: string[], env: NodeJS.ProcessEnv, options: RunCliOptions = {}): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'src-main/cli.ts'), ...args], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const killer = options.killAfterMs === undefined ? null : setTimeout(() => child.kill('SIGKILL'), options.killAfterMs);
    const guard = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 240_000);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      if (killer) clearTimeout(killer);
      clearTimeout(guard);
      resolve({ code, signal, stdout, stderr });
    });
  });
}

/** One resident as the comparison sees it (SmartPlus ids left out: they differ between imports). */
interface ResidentView {
  ref: string;
  role: string;
  name: string;
  email: string | null;
  phone: string | null;
  pin: string | null;
  rfCards: string;
}

/**
 * The SmartPlus end state of a property's community, normalised for comparison: apartments
 * and residents by externalRef (sorted), plus any externalRef held by more than one object.
 */
export async function smartPlusState(world: CliWorld, propertyId: number): Promise<{ apartments: string[]; residents: ResidentView[]; duplicates: string[] }> {
  const client = createSmartPlusClient({ baseUrl: world.sp.url, username: world.sp.username, password: world.sp.password });
  const ref = propertyRef({ customer: world.rm.corp, location: world.rm.location }, propertyId);
  const community = (await findCommunitiesByRefs(client, [ref])).get(refKey(ref));
  if (!community) return { apartments: [], residents: [], duplicates: [] };
  const state = await readCommunityState(client, community.id);
  const keys = [...state.apartments.map((a) => a.externalRef), ...state.residents.map((r) => r.externalRef)].flatMap((r) => (r ? [refKey(r)] : []));
  const duplicates = keys.filter((k, i) => keys.indexOf(k) !== i);
  const aptRef = new Map(state.apartments.map((a) => [a.id, a.externalRef ? refKey(a.externalRef) : `manual:${a.name}`]));
  return {
    apartments: state.apartments.map((a) => `${a.externalRef ? refKey(a.externalRef) : 'manual'}=${a.name}`).sort(),
    residents: state.residents
      .map((r) => ({
        ref: r.externalRef ? refKey(r.externalRef) : `master:${aptRef.get(r.apartmentId)}`,
        role: r.role,
        name: `${r.firstName} ${r.lastName}`,
        email: r.email,
        phone: r.phone,
        pin: r.pin,
        rfCards: r.rfCards.join(','),
      }))
      .sort((a, b) => a.ref.localeCompare(b.ref)),
    duplicates,
  };
}

/** A small seeded PRNG (mulberry32) so random kill points are reproducible from the printed seed. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
