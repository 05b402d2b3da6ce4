import { randomUUID } from 'node:crypto';
import { type ExternalRef, parseRefKey } from '../../../src-shared/domain/external-ref';
import { EMPTY_COUNTS, type Problem, type RunProgress, type RunRecord } from '../../../src-shared/domain/run';
import type { SmartPlusSnapshot } from '../../../src-shared/domain/smartplus';
import { attentionCount, errorCount } from '../../../src-shared/domain/problems';
import { AppError, toErrorShape } from '../../../src-shared/errors';
import { silentLogger, type Logger } from '../../logging/logger';
import { applyPlan, type AppliedOperation } from '../apply';
import { outcomeOf, recordHeldBack, type SyncSite } from '../engine';
import type { SyncPorts } from '../ports';
import { progressTracker } from '../progress';
import { planUndo, type UndoPlan } from './plan-undo';

/** Inputs of {@link runUndo}. */
export interface RunUndoInput {
  /** The run to undo (an undo run too: undoing it redoes the original). */
  readonly runId: string;
  readonly site: SyncSite;
  readonly ports: Pick<SyncPorts, 'smartPlus' | 'journal' | 'runs'>;
  /** Plan only (the preview / `--dry-run`): nothing is written and no run is recorded. */
  readonly dryRun?: boolean;
  /** Apply what the mass guard would hold back (the user confirmed). */
  readonly allowMassChange?: boolean;
  readonly signal?: AbortSignal;
  readonly onProgress?: (progress: RunProgress) => void;
  readonly clock?: () => Date;
  readonly newRunId?: () => string;
  readonly concurrency?: number;
  readonly logger?: Logger;
}

/** What an undo did (or, for a dry run, would do). */
export interface RunUndoResult {
  /** The undo's own run (trigger `undo`, `undoOf` the original); null for a dry run. */
  readonly run: RunRecord | null;
  readonly plan: UndoPlan;
  readonly applied: AppliedOperation[];
}

/**
 * Undoes a run (issue 15): reads the run's recorded changes (PINs decrypted from the journal),
 * reads SmartPlus as it is now, plans the inverse ({@link planUndo}) and applies it with the same
 * apply as every sync (phases, journal, conflicts retried after deletions, fatal errors stop it),
 * recorded as a run of its own with trigger `undo` and a link to the run it undid. A dry run
 * returns the plan for the preview and records nothing.
 */
export async function runUndo(input: RunUndoInput): Promise<RunUndoResult> {
  const clock = input.clock ?? (() => new Date());
  const log = (input.logger ?? silentLogger).child('undo');
  const { ports } = input;
  const original = await ports.runs.getRun(input.runId);
  if (!original) throw new AppError('NOT_FOUND', `Run ${input.runId} is not in the history.`);
  if (original.siteId !== input.site.id) throw new AppError('BAD_INPUT', `Run ${input.runId} belongs to another site.`);
  if (original.dryRun) throw new AppError('BAD_INPUT', 'That run was a preview: it changed nothing, so there is nothing to undo.');
  if (original.outcome === 'running') throw new AppError('RUN_IN_PROGRESS', 'That run is still going: undo it once it has ended.');
  const changes = await ports.journal.changes(input.runId);
  const refs = communityRefs(changes.map((c) => c.communityRef));
  const snapshot: SmartPlusSnapshot = refs.length === 0 ? { readAt: clock().toISOString(), communities: [] } : await ports.smartPlus.readSite(refs, input.signal);
  const plan = planUndo(changes, snapshot, { runId: input.runId, allowMassChange: input.allowMassChange ?? false });
  if (input.dryRun) return { run: null, plan, applied: [] };

  const runId = (input.newRunId ?? randomUUID)();
  let record: RunRecord = {
    id: runId, siteId: input.site.id, trigger: 'undo', dryRun: false, startedAt: clock().toISOString(), endedAt: null, outcome: 'running',
    counts: { ...EMPTY_COUNTS }, problemCount: 0, heldBackCount: 0, error: null, undoOf: input.runId,
  };
  await ports.runs.saveRun(record);
  const tracker = progressTracker(record.startedAt, input.onProgress);
  tracker.planned(plan.operations.length);
  log.info('undo started', { runId, undoOf: input.runId, operations: plan.operations.length, left: plan.problems.length });
  let applied: AppliedOperation[] = [];
  let problems: Problem[] = [...plan.problems];
  try {
    const origin = refs[0] ?? { customer: 'unknown', location: 0 };
    const result = await applyPlan(plan.operations, {
      runId, siteId: input.site.id, origin, smartPlus: ports.smartPlus, journal: ports.journal, snapshot, signal: input.signal,
      onProgress: tracker.emit, clock, logger: log, ...(input.concurrency !== undefined ? { concurrency: input.concurrency } : {}),
    });
    await recordHeldBack(ports.journal, runId, plan.heldBack, snapshot, clock);
    applied = result.applied;
    problems = [...problems, ...result.problems];
    record = {
      ...record, endedAt: clock().toISOString(), outcome: outcomeOf(result, plan.heldBack.length), counts: result.counts,
      problemCount: attentionCount(problems), ...(errorCount(problems) ? { errorCount: errorCount(problems) } : {}), heldBackCount: plan.heldBack.length,
      error: result.stopped?.reason === 'fatal' ? `${result.stopped.code}: ${result.stopped.message}` : result.stopped?.reason === 'cancelled' ? 'cancelled' : null,
    };
  } catch (error) {
    const shape = toErrorShape(error);
    record = { ...record, endedAt: clock().toISOString(), outcome: 'failed', error: `${shape.code}: ${shape.message}` };
  }
  // Held-back undo steps are not kept for "Confirm deletions" (that re-plans a sync): undoing again with allowMassChange applies them.
  await ports.runs.saveProblems(runId, problems);
  await ports.runs.saveRun(record);
  tracker.emit({ runId, siteId: input.site.id, phase: 'done', done: 0, total: 0, current: null });
  log.info('undo ended', { runId, outcome: record.outcome, counts: record.counts });
  return { run: record, plan, applied };
}

/** The communities a run touched, as externalRefs (from the changes' community keys). */
function communityRefs(keys: readonly string[]): ExternalRef[] {
  const seen = new Map<string, ExternalRef>();
  for (const key of keys) {
    const ref = parseRefKey(key);
    if (ref && !seen.has(key)) seen.set(key, ref);
  }
  return [...seen.values()];
}
