import { useState } from 'react';
import type { Navigation } from '../../../src-shared/ipc/contract/app';
import type { OverviewSite } from '../../../src-shared/ipc/contract/overview';
import type { Column } from '../../components/DataTable';
import { formatDateTime } from '../../components/format';
import { outcomeLabel, plural, SUBSCRIPTION_LABELS, TRIGGER_LABELS } from '../../components/labels';
import { RemoveSiteButton } from '../../components/RemoveSiteButton';
import { RunProgressLine } from '../../components/RunProgressLine';
import { isRunning } from '../../lib/site-run';
import { useApp, useStores } from '../../stores/stores-context';
import { useOverview, useSiteRun } from '../../stores/sync-hooks';
import { PausedNote, PausedResyncConfirm, PauseSiteButton } from './SitePause';

/** Why a site cannot be resynced right now, or null when it can. */
export function resyncBlocker(site: OverviewSite, online: boolean): string | null {
  if (!online) return 'Offline: resyncing needs the network.';
  if (site.subscription === 'expired') return 'The Integration subscription has expired: renew it to sync this site.';
  if (site.subscription === 'none') return 'The Integration service is not paid for: pay for it to sync this site.';
  return null;
}

/** The columns of a customer's sites on the overview: health, links to its runs, and its actions. */
export function siteColumns(options: {
  online: boolean;
  navigate: (to: Navigation) => void;
  onPreview: (site: OverviewSite) => void;
}): Column<OverviewSite>[] {
  const { online, navigate, onPreview } = options;
  return [
    { header: 'Site', rowHeader: true, cell: (site) => <SiteCell site={site} /> },
    {
      header: 'Last run',
      cell: ({ lastRun: run }) =>
        run ? (
          <>
            <span className={`pill pill-${outcomeLabel(run).tone}`}>{outcomeLabel(run).text}</span>
            <span className="muted site-meta">
              {TRIGGER_LABELS[run.trigger]} · {formatDateTime(run.startedAt)}
            </span>
          </>
        ) : (
          <span className="muted">Never synced</span>
        ),
    },
    {
      header: 'Problems',
      cell: ({ lastRun: run, name }) =>
        run && run.problemCount > 0 ? (
          <>
            <button type="button" className="link-button" onClick={() => navigate({ screen: 'runs', runId: run.id })} aria-label={`${plural(run.problemCount, 'problem')} in the last run of ${name}`}>
              {plural(run.problemCount, 'problem')}
            </button>
            <span className="muted site-meta">{run.problemCount === 1 ? 'needs' : 'need'} attention</span>
          </>
        ) : (
          <span className="muted">None</span>
        ),
    },
    { header: 'Held-back deletions', cell: (site) => <HeldBackCell site={site} online={online} /> },
    {
      header: 'Subscription',
      cell: (site) => (
        <>
          <span className={`pill pill-${SUBSCRIPTION_LABELS[site.subscription].tone}`}>{SUBSCRIPTION_LABELS[site.subscription].text}</span>
          {site.subscription === 'expired' || site.subscription === 'none' ? (
            <button type="button" className="link-button site-meta" onClick={() => navigate({ screen: 'billing' })}>
              Open Subscription
            </button>
          ) : null}
        </>
      ),
    },
    { header: 'Next scheduled run', cell: (site) => <NextRunCell site={site} /> },
    { header: <span className="sr-only">Actions</span>, cell: (site) => <SiteActions site={site} online={online} onPreview={onPreview} /> },
  ];
}

/** The site's name and size, the "Left the integration" flag when its property left, and Remove site. */
function SiteCell({ site }: { site: OverviewSite }) {
  const { overview } = useStores();
  const leftIntegration = useOverview((s) => s.changes.some((c) => c.removedSites.some((r) => r.siteId === site.id)));
  return (
    <>
      <span className="site-name">
        {site.name} {site.smartPlusAccount?.isSandbox ? <span className="pill pill-sandbox">Sandbox</span> : null}
      </span>
      {site.smartPlusAccount ? <span className="muted site-meta">SmartPlus account: {site.smartPlusAccount.label}</span> : null}
      <span className="muted site-meta">
        {plural(site.apartmentCount, 'apartment')} · {site.asOf ? `data as of ${formatDateTime(site.asOf)}` : 'not synced yet'}
      </span>
      {leftIntegration ? (
        <span className="site-meta">
          <span className="pill pill-warn">Left the integration</span> Rent Manager no longer shares this property with SiteSync.
        </span>
      ) : null}
      {site.pause ? null : <PauseSiteButton site={site} />}
      <RemoveSiteButton name={site.name} flagged={leftIntegration} onRemove={() => overview.getState().removeSite(site.id)} />
    </>
  );
}

