import { randomUUID } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import type { RunStorePort } from '../../../src-shared/domain/journal';
import {
  EMPTY_COUNTS,
  type Problem,
  ProblemSchema,
  type RunCounts,
  RunCountsSchema,
  type RunOutcome,
  type RunRecord,
  RunRecordSchema,
  type RunTrigger,
} from '../../../src-shared/domain/run';
import { type HeldBackDeletion, HeldBackDeletionSchema } from '../../../src-shared/domain/sync-plan';
import { bool, int, jsonColumn, problemFromRow } from './row-helpers';

/** A run row with its error-level problem count, read from the problems (issue 16: "Synced with problems" is derived, not stored). */
const RUN_SELECT = `SELECT runs.*, (SELECT COUNT(*) FROM problems p WHERE p.run_id = runs.id AND p.severity = 'error') AS error_count FROM runs`;

interface RunRow {
  id: string;
  site_id: string;
  trigger: string;
  dry_run: number;
  started_at: string;
  ended_at: string | null;
  outcome: string;
  counts_json: string;
  problem_count: number;
  error_count?: number;
  held_back_count: number;
  error: string | null;
  undo_of: string | null;
  awaiting_approval: number;
}

/** A new run's identity and start. */
export interface RunStart {
  id?: string;
  siteId: string;
  trigger: RunTrigger;
  dryRun: boolean;
  startedAt: string;
}

/** How a run ended. */
export interface RunEnd {
  outcome: Exclude<RunOutcome, 'running'>;
  endedAt: string;
  counts: RunCounts;
  heldBackCount?: number;
  error?: string | null;
}

/** One stored journal row of a run: an idempotency key, its status, and what the engine needs to resume it. */
export interface JournalRow {
  runId: string;
  seq: number;
  key: string;
  status: string;
  data: unknown;
  at: string;
}

/**
 * Runs, their per-record problems, held-back deletions and journal rows (spec §11) — the one
 * runs API: the sync engine uses it as its {@link RunStorePort} (the async methods), services
 * and the scheduler read it directly. Problems are stored as given: their `value` is
 * display-safe (PINs masked) by the time the engine reports them.
 */
export class RunsRepo implements RunStorePort {
  constructor(private readonly db: Database) {}

  /** Inserts or replaces a run record (the engine's write; the record's problemCount is authoritative). */
  async saveRun(run: RunRecord): Promise<void> {
    const r = RunRecordSchema.parse(run);
    this.db
      .prepare(
        `INSERT INTO runs (id, site_id, trigger, dry_run, started_at, ended_at, outcome, counts_json, problem_count, held_back_count, error, undo_of, awaiting_approval)
         VALUES (@id, @siteId, @trigger, @dryRun, @startedAt, @endedAt, @outcome, @counts, @problemCount, @heldBackCount, @error, @undoOf, @approval)
         ON CONFLICT (id) DO UPDATE SET site_id = @siteId, trigger = @trigger, dry_run = @dryRun, started_at = @startedAt,
           ended_at = @endedAt, outcome = @outcome, counts_json = @counts, problem_count = @problemCount,
           held_back_count = @heldBackCount, error = @error, undo_of = @undoOf, awaiting_approval = @approval`,
      )
      .run({ ...r, dryRun: int(r.dryRun), counts: JSON.stringify(r.counts), undoOf: r.undoOf ?? null, approval: int(r.awaitingApproval ?? false) });
  }

  /** Replaces a run's problems, keeping the record's own problemCount (saveRun's). */
  async saveProblems(runId: string, problems: readonly Problem[]): Promise<void> {
    this.db.transaction(() => {
      const count = (this.db.prepare('SELECT problem_count AS n FROM runs WHERE id = ?').get(runId) as { n: number } | undefined)?.n;
      this.db.prepare('DELETE FROM problems WHERE run_id = ?').run(runId);
      this.addProblems(runId, problems);
      if (count !== undefined) this.db.prepare('UPDATE runs SET problem_count = ? WHERE id = ?').run(count, runId);
    })();
  }

  /** Replaces a run's held-back deletions (empty once confirmed). */
  async saveHeldBack(runId: string, heldBack: readonly HeldBackDeletion[]): Promise<void> {
    const insert = this.db.prepare('INSERT INTO held_back (run_id, seq, json) VALUES (?, ?, ?)');
    this.db.transaction(() => {
      this.db.prepare('DELETE FROM held_back WHERE run_id = ?').run(runId);
      heldBack.forEach((h, i) => insert.run(runId, i + 1, JSON.stringify(HeldBackDeletionSchema.parse(h))));
    })();
  }

