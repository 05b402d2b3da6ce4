import { createStore } from 'zustand/vanilla';
import type { RunSkipped } from '../../src-shared/ipc/contract/sync';
import type { Bridge } from '../bridge';
import { describeError } from '../lib/error-text';
import { isRunning, type SiteRunView } from '../lib/site-run';

/** Runs in progress and just finished, per site, fed by `sync.progressed` / `sync.finished`. */
export interface SyncProgressState {
  bySite: Record<string, SiteRunView>;
  /** Sites "Resync all" left out, and why. */
  skipped: RunSkipped[];
  startingAll: boolean;
  /** Picks up runs already going (the scheduler's, or one started before this window opened). */
  load(): Promise<void>;
  /** Resyncs one site (or joins its run in progress). */
  start(siteId: string): Promise<void>;
  /** Resyncs every site that can be synced now. */
  startAll(): Promise<void>;
  cancel(siteId: string): Promise<void>;
  /** Forgets a finished or refused run's line. */
  dismiss(siteId: string): void;
}

const IDLE: SiteRunView = { runId: null, joined: false, progress: null, finished: null, cancelling: false, error: null };

/** Builds the progress store; it subscribes to the sync events for the window's lifetime. */
export function createSyncProgressStore(bridge: Bridge) {
  const store = createStore<SyncProgressState>()((set, get) => {
    const patch = (siteId: string, change: Partial<SiteRunView>) =>
      set((s) => ({ bySite: { ...s.bySite, [siteId]: { ...IDLE, ...s.bySite[siteId], ...change } } }));
    return {
      bySite: {},
      skipped: [],
      startingAll: false,
      async load() {
        try {
          const running = await bridge.call('sync.running');
          for (const p of running) patch(p.siteId, { runId: p.runId, progress: p, finished: null, error: null });
        } catch {
          // Nothing to pick up: the overview's own load reports a failing connection to main.
        }
      },
      async start(siteId) {
        // During a run the bar stays as it is; main answers with the same run and `joined: true`.
        if (!isRunning(get().bySite[siteId])) patch(siteId, { ...IDLE });
        try {
          const started = await bridge.call('sync.runSite', { siteId });
          const current = get().bySite[siteId];
          // A fast run may have finished (event) before the call answered: keep its end.
          const finished = current?.runId === started.runId ? current.finished : null;
          patch(siteId, { runId: started.runId, joined: started.joined, finished, progress: current?.runId === started.runId ? current.progress : null });
        } catch (error) {
          patch(siteId, { runId: null, error: describeError(error) });
        }
      },
      async startAll() {
        set({ startingAll: true, skipped: [] });
        try {
          const result = await bridge.call('sync.runAll');
          for (const s of result.started) {
            const current = get().bySite[s.siteId];
            const same = current?.runId === s.runId;
            patch(s.siteId, { runId: s.runId, joined: s.joined, finished: same ? current.finished : null, progress: same ? current.progress : null, error: null });
          }
          set({ skipped: result.skipped });
        } catch (error) {
          const text = describeError(error);
          set({ skipped: [{ siteId: '*', code: 'FAILED', reason: [text.text, text.nextStep].filter(Boolean).join(' ') }] });
        } finally {
          set({ startingAll: false });
        }
      },
      async cancel(siteId) {
        patch(siteId, { cancelling: true });
        try {
          await bridge.call('sync.cancel', { siteId });
        } catch (error) {
          patch(siteId, { cancelling: false, error: describeError(error) });
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
    if (current?.finished && current.runId === p.runId) return;
    const joined = current?.runId === p.runId ? current.joined : false;
    store.setState((s) => ({ bySite: { ...s.bySite, [p.siteId]: { ...IDLE, ...current, runId: p.runId, joined, progress: p, finished: null, error: null } } }));
  });
  bridge.on('sync.finished', (run) => {
    if (run.dryRun) return;
    const current = store.getState().bySite[run.siteId];
    store.setState((s) => ({
      bySite: { ...s.bySite, [run.siteId]: { ...IDLE, ...current, runId: run.id, finished: run, cancelling: false, error: null } },
    }));
  });
  return store;
}

/** The type of store {@link createSyncProgressStore} returns. */
export type SyncProgressStore = ReturnType<typeof createSyncProgressStore>;
