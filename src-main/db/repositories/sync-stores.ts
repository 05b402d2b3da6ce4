import type { JournalEntry, JournalPort } from '../../../src-shared/domain/journal';
import type { RunsRepo } from './runs-repo';

/**
 * The sync engine's write-ahead journal (`src-shared/domain/journal.ts`) over the journal rows
 * of {@link RunsRepo}, which is also the engine's run store. Each entry is one row keyed by run
 * and sequence, with the operation ID indexed so a later run can see what an interrupted one
 * began. Entries never carry a PIN (the port's contract).
 */
export class DbJournal implements JournalPort {
  constructor(private readonly runs: RunsRepo) {}

  async record(entry: JournalEntry): Promise<void> {
    this.runs.appendJournal(entry.runId, { key: entry.opId, status: entry.state, data: entry, at: entry.at });
  }

  async list(runId: string): Promise<JournalEntry[]> {
    return this.runs.listJournal(runId).map((row) => row.data as JournalEntry);
  }
}
