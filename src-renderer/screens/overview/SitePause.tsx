import { useState } from 'react';
import type { OverviewSite, RemovalsDue } from '../../../src-shared/ipc/contract/overview';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { PauseSiteButton as SharedPauseButton } from '../../components/SitePauseControl';
import { formatDate, formatDateTime } from '../../components/format';
import { plural } from '../../components/labels';
import { errorSentence } from '../../lib/error-text';
import { useStores } from '../../stores/stores-context';

/*
 * Pausing a site (issue 16): scheduled, catch-up and light runs skip it until it is resumed;
 * a manual Resync still runs, after a warning that names the reason. Nothing changes in SmartPlus.
 */

/** "Pause site…" beside Remove site, on the Overview's row. */
export function PauseSiteButton({ site }: { site: OverviewSite }) {
  const { overview } = useStores();
  return <SharedPauseButton name={site.name} id={site.id} onPause={(reason) => overview.getState().pauseSite(site.id, reason)} />;
}

/** A paused site's "Paused" pill with the reason and date, and Resume. */
export function PausedNote({ site }: { site: OverviewSite }) {
  const { overview } = useStores();
  const [error, setError] = useState<string | null>(null);
  if (!site.pause) return null;
  const resume = async () => {
    try {
      await overview.getState().resumeSite(site.id);
    } catch (e) {
      setError(errorSentence(e));
    }
  };
  return (
    <>
      <span className="pill pill-paused">Paused</span>
      <span className="muted site-meta">
        {site.pause.reason ? <>{site.pause.reason} · </> : null}since {formatDateTime(site.pause.pausedAt)}
      </span>
      <button type="button" className="link-button site-meta" aria-label={`Resume ${site.name}`} onClick={() => void resume()}>
        Resume
      </button>
      {error ? (
        <span className="muted site-meta" role="alert">
          {error}
        </span>
      ) : null}
    </>
  );
}

/** The question before a manual Resync of a paused site: it runs only when confirmed (the site stays paused). */
export function PausedResyncConfirm({ site, onResync, onCancel }: { site: OverviewSite; onResync: () => void; onCancel: () => void }) {
  const reason = site.pause?.reason;
  return (
    <ConfirmDialog
      title={`Resync “${site.name}”?`}
      text={`This site is paused${reason ? `: ${reason}` : ''}. Resync anyway? The run goes once, now; the site stays paused for the schedule.`}
      safeLabel="Keep it paused"
      riskyLabel="Resync anyway"
      onSafe={onCancel}
      onRisky={onResync}
    />
  );
}

/** "3 removals are due (move-outs since Nov 28, 2026)" — the count and the earliest departure. */
export function removalsDueText(due: RemovalsDue): string {
  const one = due.count === 1;
  const what = due.deletion === 'move-out' ? (one ? 'a move-out' : 'move-outs') : one ? 'a lease end' : 'lease ends';
  const when = due.since ? ` (${what} ${one ? 'on' : 'since'} ${formatDate(due.since)})` : '';
  return `${plural(due.count, 'removal')} ${one ? 'is' : 'are'} due${when}`;
}

/**
 * Rule 2 on a paused site: the removals its pause lets come due, in a warning line under its row
 * with the next step (Resync now or Resume). Only while paused and with at least one due.
 */
export function RemovalsDueRow({ site, columns }: { site: OverviewSite; columns: number }) {
  const { overview, syncProgress } = useStores();
  const [error, setError] = useState<string | null>(null);
  const due = site.removalsDue;
  if (!due || (!site.pause && !site.schedulePaused)) return null;
  const resume = async () => {
    try {
      await (site.pause ? overview.getState().resumeSite(site.id) : overview.getState().resumeSchedule(site.id));
    } catch (e) {
      setError(errorSentence(e));
    }
  };
  return (
    <tr className="removals-due-row">
      <td colSpan={columns}>
        <div className="banner banner-warn removals-due">
          <p>
            <strong>Paused — {removalsDueText(due)}</strong>, as of the last sync. Departed tenants keep door access until a run removes them: resume the
            site or resync it now.
          </p>
          <div className="row">
            <button type="button" className="btn btn-small btn-primary" aria-label={`Resync now: ${site.name}`} onClick={() => void syncProgress.getState().start(site.id)}>
              Resync now
            </button>
            <button type="button" className="btn btn-small" aria-label={`Resume now: ${site.name}`} onClick={() => void resume()}>
              Resume now
            </button>
            {error ? <span role="alert">{error}</span> : null}
          </div>
        </div>
      </td>
    </tr>
  );
}

/** At the top of the Overview (seen without scrolling): each paused site with removals due, and the next step; its row has the buttons. */
export function RemovalsDueBanner({ sites }: { sites: OverviewSite[] }) {
  const due = sites.filter((s) => s.removalsDue && (s.pause || s.schedulePaused));
  if (due.length === 0) return null;
  return (
    <div className="banner banner-warn" role="alert">
      {due.map((s) => (
        <p key={s.id} className="banner-title">
          {s.name} is paused — {removalsDueText(s.removalsDue!)}. Resume it or resync it (its row below) so departed tenants lose door access.
        </p>
      ))}
    </div>
  );
}
