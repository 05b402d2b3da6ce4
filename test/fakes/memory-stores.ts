import type { SyncPolicy } from '../../src-shared/domain/policy';
import type { RentManagerSnapshot } from '../../src-shared/domain/rentmanager';
import type { Problem, RunRecord } from '../../src-shared/domain/run';
import type { RunChangeWithSecret } from '../../src-shared/domain/run-change';
import type { HeldBackDeletion } from '../../src-shared/domain/sync-plan';
import type { JournalEntry, JournalPort, RentManagerPort, RunStorePort } from '../../src-main/sync/ports';

/** A journal in memory (tests; the app's journal lives in the local database). */
export class MemoryJournal implements JournalPort {
  readonly entries: JournalEntry[] = [];
  /** The PINs around each change, apart from the rows (as the database keeps them apart, encrypted). */
  private readonly secrets = new Map<JournalEntry, JournalEntry['secret']>();

  async record(entry: JournalEntry): Promise<void> {
    const { secret, ...row } = entry;
    this.entries.push(row);
    if (secret) this.secrets.set(row, structuredClone(secret));
  }

  async list(runId: string): Promise<JournalEntry[]> {
    return this.entries.filter((e) => e.runId === runId);
  }

  /** The changes of a run as the database would list them (secrets kept as given: memory only). */
  async changes(runId: string): Promise<RunChangeWithSecret[]> {
    const ends = { succeeded: 'applied', failed: 'failed', 'held-back': 'held-back' } as const;
    return this.entries
      .filter((e) => e.runId === runId && e.change && e.state in ends)
      .map((e, i) => ({
        ...e.change!, runId, seq: i + 1, siteId: 'memory', at: e.at, status: ends[e.state as keyof typeof ends],
        pinKept: this.secrets.has(e), secret: structuredClone(this.secrets.get(e) ?? null),
      }));
  }
}

/** Run history in memory. */
export class MemoryRunStore implements RunStorePort {
  private readonly runs = new Map<string, RunRecord>();
  private readonly problems = new Map<string, Problem[]>();
  private readonly heldBack = new Map<string, HeldBackDeletion[]>();

  async saveRun(run: RunRecord): Promise<void> {
    this.runs.set(run.id, structuredClone(run));
  }

  async saveProblems(runId: string, problems: readonly Problem[]): Promise<void> {
    this.problems.set(runId, structuredClone([...problems]));
  }

  async saveHeldBack(runId: string, heldBack: readonly HeldBackDeletion[]): Promise<void> {
    this.heldBack.set(runId, structuredClone([...heldBack]));
  }

  async getRun(runId: string): Promise<RunRecord | null> {
    return structuredClone(this.runs.get(runId) ?? null);
  }

  async listRuns(siteId?: string): Promise<RunRecord[]> {
    return [...this.runs.values()].filter((r) => siteId === undefined || r.siteId === siteId).map((r) => structuredClone(r));
  }

  async listProblems(runId: string): Promise<Problem[]> {
    return structuredClone(this.problems.get(runId) ?? []);
  }

  async listHeldBack(runId: string): Promise<HeldBackDeletion[]> {
    return structuredClone(this.heldBack.get(runId) ?? []);
  }
}

/** Rent Manager in memory: answers with whatever snapshot the test set, or throws `failWith`. */
export class MemoryRentManager implements RentManagerPort {
  failWith: Error | null = null;
  reads = 0;

  constructor(public snapshot: RentManagerSnapshot) {}

  async readSnapshot(propertyIds: readonly number[], _policy: SyncPolicy): Promise<RentManagerSnapshot> {
    this.reads++;
    if (this.failWith) throw this.failWith;
    const wanted = new Set(propertyIds);
    const s = structuredClone(this.snapshot);
    return { ...s, properties: s.properties.filter((p) => wanted.has(p.id)) };
  }
}
