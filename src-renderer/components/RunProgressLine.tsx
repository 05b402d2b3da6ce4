import type { Navigation } from '../../src-shared/ipc/contract/app';
import type { SiteRunView } from '../lib/site-run';
import { countsLine, heldBackText, outcomeLabel, PHASE_LABELS, plural, TRIGGER_LABELS } from './labels';

/** What {@link RunProgressLine} needs: the site's run (none: nothing is drawn) and what its buttons do. */
export interface RunProgressLineProps {
  siteName: string;
  view: SiteRunView | undefined;
  onDismiss: () => void;
  onCancel: () => void;
  onNavigate: (to: Navigation) => void;
}

/**
 * A site's manual run under its row: the phase and counts while it runs (with Cancel), how it
 * ended (with a link to the run), or why it could not start (with the next step).
 */
export function RunProgressLine({ siteName, view, onDismiss, onCancel, onNavigate: navigate }: RunProgressLineProps) {
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
          {TRIGGER_LABELS[run.trigger]} sync of {siteName} finished: <span className={`pill pill-${outcome.tone}`}>{outcome.text}</span> {countsLine(run.counts)}
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
        <progress
          aria-label={`Resync progress of ${siteName}`}
          {...(counted ? { value: p.done, max: p.total } : {})}
        />
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
