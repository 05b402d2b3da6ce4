import { PROBLEM_KINDS, type Problem, type ProblemKind } from '../../../src-shared/domain/run';
import { maskPin } from '../../../src-shared/rules/pin';
import { useStores } from '../../stores/stores-context';
import { useRuns } from '../../stores/sync-hooks';
import { PROBLEM_LABELS } from '../../components/labels';
import { type Column, DataTable } from '../../components/DataTable';

/** How many problems the table renders; the CSV export has them all. */
const SHOWN = 500;

/** A problem's value as it may be shown: PINs are masked whatever arrives (spec §4). */
export function displayValue(p: Problem): string {
  if (p.value === null) return '';
  return p.field === 'pin' || p.kind.includes('pin') ? maskPin(p.value) : p.value;
}

const PROBLEM_COLUMNS: Column<Problem>[] = [
  {
    header: 'Severity',
    cell: (p) => <span className={`pill pill-${p.severity === 'error' ? 'danger' : p.severity === 'warning' ? 'warn' : 'muted'}`}>{p.severity}</span>,
  },
  { header: 'Kind', cell: (p) => PROBLEM_LABELS[p.kind] },
  {
    header: 'Who / where',
    cell: (p) => (
      <>
        {p.subject ?? ''}
        {p.unitId !== null ? <span className="muted site-meta">unit {p.unitId}</span> : null}
      </>
    ),
  },
  { header: 'Field', cell: (p) => p.field ?? '' },
  { header: 'Value', className: 'mono', cell: (p) => displayValue(p) },
  { header: 'Reason', cell: (p) => p.reason },
];

/** Every problem of a run, filterable by kind (spec §11). */
export function ProblemsTable({ counts }: { counts: Partial<Record<ProblemKind, number>> }) {
  const { runs } = useStores();
  const kind = useRuns((s) => s.problemKind);
  const problems = useRuns((s) => s.problems);
  const total = Object.values(counts).reduce((a, b) => a + (b ?? 0), 0);
  const kinds = PROBLEM_KINDS.filter((k) => (counts[k] ?? 0) > 0);
  const rows = problems.value ?? [];
  return (
    <section aria-labelledby="problems-title" className="run-section">
      <div className="screen-header">
        <h2 id="problems-title">Problems ({total})</h2>
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
      {rows.length > 0 ? (
        <div className="table-scroll">
          <DataTable className="data problems-table" columns={PROBLEM_COLUMNS} rows={rows.slice(0, SHOWN)} rowKey={(_, i) => i} />
          {rows.length > SHOWN ? (
            <p className="muted">
              Showing the first {SHOWN} of {rows.length}. Export to CSV for the whole list.
            </p>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}
