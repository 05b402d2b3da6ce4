import type { Database } from 'better-sqlite3';
import type { JournalEntry, JournalPort } from '../../../src-shared/domain/journal';
import type { RunChangeWithSecret } from '../../../src-shared/domain/run-change';
import type { ChangesRepo } from './changes-repo';
import type { RunsRepo } from './runs-repo';

/**
 * The sync engine's write-ahead journal (`src-shared/domain/journal.ts`) over the journal rows
 * of {@link RunsRepo}, which is also the engine's run store. Each entry is one row keyed by run
 * and sequence, with the operation ID indexed so a later run can see what an interrupted one
 * began. A row that ends an operation also files its change in `run_changes` (issue 15), its
 * PINs encrypted there; the journal row itself never holds a PIN.
 */
export class DbJournal implements JournalPort {
  constructor(
    private readonly db: Database,
    private readonly runs: RunsRepo,
    private readonly changeStore: ChangesRepo,
  ) {}

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
