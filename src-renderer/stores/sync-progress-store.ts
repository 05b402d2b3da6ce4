import { createStore } from 'zustand/vanilla';
import type { RunSkipped, RunStarted } from '../../src-shared/ipc/contract/sync';
import type { Bridge } from '../bridge';
import { describeError, errorSentence } from '../lib/error-text';
import { attachRun, isRunning, joinedOf, runIdOf, type SiteRunView } from '../lib/site-run';

/** Runs in progress and just finished, per site, fed by `sync.progressed` / `sync.finished`. */
export interface SyncProgressState {
  bySite: Record<string, SiteRunView>;
  /** Sites "Resync all" left out, and why (paused sites among them, issue 16). */
  skipped: RunSkipped[];
  /** How many sites the last "Resync all" started (or joined); null before any. */
  startedAll: number | null;
  startingAll: boolean;
  /** Picks up runs already going (the scheduler's, or one started before this window opened). */
  load(): Promise<void>;
  /** Resyncs one site (or joins its run in progress). */
  start(siteId: string): Promise<void>;
  /** Resyncs every site that can be synced now. */
  startAll(): Promise<void>;
  /** Resyncs a site "Resync all" left out (a paused one the installer chose to run anyway) and drops it from the list. */
  startSkipped(siteId: string): Promise<void>;
  cancel(siteId: string): Promise<void>;
  /** Forgets a finished or refused run's line. */
  dismiss(siteId: string): void;
}

/** Builds the progress store; it subscribes to the sync events for the window's lifetime. */
export function createSyncProgressStore(bridge: Bridge) {
  const store = createStore<SyncProgressState>()((set, get) => {
    const put = (siteId: string, view: SiteRunView) => set((s) => ({ bySite: { ...s.bySite, [siteId]: view } }));
    // Main named the site's run: show it running (or keep its end if it already finished).
    const attach = (siteId: string, runId: string, joined: boolean) => put(siteId, attachRun(get().bySite[siteId], runId, joined));
    const showAll = (result: { started: RunStarted[]; skipped: RunSkipped[] }) => {
      for (const s of result.started) attach(s.siteId, s.runId, s.joined);
      set({ skipped: result.skipped, startedAll: result.started.length });
    };
    // The tray's or the menu's "Resync all" runs in main: the Overview says what it started and left
    // out, as after its own button (whose call answers with the same result).
    bridge.on('sync.resyncedAll', showAll);
    return {
      bySite: {},
      skipped: [],
      startedAll: null,
      startingAll: false,
      async load() {
        try {
          const running = await bridge.call('sync.listRunning');
          for (const p of running) {
            put(p.siteId, { kind: 'running', runId: p.runId, joined: joinedOf(get().bySite[p.siteId], p.runId), progress: p, cancelling: false });
          }
        } catch {
          // Nothing to pick up: the overview's own load reports a failing connection to main.
        }
      },
      async start(siteId) {
        // During a run the bar stays as it is; main answers with the same run and `joined: true`.
        if (!isRunning(get().bySite[siteId])) put(siteId, { kind: 'starting' });
        try {
          const started = await bridge.call('sync.runSite', { siteId });
          attach(siteId, started.runId, started.joined);
        } catch (error) {
          put(siteId, { kind: 'refused', error: describeError(error), runId: null, joined: false });
        }
      },
      async startAll() {
        set({ startingAll: true, skipped: [], startedAll: null });
        try {
          showAll(await bridge.call('sync.runAll', {}));
        } catch (error) {
          set({ skipped: [{ siteId: '*', code: 'FAILED', reason: errorSentence(error) }] });
        } finally {
          set({ startingAll: false });
        }
      },
      async startSkipped(siteId) {
        set((s) => ({ skipped: s.skipped.filter((k) => k.siteId !== siteId) }));
        await get().start(siteId);
      },
      async cancel(siteId) {
        const current = get().bySite[siteId];
        if (current?.kind === 'running') put(siteId, { ...current, cancelling: true });
        try {
          await bridge.call('sync.cancel', { siteId });
        } catch (error) {
          const runId = runIdOf(current);
          put(siteId, { kind: 'refused', error: describeError(error), runId, joined: runId ? joinedOf(current, runId) : false });
        }
      },
      dismiss(siteId) {
        set((s) => {
          const next = { ...s.bySite };
          delete next[siteId];
          return { bySite: next };
        });
      },
    };
  });
  bridge.on('sync.progressed', (p) => {
    const current = store.getState().bySite[p.siteId];
    const view = attachRun(current, p.runId, joinedOf(current, p.runId), p);
    store.setState((s) => ({ bySite: { ...s.bySite, [p.siteId]: view } }));
  });
  bridge.on('sync.finished', (run) => {
    if (run.dryRun) return;
    store.setState((s) => ({ bySite: { ...s.bySite, [run.siteId]: { kind: 'finished', runId: run.id, run } } }));
  });
  return store;
}

/** The type of store {@link createSyncProgressStore} returns. */
export type SyncProgressStore = ReturnType<typeof createSyncProgressStore>;
