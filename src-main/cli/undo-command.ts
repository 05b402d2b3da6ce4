import fs from 'node:fs';
import path from 'node:path';
import { displayOperation } from '../../src-shared/domain/sync-plan';
import { isAppError } from '../../src-shared/errors';
import { openLocalDb } from '../db/local-db';
import { createLogger, rotatingFileSink } from '../logging/logger';
import { createSmartPlusClient } from '../smartplus/client';
import { describeTarget } from '../sync/apply';
import { smartPlusPort } from '../sync/adapters/smartplus-port';
import { textTable } from '../sync/report';
import { runUndo, type RunUndoResult } from '../sync/undo/run-undo';
import { EXIT, UsageError } from './cli-error';
import { cliSecrets } from './cli-secrets';
import { readCredentials } from './env';
import { cliHome } from './home';

/** Options of `undo`. */
export interface UndoArgs {
  run?: string;
  dryRun?: boolean;
  json?: boolean;
  allowMassDelete?: boolean;
}

/**
 * `undo --run RUN`: plans the inverse of a recorded run against SmartPlus as it is now and applies
 * it (unless --dry-run) as a run of its own (trigger `undo`), then prints what it did and what it
 * left ("changed since; not undone"). PINs are never printed.
 */
export async function undoCommand(args: UndoArgs, env: NodeJS.ProcessEnv, io: { out: (s: string) => void; err: (s: string) => void }, signal: AbortSignal): Promise<number> {
  if (!args.run) throw new UsageError('undo needs --run RUN (see "runs" for run IDs).');
  const file = path.join(cliHome(env), 'sitesync.db');
  if (!fs.existsSync(file)) throw new UsageError(`No run history under ${cliHome(env)}.`);
  const credentials = readCredentials(env);
  const log = createLogger(rotatingFileSink(path.join(cliHome(env), 'logs')), { scope: 'cli' });
  const db = await openLocalDb(file, cliSecrets());
  try {
    const original = await db.runs.getRun(args.run);
    if (!original) throw new UsageError(`No run ${args.run} in the history under ${cliHome(env)}.`);
    const sp = createSmartPlusClient({ ...credentials.smartPlus, logger: log });
    const result = await runUndo({
      runId: args.run, site: { id: original.siteId }, ports: { smartPlus: smartPlusPort(sp), journal: db.journal, runs: db.runs },
      dryRun: args.dryRun ?? false, allowMassChange: args.allowMassDelete ?? false, signal, logger: log,
      onProgress: (p) => {
        if (!args.json && p.total > 0) io.err(`${p.phase}: ${p.done}/${p.total}${p.current ? ` ${p.current}` : ''}`);
      },
    });
    io.out(args.json ? JSON.stringify(jsonOf(result, args.run)) : textOf(result, args.run));
    if (!result.run) return result.plan.heldBack.length > 0 ? EXIT.heldBack : EXIT.done;
    if (result.run.outcome === 'failed' || result.run.outcome === 'cancelled' || result.run.outcome === 'partial') return EXIT.failed;
    return result.run.outcome === 'held-back' ? EXIT.heldBack : EXIT.done;
  } catch (error) {
    if (error instanceof UsageError) throw error;
    io.err(`undo failed: ${isAppError(error) ? `${error.message} (${error.code})` : (error as Error).message}`);
    return EXIT.failed;
  } finally {
    db.close();
  }
}

function jsonOf(result: RunUndoResult, undoOf: string) {
  return {
    run: result.run,
    undoOf,
    dryRun: result.run === null,
    plan: {
      operations: result.plan.operations.map(displayOperation),
      heldBack: result.plan.heldBack.map((h) => ({ ...h, operation: displayOperation(h.operation) })),
      problems: result.plan.problems,
    },
    applied: result.applied,
  };
}

function textOf(result: RunUndoResult, undoOf: string): string {
  const out: string[] = [];
  out.push(result.run ? `Undo run ${result.run.id} of run ${undoOf} — ${result.run.outcome.toUpperCase()}${result.run.error ? ` (${result.run.error})` : ''}` : `Undo of run ${undoOf} — dry run: nothing was changed`);
  const steps = result.plan.operations.map(displayOperation).map((op) => [op.kind, describeTarget(op), op.why ?? '']);
  out.push(steps.length ? textTable(['step', 'who / where', 'why'], steps) : 'Nothing to undo.');
  if (result.plan.heldBack.length) {
    out.push('', `Held back (${result.plan.heldBack.length}) — undo again with --allow-mass-delete to apply`);
    out.push(result.plan.heldBack[0]!.reason);
  }
  if (result.plan.problems.length) {
    out.push('', `Not undone (${result.plan.problems.length})`);
    out.push(textTable(['who / where', 'reason'], result.plan.problems.map((p) => [p.subject ?? '', p.reason])));
  }
  return out.join('\n');
}
