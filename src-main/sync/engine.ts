import { randomUUID } from 'node:crypto';
import type { CalendarDate } from '../../src-shared/domain/calendar-date';
import { propertyRef, refKey, type RmOrigin } from '../../src-shared/domain/external-ref';
import type { SiteConfig } from '../../src-shared/domain/policy';
import { EMPTY_COUNTS, type Problem, type RunCounts, type RunOutcome, type RunProgress, type RunRecord, type RunTrigger } from '../../src-shared/domain/run';
import type { SmartPlusSnapshot } from '../../src-shared/domain/smartplus';
import { displayOperation, OPERATION_KINDS, type HeldBackDeletion, type OperationKind, type SyncOperation, type SyncPlan } from '../../src-shared/domain/sync-plan';
import { attentionCount, errorCount } from '../../src-shared/domain/problems';
import { AppError, toErrorShape } from '../../src-shared/errors';
import { silentLogger, type Logger } from '../logging/logger';
import { applyPlan, type AppliedOperation, type ApplyResult } from './apply';
import { BeforeIndex, describeChange } from './apply/change';
import { adoptMissing } from './adopt/adopt-missing';
import { assertFieldsResolved } from './field-check';
import { plan as makePlan } from './plan';
import { progressTracker } from './progress';
import type { SyncPorts } from './ports';
import { todayInZone } from './today';
import { agree, plural } from '../../src-shared/text/plural';

/** The site a run is for: its ID in history (and a name for messages). */
export interface SyncSite {
  readonly id: string;
  readonly name?: string;
}

/** Inputs of {@link runSiteSync}. */
export interface RunSiteSyncInput {
  readonly site: SyncSite;
  readonly config: SiteConfig;
  readonly ports: SyncPorts;
  readonly trigger: RunTrigger;
  /** Plan only (the preview / `--dry-run`): nothing is written to SmartPlus. */
  readonly dryRun?: boolean;
  /** Apply deletions the mass-deletion guard would hold back. */
  readonly allowMassDelete?: boolean;
  /**
   * The site asks before applying (issue 15): plan, write nothing and hold every operation for
   * approval — except deletions of departed tenants when `departuresWithoutAsking`.
   */
  readonly askFirst?: { readonly departuresWithoutAsking: boolean };
  /** The site's date (`--as-of`); default: today in the site's time zone by `clock`. */
  readonly today?: CalendarDate;
  readonly signal?: AbortSignal;
  readonly onProgress?: (progress: RunProgress) => void;
  readonly clock?: () => Date;
  readonly newRunId?: () => string;
  readonly concurrency?: number;
  readonly freeFamilyMembersPerApartment?: number;
  readonly logger?: Logger;
}

/** What a run did: its record, the plan, every problem, the held-back deletions and each operation's result. */
export interface RunSiteSyncResult {
  readonly run: RunRecord;
  /** Null when the run failed before planning (a read failed). */
  readonly plan: SyncPlan | null;
  readonly problems: Problem[];
  readonly heldBack: HeldBackDeletion[];
  readonly applied: AppliedOperation[];
  /** The error code of a run that failed before planning (`RM_FIELD_NOT_FOUND`: the site's configuration is wrong). */
  readonly errorCode?: string;
}

/**
 * Runs one site's sync: read both sides → plan → apply → record (issue 5). Resuming after a crash
 * or a cancel is just another run: it re-reads and re-plans, and the plan holds only what is
 * missing. The run record and its problems are saved at the start and at the end; a failure to
 * read or a fatal apply error ends the run as 'failed' with the reason, never as an exception.
 */
export async function runSiteSync(input: RunSiteSyncInput): Promise<RunSiteSyncResult> {
  const ask = input.askFirst;
  if (!ask) return executeRun(input, (p) => ({ operations: p.operations, heldBack: p.heldBack, problems: p.problems }));
  return executeRun(input, (p) => askFirstSelection(p, ask.departuresWithoutAsking));
}

