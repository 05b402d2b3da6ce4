import { useState } from 'react';
import type { UndoStep } from '../../../src-shared/ipc/contract/runs';
import type { Problem } from '../../../src-shared/domain/run';
import type { OperationKind } from '../../../src-shared/domain/sync-plan';
import { type Column, DataTable } from '../../components/DataTable';
import { Dialog } from '../../components/Dialog';
import { plural } from '../../components/labels';
import { useStores } from '../../stores/stores-context';
import { useRuns } from '../../stores/sync-hooks';
import { readableDates } from '../../components/format';

/** What an undo step does, in words. */
export const UNDO_STEP_LABELS: Record<OperationKind, string> = {
  'create-community': 'Create community',
  'update-community': 'Restore community',
  'create-apartment': 'Create apartment',
  'update-apartment': 'Rename apartment back',
  'create-family-member': 'Create account again',
  'update-family-member': 'Restore account fields',
  'delete-family-member': 'Delete account',
  'set-pin': 'Set PIN again',
  'remove-pin': 'Remove PIN',
  'set-rf-cards': 'Set RF card again',
  'remove-rf-cards': 'Remove RF card',
};

const STEP_COLUMNS: Column<UndoStep>[] = [
  { header: 'Step', rowHeader: true, cell: (s) => UNDO_STEP_LABELS[s.kind] },
  { header: 'Who / where', cell: (s) => s.target },
  { header: 'Why', cell: (s) => readableDates(s.detail) },
];

const LEFT_COLUMNS: Column<Problem>[] = [
  { header: 'Who / where', rowHeader: true, cell: (p) => p.subject ?? '—' },
  { header: 'Why it is left', cell: (p) => readableDates(p.reason) },
];

/**
 * "Undo this run" (issue 15): the inverse planned against SmartPlus now, previewed — the steps,
 * what is left ("changed since; not undone", values now held by someone else), what the mass
 * guard holds back — with the offer to pause the site's schedule, then applied as its own run.
 */
export function UndoDialog({ siteName }: { siteName: string }) {
  const { runs } = useStores();
  const preview = useRuns((s) => s.undoPreview);
  const [pause, setPause] = useState(true);
  const [allowMass, setAllowMass] = useState(false);
  const { closeUndo, undo } = runs.getState();
  if (preview === null) return null;
  const p = preview.value;
  const count = (p?.steps.length ?? 0) + (allowMass ? (p?.heldBack.length ?? 0) : 0);
  return (
    <Dialog title={`Undo this run of ${siteName}?`} onClose={closeUndo} wide>
      {preview.status === 'loading' || preview.status === 'idle' ? <p role="status">Planning the undo against SmartPlus as it is now…</p> : null}
      {preview.status === 'error' ? (
        <div className="banner banner-error" role="alert">
          The undo could not be planned: {preview.error.text} {preview.error.nextStep}
        </div>
      ) : null}
      {p ? (
        <>
          <p>
            {p.steps.length === 0 ? 'Nothing this run changed can be undone now.' : `${plural(p.steps.length, 'step')} put SmartPlus back as it was before the run.`} The undo is a run of
            its own: it shows in the history and can itself be undone.
          </p>
          {p.steps.length > 0 ? (
            <div className="table-scroll dialog-table" tabIndex={0} role="region" aria-label="Undo steps, scrollable">
              <DataTable caption="Undo steps" captionClassName="sr-only" columns={STEP_COLUMNS} rows={p.steps} rowKey={(s) => s.id} />
            </div>
          ) : null}
          {p.notUndone.length > 0 ? (
            <>
              <h3>Left as they are ({p.notUndone.length})</h3>
              <div className="table-scroll dialog-table" tabIndex={0} role="region" aria-label="Left as they are, scrollable">
                <DataTable caption="Not undone" captionClassName="sr-only" columns={LEFT_COLUMNS} rows={p.notUndone} rowKey={(x, i) => `${x.kind}-${i}`} />
              </div>
            </>
          ) : null}
          {p.heldBack.length > 0 ? (
            <div className="banner banner-warn">
              <p className="banner-title">{plural(p.heldBack.length, 'change')} held back</p>
              <p>{p.heldBackReason}</p>
              <label className="check">
                <input type="checkbox" checked={allowMass} onChange={(e) => setAllowMass(e.target.checked)} /> Apply the held-back changes too
              </label>
            </div>
          ) : null}
          <label className="check">
            <input type="checkbox" checked={pause} onChange={(e) => setPause(e.target.checked)} /> Pause the schedule of {siteName} until I resume it (the next sync would
            redo what Rent Manager still says)
          </label>
        </>
      ) : null}
      <div className="row dialog-actions">
        <button type="button" className="btn btn-primary" disabled={!p || count === 0} onClick={() => void undo({ pauseSchedule: pause, allowMassChange: allowMass })}>
          {count === 0 ? 'Nothing to undo' : `Undo ${plural(count, 'change')}`}
        </button>
        <button type="button" className="btn" onClick={closeUndo} data-autofocus>
          Go back
        </button>
      </div>
    </Dialog>
  );
}
