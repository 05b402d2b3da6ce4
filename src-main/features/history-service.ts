import { DateTime } from 'luxon';
import { KEEP_HISTORY_DAYS } from '../../src-shared/domain/preferences';
import type { HistoryRange } from '../../src-shared/ipc/contract/history';
import type { LocalDb } from '../db/local-db';
import type { Logger } from '../logging/logger';
import type { PreferencesStore } from '../services/preferences';

/** Keeps run history bounded (issue 15): prunes old runs at start and says how far back it goes. */
export interface HistoryService {
  /** Forgets runs older than the kept days; returns how many went. */
  prune(): number;
  /** How many days are kept and when the oldest kept run started. */
  getRange(): HistoryRange;
}

/** What the history service needs. */
export interface HistoryServiceDeps {
  readonly db: Pick<LocalDb, 'runs'>;
  readonly preferences: Pick<PreferencesStore, 'get'>;
  readonly now: () => Date;
  readonly log: Logger;
}

/** Builds the history service. */
export function createHistoryService(deps: HistoryServiceDeps): HistoryService {
  const keepDays = () => deps.preferences.get().keepHistoryDays ?? KEEP_HISTORY_DAYS.default;
  return {
    prune() {
      const cutoff = DateTime.fromJSDate(deps.now()).toUTC().minus({ days: keepDays() }).toISO()!;
      const pruned = deps.db.runs.pruneStartedBefore(cutoff);
      if (pruned > 0) deps.log.info('old run history pruned', { pruned, keepDays: keepDays() });
      return pruned;
    },
    getRange: () => ({ keepDays: keepDays(), oldestRunAt: deps.db.runs.oldestStartedAt() }),
  };
}
