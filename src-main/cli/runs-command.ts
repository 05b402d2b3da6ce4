import fs from 'node:fs';
import path from 'node:path';
import { openLocalDb } from '../db/local-db';
import { markCrashedRunsInterrupted } from '../scheduler/site-run-lock';
import { MemorySecretStore } from '../secrets/secret-store';
import { textTable } from '../sync/report';
import { cliHome } from './home';
import { jsonLine, terminalText } from './terminal-text';

/** `runs`: the run history kept under SITESYNC_HOME, newest first. */
export async function runsCommand(args: { json?: boolean }, env: NodeJS.ProcessEnv, out: (s: string) => void): Promise<number> {
  const file = path.join(cliHome(env), 'sitesync.db');
  if (!fs.existsSync(file)) {
    out(args.json ? '[]' : `No runs yet (nothing under ${cliHome(env)}).`);
    return 0;
  }
  const db = await openLocalDb(file, new MemorySecretStore());
  // Like the app's start: a run a crash or kill left `running` is recorded as interrupted (issue 12).
  markCrashedRunsInterrupted(db, new Date());
  try {
    const runs = await db.runStore.listRuns();
    if (args.json) {
      out(jsonLine(runs));
      return 0;
    }
    const rows = runs.map((r) => [
      r.startedAt.replace('T', ' ').slice(0, 19),
      r.siteId,
      r.trigger + (r.dryRun ? ' (dry run)' : ''),
      r.outcome,
      String(r.counts.accountsCreated),
      String(r.counts.accountsUpdated),
      String(r.counts.accountsDeleted),
      String(r.problemCount),
      String(r.heldBackCount),
    ].map(terminalText));
    out(runs.length === 0 ? 'No runs yet.' : textTable(['started (UTC)', 'site', 'trigger', 'outcome', 'created', 'updated', 'deleted', 'problems', 'held back'], rows));
    return 0;
  } finally {
    db.close();
  }
}
