import type { OverviewSite } from '../../../src-shared/ipc/contract/overview';
import { formatDateTime } from '../../components/format';
import { useApp, useStores } from '../../stores/stores-context';
import { useOverview, useSiteRun } from '../../stores/sync-hooks';
import { isRunning } from '../../lib/site-run';
import { outcomeLabel, plural, SUBSCRIPTION_LABELS, TRIGGER_LABELS } from '../../components/labels';
import { RunProgressLine } from '../../components/RunProgressLine';
import { RemoveSiteButton } from '../../components/RemoveSiteButton';

/** Why a site cannot be resynced right now, or null when it can. */
export function resyncBlocker(site: OverviewSite, online: boolean): string | null {
  if (!online) return 'Offline: resyncing needs the network.';
  if (site.subscription === 'expired') return 'The Integration subscription has expired: renew it to sync this site.';
  if (site.subscription === 'none') return 'The Integration service is not paid for: pay for it to sync this site.';
  return null;
}

/** One site of the overview: its health, its actions, and its run in progress underneath. */
export function SiteRow({ site, online, onPreview }: { site: OverviewSite; online: boolean; onPreview: (site: OverviewSite) => void }) {
  const navigate = useApp((s) => s.navigate);
  const { syncProgress, overview } = useStores();
  const siteRun = useSiteRun(site.id);
  const running = isRunning(siteRun.view);
  const hasLine = siteRun.view !== undefined;
  const blocker = resyncBlocker(site, online);
  const blockerId = `resync-blocked-${site.id}`;
  const run = site.lastRun;
  const subscription = SUBSCRIPTION_LABELS[site.subscription];
  const subscriptionBlocked = site.subscription === 'expired' || site.subscription === 'none';
  const leftIntegration = useOverview((s) => s.changes.some((c) => c.removedSites.some((r) => r.siteId === site.id)));
  return (
    <>
      <tr className={hasLine ? 'has-run-line' : undefined}>
        <th scope="row">
          <span className="site-name">{site.name}</span>
          <span className="muted site-meta">
            {plural(site.apartmentCount, 'apartment')} · {site.asOf ? `data as of ${formatDateTime(site.asOf)}` : 'not synced yet'}
          </span>
          {leftIntegration ? (
            <span className="site-meta">
              <span className="pill pill-warn">Left the integration</span> Rent Manager no longer shares this property with SiteSync.
            </span>
          ) : null}
          <RemoveSiteButton name={site.name} flagged={leftIntegration} onRemove={() => overview.getState().removeSite(site.id)} />
        </th>
        <td>
          {run ? (
            <>
              <span className={`pill pill-${outcomeLabel(run).tone}`}>{outcomeLabel(run).text}</span>
              <span className="muted site-meta">
                {TRIGGER_LABELS[run.trigger]} · {formatDateTime(run.startedAt)}
              </span>
            </>
          ) : (
            <span className="muted">Never synced</span>
          )}
        </td>
        <td>
          {run && run.problemCount > 0 ? (
            <button type="button" className="link-button" onClick={() => navigate({ screen: 'runs', runId: run.id })} aria-label={`${plural(run.problemCount, 'problem')} in the last run of ${site.name}`}>
              {plural(run.problemCount, 'problem')}
            </button>
          ) : (
            <span className="muted">None</span>
          )}
        </td>
        <td>
          {site.heldBack?.approval ? (
            <div className="approval">
              <span className="pill pill-warn">{plural(site.heldBack.count, 'change')} waiting</span>
              <div className="row site-actions">
                <button type="button" className="btn btn-small btn-primary" disabled={!online} aria-label={`Approve ${plural(site.heldBack.count, 'change')} for ${site.name}`} onClick={() => void overview.getState().decide(site.heldBack!.runId, true)}>
                  Approve
                </button>
                <button type="button" className="btn btn-small" aria-label={`Reject the changes waiting for ${site.name}`} onClick={() => void overview.getState().decide(site.heldBack!.runId, false)}>
                  Reject
                </button>
                <button type="button" className="btn btn-small" aria-label={`Review the changes waiting for ${site.name}`} onClick={() => navigate({ screen: 'runs', runId: site.heldBack!.runId })}>
                  Review
                </button>
              </div>
            </div>
          ) : site.heldBack ? (
            <button type="button" className="btn btn-small btn-warn" onClick={() => navigate({ screen: 'runs', runId: site.heldBack!.runId })} aria-label={`Review ${plural(site.heldBack.count, 'held-back deletion')} of ${site.name}`}>
              Review {site.heldBack.count}
            </button>
          ) : (
            <span className="muted">None</span>
          )}
        </td>
        <td>
          <span className={`pill pill-${subscription.tone}`}>{subscription.text}</span>
          {subscriptionBlocked ? (
            <button type="button" className="link-button site-meta" onClick={() => navigate({ screen: 'subscription' })}>
              Open Subscription
            </button>
          ) : null}
        </td>
        <td>
          {site.schedulePaused ? (
            <>
              <span className="pill pill-paused" title="Paused since a run was undone: scheduled runs skip this site until you resume it.">
                Paused
              </span>
              <button type="button" className="link-button site-meta" aria-label={`Resume schedule of ${site.name}`} onClick={() => void overview.getState().resumeSchedule(site.id)}>
                Resume schedule
              </button>
            </>
          ) : (
            formatDateTime(site.nextRunAt)
          )}
        </td>
        <td>
          <div className="row site-actions">
            <button
              type="button"
              className="btn btn-small btn-primary"
              disabled={blocker !== null}
              aria-describedby={blocker ? blockerId : undefined}
              aria-label={running ? `Show progress of the resync of ${site.name}` : `Resync ${site.name}`}
              onClick={() => void syncProgress.getState().start(site.id)}
            >
              {running ? 'Show progress' : 'Resync'}
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
        </td>
      </tr>
      {hasLine ? (
        <tr className="run-line-row">
          <td colSpan={7}>
            <RunProgressLine siteName={site.name} {...siteRun} onNavigate={navigate} />
          </td>
        </tr>
      ) : null}
    </>
  );
}
