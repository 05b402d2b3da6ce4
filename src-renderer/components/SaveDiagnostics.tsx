import type { ReactNode } from 'react';

/** What the last "Save diagnostics" of one place did, as the button and its result line show it. */
export type SaveDiagnosticsOutcome =
  | { kind: 'cancelled' }
  | { kind: 'failed'; text: string }
  | { kind: 'saved'; folder: string; fileCount: number; showError: string | null };

/** The "Save diagnostics" button: main asks where and writes the report. */
export function SaveDiagnosticsButton({ busy, onSave }: { busy: boolean; onSave: () => void }) {
  return (
    <button type="button" className="btn" disabled={busy} onClick={onSave}>
      {busy ? 'Saving diagnostics…' : 'Save diagnostics…'}
    </button>
  );
}

/** Where the report went (with "Show in folder"), that nothing was saved, or why not. */
export function SaveDiagnosticsResult({ outcome, onShowFolder }: { outcome: SaveDiagnosticsOutcome | null; onShowFolder: () => void }) {
  if (!outcome) return null;
  if (outcome.kind === 'cancelled') {
    return (
      <p className="muted" role="status">
        No diagnostics report was saved.
      </p>
    );
  }
  if (outcome.kind === 'failed') {
    return (
      <div className="banner banner-error" role="alert">
        The diagnostics report could not be saved: {outcome.text}
      </div>
    );
  }
  return (
    <div className="banner banner-info diag-saved" role="status">
      <span>
        Diagnostics report saved in <strong className="diag-path">{outcome.folder}</strong> ({outcome.fileCount} files). Read its README.md, then send
        the folder to support.
      </span>
      <div className="row">
        <button type="button" className="btn btn-small" onClick={onShowFolder}>
          Show in folder
        </button>
        {outcome.showError ? (
          <span className="error" role="alert">
            {outcome.showError}
          </span>
        ) : null}
      </div>
    </div>
  );
}

/** What goes into a report, and what never does. */
export function SaveDiagnosticsNote({ children }: { children?: ReactNode }) {
  return (
    <p className="muted">
      {children ?? 'A folder for support with the app and system versions, the recent log, a run report and the shapes of the servers\u2019 answers.'} No
      passwords, tokens, PINs, card numbers, names or e-mail addresses go into it.
    </p>
  );
}
