import { useEffect, useState } from 'react';
import type { Navigation } from '../../src-shared/ipc/contract/app';
import { finishSummary, overallLine } from '../lib/run-progress';
import type { SiteRunView } from '../lib/site-run';
import { countsLine, heldBackText, outcomeLabel, PHASE_LABELS, plural, TRIGGER_LABELS } from './labels';

/** What {@link RunProgressLine} needs: the site's run (none: nothing is drawn) and what its buttons do. */
export interface RunProgressLineProps {
  siteName: string;
  /** The site's apartments, for the finish line ("28 apartments · Already up to date"). */
  apartmentCount?: number;
  view: SiteRunView | undefined;
  onDismiss: () => void;
  onCancel: () => void;
  onNavigate: (to: Navigation) => void;
}

/**
 * A site's manual run under its row: the phase and counts while it runs (with Cancel), how it
 * ended (with a link to the run), or why it could not start (with the next step).
 */
export function RunProgressLine({ siteName, apartmentCount, view, onDismiss, onCancel, onNavigate: navigate }: RunProgressLineProps) {
  const now = useNow(view?.kind === 'running' && view.progress?.startedAt !== undefined);
  if (!view) return null;
  const dismiss = (
    <button type="button" className="btn btn-small" onClick={onDismiss} aria-label={`Dismiss the resync message of ${siteName}`}>
      Dismiss
    </button>
  );
  if (view.kind === 'refused') {
    const needsSubscription = view.error.code === 'SUBSCRIPTION_REQUIRED' || view.error.code === 'SP_SUBSCRIPTION_REQUIRED';
    return (
      <div className="run-line run-line-error" role="alert">
        <span>
          Could not resync {siteName}: {view.error.text} {view.error.nextStep}
        </span>
        <span className="row">
          {needsSubscription ? (
            <button type="button" className="btn btn-small" onClick={() => navigate({ screen: 'billing' })}>
              Open Subscription
            </button>
          ) : null}
          {dismiss}
        </span>
      </div>
    );
  }
  if (view.kind === 'finished') {
    const { run } = view;
    const outcome = outcomeLabel(run);
    return (
      <div className="run-line" role="status">
        <span>
          {TRIGGER_LABELS[run.trigger]} sync of {siteName} finished: <span className={`pill pill-${outcome.tone}`}>{outcome.text}</span> {finishSummary(run, apartmentCount, countsLine)}
          {run.problemCount ? `, ${plural(run.problemCount, 'problem')} ${run.problemCount === 1 ? 'needs' : 'need'} attention` : ''}
          {run.heldBackCount ? `, ${heldBackText(run)}` : ''}.
        </span>
        <span className="row">
          <button type="button" className="btn btn-small" onClick={() => navigate({ screen: 'runs', runId: run.id })}>
            View run
          </button>
          {dismiss}
        </span>
      </div>
    );
  }
  if (view.kind === 'starting') {
    return (
      <div className="run-line" role="status">
        Starting the resync of {siteName}…
      </div>
    );
  }
  const p = view.progress;
  const phase = p ? PHASE_LABELS[p.phase] : 'Starting';
  const counted = p && p.total > 0;
  const overall = overallLine(p, now);
  // While reading and planning the bar moves without a value (those steps have no count to show).
  const reading = !p || p.phase === 'reading' || p.phase === 'planning';
  const bar = reading ? {} : p.percent !== undefined ? { value: p.percent, max: 100 } : counted ? { value: p.done, max: p.total } : {};
  return (
    <div className="run-line run-line-running">
      <div className="run-line-text">
        {view.joined ? <p className="joined-note">A resync of {siteName} was already running — this is its progress.</p> : null}
        <span aria-live="polite">
          <strong>{phase}</strong>
        </span>
        {counted ? (
          <span>
            {' '}
            — {p.done} of {p.total}
          </span>
        ) : null}
        {p?.current ? <span className="muted run-line-current">{p.current}</span> : null}
        {overall ? <span className="run-line-overall">{overall}</span> : null}
        <progress aria-label={`Resync progress of ${siteName}`} {...bar} />
      </div>
      <button
        type="button"
        className="btn btn-small btn-danger"
        disabled={view.cancelling}
        onClick={onCancel}
        aria-label={view.cancelling ? `Cancelling the resync of ${siteName}` : `Cancel the resync of ${siteName}`}
      >
        {view.cancelling ? 'Cancelling…' : 'Cancel'}
      </button>
    </div>
  );
}

/** The current time, ticking every second while `ticking` (for "1:05 elapsed"). */
function useNow(ticking: boolean): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!ticking) return;
    setNow(Date.now());
    const timer = window.setInterval(() => setNow(Date.now()), 1000);
    return () => window.clearInterval(timer);
  }, [ticking]);
  return now;
}
