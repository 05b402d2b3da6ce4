import fs from 'node:fs';
import path from 'node:path';
import { CalendarDateSchema } from '../../src-shared/domain/calendar-date';
import { startRentManagerSandbox } from '../sandbox/rentmanager/server';
import { loadState } from '../sandbox/rentmanager/state';
import { loadStateFile } from '../sandbox/smartplus/state';
import { SandboxShapeSchema, type SandboxShape } from '../sandbox/shape';
import { startSmartPlusSandbox } from '../sandbox/smartplus';
import { UsageError } from './cli-error';

/** Options of `sandbox`. */
export interface SandboxArgs {
  seed?: string;
  rmPort?: string;
  spPort?: string;
  state?: string;
  asOf?: string;
  paid?: boolean;
  json?: boolean;
  /** `tidy` (default) or `field` (`--shape`, else SITESYNC_SANDBOX_SHAPE). */
  shape?: string;
}

function port(value: string | undefined, name: string): number {
  if (value === undefined) return 0;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65_535) throw new UsageError(`${name} must be a port number (0–65535), not "${value}".`);
  return n;
}

function seed(value: string | undefined): 'demo' | 'bench' | { units: number } {
  if (value === undefined || value === 'demo' || value === 'bench') return value ?? 'demo';
  const units = Number(value);
  if (!Number.isInteger(units) || units < 1 || units > 100_000) throw new UsageError(`--seed is demo, bench or a number of units (1–100000), not "${value}".`);
  return { units };
}

function shapeOf(value: string | undefined): SandboxShape {
  if (value === undefined || value === '') return 'tidy';
  const parsed = SandboxShapeSchema.safeParse(value.trim().toLowerCase());
  if (!parsed.success) throw new UsageError(`--shape is tidy or field, not "${value}".`);
  return parsed.data;
}

/** `<file>` for Rent Manager and `<file minus .json>.smartplus.json` for SmartPlus. */
function stateFiles(file: string | undefined): { rm?: string; sp?: string } {
  if (!file) return {};
  const resolved = path.resolve(file);
  const base = resolved.endsWith('.json') ? resolved.slice(0, -5) : resolved;
  return { rm: `${base}.json`, sp: `${base}.smartplus.json` };
}

/**
 * Refuses a `--state` path that holds something other than a state file of this sandbox (a site
 * configuration, the database, a FIFO): the sandbox would replace it with a fresh portfolio.
 */
function checkStateFile(file: string, kind: string, isStateFile: (file: string) => boolean): void {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw new UsageError(`--state: ${file} cannot be read: ${(error as Error).message}`);
  }
  if (!stat.isFile()) throw new UsageError(`--state: ${file} is not a regular file (a folder, FIFO or device). Choose a file name for the sandbox's state.`);
  let ok: boolean;
  try {
    ok = isStateFile(file);
  } catch {
    ok = false;
  }
  if (!ok) throw new UsageError(`--state: ${file} exists and is not a SiteSync ${kind} sandbox state file. It was left untouched; choose another file name.`);
}

/**
 * `sandbox`: starts both stand-ins on 127.0.0.1 and prints where they are and how to sign in,
 * then runs until SIGINT/SIGTERM. Resolves with the exit code once stopped.
 */
export async function sandboxCommand(args: SandboxArgs, out: (line: string) => void, stop: Promise<void>): Promise<number> {
  const asOf = args.asOf === undefined ? undefined : CalendarDateSchema.safeParse(args.asOf);
  if (asOf && !asOf.success) throw new UsageError(`--as-of must be a date as YYYY-MM-DD, not "${args.asOf}".`);
  const files = stateFiles(args.state);
  if (files.rm) checkStateFile(files.rm, 'Rent Manager', (f) => loadState(f) !== null);
  if (files.sp) checkStateFile(files.sp, 'SmartPlus', (f) => loadStateFile(f) !== null);
  const shape = shapeOf(args.shape);
  const rm = await startRentManagerSandbox({
    shape,
    port: port(args.rmPort, '--rm-port'),
    seed: seed(args.seed),
    ...(asOf?.success ? { asOf: asOf.data } : {}),
    ...(files.rm ? { stateFile: files.rm } : {}),
  });
  const sp = await startSmartPlusSandbox({ shape, port: port(args.spPort, '--sp-port'), ...(files.sp ? { stateFile: files.sp } : {}) });
  if (args.paid) sp.admin.activateIntegration(12);
  const info = {
    rentManager: { url: rm.url, corp: rm.corp, location: rm.location, username: rm.username, password: rm.password },
    smartPlus: { url: sp.url, username: sp.username, password: sp.password },
    shape,
  };
  if (args.json) {
    out(JSON.stringify(info));
  } else {
    out(`SiteSync sandbox is running (local stand-ins; nothing reaches a real building; ${shape === 'field' ? 'field shapes: nulls left out, unknown fields, string numbers, lower-case enums' : 'tidy answers'}).`);
    out(`  Rent Manager  ${rm.url}  corp ${rm.corp}, location ${rm.location}, user ${rm.username} / ${rm.password}`);
    out(`  SmartPlus     ${sp.url}  user ${sp.username} / ${sp.password}${args.paid ? ' (Integration paid)' : ' (Integration not paid yet)'}`);
    out('For the sync command:');
    out(`  export SITESYNC_RM_URL=${rm.url} SITESYNC_RM_CORP=${rm.corp} SITESYNC_RM_LOCATION=${rm.location} SITESYNC_RM_USERNAME=${rm.username} SITESYNC_RM_PASSWORD=${rm.password}`);
    out(`  export SITESYNC_SP_URL=${sp.url} SITESYNC_SP_USERNAME=${sp.username} SITESYNC_SP_PASSWORD=${sp.password}`);
    out('Press Ctrl+C to stop.');
  }
  await stop;
  await Promise.all([rm.close(), sp.close()]);
  return 0;
}
