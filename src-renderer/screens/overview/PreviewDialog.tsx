import type { PlanSummary } from '../../../src-shared/domain/sync-plan';
import { formatDate } from '../../components/format';
import { Dialog } from '../../components/Dialog';
import { useStores } from '../../stores/stores-context';
import { useRuns } from '../../stores/sync-hooks';
import { OPERATION_LABELS, plural, PROBLEM_LABELS } from '../../components/labels';

function group(summary: PlanSummary, prefix: string): number {
  return Object.entries(summary.operations)
    .filter(([kind]) => kind.startsWith(prefix))
    .reduce((sum, [, n]) => sum + n, 0);
}

/**
 * The dry-run plan of one site (spec §6, §11): how many creates, updates and deletes, the billing
 * impact, problems, and the operations one by one — nothing is changed in SmartPlus.
 */
export function PreviewDialog({ siteName, canResync, onResync }: { siteName: string; canResync: boolean; onResync: () => void }) {
  const { runs } = useStores();
  const preview = useRuns((s) => s.preview);
  const close = () => runs.getState().closePreview();
  const p = preview.value;
  return (
    <Dialog title={`Preview of ${siteName}`} onClose={close} wide>
      {preview.status === 'loading' ? (
        <p role="status">Reading Rent Manager and SmartPlus to work out the changes…</p>
      ) : null}
      {preview.status === 'error' && preview.error ? (
        <div className="banner banner-error" role="alert">
          The preview could not be made: {preview.error.text} {preview.error.nextStep}
        </div>
      ) : null}
      {p ? (
        <>
          <p className="muted">Nothing has been changed yet. This is what a resync would do today ({formatDate(p.today)}).</p>
          <div className="preview-grid">
            <div className="stat">
              <span className="stat-value">{group(p.summary, 'create-')}</span> to create
            </div>
            <div className="stat">
              <span className="stat-value">{group(p.summary, 'update-') + group(p.summary, 'set-') + group(p.summary, 'remove-')}</span> to update
            </div>
            <div className="stat">
              <span className="stat-value">{group(p.summary, 'delete-')}</span> to delete
            </div>
            <div className="stat">
              <span className="stat-value">{p.summary.heldBack}</span> deletions held back
            </div>
          </div>
          <h3>Billing impact</h3>
          <ul className="plain-list">
            <li>{plural(p.summary.billing.apartmentsToActivate, 'apartment')} to activate</li>
            <li>
              {plural(p.summary.billing.familyMembersOverAllowance, 'family member')} over the free allowance of{' '}
              {p.summary.billing.freeAllowancePerApartment} per apartment
            </li>
          </ul>
          {p.problems.length ? (
            <>
              <h3>Problems ({p.problems.length})</h3>
              <ul className="plain-list">
                {Object.entries(countKinds(p.problems.map((x) => x.kind))).map(([kind, n]) => (
                  <li key={kind}>
                    {PROBLEM_LABELS[kind as keyof typeof PROBLEM_LABELS]}: {n}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
          <h3>Changes ({p.summary.totalOperations})</h3>
          {p.operations.length === 0 ? (
            <p>Nothing to change: SmartPlus is up to date.</p>
          ) : (
            <div className="scroll-box" tabIndex={0} role="region" aria-label="Planned changes">
              <table className="data">
                <thead>
                  <tr>
                    <th scope="col">Change</th>
                    <th scope="col">Who / where</th>
                    <th scope="col">Detail</th>
                  </tr>
                </thead>
                <tbody>
                  {p.operations.map((op) => (
                    <tr key={op.id}>
                      <td>{OPERATION_LABELS[op.kind]}</td>
                      <td>{op.target}</td>
                      <td>{op.detail}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
              {p.summary.totalOperations > p.operations.length ? (
                <p className="muted">…and {p.summary.totalOperations - p.operations.length} more.</p>
              ) : null}
            </div>
          )}
        </>
      ) : null}
      <div className="row dialog-actions">
        {p && canResync ? (
          <button type="button" className="btn btn-primary" onClick={onResync}>
            Resync now
          </button>
        ) : null}
        <button type="button" className="btn" onClick={close} data-autofocus>
          Close
        </button>
      </div>
    </Dialog>
  );
}

function countKinds(kinds: string[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const k of kinds) out[k] = (out[k] ?? 0) + 1;
  return out;
}