/** The reason every operation of an ask-first run carries while it waits. */
export const APPROVAL_REASON = 'Waiting for your approval: this site is set to "Ask me before applying".';

/**
 * What an ask-first run applies and holds (issue 15): departures (deletions) apply when allowed;
 * every other operation waits for approval with the PINs masked (approving re-plans). What the
 * mass guard held stays held, as in any run.
 */
export function askFirstSelection(p: SyncPlan, departuresWithoutAsking: boolean): RunSelection {
  const applies = (op: SyncOperation) => departuresWithoutAsking && op.kind === 'delete-family-member';
  const waiting: HeldBackDeletion[] = p.operations.filter((op) => !applies(op)).map((op) => ({
    operation: { ...displayOperation(op), reason: op.why ?? op.kind } as HeldBackDeletion['operation'],
    reason: APPROVAL_REASON,
    approval: true,
  }));
  return { operations: p.operations.filter(applies), heldBack: [...waiting, ...p.heldBack], problems: p.problems };
}

/** The part of a plan a run applies and reports: all of it for a sync, the confirmed operations for a confirmation. */
export interface RunSelection {
  readonly operations: readonly SyncOperation[];
  readonly heldBack: HeldBackDeletion[];
  readonly problems: Problem[];
}

/** read → plan → select → apply → record; shared by {@link runSiteSync} and confirmHeldBack. */
export async function executeRun(input: RunSiteSyncInput, select: (plan: SyncPlan, smartPlus: SmartPlusSnapshot) => RunSelection): Promise<RunSiteSyncResult> {
  const clock = input.clock ?? (() => new Date());
  const log = (input.logger ?? silentLogger).child('sync');
  const { ports, config, site } = input;
  const runId = (input.newRunId ?? randomUUID)();
  let record: RunRecord = {
    id: runId, siteId: site.id, trigger: input.trigger, dryRun: input.dryRun ?? false, startedAt: clock().toISOString(), endedAt: null,
    outcome: 'running', counts: { ...EMPTY_COUNTS }, problemCount: 0, heldBackCount: 0, error: null,
  };
  const tracker = progressTracker(record.startedAt, input.onProgress);
  const progress = (phase: RunProgress['phase'], current: string | null = null) => tracker.emit({ runId, siteId: site.id, phase, done: 0, total: 0, current });
  await ports.runs.saveRun(record);
  log.info('sync started', { runId, siteId: site.id, trigger: input.trigger, dryRun: record.dryRun });

  const end = async (outcome: RunOutcome, parts: { plan: SyncPlan | null; problems: Problem[]; heldBack: HeldBackDeletion[]; applied: AppliedOperation[]; counts: RunCounts; error: string | null }) => {
    const approval = parts.heldBack.some((h) => h.approval);
    record = {
      ...record, endedAt: clock().toISOString(), outcome, counts: parts.counts, problemCount: attentionCount(parts.problems),
      // Absent when 0, as the database reads it back (a run record compares equal either way).
      ...(errorCount(parts.problems) ? { errorCount: errorCount(parts.problems) } : {}),
      heldBackCount: parts.heldBack.length, error: parts.error, ...(approval ? { awaitingApproval: true } : {}),
    };
    await ports.runs.saveProblems(runId, parts.problems);
    await ports.runs.saveHeldBack(runId, parts.heldBack);
    await ports.runs.saveRun(record);
    progress('done');
    log.info('sync ended', { runId, outcome, counts: parts.counts, problems: parts.problems.length, heldBack: parts.heldBack.length });
    return { run: record, plan: parts.plan, problems: parts.problems, heldBack: parts.heldBack, applied: parts.applied };
  };
  const none = { plan: null, problems: [], heldBack: [], applied: [], counts: { ...EMPTY_COUNTS } };

  let planned: SyncPlan;
  let snapshot: SmartPlusSnapshot;
  let adoptionNotes: Problem[] = [];
  let origin: RmOrigin;
  try {
    progress('reading', 'Rent Manager');
    const rm = await ports.rentManager.readSnapshot(config.properties, config, input.signal);
    assertFieldsResolved(config, rm);
    origin = rm.origin;
    progress('reading', 'SmartPlus');
    const refs = config.properties.map((p) => propertyRef(rm.origin, p));
    snapshot = await ports.smartPlus.readSite(refs, input.signal);
    const today = input.today ?? todayInZone(clock(), config.timeZone);
    if (config.linkExisting) {
      if (!ports.adoption) throw new AppError('ADOPTION_CHOICE_NEEDED', '"linkExisting" is not available here: adopting needs the SmartPlus adoption port.');
      progress('reading', 'hand-made SmartPlus objects');
      const adopted = await adoptMissing({ port: ports.adoption, rm, smartPlus: snapshot, config, today, dryRun: record.dryRun, ...(input.signal ? { signal: input.signal } : {}) });
      adoptionNotes = adopted.problems;
      if (adopted.linked > 0) snapshot = await ports.smartPlus.readSite(refs, input.signal);
    }
    progress('planning');
    planned = makePlan(rm, snapshot, config, today, {
      allowMassDelete: input.allowMassDelete ?? false,
      ...(input.freeFamilyMembersPerApartment !== undefined ? { freeFamilyMembersPerApartment: input.freeFamilyMembersPerApartment } : {}),
    });
  } catch (error) {
    if (input.signal?.aborted) return end('cancelled', { ...none, error: 'cancelled while reading' });
    const shape = toErrorShape(error);
    log.warn('sync read failed', { runId, code: shape.code });
    return { ...(await end('failed', { ...none, error: `${shape.code}: ${shape.message}` })), errorCode: shape.code };
  }

  const selected = select(planned, snapshot);
  const chosen = { ...selected, problems: [...adoptionNotes, ...selected.problems] };
  if (record.dryRun) {
    return end(chosen.heldBack.length > 0 ? 'held-back' : 'succeeded', {
      plan: planned, problems: chosen.problems, heldBack: chosen.heldBack, applied: [], counts: plannedCounts(chosen.operations), error: null,
    });
  }
  tracker.planned(chosen.operations.length);
  const result = await applyPlan(chosen.operations, {
    runId, siteId: site.id, origin, smartPlus: ports.smartPlus, journal: ports.journal, snapshot,
    signal: input.signal, onProgress: tracker.emit, clock, logger: log,
    ...(input.concurrency !== undefined ? { concurrency: input.concurrency } : {}),
  });
  await recordHeldBack(ports.journal, runId, chosen.heldBack, snapshot, clock);
  const problems = [...chosen.problems, ...result.problems];
  const undone = revocationsUndone(chosen.problems, result.applied);
  return end(outcomeOf(result, chosen.heldBack.length, undone !== null), {
    plan: planned, problems, heldBack: chosen.heldBack, applied: result.applied, counts: result.counts,
    error: result.stopped?.reason === 'fatal' ? `${result.stopped.code}: ${result.stopped.message}` : result.stopped?.reason === 'cancelled' ? 'cancelled' : undone,
  });
}

