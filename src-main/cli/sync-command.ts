import path from 'node:path';
import { CalendarDateSchema } from '../../src-shared/domain/calendar-date';
import { isAppError } from '../../src-shared/errors';
import { openLocalDb } from '../db/local-db';
import { describeHolder } from '../db/repositories/run-lock-repo';
import { markCrashedRunsInterrupted, processLockOwner, SiteRunLocks } from '../scheduler/site-run-lock';
import { ensurePrivateDir } from '../lib/private-files';
import { createLogger, rotatingFileSink } from '../logging/logger';
import { ShapeRecorder } from '../logging/response-shapes';
import { createRentManagerClient } from '../rentmanager/client';
import { createSmartPlusClient } from '../smartplus/client';
import { rentManagerPort } from '../sync/adapters/rentmanager-port';
import { smartPlusAdoptionPort, smartPlusPort } from '../sync/adapters/smartplus-port';
import { runSiteSync } from '../sync/engine';
import { formatRunText } from '../sync/report';
import { EXIT, UsageError } from './cli-error';
import { cliSecrets } from './cli-secrets';
import { readCredentials } from './env';
import { readShapesFile, writeShapesFile } from './shapes-file';
import { cliHome } from './home';
import { readSiteConfig } from './site-config';
import { jsonLine, reportSafe, terminalText } from './terminal-text';

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
  ensurePrivateDir(home);
  const log = createLogger(rotatingFileSink(path.join(home, 'logs')), { scope: 'cli' });
  // The journal keeps each change's PINs encrypted with the keychain's database key (issue 15: undo).
  const db = await openLocalDb(path.join(home, 'sitesync.db'), cliSecrets());
  // The shape (never the values) of each endpoint's last answer, kept for `diagnostics`.
  const shapes = new ShapeRecorder();
  shapes.load(readShapesFile(home));
  const rm = createRentManagerClient({ ...credentials.rentManager, logger: log, shapes: shapes.sink('rentmanager') });
  const sp = createSmartPlusClient({ ...credentials.smartPlus, logger: log, shapes: shapes.sink('smartplus') });
  // Like the app's start: a run a crash or kill left `running` is recorded as interrupted (issue 12).
  markCrashedRunsInterrupted(db, new Date());
  const siteId = cliSiteId(credentials, config.properties);
  // Two processes never run one site at once (issue 14): the same lock as registered sites, on the ad-hoc site's id.
  const lock = await new SiteRunLocks({ repo: db.runLocks, owner: processLockOwner('cli') }).acquire(siteId);
  if (!lock.acquired) {
    io.err(`sitesync: these properties are being synced by ${describeHolder(lock.holder)}. Try again when that run has finished.`);
    db.close();
    return EXIT.locked;
  }
  try {
    const result = await runSiteSync({
      site: { id: siteId, name: `properties ${config.properties.join(', ')}` },
      config,
      ports: { rentManager: rentManagerPort(rm), smartPlus: smartPlusPort(sp), adoption: smartPlusAdoptionPort(sp), journal: db.journal, runs: db.runs },
      trigger: 'cli',
      dryRun: args.dryRun ?? false,
      allowMassDelete: args.allowMassDelete ?? false,
      ...(args.planOnly ? { askFirst: { departuresWithoutAsking: false } } : {}),
      ...(asOf?.success ? { today: asOf.data } : {}),
      signal,
      logger: log,
      onProgress: (p) => {
        if (!args.json && p.total > 0) io.err(`${p.phase}: ${p.done}/${p.total}${p.current ? ` ${terminalText(p.current)}` : ''}`);
      },
    });
    // PINs masked and card numbers shortened in JSON; names stripped of escapes and bidi controls in text (terminal-text.ts).
    if (args.json) {
      io.out(
        jsonLine({
          run: result.run,
          plan: result.plan ? { operations: result.plan.operations, summary: result.plan.summary } : null,
          applied: result.applied,
          problems: result.problems,
          heldBack: result.heldBack,
          summary: result.plan?.summary ?? null,
        }),
      );
    } else {
      io.out(formatRunText(reportSafe(result)));
    }
    // A chosen PIN / RF card field that is not in Rent Manager is a configuration error (issue 12).
    if (result.errorCode === 'RM_FIELD_NOT_FOUND' || result.errorCode === 'ADOPTION_CHOICE_NEEDED') return EXIT.usage;
    // Partial: something planned was not done (a revocation above all, issue 12) — never exit 0.
    if (result.run.outcome === 'failed' || result.run.outcome === 'cancelled' || result.run.outcome === 'partial') return EXIT.failed;
    if (result.run.outcome === 'held-back') return EXIT.heldBack;
    return EXIT.done;
  } catch (error) {
    io.err(`sync failed: ${terminalText(isAppError(error) ? `${error.message} (${error.code})` : (error as Error).message)}`);
    return EXIT.failed;
  } finally {
    lock.release();
    await rm.signOut().catch(() => undefined);
    try {
      writeShapesFile(home, shapes.entries());
    } catch (error) {
      log.warn('response shapes not kept', { error });
    }
    db.close();
  }
}
