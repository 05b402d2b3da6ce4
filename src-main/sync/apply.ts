import { refKey, type RmOrigin } from '../../src-shared/domain/external-ref';
import { EMPTY_COUNTS, type Problem, type RunCounts, type RunProgress } from '../../src-shared/domain/run';
import type { SmartPlusSnapshot } from '../../src-shared/domain/smartplus';
import { phaseOf, type ApplyPhase, type SyncOperation } from '../../src-shared/domain/sync-plan';
import { isAppError, type ErrorCode } from '../../src-shared/errors';
import { silentLogger, type Logger } from '../logging/logger';
import { BeforeIndex, describeChange } from './apply/change';
import { execute, idempotencyKey } from './apply/execute';
import { MissingDependency, Resolver } from './apply/resolver';
import { failureProblem } from './apply/failure-problem';
import { dependencies, runByDependencies } from './apply/schedule';
import { conflictOf, type JournalPort, type SmartPlusPort } from './ports';

/** How one operation ended. `not-run`: the run stopped first; `interrupted`: cancelled mid-call (the next run re-checks it). */
export type AppliedStatus = 'done' | 'failed' | 'skipped' | 'not-run' | 'interrupted';

/** One operation's result, for the report and the CLI's `applied`. */
export interface AppliedOperation {
  readonly id: string;
  readonly kind: SyncOperation['kind'];
  readonly target: string;
  readonly status: AppliedStatus;
  readonly objectId: string | null;
  readonly error: { readonly code: string; readonly message: string } | null;
}

/** Why apply stopped early, if it did. */
export type ApplyStop = { readonly reason: 'cancelled' } | { readonly reason: 'fatal'; readonly code: string; readonly message: string };

/** What apply did. */
export interface ApplyResult {
  readonly applied: AppliedOperation[];
  readonly counts: RunCounts;
  /** One 'operation-failed' problem per failed operation. */
  readonly problems: Problem[];
  readonly stopped: ApplyStop | null;
}

/** Inputs of {@link applyPlan}. */
export interface ApplyInput {
  readonly runId: string;
  readonly siteId: string;
  readonly origin: RmOrigin;
  readonly smartPlus: SmartPlusPort;
  readonly journal: JournalPort;
  /** The SmartPlus state the plan was made on (to find existing objects' IDs). */
  readonly snapshot: SmartPlusSnapshot;
  /**
   * Operations under way at once. By default the SmartPlus port's in-flight limit plus two (the
   * client's pipe decides how many requests fly: rate × latency, capped by the setting), or 32.
   */
  readonly concurrency?: number;
  readonly signal?: AbortSignal;
  readonly onProgress?: (progress: RunProgress) => void;
  readonly clock?: () => Date;
  readonly logger?: Logger;
}

/** Operations under way when the port says nothing about its pipe. */
const DEFAULT_CONCURRENCY = 32;
/** Operations under way beyond the pipe's limit, so the pipe never waits for apply to hand it work. */
const SLACK = 2;

/** Errors that end the run: nothing else can succeed without the user (sign-in, payment, permissions). */
const FATAL: ReadonlySet<ErrorCode> = new Set(['SP_UNAUTHORIZED', 'SP_FORBIDDEN', 'SP_SUBSCRIPTION_REQUIRED', 'SUBSCRIPTION_REQUIRED']);

/**
 * Executes a plan's operations (shared/style.md, "plan as data, then apply"). Each operation
 * starts as soon as what it needs exists (apply/schedule.ts): an apartment's members and
 * credentials do not wait for the last apartment of the site. Releases of credentials still come
 * before sets, and deletions last, as the phases communities → apartments → family members →
 * credentials → deletions always had it. Every call is journaled before and after.
 * A failed operation is recorded and the run goes on; operations that depend on it are skipped.
 * A deletion that frees a value the plan sets elsewhere runs before the sets (see releaseOrder).
 * A create refused for the family-member limit, or a credential refused because its value is
 * still held, is retried once after the deletions (which free places and values). An auth or
 * subscription failure stops the run; so does the signal, between operations.
 */