/** Journals each operation the mass guard held back, so the run's report lists it with the others (issue 15). */
export async function recordHeldBack(journal: SyncPorts['journal'], runId: string, heldBack: readonly HeldBackDeletion[], snapshot: SmartPlusSnapshot, clock: () => Date): Promise<void> {
  if (heldBack.length === 0) return;
  const before = new BeforeIndex(snapshot, (r) => (r.externalRef ? refKey(r.externalRef) : null));
  for (const h of heldBack) {
    const op = h.operation;
    const objectId = 'residentId' in op ? op.residentId : null;
    const { change } = describeChange(op, before, { objectId, apartmentId: null }, null);
    // Held back, not applied: the reason is the guard's, and no PIN is kept (the held operation's PIN is masked).
    await journal.record({
      runId, opId: op.id, kind: op.kind, target: op.target, state: 'held-back', at: clock().toISOString(), objectId, error: null,
      change: { ...change, why: h.approval ? `${change.why} Waiting for approval.` : `${change.why} Held back: ${h.reason}` }, secret: null,
    });
  }
}

/** Problems that mean the read could not be trusted for revocations: the planner froze deletions. */
const FREEZING: ReadonlySet<Problem['kind']> = new Set(['property-read-failed', 'malformed-row', 'unreadable-object']);

