import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';
import type { Bridge } from '../bridge';
import { describeError, type ErrorText } from '../lib/error-text';
import { useStores } from './stores-context';

/**
 * Where a "Save diagnostics" button sits: `settings`, or `run:<id>` for a failed run. A report
 * saved from one place is not announced in another.
 */
export type DiagnosticsScope = string;

/** What the last "Save diagnostics" did, for the line under its button. */
export type DiagnosticsStatus =
  | { kind: 'idle' }
  | { kind: 'saving'; scope: DiagnosticsScope }
  | { kind: 'saved'; scope: DiagnosticsScope; folder: string; files: string[]; showError: ErrorText | null }
  | { kind: 'cancelled'; scope: DiagnosticsScope }
  | { kind: 'failed'; scope: DiagnosticsScope; error: ErrorText };

/** "Save diagnostics" (issue 13): main asks for a folder and writes a redacted report for support. */
export interface DiagnosticsState {
  status: DiagnosticsStatus;
  /** Saves a report (of `runId`, or the latest run); main shows the folder dialog. */
  save(scope: DiagnosticsScope, runId?: string): Promise<void>;
  /** Shows the saved report's folder in the file manager. */
  showFolder(): Promise<void>;
}

/** Builds the diagnostics store over the bridge. */
export function createDiagnosticsStore(bridge: Bridge) {
  return createStore<DiagnosticsState>()((set, get) => ({
    status: { kind: 'idle' },
    async save(scope, runId) {
      if (get().status.kind === 'saving') return;
      set({ status: { kind: 'saving', scope } });
      try {
        const answer = await bridge.call('diagnostics.saveReport', runId ? { runId } : {});
        set({ status: answer.saved ? { kind: 'saved', scope, folder: answer.folder, files: answer.files, showError: null } : { kind: 'cancelled', scope } });
      } catch (error) {
        set({ status: { kind: 'failed', scope, error: describeError(error) } });
      }
    },
    async showFolder() {
      const status = get().status;
      if (status.kind !== 'saved') return;
      try {
        await bridge.call('diagnostics.showFolder', { folder: status.folder });
        set({ status: { ...status, showError: null } });
      } catch (error) {
        set({ status: { ...status, showError: describeError(error) } });
      }
    },
  }));
}

/** The type of store {@link createDiagnosticsStore} returns. */
export type DiagnosticsStore = ReturnType<typeof createDiagnosticsStore>;

/** What a screen hands the presentational "Save diagnostics" parts for one place (`scope`). */
export interface DiagnosticsControls {
  busy: boolean;
  outcome: { kind: 'cancelled' } | { kind: 'failed'; text: string } | { kind: 'saved'; folder: string; fileCount: number; showError: string | null } | null;
  save(): void;
  showFolder(): void;
}

const sentence = (e: ErrorText) => (e.nextStep ? `${e.text} ${e.nextStep}` : e.text);

/** The "Save diagnostics" of one place: busy while any save runs, the outcome only of a save from here. */
export function useDiagnostics(scope: DiagnosticsScope, runId?: string): DiagnosticsControls {
  const store = useStores().diagnostics;
  const status = useStore(store, (s) => s.status);
  const mine = status.kind !== 'idle' && status.scope === scope ? status : null;
  let outcome: DiagnosticsControls['outcome'] = null;
  if (mine?.kind === 'cancelled') outcome = { kind: 'cancelled' };
  // BAD_INPUT here is a folder main could not write to; its message already says what to do
  // (the generic "correct the highlighted field" does not apply: there is no field).
  else if (mine?.kind === 'failed') outcome = { kind: 'failed', text: mine.error.code === 'BAD_INPUT' ? mine.error.text : sentence(mine.error) };
  else if (mine?.kind === 'saved') outcome = { kind: 'saved', folder: mine.folder, fileCount: mine.files.length, showError: mine.showError ? sentence(mine.showError) : null };
  return {
    busy: status.kind === 'saving',
    outcome,
    save: () => void store.getState().save(scope, runId),
    showFolder: () => void store.getState().showFolder(),
  };
}
