import { useEffect, useState } from 'react';
import type { OverviewSite } from '../../../src-shared/ipc/contract/overview';
import { DataTable } from '../../components/DataTable';
import { EmptyState } from '../../components/EmptyState';
import { formatDateTime } from '../../components/format';
import { useApp, useStores } from '../../stores/stores-context';
import { useOverview, useRuns, useSyncProgress } from '../../stores/sync-hooks';
import { FirstRunChecklist } from './FirstRunChecklist';
import { PreviewDialog } from './PreviewDialog';
import { NewPropertiesNotices } from './SiteChanges';
import { ResyncAllPausedNote, ResyncAllResult } from './ResyncAllResult';
import { RemovalsDueBanner, RemovalsDueRow } from './SitePause';
import { resyncBlocker, siteColumns, SiteRunRow } from './SiteRow';
import { ScreenHeader } from '../../components/ScreenHeader';

function latestAsOf(sites: OverviewSite[]): string | null {
  return sites.reduce<string | null>((latest, s) => (s.asOf && (!latest || s.asOf > latest) ? s.asOf : latest), null);
}

/**
 * The overview (spec §6, §11): every customer and site with its sync health, one-click resync
 * per site and for all, progress and cancel, a preview per site. Offline it shows the data as
 * of the last sync and says why resyncing is off.
 */
export function OverviewScreen() {
  const { overview, syncProgress, runs } = useStores();
  const { status, value: data, error } = useOverview((s) => s.overview);
  const appOnline = useApp((s) => s.online);
  const navigate = useApp((s) => s.navigate);
  const startingAll = useSyncProgress((s) => s.startingAll);
  const [previewing, setPreviewing] = useState<OverviewSite | null>(null);

  useEffect(() => {
    void overview.getState().load();
    void overview.getState().loadChanges();
    void syncProgress.getState().load();
  }, [overview, syncProgress]);

  const online = appOnline && (data?.online ?? true);
  const sites = data?.customers.flatMap((c) => c.sites) ?? [];
  const openPreview = (site: OverviewSite) => {
    setPreviewing(site);
    void runs.getState().loadPreview(site.id);
  };
  const closePreviewAndResync = () => {
    if (!previewing) return;
    const id = previewing.id;
    runs.getState().closePreview();
    setPreviewing(null);
    void syncProgress.getState().start(id);
  };
  const previewOpen = useRuns((s) => s.preview.siteId !== null);
  const bySite = useSyncProgress((s) => s.bySite);
  const columns = siteColumns({ online, navigate, onPreview: openPreview });

  return (
    <section className="screen" aria-labelledby="screen-title">
      <ScreenHeader title="Overview">
        {sites.length > 0 ? (
          <button
            type="button"
            className="btn btn-primary"
            disabled={!online || startingAll}
            aria-describedby={!online ? 'offline-banner' : sites.some((s) => s.pause) ? 'resync-all-paused' : undefined}
            onClick={() => void syncProgress.getState().startAll()}
          >
            {startingAll ? 'Starting…' : 'Resync all'}
          </button>
        ) : null}
      </ScreenHeader>
      <ResyncAllPausedNote sites={sites} />
      <RemovalsDueBanner sites={sites} />

      {!online && data ? (
        <div id="offline-banner" className="banner banner-warn" role="status">
          Offline — data as of {latestAsOf(sites) ? formatDateTime(latestAsOf(sites)!) : 'the last sync'}. Resync and preview need the network and come back
          when it does.
        </div>
      ) : null}
      {data && sites.length > 0 && !data.subscriptionChecked && online ? (
        <p className="muted">Subscription states are as last seen; SmartPlus could not be asked just now.</p>
      ) : null}
      {error && data ? (
        <div className="banner banner-error" role="alert">
          Could not refresh the overview: {error.text} {error.nextStep}
        </div>
      ) : null}
      <ResyncAllResult sites={sites} />

      {data ? <FirstRunChecklist siteIds={sites.map((s) => s.id)} /> : null}
      <NewPropertiesNotices />
      {!data && (status === 'loading' || status === 'idle') ? <p role="status">Loading the sync health of your sites…</p> : null}
      {!data && error ? (
        <div className="banner banner-error" role="alert">
          <p>
            The overview could not be loaded: {error.text} {error.nextStep}
          </p>
          <button type="button" className="btn btn-small" onClick={() => void overview.getState().load()}>
            Try again
          </button>
        </div>
      ) : null}
      {data && sites.length === 0 ? (
        <EmptyState
          title="No sites yet"
          action={
            <button type="button" className="btn btn-primary" onClick={() => navigate({ screen: 'get-site' })}>
              Get Site from PMS
            </button>
          }
        >
          Import a property from Rent Manager under Sites → Get Site from PMS; its sync health will show here.
        </EmptyState>
      ) : null}

      {data?.customers
        .filter((c) => c.sites.length > 0)
        .map((customer) => (
          <section key={customer.id ?? 'none'} className="customer" aria-labelledby={`customer-${customer.id ?? 'none'}`}>
            <h2 id={`customer-${customer.id ?? 'none'}`}>
              {customer.name}
            </h2>
            <div className="table-scroll">
              <DataTable
                className="data overview-table"
                columns={columns}
                rows={customer.sites}
                rowKey={(site) => site.id}
                rowClassName={(site) => (bySite[site.id] || site.removalsDue ? 'has-run-line' : undefined)}
                after={(site) => (
                  <>
                    <RemovalsDueRow site={site} columns={columns.length} />
                    <SiteRunRow site={site} columns={columns.length} />
                  </>
                )}
              />
            </div>
          </section>
        ))}
      {data && sites.length > 0 ? (
        <p className="muted">
          Scheduled runs: daily at {data.schedule.time} ({data.schedule.zone}); times here are in your local time.
        </p>
      ) : null}

      {previewing && previewOpen ? (
        <PreviewDialog siteName={previewing.name} canResync={resyncBlocker(previewing, online) === null} onResync={closePreviewAndResync} />
      ) : null}
    </section>
  );
}
