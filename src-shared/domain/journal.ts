// The storage ports of a sync run: the write-ahead journal and the run history. Declared here, in
// src-shared, so the engine (src-main/sync) uses them and the database (src-main/db) implements
// them without either importing the other.
import type { Problem, RunRecord } from './run';
import type { ChangeDraft, ChangeSecret, RunChangeWithSecret } from './run-change';
import type { HeldBackDeletion, OperationKind } from './sync-plan';

/**
 * One journal row: an operation about to be called, how the call ended, or that the mass guard
 * held it back. A row that ends an operation carries what it changed (`change`, display-safe);
 * the PINs around it travel only in `secret`, which the store keeps encrypted and never logs.
 */
export interface JournalEntry {
  readonly runId: string;
  readonly opId: string;
  readonly kind: OperationKind;
  readonly target: string;
  readonly state: 'started' | 'succeeded' | 'failed' | 'deferred' | 'skipped' | 'held-back';
  readonly at: string;
  /** The SmartPlus ID the call created or changed, when known. */
  readonly objectId: string | null;
  readonly error: { readonly code: string; readonly message: string } | null;
  /** What the operation changed (old → new, who, why): on 'succeeded', 'failed' and 'held-back' rows. */
  readonly change?: ChangeDraft;
  /** The PINs before and after, when the operation touched one. */
  readonly secret?: ChangeSecret | null;
}

/** The write-ahead journal: a row before and after every SmartPlus call (issue 5). */
export interface JournalPort {
  record(entry: JournalEntry): Promise<void>;
  list(runId: string): Promise<JournalEntry[]>;
  /** The changes a run recorded, in order, PINs decrypted where possible (for the undo planner). */
  changes(runId: string): Promise<RunChangeWithSecret[]>;
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
