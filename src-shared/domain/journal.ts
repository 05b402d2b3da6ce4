// The storage ports of a sync run: the write-ahead journal and the run history. Declared here, in
// src-shared, so the engine (src-main/sync) uses them and the database (src-main/db) implements
// them without either importing the other.
import type { Problem, RunRecord } from './run';
import type { HeldBackDeletion, OperationKind } from './sync-plan';

/** One journal row: an operation about to be called, or how the call ended. Never carries a PIN. */
export interface JournalEntry {
  readonly runId: string;
  readonly opId: string;
  readonly kind: OperationKind;
  readonly target: string;
  readonly state: 'started' | 'succeeded' | 'failed' | 'deferred' | 'skipped';
  readonly at: string;
  /** The SmartPlus ID the call created or changed, when known. */
  readonly objectId: string | null;
  readonly error: { readonly code: string; readonly message: string } | null;
}

/** The write-ahead journal: a row before and after every SmartPlus call (issue 5). */
export interface JournalPort {
  record(entry: JournalEntry): Promise<void>;
  list(runId: string): Promise<JournalEntry[]>;
}

/** Run history: records, their problems and their held-back deletions (spec §11). */
export interface RunStorePort {
  /** Inserts or replaces a run record. */
  saveRun(run: RunRecord): Promise<void>;
  /** Replaces a run's problems. */
  saveProblems(runId: string, problems: readonly Problem[]): Promise<void>;
  /** Replaces a run's held-back deletions (empty once confirmed). */
  saveHeldBack(runId: string, heldBack: readonly HeldBackDeletion[]): Promise<void>;
  getRun(runId: string): Promise<RunRecord | null>;
  listRuns(siteId?: string): Promise<RunRecord[]>;
  listProblems(runId: string): Promise<Problem[]>;
  listHeldBack(runId: string): Promise<HeldBackDeletion[]>;
}