/**
 * Why the run could not do all its revocations, or null (issue 12, spec §6): a property read that
 * failed or an unreadable row froze deletions, or a planned deletion was not done. Such a run is
 * never green: it ends `partial`, with this sentence as its error, and notifies.
 */
export function revocationsUndone(problems: readonly Problem[], applied: readonly AppliedOperation[]): string | null {
  const frozen = problems.filter((p) => FREEZING.has(p.kind) && p.severity === 'error');
  const missed = applied.filter((a) => a.kind === 'delete-family-member' && a.status !== 'done');
  if (frozen.length === 0 && missed.length === 0) return null;
  const parts: string[] = [];
  if (frozen.length > 0) {
    const rows = frozen.filter((p) => p.kind === 'malformed-row').map((p) => `${p.subject ?? 'a record'}${p.field ? ` (field ${p.field})` : ''}`);
    const properties = frozen.filter((p) => p.kind === 'property-read-failed').map((p) => p.subject ?? `property ${p.propertyId}`);
    const objects = frozen.filter((p) => p.kind === 'unreadable-object').map((p) => `${p.subject ?? 'an object'}${p.field ? ` (field ${p.field})` : ''}`);
    if (properties.length > 0 || rows.length > 0) {
      parts.push(`Deletions were not done: Rent Manager could not be read completely${properties.length > 0 ? ` for ${properties.join(', ')}` : ''}${rows.length > 0 ? `; unreadable: ${listed(rows)}` : ''}.`);
    }
    if (objects.length > 0) parts.push(`Deletions were not done where SmartPlus sent objects SiteSync could not read: ${listed(objects)}. Save a diagnostics report and send it to support.`);
  }
  if (missed.length > 0) parts.push(`${plural(missed.length, 'planned deletion')} ${agree(missed.length, 'was', 'were')} not done.`);
  return `${parts.join(' ')} Residents who moved out may still have access; see the run's problems.`;
}

function listed(items: readonly string[]): string {
  return `${items.slice(0, 5).join(', ')}${items.length > 5 ? ` and ${items.length - 5} more` : ''}`;
}

/** failed (auth / subscription) > cancelled > partial (an operation failed, or revocations were not done) > held-back > succeeded. */
export function outcomeOf(result: Pick<ApplyResult, 'stopped' | 'counts'>, heldBack: number, revocationsMissed = false): RunOutcome {
  if (result.stopped?.reason === 'fatal') return 'failed';
  if (result.stopped?.reason === 'cancelled') return 'cancelled';
  if (result.counts.failedOperations > 0 || revocationsMissed) return 'partial';
  if (heldBack > 0) return 'held-back';
  return 'succeeded';
}

/** A dry run's counts: what the operations would do. */
export function plannedCounts(operations: readonly SyncOperation[]): RunCounts {
  const k = Object.fromEntries(OPERATION_KINDS.map((kind) => [kind, 0])) as Record<OperationKind, number>;
  for (const op of operations) k[op.kind]++;
  return {
    communities: k['create-community'],
    apartments: k['create-apartment'],
    accountsCreated: k['create-family-member'],
    accountsUpdated: k['update-family-member'],
    accountsDeleted: k['delete-family-member'],
    credentialsSet: k['set-pin'] + k['set-rf-cards'],
    credentialsRemoved: k['remove-pin'] + k['remove-rf-cards'],
    failedOperations: 0,
  };
}
