import { useEffect } from 'react';
import type { RunCounts } from '../../../src-shared/domain/run';
import { formatDateTime } from '../../components/format';
import { useApp, useStores } from '../../stores/stores-context';
import { useRuns, useSiteRun } from '../../stores/sync-hooks';
import { RunProgressLine } from '../../components/RunProgressLine';
import { SaveDiagnosticsButton, SaveDiagnosticsResult } from '../../components/SaveDiagnostics';
import { useDiagnostics } from '../../stores/diagnostics-store';
import { HeldBackPanel } from './HeldBackPanel';
import { countsLine, outcomeLabel, TRIGGER_LABELS } from '../../components/labels';
import { ProblemsTable } from './ProblemsTable';
import { ScreenHeader } from '../../components/ScreenHeader';
import { RunChangesSection } from './RunChangesSection';
import { UndoDialog } from './UndoDialog';
import { ApprovalPanel } from './ApprovalPanel';
import { plural } from '../../../src-shared/text/plural';

const COUNT_LABELS: Record<keyof RunCounts, string> = {
  communities: 'Communities',
  apartments: 'Apartments',
  accountsCreated: 'Accounts created',
  accountsUpdated: 'Accounts updated',
  accountsDeleted: 'Accounts deleted',
  credentialsSet: 'PINs and cards set',
  credentialsRemoved: 'PINs and cards removed',
  failedOperations: 'Changes that failed',
};

/** The progress line of the run still going (the same line the Overview shows under the site). */
function LiveRunLine({ siteId, siteName }: { siteId: string; siteName: string }) {
  const navigate = useApp((s) => s.navigate);
  return <RunProgressLine siteName={siteName} {...useSiteRun(siteId)} onNavigate={navigate} />;
}