export async function applyPlan(operations: readonly SyncOperation[], input: ApplyInput): Promise<ApplyResult> {
  const clock = input.clock ?? (() => new Date());
  const log = input.logger ?? silentLogger;
  const resolver = new Resolver(input.snapshot);
  const env = { smartPlus: input.smartPlus, resolver, key: (opId: string) => idempotencyKey(input.origin, opId, input.runId), signal: input.signal };
  const results = new Map<string, AppliedOperation>();
  const problems: Problem[] = [];
  const deferred: SyncOperation[] = [];
  const deferredTargets = new Set<string>();
  let stopped: ApplyStop | null = null;

  const before = new BeforeIndex(input.snapshot, (r) => (r.externalRef ? refKey(r.externalRef) : null));
  // The apartment each object created in this run went into (the change's link to its apartment).
  const apartmentOf = new Map<string, string>();
  const placeOfChange = (op: SyncOperation, objectId: string | null): string | null => {
    if (op.kind === 'create-apartment') return objectId;
    if (op.kind === 'create-family-member') return safely(() => resolver.apartment(op.apartmentTarget).id);
    return apartmentOf.get(op.target) ?? null;
  };
  const journal = (op: SyncOperation, state: 'started' | 'succeeded' | 'failed' | 'deferred' | 'skipped', objectId: string | null, error: { code: string; message: string } | null) => {
    const ends = state === 'succeeded' || state === 'failed';
    const apartmentId = ends ? placeOfChange(op, objectId) : null;
    if (apartmentId && state === 'succeeded') apartmentOf.set(op.target, apartmentId);
    const described = ends ? describeChange(op, before, { objectId, apartmentId }, error ? `${error.code}: ${error.message}` : null) : null;
    return input.journal.record({
      runId: input.runId, opId: op.id, kind: op.kind, target: op.target, state, at: clock().toISOString(), objectId, error,
      ...(described ? { change: described.change, secret: described.secret } : {}),
    });
  };

  const finish = (op: SyncOperation, status: AppliedStatus, objectId: string | null, error: { code: string; message: string } | null) => {
    results.set(op.id, { id: op.id, kind: op.kind, target: op.target, status, objectId, error });
  };

  const runOne = async (op: SyncOperation, retry: boolean): Promise<void> => {
    if (stopped || input.signal?.aborted) {
      stopped ??= { reason: 'cancelled' };
      finish(op, 'not-run', null, null);
      return;
    }
    await journal(op, 'started', null, null);
    try {
      const objectId = await execute(op, env);
      await journal(op, 'succeeded', objectId, null);
      finish(op, 'done', objectId, null);
    } catch (error) {
      const shape = describeError(op, error);
      if (input.signal?.aborted) {
        await journal(op, 'failed', null, shape);
        finish(op, 'interrupted', null, shape);
        stopped ??= { reason: 'cancelled' };
        return;
      }
      if (error instanceof MissingDependency) {
        if (!retry && deferredTargets.has(error.target)) return defer(op, shape);
        await journal(op, 'skipped', null, shape);
        finish(op, 'skipped', null, shape);
        return;
      }
      if (!retry && isDeferrable(error)) return defer(op, shape);
      await journal(op, 'failed', null, shape);
      finish(op, 'failed', null, shape);
      problems.push(failureProblem(op, shape, error));
      log.warn('sync operation failed', { runId: input.runId, opId: op.id, code: shape.code });
      if (isAppError(error) && FATAL.has(error.code)) stopped ??= { reason: 'fatal', code: shape.code, message: shape.message };
    }
  };

  const defer = async (op: SyncOperation, shape: { code: string; message: string }) => {
    deferred.push(op);
    if (op.kind === 'create-family-member') deferredTargets.add(op.target);
    await journal(op, 'deferred', null, shape);
  };

  const placeOf = releaseOrder(operations, input.snapshot);
  const totals = new Map<ApplyPhase, { done: number; total: number; started: boolean }>();
  for (const op of operations) {
    const phase = placeOf(op).phase;
    const t = totals.get(phase) ?? { done: 0, total: 0, started: false };
    t.total++;
    totals.set(phase, t);
  }
  const progress = (phase: ApplyPhase, current: SyncOperation | null) => {
    const t = totals.get(phase)!;
    input.onProgress?.({ runId: input.runId, siteId: input.siteId, phase, done: t.done, total: t.total, current: current ? describeTarget(current) : null });
  };
  // Phases overlap: an operation starts once the objects it needs exist (apply/schedule.ts).
  const limit = input.smartPlus.inFlightLimit?.bind(input.smartPlus);
  const concurrency = input.concurrency ?? (limit ? () => limit() + SLACK : DEFAULT_CONCURRENCY);
  await runByDependencies(operations, dependencies(operations, placeOf), concurrency, async (op) => {
    const phase = placeOf(op).phase;
    const t = totals.get(phase)!;
    if (!t.started) {
      t.started = true;
      progress(phase, null);
    }
    await runOne(op, false);
    t.done++;
    progress(phase, op);
  });
  // Retries after the deletions freed places and values; one at a time, in plan order.
  for (const op of deferred) {
    await runOne(op, true);
    input.onProgress?.({ runId: input.runId, siteId: input.siteId, phase: phaseOf(op.kind).phase, done: 1, total: 1, current: describeTarget(op) });
  }
  for (const op of operations) if (!results.has(op.id)) finish(op, 'not-run', null, null);
  const applied = operations.map((op) => results.get(op.id)!);
  return { applied, counts: countApplied(applied), problems, stopped };
}