/** Held-back deletions to review, or an ask-first run's waiting changes with Approve, Reject and Review. */
function HeldBackCell({ site, online }: { site: OverviewSite; online: boolean }) {
  const navigate = useApp((s) => s.navigate);
  const { overview } = useStores();
  const held = site.heldBack;
  if (!held) return <span className="muted">None</span>;
  if (!held.approval) {
    return (
      <button type="button" className="btn btn-small btn-warn" onClick={() => navigate({ screen: 'runs', runId: held.runId })} aria-label={`Review ${plural(held.count, 'held-back deletion')} of ${site.name}`}>
        Review {held.count}
      </button>
    );
  }
  return (
    <div className="approval">
      <span className="pill pill-warn">{plural(held.count, 'change')} waiting</span>
      <div className="row site-actions">
        <button type="button" className="btn btn-small btn-primary" disabled={!online} aria-label={`Approve ${plural(held.count, 'change')} for ${site.name}`} onClick={() => void overview.getState().decide(held.runId, true)}>
          Approve
        </button>
        <button type="button" className="btn btn-small" aria-label={`Reject the changes waiting for ${site.name}`} onClick={() => void overview.getState().decide(held.runId, false)}>
          Reject
        </button>
        <button type="button" className="btn btn-small" aria-label={`Review the changes waiting for ${site.name}`} onClick={() => navigate({ screen: 'runs', runId: held.runId })}>
          Review
        </button>
      </div>
    </div>
  );
}

/** The next scheduled run, or "Paused" with Resume schedule while an undo paused the site's schedule. */
function NextRunCell({ site }: { site: OverviewSite }) {
  const { overview } = useStores();
  if (site.pause) return <PausedNote site={site} />;
  if (!site.schedulePaused) return <>{formatDateTime(site.nextRunAt)}</>;
  return (
    <>
      <span className="pill pill-paused" title="Paused since a run was undone: scheduled runs skip this site until you resume it.">
        Paused
      </span>
      <button type="button" className="link-button site-meta" aria-label={`Resume schedule of ${site.name}`} onClick={() => void overview.getState().resumeSchedule(site.id)}>
        Resume schedule
      </button>
    </>
  );
}

/**
 * A site's Resync and Preview buttons, with why Resync is off. While the site runs, Resync reads
 * "Running…" and does nothing (the progress and Cancel are on the line under the row).
 */
function SiteActions({ site, online, onPreview }: { site: OverviewSite; online: boolean; onPreview: (site: OverviewSite) => void }) {
  const { syncProgress } = useStores();
  const running = isRunning(useSiteRun(site.id).view);
  const blocker = resyncBlocker(site, online);
  const blockerId = `resync-blocked-${site.id}`;
  const [confirming, setConfirming] = useState(false);
  const resync = () => void syncProgress.getState().start(site.id);
  return (
    <>
      <div className="row site-actions">
        <button
          type="button"
          className="btn btn-small btn-primary"
          disabled={blocker !== null}
          aria-disabled={running || undefined}
          aria-describedby={blocker ? blockerId : undefined}
          aria-label={running ? `Resync of ${site.name} running` : `Resync ${site.name}`}
          onClick={() => {
            if (running) return;
            if (site.pause) setConfirming(true);
            else resync();
          }}
        >
          {running ? 'Running…' : 'Resync'}
        </button>
        <button type="button" className="btn btn-small" disabled={!online} aria-label={`Preview the changes of ${site.name}`} onClick={() => onPreview(site)}>
          Preview
        </button>
      </div>
      {blocker ? (
        <span id={blockerId} className="muted site-meta">
          {blocker}
        </span>
      ) : null}
      {confirming ? (
        <PausedResyncConfirm
          site={site}
          onCancel={() => setConfirming(false)}
          onResync={() => {
            setConfirming(false);
            resync();
          }}
        />
      ) : null}
    </>
  );
}

/** The full-width row under a site with its run in progress (or just ended), when it has one. */
export function SiteRunRow({ site, columns }: { site: OverviewSite; columns: number }) {
  const navigate = useApp((s) => s.navigate);
  const siteRun = useSiteRun(site.id);
  if (siteRun.view === undefined) return null;
  return (
    <tr className="run-line-row">
      <td colSpan={columns}>
        <RunProgressLine siteName={site.name} apartmentCount={site.apartmentCount} {...siteRun} onNavigate={navigate} />
      </td>
    </tr>
  );
}