/** One run (spec §11): when and why it ran, its counts, held-back deletions, every problem, and the CSV export. */
export function RunDetailView({ runId }: { runId: string }) {
  const { runs } = useStores();
  const navigate = useApp((s) => s.navigate);
  const detail = useRuns((s) => s.detail);
  const action = useRuns((s) => s.action);
  const online = useApp((s) => s.online);

  useEffect(() => {
    void runs.getState().openRun(runId);
  }, [runs, runId]);

  const d = detail.value?.run.id === runId ? detail.value : null;
  const diagnostics = useDiagnostics(`run:${runId}`, runId);
  const back = (
    <button type="button" className="btn btn-small" onClick={() => navigate({ screen: 'runs', ...(d ? { siteId: d.run.siteId } : {}) })}>
      ← All runs
    </button>
  );
  // A run that did not do everything it planned offers a report for support (issue 13).
  const troubled = d !== null && (d.run.outcome === 'failed' || d.run.outcome === 'partial');
  // One heading element whatever the state, so the focus ScreenHost gives it survives the load.
  const header = (
    <ScreenHeader title={d ? `${d.run.dryRun ? 'Preview' : 'Run'} of ${d.run.siteName}` : 'Run'}>
      {d ? (
        <div className="row">
          {!d.run.dryRun && d.run.outcome !== 'running' && d.changeCount > 0 ? (
            <button
              type="button"
              className="btn"
              disabled={action.kind === 'busy' || !online}
              title={online ? undefined : 'Offline: undoing a run reads and writes SmartPlus.'}
              onClick={() => void runs.getState().previewUndo()}
            >
              {action.kind === 'busy' && action.what === 'undo' ? 'Undoing…' : 'Undo this run'}
            </button>
          ) : null}
          {troubled ? <SaveDiagnosticsButton busy={diagnostics.busy} onSave={diagnostics.save} /> : null}
          <button type="button" className="btn" disabled={action.kind === 'busy'} onClick={() => void runs.getState().exportCsv()}>
            {action.kind === 'busy' && action.what === 'export' ? 'Exporting…' : 'Export to CSV'}
          </button>
        </div>
      ) : null}
    </ScreenHeader>
  );
  if (!d) {
    return (
      <section className="screen" aria-labelledby="screen-title">
        {back}
        {header}
        {detail.status === 'error' && detail.error ? (
          <div className="banner banner-error" role="alert">
            This run could not be opened: {detail.error.text} {detail.error.nextStep}
          </div>
        ) : (
          <p role="status">Loading the run…</p>
        )}
      </section>
    );
  }
  const { run } = d;
  const outcome = outcomeLabel(run);
  return (
    <section className="screen" aria-labelledby="screen-title">
      {back}
      {header}
      <p className="run-meta">
        <span className={`pill pill-${outcome.tone}`}>{outcome.text}</span> {TRIGGER_LABELS[run.trigger]} run, started {formatDateTime(run.startedAt)}
        {run.endedAt ? `, ended ${formatDateTime(run.endedAt)}` : ''}.
      </p>
      {troubled ? <SaveDiagnosticsResult outcome={diagnostics.outcome} onShowFolder={diagnostics.showFolder} /> : null}
      {action.kind === 'exported' ? (
        <div className="banner banner-info" role="status">
          Report saved as <strong>{action.file.fileName}</strong> in your Downloads folder ({action.file.path}).
        </div>
      ) : null}
      {action.kind === 'confirmed' ? (
        <div className="banner banner-info" role="status">
          {action.approval ? 'Approved and applied' : 'Deletions confirmed'}: {countsLine(action.run.counts)}.{' '}
          <button type="button" className="link-button" onClick={() => navigate({ screen: 'runs', runId: action.run.id })}>
            Open that run
          </button>
        </div>
      ) : null}
      {d.undoOf ? (
        <p className="run-meta">
          This run undid{' '}
          <button type="button" className="link-button" onClick={() => navigate({ screen: 'runs', runId: d.undoOf! })}>
            an earlier run
          </button>
          . Undo it to redo that run.
        </p>
      ) : null}
      {d.undoneBy.length > 0 ? (
        <p className="run-meta">
          Undone by{' '}
          {d.undoneBy.map((id, i) => (
            <span key={id}>
              {i > 0 ? ', ' : ''}
              <button type="button" className="link-button" onClick={() => navigate({ screen: 'runs', runId: id })}>
                {d.undoneBy.length === 1 ? 'a later run' : `run ${i + 1}`}
              </button>
            </span>
          ))}
          .{d.schedulePaused ? ' The schedule of this site is paused until you resume it on the Overview.' : ''}
        </p>
      ) : null}
      {action.kind === 'undone' ? (
        <div className="banner banner-info" role="status">
          Undone: {countsLine(action.run.counts)}.{action.paused ? ` The schedule of ${run.siteName} is paused until you resume it.` : ''}{' '}
          <button type="button" className="link-button" onClick={() => navigate({ screen: 'runs', runId: action.run.id })}>
            Open the undo run
          </button>
        </div>
      ) : null}
      {action.kind === 'kept' ? (
        <div className="banner banner-info" role="status">
          Kept {plural(action.count, 'account')}; nothing was deleted.
        </div>
      ) : null}
      {action.kind === 'failed' ? (
        <div className="banner banner-error" role="alert">
          {action.what === 'export' ? 'The report could not be saved' : action.what === 'confirm' ? 'The deletions were not applied' : action.what === 'undo' ? 'The run was not undone' : 'The list could not be cleared'}:{' '}
          {action.error.text} {action.error.nextStep}
        </div>
      ) : null}
      {run.error ? (
        <div className="banner banner-error" role="alert">
          This run stopped: {run.error}
        </div>
      ) : null}
      {run.outcome === 'running' ? <LiveRunLine siteId={run.siteId} siteName={run.siteName} /> : null}

      <section aria-labelledby="counts-title" className="run-section">
        <h2 id="counts-title">{run.dryRun ? 'Planned changes' : 'Changes made'}</h2>
        <dl className="counts">
          {(Object.keys(COUNT_LABELS) as (keyof RunCounts)[]).map((k) => (
            <div key={k} className="stat">
              <dt>{COUNT_LABELS[k]}</dt>
              <dd className="stat-value">{run.counts[k]}</dd>
            </div>
          ))}
        </dl>
      </section>

      {d.heldBack.length > 0 && d.heldBackApproval ? <ApprovalPanel items={d.heldBack} siteName={run.siteName} /> : null}
      {d.heldBack.length > 0 && !d.heldBackApproval ? <HeldBackPanel items={d.heldBack} reason={d.heldBackReason} siteName={run.siteName} /> : null}
      {run.dryRun ? null : <RunChangesSection total={d.changeCount} />}
      <ProblemsTable counts={d.problemCounts} siteId={run.siteId} />
      <UndoDialog siteName={run.siteName} />
    </section>
  );
}
