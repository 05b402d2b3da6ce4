import { useState } from 'react';
import { PAUSE_REASON_MAX, type SitePause } from '../../src-shared/domain/site';
import { errorSentence } from '../lib/error-text';
import { Dialog } from './Dialog';
import { formatDate } from './format';

/*
 * Pausing a site (issue 16) where sites are listed: the Overview, the Sites list and the site's
 * Settings. Scheduled, catch-up and light runs skip a paused site; a manual Resync still runs after
 * a warning. Nothing changes in SmartPlus. The callers pass `sites.pause` / `sites.resume` calls.
 */

/** "Pause site…": a small dialog asks for the reason (optional, recorded), then `onPause`. */
export function PauseSiteButton({ name, id, onPause, className = 'link-button site-meta' }: { name: string; id: string; onPause: (reason: string | null) => Promise<void>; className?: string }) {
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const close = () => {
    setOpen(false);
    setError(null);
  };
  const pause = async () => {
    setBusy(true);
    try {
      await onPause(reason.trim() || null);
      setReason('');
      close();
    } catch (e) {
      setError(errorSentence(e));
    } finally {
      setBusy(false);
    }
  };
  const reasonId = `pause-reason-${id}`;
  return (
    <>
      <button type="button" className={className} onClick={() => setOpen(true)} aria-label={`Pause site ${name}`}>
        Pause site…
      </button>
      {open ? (
        <Dialog title={`Pause “${name}”?`} onClose={close}>
          <p>
            Scheduled runs, catch-up runs and light syncs skip this site until you resume it. You can still resync it by hand (SiteSync asks first). Nothing changes in SmartPlus.
          </p>
          <div className="field">
            <label htmlFor={reasonId}>Reason (optional)</label>
            <textarea id={reasonId} rows={2} maxLength={PAUSE_REASON_MAX} value={reason} onChange={(e) => setReason(e.target.value)} data-autofocus />
            <span className="hint">Shown beside “Paused” on the Overview, the Sites list and Settings, e.g. “Building being renovated until March”.</span>
          </div>
          {error ? (
            <div className="banner banner-error" role="alert">
              {error}
            </div>
          ) : null}
          <div className="row dialog-actions">
            <button type="button" className="btn btn-primary" disabled={busy} onClick={() => void pause()}>
              Pause site
            </button>
            <button type="button" className="btn" onClick={close}>
              Cancel
            </button>
          </div>
        </Dialog>
      ) : null}
    </>
  );
}

/** A site's pause state with its action: "Paused since Dec 1, 2026: Roof works" and Resume, or Pause site… when it runs on schedule. */
export function SitePauseControl({
  site,
  onPause,
  onResume,
}: {
  site: { id: string; name: string; pause?: SitePause | null };
  onPause: (reason: string | null) => Promise<void>;
  onResume: () => Promise<void>;
}) {
  const [error, setError] = useState<string | null>(null);
  if (!site.pause) return <PauseSiteButton name={site.name} id={site.id} onPause={onPause} />;
  const resume = async () => {
    try {
      await onResume();
    } catch (e) {
      setError(errorSentence(e));
    }
  };
  return (
    <span className="site-pause">
      <span className="pill pill-paused">Paused</span>{' '}
      <span className="site-pause-text">
        since {formatDate(site.pause.pausedAt)}
        {site.pause.reason ? `: ${site.pause.reason}` : ''}
      </span>{' '}
      <button type="button" className="btn btn-small" aria-label={`Resume ${site.name}`} onClick={() => void resume()}>
        Resume
      </button>
      {error ? (
        <span className="error" role="alert">
          {error}
        </span>
      ) : null}
    </span>
  );
}
