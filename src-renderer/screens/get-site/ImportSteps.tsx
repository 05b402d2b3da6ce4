import type { RunProgress } from '../../../src-shared/domain/run';
import { OUTCOME_LABELS, outcomeLabel, plural } from '../../components/labels';
import { useStores } from '../../stores/stores-context';
import { useGetSite } from './use-get-site';

/** The phases of an import run, in order, as the progress list names them. */
export const PHASES: Array<[RunProgress['phase'], string]> = [
  ['reading', 'Reading Rent Manager'],
  ['planning', 'Planning'],
  ['communities', 'Community'],
  ['apartments', 'Apartments'],
  ['family-members', 'Family members'],
  ['credentials', 'PINs and RF cards'],
  ['deletions', 'Clean-up'],
];

function SiteProgress({ name, progress, done }: { name: string; progress: RunProgress | undefined; done: boolean }) {
  const applied = done || progress?.phase === 'done';
  const phaseIndex = applied ? PHASES.length : progress ? PHASES.findIndex(([p]) => p === progress.phase) : -1;
  const label = done ? 'Done' : applied ? 'Saving the local copy' : progress ? (PHASES[phaseIndex]?.[1] ?? 'Working') : 'Starting';
  const total = applied ? 0 : (progress?.total ?? 0);
  return (
    <li className="gs-progress">
      <div className="row">
        <strong>{name}</strong>
        <span className="muted">{`${label}${total > 0 ? ` — ${progress!.done} of ${total}` : ''}`}</span>
      </div>
      <progress aria-label={`${name}: ${label}`} max={applied ? 1 : total || 1} value={applied ? 1 : total > 0 ? progress!.done : undefined} />
      <ol className="gs-phases" aria-label={`Phases of ${name}`}>
        {PHASES.map(([phase, text], i) => (
          <li key={phase} className={i < phaseIndex ? 'done' : i === phaseIndex ? 'current' : ''}>
            <span aria-hidden="true">{i < phaseIndex ? '✓' : i === phaseIndex ? '●' : '○'}</span> {text}
            <span className="gs-visually-hidden">{i < phaseIndex ? ' (done)' : i === phaseIndex ? ' (in progress)' : ''}</span>
          </li>
        ))}
      </ol>
    </li>
  );
}

/** The import running: a progress bar per site for its current phase, and Cancel. */
export function ImportProgress() {
  const step = useGetSite((s) => (s.step.kind === 'importing' ? s.step : null));
  const cancel = useGetSite((s) => s.cancelImport);
  if (!step) return null;
  return (
    <>
      <p className="muted" role="status">
        {step.sites ? `Creating and syncing ${step.sites.length === 1 ? 'the site' : `${step.sites.length} sites`}…` : 'Creating the sites…'}
      </p>
      {step.error ? (
        <div className="banner banner-error" role="alert">
          {step.error}
        </div>
      ) : null}
      <ul className="gs-progress-list">
        {(step.sites ?? []).map((site) => (
          <SiteProgress key={site.siteId} name={site.name} progress={step.progress[site.siteId]} done={Boolean(step.finished[site.siteId])} />
        ))}
      </ul>
      <div className="wizard-nav">
        <span className="spacer" />
        <button type="button" className="btn btn-danger" onClick={() => void cancel()} disabled={!step.sites || step.cancelling}>
          {step.cancelling ? 'Cancelling…' : 'Cancel import'}
        </button>
      </div>
      <p className="muted">Cancelling stops the syncs safely: nothing is left half-made, and the next sync of each site finishes the job.</p>
    </>
  );
}

/** The import's result: each new site with its outcome, a link to it, and to its problems. */
export function ImportResult() {
  const { app } = useStores();
  const step = useGetSite((s) => (s.step.kind === 'result' ? s.step : null));
  const reset = useGetSite((s) => s.reset);
  if (!step) return null;
  const go = (to: Parameters<ReturnType<typeof app.getState>['navigate']>[0]) => {
    reset();
    app.getState().navigate(to);
  };
  return (
    <>
      {step.error ? (
        <div className="banner banner-error" role="alert">
          The import could not start: {step.error}
        </div>
      ) : (
        <p role="status">
          {step.sites.length === 1 ? 'The site was imported.' : `${step.sites.length} sites were imported.`} Each one is synced on the schedule
          from now on.
        </p>
      )}
      {step.notStarted.length > 0 ? (
        <div className="banner banner-warn" role="alert">
          <p className="gs-tight">
            {step.notStarted.length === 1 ? 'One property was not imported' : `${step.notStarted.length} properties were not imported`}; run the wizard
            again for {step.notStarted.length === 1 ? 'it' : 'them'} once the cause is fixed:
          </p>
          <ul>
            {step.notStarted.map((n) => (
              <li key={n.propertyId}>
                <strong>{n.name}</strong>: {n.reason}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <ul className="gs-results">
        {step.sites.map((site) => {
          const record = step.records[site.siteId];
          const outcome = record ? outcomeLabel(record) : OUTCOME_LABELS.running;
          return (
            <li key={site.siteId} className="card">
              <div className="row">
                <h3 className="gs-tight">{site.name}</h3>
                <span className={`pill pill-${outcome.tone}`}>{outcome.text}</span>
              </div>
              {record ? (
                <p className="muted gs-tight">
                  {plural(record.counts.apartments, 'apartment')}, {record.counts.accountsCreated} accounts created, {record.counts.credentialsSet} PINs and
                  RF cards set{record.problemCount > 0 ? `; ${plural(record.problemCount, 'problem')} ${record.problemCount === 1 ? 'needs' : 'need'} attention in the run report` : ''}.{record.error ? ` ${record.error}` : ''}
                </p>
              ) : null}
              <div className="row">
                <button type="button" className="btn btn-primary" onClick={() => go({ screen: 'apartments', siteId: site.siteId })}>
                  Open {site.name}
                </button>
                {record && record.problemCount > 0 ? (
                  <button
                    type="button"
                    className="btn"
                    aria-label={`See the run report of ${site.name}`}
                    onClick={() => go({ screen: 'runs', runId: record.id })}
                  >
                    See the run report
                  </button>
                ) : null}
              </div>
            </li>
          );
        })}
      </ul>
      <div className="wizard-nav">
        <span className="spacer" />
        <button type="button" className="btn" onClick={reset}>
          Import another property
        </button>
      </div>
    </>
  );
}
