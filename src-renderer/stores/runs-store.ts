import { createStore } from 'zustand/vanilla';
import type { ProblemKind, RunRecord } from '../../src-shared/domain/run';
import type { ChangeSearchInput, ChangeView, CsvExport, FoundChange, RunDetail, RunListItem, RunProblem, SitePreview, UndoPreview } from '../../src-shared/ipc/contract/runs';
import type { Bridge } from '../bridge';
import { describeError, type ErrorText } from '../lib/error-text';
import { failed, idle, type Loadable, loading, ready } from '../lib/loadable';

/** What a held-back decision or an export did, for the line under the buttons. */
export type RunAction =
  | { kind: 'idle' }
  | { kind: 'busy'; what: 'confirm' | 'keep' | 'export' | 'undo' }
  | { kind: 'confirmed'; run: RunRecord; approval?: boolean }
  | { kind: 'kept'; count: number }
  | { kind: 'exported'; file: CsvExport }
  | { kind: 'undone'; run: RunRecord; paused: boolean }
  | { kind: 'failed'; what: 'confirm' | 'keep' | 'export' | 'undo'; error: ErrorText };

/** The changes of the open run, page by page (issue 15). */
export interface RunChangesPage {
  runId: string;
  changes: ChangeView[];
  total: number;
}

/** How many changes a page of the run detail loads. */
export const CHANGES_PAGE = 200;

/** The key of a revealed PIN: run, change and which side of it. */
export function pinKey(runId: string, seq: number, which: 'before' | 'after'): string {
  return `${runId}:${seq}:${which}`;
}

/** Run history, one run's detail with its problems, and a site's preview (spec §11). */
export interface RunsState {
  /** Which site the history shows (null: every site). */
  siteFilter: string | null;
  history: Loadable<RunListItem[]>;
  detail: Loadable<RunDetail>;
  problems: Loadable<RunProblem[]>;
  problemKind: ProblemKind | null;
  action: RunAction;
  preview: Loadable<SitePreview> & { siteId: string | null };
  loadHistory(siteId?: string | null): Promise<void>;
  openRun(runId: string): Promise<void>;
  setProblemKind(kind: ProblemKind | null): Promise<void>;
  exportCsv(): Promise<void>;
  /** Applies the held-back list (the guard's deletions, or with `approval` an ask-first run's changes). */
  confirmHeldBack(approval?: boolean): Promise<void>;
  keepHeldBack(): Promise<void>;
  loadPreview(siteId: string): Promise<void>;
  closePreview(): void;
  /** The open run's changes; `loadMoreChanges` appends the next page. */
  changes: Loadable<RunChangesPage>;
  loadMoreChanges(): Promise<void>;
  /** PINs the user asked to see, by {@link pinKey}; shown until hidden, dropped when another run opens. */
  revealed: Record<string, string | null>;
  revealChangePin(runId: string, seq: number, which: 'before' | 'after'): Promise<void>;
  hideChangePin(key: string): void;
  /** The cross-run search ("who lost access last night"). */
  search: { query: ChangeSearchInput | null; result: Loadable<{ changes: FoundChange[]; more: boolean }> };
  searchChanges(query: ChangeSearchInput): Promise<void>;
  /** Why the last reveal failed, for the line above the changes. */
  revealError: ErrorText | null;
  /** The undo preview of the open run (null: the dialog is closed). */
  undoPreview: Loadable<UndoPreview> | null;
  previewUndo(allowMassChange?: boolean): Promise<void>;
  closeUndo(): void;
  /** Undoes the open run (issue 15); `pauseSchedule` pauses the site's schedule until resumed. */
  undo(options: { pauseSchedule: boolean; allowMassChange: boolean }): Promise<void>;
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
    const loadChanges = async (id: string, offset: number) => {
      const keep = get().changes.value?.runId === id ? get().changes : undefined;
      set({ changes: loading(offset > 0 ? keep : undefined) });
      try {
        const page = await bridge.call('runs.listChanges', { runId: id, offset, limit: CHANGES_PAGE });
        if (runId() !== id) return;
        const before = offset > 0 && keep?.value ? keep.value.changes : [];
        set({ changes: ready({ runId: id, changes: [...before, ...page.changes], total: page.total }) });
      } catch (error) {
        set({ changes: failed(error, keep) });
      }
    };
    return {
      undoPreview: null,
      async previewUndo(allowMassChange = false) {
        const id = runId();
        if (!id) return;
        set({ undoPreview: loading() });
        try {
          const preview = await bridge.call('runs.previewUndo', { runId: id, allowMassChange });
          if (get().undoPreview !== null && runId() === id) set({ undoPreview: ready(preview) });
        } catch (error) {
          if (get().undoPreview !== null) set({ undoPreview: failed(error) });
        }
      },
      closeUndo() {
        set({ undoPreview: null });
      },
      async undo(options) {
        const id = runId();
        if (!id) return;
        set({ action: { kind: 'busy', what: 'undo' }, undoPreview: null });
        try {
          const run = await bridge.call('runs.undo', { runId: id, ...options });
          set({ action: { kind: 'undone', run, paused: options.pauseSchedule } });
          await get().openRun(id);
        } catch (error) {
          set({ action: { kind: 'failed', what: 'undo', error: describeError(error) } });
        }
      },
      changes: idle(),
      revealed: {},
      revealError: null,
      search: { query: null, result: idle() },
      async loadMoreChanges() {
        const page = get().changes.value;
        if (page && page.changes.length < page.total) await loadChanges(page.runId, page.changes.length);
      },
      async revealChangePin(id, seq, which) {
        try {
          const { pin } = await bridge.call('runs.revealChangePin', { runId: id, seq, which });
          set({ revealed: { ...get().revealed, [pinKey(id, seq, which)]: pin }, revealError: null });
        } catch (error) {
          set({ revealError: describeError(error) });
        }
      },
      hideChangePin(key) {
        const { [key]: _gone, ...rest } = get().revealed;
        set({ revealed: rest });
      },
      async searchChanges(query) {
        set((s) => ({ search: { query, result: loading(s.search.result) } }));
        try {
          const result = await bridge.call('runs.searchChanges', query);
          if (get().search.query === query) set({ search: { query, result: ready(result) } });
        } catch (error) {
          if (get().search.query === query) set((s) => ({ search: { query, result: failed(error, s.search.result) } }));
        }
      },
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
          ...(same ? {} : { problems: idle<RunProblem[]>(), problemKind: null, action: { kind: 'idle' } as RunAction, changes: idle<RunChangesPage>(), revealed: {}, revealError: null, undoPreview: null }),
        });
        try {
          const detail = await bridge.call('runs.get', { runId: id });
          set({ detail: ready(detail) });
          if (detail.changeCount === 0) set({ changes: ready({ runId: id, changes: [], total: 0 }) });
          await Promise.all([loadProblems(id, get().problemKind), detail.changeCount > 0 ? loadChanges(id, 0) : null]);
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
      confirmHeldBack: (approval = false) =>
        act('confirm', async (id) => ({ kind: 'confirmed', run: await bridge.call('runs.confirmHeldBack', { runId: id }), ...(approval ? { approval } : {}) }), { reopen: true }),
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