  /** A run's held-back deletions, in order. */
  async listHeldBack(runId: string): Promise<HeldBackDeletion[]> {
    const rows = this.db.prepare('SELECT json FROM held_back WHERE run_id = ? ORDER BY seq').all(runId) as { json: string }[];
    return rows.map((r) => jsonColumn(HeldBackDeletionSchema, r.json, 'held_back.json'));
  }

  /** Records a run as `running`. */
  startRun(start: RunStart): RunRecord {
    const id = start.id ?? randomUUID();
    this.db
      .prepare(
        `INSERT INTO runs (id, site_id, trigger, dry_run, started_at, outcome, counts_json)
         VALUES (?, ?, ?, ?, ?, 'running', ?)`,
      )
      .run(id, start.siteId, start.trigger, int(start.dryRun), start.startedAt, JSON.stringify(EMPTY_COUNTS));
    return this.readRun(id)!;
  }

  /** Records how a run ended. */
  finishRun(id: string, end: RunEnd): RunRecord {
    this.db
      .prepare(
        `UPDATE runs SET outcome = ?, ended_at = ?, counts_json = ?, held_back_count = ?, error = ? WHERE id = ?`,
      )
      .run(end.outcome, end.endedAt, JSON.stringify(RunCountsSchema.parse(end.counts)), end.heldBackCount ?? 0, end.error ?? null, id);
    return this.readRun(id)!;
  }

  /** Appends problems to a run, keeping their order. */
  addProblems(runId: string, problems: readonly Problem[]): void {
    if (problems.length === 0) return;
    const insert = this.db.prepare(
      `INSERT INTO problems (run_id, seq, kind, severity, property_id, unit_id, tenant_id, contact_id, subject, field, value, reason)
       VALUES (@runId, @seq, @kind, @severity, @propertyId, @unitId, @tenantId, @contactId, @subject, @field, @value, @reason)`,
    );
    this.db.transaction(() => {
      const { next } = this.db.prepare('SELECT COALESCE(MAX(seq), 0) + 1 AS next FROM problems WHERE run_id = ?').get(runId) as {
        next: number;
      };
      problems.forEach((p, i) => insert.run({ ...ProblemSchema.parse(p), runId, seq: next + i }));
      this.db.prepare('UPDATE runs SET problem_count = problem_count + ? WHERE id = ?').run(problems.length, runId);
    })();
  }

  /** One run, or null. */
  async getRun(id: string): Promise<RunRecord | null> {
    return this.readRun(id);
  }

  /** A site's runs (or every site's), newest first (history screen). */
  async listRuns(siteId?: string, limit = 1000): Promise<RunRecord[]> {
    const rows = (
      siteId === undefined
        ? this.db.prepare(`${RUN_SELECT} ORDER BY started_at DESC, runs.rowid DESC LIMIT ?`).all(limit)
        : this.db.prepare(`${RUN_SELECT} WHERE site_id = ? ORDER BY started_at DESC, runs.rowid DESC LIMIT ?`).all(siteId, limit)
    ) as RunRow[];
    return rows.map(toRecord);
  }

  /** The start of the site's last finished full run that was not a dry run (the scheduler's `lastRun`). */
  lastCompletedRunAt(siteId: string): string | null {
    const row = this.db
      .prepare(
        `SELECT started_at FROM runs WHERE site_id = ? AND dry_run = 0 AND outcome IN ('succeeded', 'partial', 'held-back')
         ORDER BY started_at DESC LIMIT 1`,
      )
      .get(siteId) as { started_at: string } | undefined;
    return row?.started_at ?? null;
  }

  /** The runs that undid `runId` (issue 15: the link back from a run to its undo), oldest first. */
  undoneBy(runId: string): string[] {
    return (this.db.prepare('SELECT id FROM runs WHERE undo_of = ? AND dry_run = 0 ORDER BY started_at').all(runId) as { id: string }[]).map((r) => r.id);
  }

  /** A run's problems, in the order reported. */
  async listProblems(runId: string): Promise<Problem[]> {
    const rows = this.db.prepare('SELECT * FROM problems WHERE run_id = ? ORDER BY seq').all(runId) as Record<string, unknown>[];
    return rows.map(problemFromRow);
  }

  private readRun(id: string): RunRecord | null {
    const row = this.db.prepare(`${RUN_SELECT} WHERE id = ?`).get(id) as RunRow | undefined;
    return row ? toRecord(row) : null;
  }

