import { useEffect, useRef } from 'react';
import { formatDate, readableDates } from '../../components/format';
import { groupProblems } from '../../../src-shared/domain/problems';
import { plural, PROBLEM_LABELS } from '../../components/labels';
import type { ImportPreview, PropertyPreview } from '../../../src-shared/ipc/contract/sites';
import { useStores } from '../../stores/stores-context';
import { LoadStatus } from '../../components/LoadStatus';
import { useGetSite } from './use-get-site';
import { type Column, DataTable } from '../../components/DataTable';
import { AdoptionReview } from './AdoptionReview';
import { PlanCounts } from './PlanCounts';

const PREVIEW_PROBLEM_COLUMNS: Column<PropertyPreview['problems'][number]>[] = [
  {
    header: 'Problem',
    cell: (p) => <span className={`pill ${p.severity === 'error' ? 'pill-danger' : p.severity === 'warning' ? 'pill-warn' : 'pill-muted'}`}>{PROBLEM_LABELS[p.kind]}</span>,
  },
  { header: 'Who', cell: (p) => p.subject ?? '—' },
  { header: 'Field', cell: (p) => p.field ?? '—' },
  { header: 'Value', className: 'gs-mono', cell: (p) => p.value ?? '—' },
  { header: 'Why', cell: (p) => readableDates(p.reason) },
];

function Problems({ plan }: { plan: PropertyPreview }) {
  const groups = groupProblems(plan.problems);
  const total = plan.problems.length + plan.moreProblems;
  const notSynced =
    plan.unitsNotSynced > 0 ? (
      <p className="muted">
        For your information: {plural(plan.unitsNotSynced, 'other unit')} {plan.unitsNotSynced === 1 ? 'stays' : 'stay'} in Rent Manager, not synced (Custom
        selection); you can add them later from the site.
      </p>
    ) : null;
  if (total === 0) {
    return (
      <>
        <p className="muted">No problems found.</p>
        {notSynced}
      </>
    );
  }
  return (
    <>
      {notSynced}
      <h4>
        {groups.attention.length > 0 ? `${plural(groups.attention.length, 'problem')} ${groups.attention.length === 1 ? 'needs' : 'need'} attention` : 'Nothing needs attention'}
        {groups.info.length > 0 ? `, ${plural(groups.info.length, 'note')} for your information` : ''} — the import goes ahead; problems are skipped and reported
      </h4>
      <div className="gs-scroll" tabIndex={0} role="region" aria-label={`Problems in ${plan.propertyName}`}>
        <DataTable
          caption={`Problems in ${plan.propertyName}`}
          captionClassName="gs-visually-hidden"
          columns={PREVIEW_PROBLEM_COLUMNS}
          rows={[...groups.attention, ...groups.info]}
          rowKey={(_, i) => i}
        />
      </div>
      {plan.moreProblems > 0 ? <p className="muted">…and {plan.moreProblems} more, listed in the run report after the import.</p> : null}
    </>
  );
}

function Integration({ preview }: { preview: ImportPreview }) {
  const { app } = useStores();
  const refresh = useGetSite((s) => s.refreshPreview);
  if (preview.integration.active) {
    return (
      <div className="banner banner-info" role="status">
        The Integration service is paid for{preview.integration.endsAt ? ` until ${formatDate(preview.integration.endsAt)}` : ''}. Import
        creates {preview.plans.length === 1 ? 'the site' : `${preview.plans.length} sites`} and syncs {preview.plans.length === 1 ? 'it' : 'them'} now.
      </div>
    );
  }
  const pay = () => {
    app.getState().setLeaveGuard(null);
    app.getState().navigate({ screen: 'billing' });
  };
  return (
    <div className="banner banner-warn" role="alert">
      <p className="gs-tight">
        <strong>Import is not possible yet.</strong> {preview.integration.reason ?? 'The Integration service is not paid for.'}
      </p>
      <p className="gs-tight">Your choices here are kept while you pay.</p>
      <div className="row">
        <button type="button" className="btn btn-primary" onClick={pay}>
          Pay for the Integration service
        </button>
        <button type="button" className="btn" onClick={() => void refresh()}>
          Check again
        </button>
      </div>
    </div>
  );
}

/** Last input step: the dry-run plan (or, for a linked property, the link review) per property, problems with masked PINs, billing impact, and whether import is possible. */
export function ReviewStep() {
  const preview = useGetSite((s) => (s.step.kind === 'review' ? s.step.preview : null));
  const refresh = useGetSite((s) => s.refreshPreview);
  const plans = useGetSite((s) => s.communityPlans);
  const stale = preview?.status === 'ready' && !preview.value.integration.active;
  const arrivedStale = useRef(stale);
  useEffect(() => {
    // Only on arrival (e.g. back from paying): a later "Check again" is the user's.
    if (arrivedStale.current) void refresh();
  }, [refresh]);
  if (!preview) return null;
  return (
    <LoadStatus value={preview} loading="Working out what the import will create (nothing is changed yet)…" onRetry={() => void refresh()}>
      {(data) => (
        <>
          <Integration preview={data} />
          <p className="muted">
            {data.fields.pin ? `PINs are read from “${data.fields.pin}”` : 'No PIN field: SiteSync leaves PINs as they are'};{' '}
            {data.fields.rfCard ? `RF cards from “${data.fields.rfCard}”` : 'no RF card field: SiteSync leaves RF cards as they are'}. Change them per site in Settings.
          </p>
          {data.plans.map((plan) => (
            <section key={plan.propertyId} className="gs-plan" aria-labelledby={`plan-${plan.propertyId}`}>
              <h3 id={`plan-${plan.propertyId}`}>{plan.propertyName}</h3>
              {plans[plan.propertyId]?.mode === 'link' ? <AdoptionReview propertyId={plan.propertyId} name={plan.propertyName} /> : <PlanCounts summary={plan.summary} />}
              <Problems plan={plan} />
            </section>
          ))}
        </>
      )}
    </LoadStatus>
  );
}
