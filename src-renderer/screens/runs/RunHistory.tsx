import { useEffect } from 'react';
import { EmptyState } from '../../components/EmptyState';
import { formatDateTime } from '../../components/format';
import { useApp, useStores } from '../../stores/stores-context';
import { useOverview, useRuns } from '../../stores/sync-hooks';
import { countsLine, heldBackText, outcomeLabel, plural, TRIGGER_LABELS } from '../../components/labels';
import { type Column, DataTable } from '../../components/DataTable';
import type { RunListItem } from '../../../src-shared/ipc/contract/runs';
import { ScreenHeader } from '../../components/ScreenHeader';

/** Run history per site and overall (spec §11), newest first. */
export function RunHistory({ siteId }: { siteId: string | null }) {
  const { runs, overview } = useStores();
  const navigate = useApp((s) => s.navigate);
  const history = useRuns((s) => s.history);
  const filter = useRuns((s) => s.siteFilter);
  const customers = useOverview((s) => s.overview.value?.customers);
  const sites = customers?.flatMap((c) => c.sites) ?? [];

  useEffect(() => {
    void runs.getState().loadHistory(siteId);
    if (overview.getState().overview.status === 'idle') void overview.getState().load();
  }, [runs, overview, siteId]);

  const columns: Column<RunListItem>[] = [
    { header: 'Site', rowHeader: true, cell: (run) => run.siteName },
    { header: 'Trigger', cell: (run) => `${TRIGGER_LABELS[run.trigger]}${run.dryRun ? ' (preview)' : ''}` },
    { header: 'Started', cell: (run) => formatDateTime(run.startedAt) },
    { header: 'Ended', cell: (run) => (run.endedAt ? formatDateTime(run.endedAt) : '—') },
    { header: 'Outcome', cell: (run) => <span className={`pill pill-${outcomeLabel(run).tone}`}>{outcomeLabel(run).text}</span> },
    { header: 'Changes', cell: (run) => countsLine(run.counts) },
    {
      header: 'Problems',
      cell: (run) => (
        <>
          {plural(run.problemCount, 'problem')}
          {run.heldBackCount ? <span className="muted site-meta">{heldBackText(run)}</span> : null}
        </>
      ),
    },
    {
      header: <span className="sr-only">Open</span>,
      cell: (run) => (
        <button
          type="button"
          className="btn btn-small"
          onClick={() => navigate({ screen: 'runs', runId: run.id })}
          aria-label={`Open the run of ${run.siteName} started ${formatDateTime(run.startedAt)}`}
        >
          Open
        </button>
      ),
    },
  ];
  const list = history.value ?? [];
  const shown = filter === siteId ? list : [];
  return (
    <section className="screen" aria-labelledby="screen-title">
      <ScreenHeader title="Runs">
        <button type="button" className="btn" onClick={() => navigate({ screen: 'changes' })}>
          Who lost access? Search changes
        </button>
        <div className="field field-inline">
          <label htmlFor="runs-site">Site</label>
          <select id="runs-site" value={siteId ?? ''} onChange={(e) => navigate({ screen: 'runs', ...(e.target.value ? { siteId: e.target.value } : {}) })}>
            <option value="">Every site</option>
            {sites.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
        </div>
      </ScreenHeader>
      {history.error && history.value ? (
        <div className="banner banner-error" role="alert">
          Could not refresh the history: {history.error.text} {history.error.nextStep}
        </div>
      ) : null}
      {history.status === 'loading' || history.status === 'idle' ? <p role="status">Loading run history…</p> : null}
      {history.status === 'error' && !history.value ? (
        <div className="banner banner-error" role="alert">
          <p>
            The run history could not be loaded: {history.error.text} {history.error.nextStep}
          </p>
          <button type="button" className="btn btn-small" onClick={() => void runs.getState().loadHistory(siteId)}>
            Try again
          </button>
        </div>
      ) : null}
      {history.value && shown.length === 0 ? (
        <EmptyState
          title="No runs yet"
          action={
            <button type="button" className="btn" onClick={() => navigate({ screen: 'overview' })}>
              Go to the Overview
            </button>
          }
        >
          {siteId ? 'This site has not been synced yet.' : 'Runs show here once a site is imported or resynced.'} Resync a site from the Overview.
        </EmptyState>
      ) : null}
      {shown.length > 0 ? (
        <div className="table-scroll">
          <DataTable className="data runs-table" columns={columns} rows={shown} rowKey={(run) => run.id} />
        </div>
      ) : null}
    </section>
  );
}
