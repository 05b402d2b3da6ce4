import fs from 'node:fs';
import path from 'node:path';
import { CalendarDateSchema } from '../../src-shared/domain/calendar-date';
import { isAppError } from '../../src-shared/errors';
import { openLocalDb } from '../db/local-db';
import { createLogger, rotatingFileSink } from '../logging/logger';
import { createRentManagerClient } from '../rentmanager/client';
import { createSmartPlusClient } from '../smartplus/client';
import { rentManagerPort } from '../sync/adapters/rentmanager-port';
import { smartPlusPort } from '../sync/adapters/smartplus-port';
import { runSiteSync } from '../sync/engine';
import { formatRunText } from '../sync/report';
import { EXIT, UsageError } from './cli-error';
import { cliSecrets } from './cli-secrets';
import { readCredentials } from './env';
import { readSiteConfig } from './site-config';

/** Options of `sync`. */
export interface SyncArgs {
  siteConfig?: string;
  dryRun?: boolean;
  json?: boolean;
  asOf?: string;
  allowMassDelete?: boolean;
  /** Plan and hold every change for `approve --run` (issue 15: "ask me first" from the command line). */
  planOnly?: boolean;
}

/** The site ID the CLI records its runs under: one per Rent Manager company, location and property list. */
export function cliSiteId(credentials: { rentManager: { corp: string; locationId: number } }, properties: readonly number[]): string {
  return `cli:${credentials.rentManager.corp}:${credentials.rentManager.locationId}:${properties.join(',')}`;
}

/** Where the CLI keeps its journal, run history and log. */
export function cliHome(env: NodeJS.ProcessEnv): string {
  return path.resolve(env.SITESYNC_HOME ?? '.sitesync-home');
}

/**
 * `sync`: one site through the same engine as the app — read, plan, apply (unless dry run),
 * record — and print the report. SIGINT cancels cleanly between operations; a rerun finishes.
 */
export async function syncCommand(args: SyncArgs, env: NodeJS.ProcessEnv, io: { out: (s: string) => void; err: (s: string) => void }, signal: AbortSignal): Promise<number> {
  if (!args.siteConfig) throw new UsageError('sync needs --site-config FILE.');
  const config = readSiteConfig(args.siteConfig);
  const credentials = readCredentials(env);
  const asOf = args.asOf === undefined ? undefined : CalendarDateSchema.safeParse(args.asOf);
  if (asOf && !asOf.success) throw new UsageError(`--as-of must be a date as YYYY-MM-DD, not "${args.asOf}".`);

  const home = cliHome(env);
  fs.mkdirSync(home, { recursive: true });
  const log = createLogger(rotatingFileSink(path.join(home, 'logs')), { scope: 'cli' });
  // The journal keeps each change's PINs encrypted with the keychain's database key (issue 15: undo).
  const db = await openLocalDb(path.join(home, 'sitesync.db'), cliSecrets());
  const rm = createRentManagerClient({ ...credentials.rentManager, logger: log });
  const sp = createSmartPlusClient({ ...credentials.smartPlus, logger: log });
  const siteId = cliSiteId(credentials, config.properties);
  try {
    const result = await runSiteSync({
      site: { id: siteId, name: `properties ${config.properties.join(', ')}` },
      config,
      ports: { rentManager: rentManagerPort(rm), smartPlus: smartPlusPort(sp), journal: db.journal, runs: db.runStore },
      trigger: 'cli',
      dryRun: args.dryRun ?? false,
      allowMassDelete: args.allowMassDelete ?? false,
      ...(args.planOnly ? { askFirst: { departuresWithoutAsking: false } } : {}),
      ...(asOf?.success ? { today: asOf.data } : {}),
      signal,
      logger: log,
      onProgress: (p) => {
        if (!args.json && p.total > 0) io.err(`${p.phase}: ${p.done}/${p.total}${p.current ? ` ${p.current}` : ''}`);
      },
    });
    if (args.json) {
      io.out(
        JSON.stringify({
          run: result.run,
          plan: result.plan ? { operations: result.plan.operations, summary: result.plan.summary } : null,
          applied: result.applied,
          problems: result.problems,
          heldBack: result.heldBack,
          summary: result.plan?.summary ?? null,
        }),
      );
    } else {
      io.out(formatRunText(result));
    }
    // A chosen PIN / RF card field that is not in Rent Manager is a configuration error (issue 12).
    if (result.errorCode === 'RM_FIELD_NOT_FOUND') return EXIT.usage;
    // Partial: something planned was not done (a revocation above all, issue 12) — never exit 0.
    if (result.run.outcome === 'failed' || result.run.outcome === 'cancelled' || result.run.outcome === 'partial') return EXIT.failed;
    if (result.run.outcome === 'held-back') return EXIT.heldBack;
    return EXIT.done;
  } catch (error) {
    io.err(`sync failed: ${isAppError(error) ? `${error.message} (${error.code})` : (error as Error).message}`);
    return EXIT.failed;
  } finally {
    await rm.signOut().catch(() => undefined);
    db.close();
  }
}
