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
import { confirmHeldBack } from '../sync/held-back';
import { formatRunText } from '../sync/report';
import { EXIT, UsageError } from './cli-error';
import { cliSecrets } from './cli-secrets';
import { readCredentials } from './env';
import { readSiteConfig } from './site-config';
import { cliHome } from './home';
import { cliSiteId } from './sync-command';

/** Options of `approve`. */
export interface ApproveArgs {
  run?: string;
  siteConfig?: string;
  json?: boolean;
  asOf?: string;
}

/**
 * `approve --run RUN --site-config FILE`: applies what a `sync --plan-only` run (or a run that held
 * changes back) waits with. It re-reads both sides and applies only what is still valid, as the
 * app's Approve does, and reports what moved; the run's waiting list is then emptied.
 */
export async function approveCommand(args: ApproveArgs, env: NodeJS.ProcessEnv, io: { out: (s: string) => void; err: (s: string) => void }, signal: AbortSignal): Promise<number> {
  if (!args.run) throw new UsageError('approve needs --run RUN (the run that waits, see "runs").');
  if (!args.siteConfig) throw new UsageError('approve needs --site-config FILE (the same as for the sync that planned it).');
  const config = readSiteConfig(args.siteConfig);
  const credentials = readCredentials(env);
  const asOf = args.asOf === undefined ? undefined : CalendarDateSchema.safeParse(args.asOf);
  if (asOf && !asOf.success) throw new UsageError(`--as-of must be a date as YYYY-MM-DD, not "${args.asOf}".`);
  const file = path.join(cliHome(env), 'sitesync.db');
  if (!fs.existsSync(file)) throw new UsageError(`No run history under ${cliHome(env)}.`);
  const log = createLogger(rotatingFileSink(path.join(cliHome(env), 'logs')), { scope: 'cli' });
  const db = await openLocalDb(file, cliSecrets());
  const rm = createRentManagerClient({ ...credentials.rentManager, logger: log });
  try {
    const waiting = await db.runs.getRun(args.run);
    const siteId = cliSiteId(credentials, config.properties);
    if (!waiting) throw new UsageError(`No run ${args.run} in the history under ${cliHome(env)}.`);
    if (waiting.siteId !== siteId) throw new UsageError(`Run ${args.run} is of another site configuration (${waiting.siteId}).`);
    const sp = createSmartPlusClient({ ...credentials.smartPlus, logger: log });
    const result = await confirmHeldBack({
      runId: args.run, site: { id: siteId }, config, signal, logger: log,
      ports: { rentManager: rentManagerPort(rm), smartPlus: smartPlusPort(sp), journal: db.journal, runs: db.runs },
      ...(asOf?.success ? { today: asOf.data } : {}),
    });
    io.out(args.json ? JSON.stringify({ run: result.run, approved: result.confirmed, dropped: result.dropped.map((d) => d.operation.id), problems: result.problems }) : formatRunText(result));
    return result.run.outcome === 'failed' || result.run.outcome === 'cancelled' || result.run.outcome === 'partial' ? EXIT.failed : EXIT.done;
  } catch (error) {
    if (error instanceof UsageError) throw error;
    io.err(`approve failed: ${isAppError(error) ? `${error.message} (${error.code})` : (error as Error).message}`);
    return EXIT.failed;
  } finally {
    await rm.signOut().catch(() => undefined);
    db.close();
  }
}
