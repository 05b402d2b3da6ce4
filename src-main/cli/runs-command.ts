import fs from 'node:fs';
import path from 'node:path';
import { toChangeView } from '../../src-shared/domain/run-change';
import { openLocalDb, type LocalDb } from '../db/local-db';
import { formatChangesText, textTable } from '../sync/report';
import { UsageError } from './cli-error';
import { cliSecrets } from './cli-secrets';
import { markCrashedRunsInterrupted } from '../scheduler/site-run-lock';
import { cliHome } from './home';
import { jsonLine, terminalText } from './terminal-text';

/** Options of `runs` and `runs show RUN`. */
export interface RunsArgs {
  json?: boolean;
  /** `show` and the run ID, or nothing for the history. */
  rest?: readonly string[];
}

/** `runs`: the run history kept under SITESYNC_HOME, newest first; `runs show RUN`: one run with its changes (PINs masked). */
export async function runsCommand(args: RunsArgs, env: NodeJS.ProcessEnv, out: (s: string) => void): Promise<number> {
  const [sub, runId, ...extra] = args.rest ?? [];
  if (sub !== undefined && sub !== 'show') throw new UsageError(`Unknown "runs ${sub}". Use "runs" or "runs show RUN".`);
  if (sub === 'show' && (!runId || extra.length > 0)) throw new UsageError('Usage: runs show RUN [--json]');
  const file = path.join(cliHome(env), 'sitesync.db');
  if (!fs.existsSync(file)) {
    if (sub === 'show') throw new UsageError(`No run ${runId} (nothing under ${cliHome(env)}).`);
    out(args.json ? '[]' : `No runs yet (nothing under ${cliHome(env)}).`);
    return 0;
  }
  const db = await openLocalDb(file, cliSecrets());
  // Like the app's start: a run a crash or kill left `running` is recorded as interrupted (issue 12).
  markCrashedRunsInterrupted(db, new Date());
  try {
    return sub === 'show' ? await showRun(db, runId!, args.json ?? false, out) : await listRuns(db, args.json ?? false, out);
  } finally {
    db.close();
  }
}

async function listRuns(db: LocalDb, json: boolean, out: (s: string) => void): Promise<number> {
  const runs = await db.runs.listRuns();
  if (json) {
    out(jsonLine(runs));
    return 0;
  }
  const rows = runs.map((r) => [
    r.startedAt.replace('T', ' ').slice(0, 19),
    r.id,
    r.siteId,
    r.trigger + (r.dryRun ? ' (dry run)' : ''),
    r.outcome,
    String(r.counts.accountsCreated),
    String(r.counts.accountsUpdated),
    String(r.counts.accountsDeleted),
    String(r.problemCount),
    String(r.heldBackCount),
  ].map(terminalText));
  out(runs.length === 0 ? 'No runs yet.' : textTable(['started (UTC)', 'run', 'site', 'trigger', 'outcome', 'created', 'updated', 'deleted', 'problems', 'held back'], rows));
  return 0;
}

async function showRun(db: LocalDb, runId: string, json: boolean, out: (s: string) => void): Promise<number> {
  const run = await db.runs.getRun(runId);
  if (!run) throw new UsageError(`No run ${runId} in the history under this SITESYNC_HOME.`);
  // Display-safe: account images stay out, PIN fields are masked whatever they carry.
  const changes = db.changes.ofRun(runId).map(toChangeView);
  const links = { undoOf: run.undoOf ?? null, undoneBy: db.runs.undoneBy(runId) };
  if (json) {
    out(jsonLine({ run, ...links, changes }));
    return 0;
  }
  out(terminalText(`Run ${run.id} — site ${run.siteId} — ${run.dryRun ? 'dry run' : run.trigger} — ${run.outcome.toUpperCase()}${run.error ? ` (${run.error})` : ''}`));
  out(`Started ${run.startedAt}${run.endedAt ? `, ended ${run.endedAt}` : ''}`);
  if (links.undoOf) out(`Undoes run ${links.undoOf}`);
  for (const id of links.undoneBy) out(`Undone by run ${id}`);
  out('');
  out(`Changes (${changes.length})`);
  out(terminalText(formatChangesText(db.changes.ofRun(runId))));
  return 0;
}
