import type { Database } from 'better-sqlite3';
import { type Problem, type RunRecord, RunRecordSchema } from '../../../src-shared/domain/run';
import { type HeldBackDeletion, HeldBackDeletionSchema } from '../../../src-shared/domain/sync-plan';
import type { JournalEntry, JournalPort, RunStorePort } from '../../../src-shared/domain/journal';
import type { RunChangeWithSecret } from '../../../src-shared/domain/run-change';
import type { ChangesRepo } from './changes-repo';
import { int } from './row-helpers';
import { RunsRepo } from './runs-repo';

/**
 * The sync engine's write-ahead journal on the local database (src-main/sync/ports.ts). Each
 * entry is one row keyed by run and sequence, with the operation ID indexed so a later run
 * can see what an interrupted one began. A row that ends an operation also files its change in
 * `run_changes` (issue 15), its PINs encrypted there; the journal row itself never holds a PIN.
 */
export class DbJournal implements JournalPort {
  private readonly runs: RunsRepo;

  constructor(
    private readonly db: Database,
    private readonly changeStore: ChangesRepo,
  ) {
    this.runs = new RunsRepo(db);
  }

  async record(entry: JournalEntry): Promise<void> {
    const { change, secret, ...row } = entry;
    this.db.transaction(() => {
      this.runs.appendJournal(entry.runId, { key: entry.opId, status: entry.state, data: row, at: entry.at });
      if (!change) return;
      const status = entry.state === 'succeeded' ? 'applied' : entry.state === 'failed' ? 'failed' : entry.state === 'held-back' ? 'held-back' : null;
      if (status) this.changeStore.append(entry.runId, change, status, entry.at, secret ?? null);
    })();
  }

  async changes(runId: string): Promise<RunChangeWithSecret[]> {
    return this.changeStore.ofRunWithSecrets(runId);
  }

  async list(runId: string): Promise<JournalEntry[]> {
    return this.runs.listJournal(runId).map((row) => row.data as JournalEntry);
  }
}

/** The engine's run history on the local database (src-main/sync/ports.ts). */
export class DbRunStore implements RunStorePort {
  private readonly runs: RunsRepo;

  constructor(private readonly db: Database) {
    this.runs = new RunsRepo(db);
  }

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

  async saveProblems(runId: string, problems: readonly Problem[]): Promise<void> {
    this.db.transaction(() => {
      const count = (this.db.prepare('SELECT problem_count AS n FROM runs WHERE id = ?').get(runId) as { n: number } | undefined)?.n;
      this.db.prepare('DELETE FROM problems WHERE run_id = ?').run(runId);
      this.runs.addProblems(runId, problems);
      // The record's own problemCount (saveRun) stays authoritative.
      if (count !== undefined) this.db.prepare('UPDATE runs SET problem_count = ? WHERE id = ?').run(count, runId);
    })();
  }

  async saveHeldBack(runId: string, heldBack: readonly HeldBackDeletion[]): Promise<void> {
    const insert = this.db.prepare('INSERT INTO held_back (run_id, seq, json) VALUES (?, ?, ?)');
    this.db.transaction(() => {
      this.db.prepare('DELETE FROM held_back WHERE run_id = ?').run(runId);
      heldBack.forEach((h, i) => insert.run(runId, i + 1, JSON.stringify(HeldBackDeletionSchema.parse(h))));
    })();
  }

  async getRun(runId: string): Promise<RunRecord | null> {
    return this.runs.getRun(runId);
  }

  async listRuns(siteId?: string): Promise<RunRecord[]> {
    if (siteId !== undefined) return this.runs.listRuns(siteId, 1000);
    const ids = this.db.prepare('SELECT id FROM runs ORDER BY started_at DESC, rowid DESC LIMIT 1000').all() as { id: string }[];
    return ids.map((r) => this.runs.getRun(r.id)!);
  }

  async listProblems(runId: string): Promise<Problem[]> {
    return this.runs.listProblems(runId);
  }

  async listHeldBack(runId: string): Promise<HeldBackDeletion[]> {
    const rows = this.db.prepare('SELECT json FROM held_back WHERE run_id = ? ORDER BY seq').all(runId) as { json: string }[];
    return rows.map((r) => HeldBackDeletionSchema.parse(JSON.parse(r.json)));
  }
}
