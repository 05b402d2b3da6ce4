import type { RunRecord } from '../../src-shared/domain/run';
import type { LocalDb } from '../db/local-db';
import type { Logger } from '../logging/logger';
import type { EventBus } from './event-bus';

/** The meta key of the watcher's cursor: the end of the last run it accounted for (ISO). */
export const EXTERNAL_RUNS_CURSOR = 'external-runs:cursor';

/** What {@link createExternalRunWatcher} needs. */
export interface ExternalRunWatcherDeps {
  readonly db: Pick<LocalDb, 'dataVersion' | 'runs' | 'meta'>;
  readonly events: EventBus;
  readonly now: () => Date;
  readonly log: Logger;
}

/** Notices runs another process (the CLI, the OS task) finished in the shared database. */
export interface ExternalRunWatcher {
  /**
   * Looks once: when SQLite's data_version moved (another connection committed), emits
   * `sync.finished` for every run that ended since the last look and was not finished by this
   * process, so screens refresh and notifications follow. Returns those runs.
   */
  check(): RunRecord[];
  /** Checks every `intervalMs` (while the window is shown; cheap: one pragma when nothing changed). */
  start(intervalMs?: number): void;
  /** Stops the timer (the window was hidden). */
  stop(): void;
  /** Stops for good and saves the cursor, so the next start reports only runs that ended after this one quit. */
  close(): void;
}

/**
 * The app's half of "the app notices runs that another process wrote" (issue 14). The first
 * `check()` after a start also reports what the OS task did while the app was closed (the
 * cursor is kept in the meta table across restarts).
 */
export function createExternalRunWatcher(deps: ExternalRunWatcherDeps): ExternalRunWatcher {
  const own = new Set<string>();
  const stopOwn = deps.events.on('sync.finished', (run) => {
    own.add(run.id);
    if (own.size > 2_000) own.delete(own.values().next().value!);
  });
  let cursor = deps.db.meta.get(EXTERNAL_RUNS_CURSOR) ?? deps.now().toISOString();
  // null: nothing looked at yet, so the first check reads the table whatever the version says.
  let version: number | null = null;
  let timer: ReturnType<typeof setInterval> | null = null;

  const check = (): RunRecord[] => {
    const current = deps.db.dataVersion();
    if (current === version) return [];
    version = current;
    const found = deps.db.runs.finishedSince(cursor).filter((run) => !own.has(run.id));
    for (const run of found) {
      own.add(run.id);
      if (run.endedAt && run.endedAt > cursor) cursor = run.endedAt;
      deps.events.emit('sync.finished', run);
    }
    if (found.length > 0) {
      deps.db.meta.set(EXTERNAL_RUNS_CURSOR, cursor);
      deps.log.info('runs finished by another process', { count: found.length, runIds: found.map((r) => r.id) });
    }
    return found;
  };

  const stop = () => {
    if (timer) clearInterval(timer);
    timer = null;
  };

  return {
    check,
    start(intervalMs = 3_000) {
      if (timer) return;
      check();
      timer = setInterval(() => {
        try {
          check();
        } catch (error) {
          deps.log.warn('could not look for runs of other processes', { error });
        }
      }, intervalMs);
      timer.unref?.();
    },
    stop,
    close() {
      stop();
      stopOwn();
      try {
        deps.db.meta.set(EXTERNAL_RUNS_CURSOR, deps.now().toISOString());
      } catch (error) {
        deps.log.warn('could not save the external-runs cursor', { error });
      }
    },
  };
}