/**
 * Where each operation runs, ordered by what it depends on per value (spec §4: a value freed in a
 * run reaches its next holder in the same run). A deletion whose resident holds a PIN or card
 * that a set in this plan gives to someone else runs with the credential removals (credentials,
 * wave 0), before the sets (wave 1), instead of last: the value is released before it is set,
 * and SmartPlus never answers 409. Every other operation keeps its phase (see phaseOf).
 */
export function releaseOrder(operations: readonly SyncOperation[], snapshot: SmartPlusSnapshot): (op: SyncOperation) => { phase: ApplyPhase; wave: number } {
  const pins = new Set<string>();
  const cards = new Set<string>();
  for (const op of operations) {
    if (op.kind === 'set-pin') pins.add(op.pin);
    if (op.kind === 'set-rf-cards') for (const c of op.cards) cards.add(c.toUpperCase());
  }
  const holders = new Map<string, { pin: string | null; rfCards: readonly string[] }>();
  for (const c of snapshot.communities) for (const r of c.residents) holders.set(r.id, r);
  const early = new Set<string>();
  for (const op of operations) {
    if (op.kind !== 'delete-family-member') continue;
    const r = holders.get(op.residentId);
    if (r && ((r.pin !== null && pins.has(r.pin)) || r.rfCards.some((c) => cards.has(c.toUpperCase())))) early.add(op.id);
  }
  return (op) => (early.has(op.id) ? { phase: 'credentials', wave: 0 } : phaseOf(op.kind));
}

function safely<T>(read: () => T): T | null {
  try {
    return read();
  } catch {
    return null;
  }
}

function isDeferrable(error: unknown): boolean {
  if (!isAppError(error)) return false;
  if (error.code === 'SP_LIMIT_EXCEEDED') return true;
  const what = conflictOf(error);
  return what === 'pin' || what === 'rfCard';
}

/** An error as the journal and report keep it; never a PIN (set-pin messages are replaced by a fixed text). */
function describeError(op: SyncOperation, error: unknown): { code: string; message: string } {
  const code = isAppError(error) ? error.code : error instanceof MissingDependency ? 'DEPENDENCY' : 'INTERNAL';
  const raw = error instanceof Error ? error.message : String(error);
  const message = op.kind === 'set-pin' ? `SmartPlus refused the PIN (${code})` : raw;
  return { code, message };
}

/** "Maple Court / Apt 101 / Jane Doe (tenant 920)" — what an operation is about, for progress and reports. */
export function describeTarget(op: SyncOperation): string {
  return [op.display.property, op.display.unit, op.display.person].filter((x): x is string => !!x).join(' / ');
}

/** The run counts of spec §11 from what was done. */
export function countApplied(applied: readonly AppliedOperation[]): RunCounts {
  const counts = { ...EMPTY_COUNTS };
  for (const a of applied) {
    if (a.status === 'failed') counts.failedOperations++;
    if (a.status !== 'done') continue;
    switch (a.kind) {
      case 'create-community': counts.communities++; break;
      case 'create-apartment': counts.apartments++; break;
      case 'create-family-member': counts.accountsCreated++; break;
      case 'update-family-member': counts.accountsUpdated++; break;
      case 'delete-family-member': counts.accountsDeleted++; break;
      case 'set-pin': case 'set-rf-cards': counts.credentialsSet++; break;
      case 'remove-pin': case 'remove-rf-cards': counts.credentialsRemoved++; break;
      default: break;
    }
  }
  return counts;
}