  /**
   * Marks runs left `running` by a crash or quit as failed ("interrupted"), so history is
   * truthful and the next run finishes their work (the journal says what was done). Runs of
   * `busySiteIds` — sites another live process holds the run lock of — are left alone.
   */
  markInterrupted(endedAt: string, busySiteIds: readonly string[] = []): number {
    const busy = JSON.stringify(busySiteIds);
    return this.db
      .prepare(
        `UPDATE runs SET outcome = 'failed', ended_at = ?, error = 'interrupted: SiteSync stopped during the run'
         WHERE outcome = 'running' AND site_id NOT IN (SELECT value FROM json_each(?))`,
      )
      .run(endedAt, busy).changes;
  }

  /** Runs that ended at or after `since` (ISO), oldest first: what another process finished since the app last looked. */
  finishedSince(since: string, limit = 200): RunRecord[] {
    const rows = this.db
      .prepare(`${RUN_SELECT} WHERE ended_at IS NOT NULL AND ended_at >= ? ORDER BY ended_at, runs.rowid LIMIT ?`)
      .all(since, limit) as RunRow[];
    return rows.map(toRecord);
  }

  /** Appends a journal entry to a run and returns it with its sequence number. */
  appendJournal(runId: string, entry: { key: string; status: string; data?: unknown; at: string }): JournalRow {
    return this.db.transaction(() => {
      const { next } = this.db.prepare('SELECT COALESCE(MAX(seq), 0) + 1 AS next FROM journal WHERE run_id = ?').get(runId) as {
        next: number;
      };
      this.db
        .prepare('INSERT INTO journal (run_id, seq, op_key, status, entry_json, at) VALUES (?, ?, ?, ?, ?, ?)')
        .run(runId, next, entry.key, entry.status, JSON.stringify(entry.data ?? null), entry.at);
      return { runId, seq: next, key: entry.key, status: entry.status, data: entry.data ?? null, at: entry.at };
    })();
  }

  /** A run's journal, in order. */
  listJournal(runId: string): JournalRow[] {
    const rows = this.db.prepare('SELECT * FROM journal WHERE run_id = ? ORDER BY seq').all(runId) as {
      run_id: string;
      seq: number;
      op_key: string;
      status: string;
      entry_json: string;
      at: string;
    }[];
    return rows.map((r) => ({ runId: r.run_id, seq: r.seq, key: r.op_key, status: r.status, data: JSON.parse(r.entry_json), at: r.at }));
  }

  /** The latest journal status of each idempotency key across a site's runs (to resume what an interrupted run began). */
  latestStatusByKey(siteId: string): Map<string, string> {
    const rows = this.db
      .prepare(
        `SELECT j.op_key, j.status FROM journal j JOIN runs r ON r.id = j.run_id
         WHERE r.site_id = ? ORDER BY r.started_at, r.rowid, j.seq`,
      )
      .all(siteId) as { op_key: string; status: string }[];
    const map = new Map<string, string>();
    for (const r of rows) map.set(r.op_key, r.status);
    return map;
  }

  /**
   * Forgets finished runs that started before `cutoff` (ISO), with their problems, held-back
   * items, journal and changes (they cascade), in one transaction (issue 15: history bounded).
   * A run still `running` is never pruned. Returns how many runs went.
   */
  pruneStartedBefore(cutoff: string): number {
    return this.db.transaction(() => this.db.prepare(`DELETE FROM runs WHERE started_at < ? AND outcome != 'running'`).run(cutoff).changes)();
  }

  /** When the oldest run kept started (ISO), or null with no history. */
  oldestStartedAt(): string | null {
    const row = this.db.prepare('SELECT MIN(started_at) AS oldest FROM runs').get() as { oldest: string | null };
    return row.oldest;
  }
}

function toRecord(row: RunRow): RunRecord {
  return RunRecordSchema.parse({
    id: row.id,
    siteId: row.site_id,
    trigger: row.trigger,
    dryRun: bool(row.dry_run),
    startedAt: row.started_at,
    endedAt: row.ended_at,
    outcome: row.outcome,
    counts: jsonColumn(RunCountsSchema, row.counts_json, 'runs.counts_json'),
    problemCount: row.problem_count,
    ...(row.error_count ? { errorCount: row.error_count } : {}),
    heldBackCount: row.held_back_count,
    error: row.error,
    ...(row.undo_of ? { undoOf: row.undo_of } : {}),
    ...(row.awaiting_approval ? { awaitingApproval: true } : {}),
  });
}
