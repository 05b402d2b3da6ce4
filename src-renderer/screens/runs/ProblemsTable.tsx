import { PROBLEM_KINDS, type Problem, type ProblemKind } from '../../../src-shared/domain/run';
import { groupProblems } from '../../../src-shared/domain/problems';
import type { RunProblem } from '../../../src-shared/ipc/contract/runs';
import { maskPin } from '../../../src-shared/rules/pin';
import { useApp, useStores } from '../../stores/stores-context';
import { useRuns } from '../../stores/sync-hooks';
import { plural, PROBLEM_LABELS } from '../../components/labels';
import { type Column, DataTable } from '../../components/DataTable';
import { readableDates } from '../../components/format';

/** How many problems each group renders; the CSV export has them all. */
const SHOWN = 500;

/** A problem's value as it may be shown: PINs are masked whatever arrives (spec §4). */
export function displayValue(p: Problem): string {
  if (p.value === null) return '';
  return p.field === 'pin' || p.kind.includes('pin') ? maskPin(p.value) : p.value;
}

/** Who the problem is about, and its unit: the apartment's name linking to it when this site's copy has it (issue 16). */
function WhoWhere({ problem: p, siteId }: { problem: RunProblem; siteId: string }) {
  const navigate = useApp((s) => s.navigate);
  const unit = p.apartment ? (
    <button
      type="button"
      className="link-button site-meta"
      onClick={() => navigate({ screen: 'apartments', siteId, apartmentId: p.apartment!.id })}
      aria-label={`Unit ${p.apartment.name}: open the apartment${p.subject ? ` of ${p.subject}` : ''}`}
    >
      Unit {p.apartment.name}
    </button>
  ) : p.unitId !== null ? (
    <span className="muted site-meta">Unit {p.unitId} (not in this site’s copy)</span>
  ) : null;
  return (
    <>
      {p.subject ?? ''}
      {unit}
    </>
  );
}

function columns(siteId: string): Column<RunProblem>[] {
  return [
    {
      header: 'Severity',
      cell: (p) => <span className={`pill pill-${p.severity === 'error' ? 'danger' : p.severity === 'warning' ? 'warn' : 'muted'}`}>{p.severity}</span>,
    },
    { header: 'Kind', cell: (p) => PROBLEM_LABELS[p.kind] },
    { header: 'Who / where', cell: (p) => <WhoWhere problem={p} siteId={siteId} /> },
    { header: 'Field', cell: (p) => p.field ?? '' },
    { header: 'Value', className: 'mono', cell: (p) => displayValue(p) },
    { header: 'Reason', cell: (p) => readableDates(p.reason) },
  ];
}

/** One group of the report ("Needs attention" or "For your information"), at most {@link SHOWN} rows. */
function ProblemGroup({ id, title, note, rows, siteId }: { id: string; title: string; note: string; rows: RunProblem[]; siteId: string }) {
  if (rows.length === 0) return null;
  return (
    <section aria-labelledby={id} className="problem-group">
      <h3 id={id}>
        {title} ({rows.length})
      </h3>
      <p className="muted">{note}</p>
      <div className="table-scroll">
        <DataTable className="data problems-table" caption={title} captionClassName="sr-only" columns={columns(siteId)} rows={rows.slice(0, SHOWN)} rowKey={(_, i) => i} />
        {rows.length > SHOWN ? (
          <p className="muted">
            Showing the first {SHOWN} of {rows.length}. Export to CSV for the whole list.
          </p>
        ) : null}
      </div>
    </section>
  );
}

/**
 * Every problem of a run, filterable by kind (spec §11), sorted out (issue 16): errors and
 * warnings under "Needs attention" (errors first), info notes under "For your information" —
 * the same split {@link groupProblems} gives the Overview and the finish line their count.
 */
export function ProblemsTable({ counts, siteId }: { counts: Partial<Record<ProblemKind, number>>; siteId: string }) {
  const { runs } = useStores();
  const kind = useRuns((s) => s.problemKind);
  const problems = useRuns((s) => s.problems);
  const total = Object.values(counts).reduce((a, b) => a + (b ?? 0), 0);
  const kinds = PROBLEM_KINDS.filter((k) => (counts[k] ?? 0) > 0);
  const groups = groupProblems(problems.value ?? []);
  return (
    <section aria-labelledby="problems-title" className="run-section">
      <div className="screen-header">
        <h2 id="problems-title">Problems</h2>
        {total > 0 ? (
          <div className="field field-inline">
            <label htmlFor="problem-kind">Show</label>
            <select
              id="problem-kind"
              value={kind ?? ''}
              onChange={(e) => void runs.getState().setProblemKind((e.target.value || null) as ProblemKind | null)}
            >
              <option value="">Every kind ({total})</option>
              {kinds.map((k) => (
                <option key={k} value={k}>
                  {PROBLEM_LABELS[k]} ({counts[k]})
                </option>
              ))}
            </select>
          </div>
        ) : null}
      </div>
      {total === 0 ? <p className="muted">No problems in this run.</p> : null}
      {problems.status === 'loading' && total > 0 ? <p role="status">Loading problems…</p> : null}
      {problems.status === 'error' && problems.error ? (
        <div className="banner banner-error" role="alert">
          The problems could not be loaded: {problems.error.text} {problems.error.nextStep}
        </div>
      ) : null}
      {problems.status === 'ready' && total > 0 && groups.attention.length === 0 && !kind ? (
        <p className="muted">Nothing needs attention: {plural(groups.info.length, 'note')} for your information below.</p>
      ) : null}
      <ProblemGroup
        id="problems-attention"
        title="Needs attention"
        note="Errors first, then warnings: these records were skipped or changed differently than Rent Manager says."
        rows={groups.attention}
        siteId={siteId}
      />
      <ProblemGroup
        id="problems-info"
        title="For your information"
        note="Nothing to fix, e.g. units a Custom site leaves out of the sync."
        rows={groups.info}
        siteId={siteId}
      />
    </section>
  );
}
