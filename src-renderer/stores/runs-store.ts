import { createStore } from 'zustand/vanilla';
import type { Problem, ProblemKind, RunRecord } from '../../src-shared/domain/run';
import type { CsvExport, RunDetail, RunListItem, SitePreview } from '../../src-shared/ipc/contract/runs';
import type { Bridge } from '../bridge';
import { describeError, type ErrorText } from '../lib/error-text';
import { failed, idle, type Loadable, loading, ready } from '../lib/loadable';

/** What a held-back decision or an export did, for the line under the buttons. */
export type RunAction =
  | { kind: 'idle' }
  | { kind: 'busy'; what: 'confirm' | 'keep' | 'export' }
  | { kind: 'confirmed'; run: RunRecord }
  | { kind: 'kept'; count: number }
  | { kind: 'exported'; file: CsvExport }
  | { kind: 'failed'; what: 'confirm' | 'keep' | 'export'; error: ErrorText };

/** Run history, one run's detail with its problems, and a site's preview (spec §11). */
export interface RunsState {
  /** Which site the history shows (null: every site). */
  siteFilter: string | null;
  history: Loadable<RunListItem[]>;
  detail: Loadable<RunDetail>;
  problems: Loadable<Problem[]>;
  problemKind: ProblemKind | null;
  action: RunAction;
  preview: Loadable<SitePreview> & { siteId: string | null };
  loadHistory(siteId?: string | null): Promise<void>;
  openRun(runId: string): Promise<void>;
  setProblemKind(kind: ProblemKind | null): Promise<void>;
  exportCsv(): Promise<void>;
  confirmHeldBack(): Promise<void>;
  keepHeldBack(): Promise<void>;
  loadPreview(siteId: string): Promise<void>;
  closePreview(): void;
}

/** Builds the runs store; history and an open run refresh when a run ends. */
export function createRunsStore(bridge: Bridge) {
  const store = createStore<RunsState>()((set, get) => {
    const runId = () => get().detail.value?.run.id ?? null;
    /** One action on the open run: busy while it runs, then what it did (the run reopened to show it) or why it failed. */
    const act = async (what: 'confirm' | 'keep' | 'export', call: (runId: string) => Promise<RunAction>, options: { reopen?: boolean } = {}) => {
      const id = runId();
      if (!id) return;
      set({ action: { kind: 'busy', what } });
      try {
        set({ action: await call(id) });
        if (options.reopen) await get().openRun(id);
      } catch (error) {
        set({ action: { kind: 'failed', what, error: describeError(error) } });
      }
    };
    const loadProblems = async (id: string, kind: ProblemKind | null) => {
      set((s) => ({ problems: loading(s.problems) }));
      try {
        const { problems } = await bridge.call('runs.listProblems', { runId: id, ...(kind ? { kind } : {}) });
        if (get().detail.value?.run.id === id && get().problemKind === kind) set({ problems: ready(problems) });
      } catch (error) {
        set({ problems: failed(error) });
      }
    };
    return {
      siteFilter: null,
      history: idle(),
      detail: idle(),
      problems: idle(),
      problemKind: null,
      action: { kind: 'idle' },
      preview: { ...idle(), siteId: null },
      async loadHistory(siteId) {
        const filter = siteId === undefined ? get().siteFilter : siteId;
        // A refresh keeps the list on screen (and clears the last refresh's failure).
        set((s) => ({ siteFilter: filter, history: s.history.value === undefined ? loading() : ready(s.history.value) }));
        try {
          const { runs } = await bridge.call('runs.list', filter ? { siteId: filter } : {});
          if (get().siteFilter === filter) set({ history: ready(runs) });
        } catch (error) {
          set((s) => ({ history: failed(error, s.history) }));
        }
      },
      async openRun(id) {
        const same = runId() === id;
        set({
          // Reopening the same run keeps it on screen while it reloads.
          detail: same && get().detail.value !== undefined ? ready(get().detail.value!) : loading<RunDetail>(),
          ...(same ? {} : { problems: idle<Problem[]>(), problemKind: null, action: { kind: 'idle' } as RunAction }),
        });
        try {
          const detail = await bridge.call('runs.get', { runId: id });
          set({ detail: ready(detail) });
          await loadProblems(id, get().problemKind);
        } catch (error) {
          set({ detail: failed(error) });
        }
      },
      async setProblemKind(kind) {
        set({ problemKind: kind });
        const id = runId();
        if (id) await loadProblems(id, kind);
      },
      exportCsv: () => act('export', async (id) => ({ kind: 'exported', file: await bridge.call('runs.exportCsv', { runId: id }) })),
      confirmHeldBack: () => act('confirm', async (id) => ({ kind: 'confirmed', run: await bridge.call('runs.confirmHeldBack', { runId: id }) }), { reopen: true }),
      keepHeldBack: () => act('keep', async (id) => ({ kind: 'kept', count: (await bridge.call('runs.keepHeldBack', { runId: id })).kept }), { reopen: true }),
      async loadPreview(siteId) {
        set({ preview: { ...loading<SitePreview>(), siteId } });
        try {
          const preview = await bridge.call('runs.preview', { siteId });
          if (get().preview.siteId === siteId) set({ preview: { ...ready(preview), siteId } });
        } catch (error) {
          if (get().preview.siteId === siteId) set({ preview: { ...failed<SitePreview>(error), siteId } });
        }
      },
      closePreview() {
        set({ preview: { ...idle(), siteId: null } });
      },
    };
  });
  bridge.on('sync.finished', (run) => {
    const s = store.getState();
    if (s.history.status !== 'idle') void s.loadHistory();
    if (s.detail.value?.run.id === run.id && s.action.kind !== 'busy') void s.openRun(run.id);
  });
  return store;
}

/** The type of store {@link createRunsStore} returns. */
export type RunsStore = ReturnType<typeof createRunsStore>;
