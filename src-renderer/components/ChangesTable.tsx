import { useEffect } from 'react';
import { CHANGE_ACTION_LABELS, type ChangeView, type FieldChange } from '../../src-shared/domain/run-change';
import { type Column, DataTable } from './DataTable';
import { formatDateTime, readableDates } from './format';

/** How long a revealed PIN stays on screen before it is masked again (as in an apartment's residents). */
export const CHANGE_PIN_VISIBLE_MS = 20_000;

/** What a change table can do besides listing: link to the apartment (and run), reveal a PIN. */
export interface ChangesTableActions {
  /** Opens the change's apartment; absent (or a change with no apartment) → no link. */
  onOpenApartment?: (change: ChangeView) => void;
  /** Opens the run the change belongs to (the cross-run search and an apartment's history). */
  onOpenRun?: (change: ChangeView) => void;
  /** PINs revealed, by `${runId}:${seq}:${which}`; with `onReveal`, a PIN field gets Reveal / Hide. */
  revealed?: Record<string, string | null>;
  onReveal?: (change: ChangeView, which: 'before' | 'after') => void;
  onHide?: (key: string) => void;
}

const STATUS: Record<ChangeView['status'], { text: string; tone: string }> = {
  applied: { text: 'Applied', tone: 'ok' },
  failed: { text: 'Failed', tone: 'danger' },
  'held-back': { text: 'Held back', tone: 'warn' },
};

/**
 * The changes of a run, an apartment or a search (issue 15): when, what happened, where, who
 * (name, applicant type, tenant and contact IDs), old → new per field (PINs masked, revealable
 * on request) and why. `site` adds the site's name for the cross-run search.
 */
export function ChangesTable<C extends ChangeView>({ changes, caption, site, ...actions }: { changes: readonly C[]; caption: string; site?: (c: C) => string } & ChangesTableActions) {
  const columns: Column<C>[] = [
    { header: 'Time', cell: (c) => formatDateTime(c.at) },
    ...(site ? [{ header: 'Site', cell: (c: C) => site(c) }] : []),
    {
      header: 'What',
      rowHeader: true,
      cell: (c) => (
        <>
          {CHANGE_ACTION_LABELS[c.action]} {c.status !== 'applied' ? <span className={`pill pill-${STATUS[c.status].tone}`}>{STATUS[c.status].text}</span> : null}
        </>
      ),
    },
    {
      header: 'Unit',
      cell: (c) =>
        c.unit === null ? (
          <span className="muted">{c.property}</span>
        ) : actions.onOpenApartment && c.apartmentId ? (
          <button type="button" className="link-button" onClick={() => actions.onOpenApartment!(c)} aria-label={`Open apartment ${c.unit}`}>
            {c.unit}
          </button>
        ) : (
          c.unit
        ),
    },
    { header: 'Who', cell: (c) => <Who change={c} /> },
    { header: 'Old → new', cell: (c) => <Fields change={c} actions={actions} /> },
    {
      header: 'Why',
      cell: (c) => (
        <>
          {readableDates(c.why)}
          {c.error ? <div className="small danger-text">Failed: {c.error}</div> : null}
          {actions.onOpenRun ? (
            <div>
              <button type="button" className="link-button small" onClick={() => actions.onOpenRun!(c)}>
                Open the run
              </button>
            </div>
          ) : null}
        </>
      ),
    },
  ];
  return (
    <div className="table-scroll">
      <DataTable className="data changes-table" caption={caption} captionClassName="sr-only" columns={columns} rows={changes} rowKey={(c) => `${c.runId}:${c.seq}`} />
    </div>
  );
}

function Who({ change: c }: { change: ChangeView }) {
  if (c.person === null) return <span className="muted">—</span>;
  const ids = [c.applicantType, c.tenantId !== null ? `tenant ${c.tenantId}` : null, c.contactId !== null ? `contact ${c.contactId}` : null].filter(Boolean).join(' · ');
  return (
    <>
      <div>{c.person}</div>
      {ids ? <div className="muted small">{ids}</div> : null}
    </>
  );
}

function Fields({ change, actions }: { change: ChangeView; actions: ChangesTableActions }) {
  if (change.fields.length === 0) return <span className="muted">—</span>;
  return (
    <ul className="plain-list">
      {change.fields.map((f) => (
        <li key={f.field}>
          <span className="muted">{f.field}:</span>{' '}
          {f.field === 'PIN' ? <PinChange change={change} field={f} actions={actions} /> : `${f.old ?? '—'} → ${f.new ?? '—'}`}
        </li>
      ))}
    </ul>
  );
}

function PinChange({ change, field, actions }: { change: ChangeView; field: FieldChange; actions: ChangesTableActions }) {
  const canReveal = change.pinKept && actions.onReveal !== undefined;
  return (
    <>
      <PinSide change={change} which="before" masked={field.old} canReveal={canReveal} actions={actions} /> →{' '}
      <PinSide change={change} which="after" masked={field.new} canReveal={canReveal} actions={actions} />
    </>
  );
}

function PinSide({ change, which, masked, canReveal, actions }: { change: ChangeView; which: 'before' | 'after'; masked: string | null; canReveal: boolean; actions: ChangesTableActions }) {
  const key = `${change.runId}:${change.seq}:${which}`;
  const revealed = actions.revealed && key in actions.revealed ? actions.revealed[key] : undefined;
  const shown = revealed !== undefined;
  const onHide = actions.onHide;
  useEffect(() => {
    if (!shown || !onHide) return;
    const timer = setTimeout(() => onHide(key), CHANGE_PIN_VISIBLE_MS);
    return () => clearTimeout(timer);
  }, [shown, onHide, key]);
  if (masked === null) return <span>—</span>;
  const label = `${which === 'before' ? 'old' : 'new'} PIN of ${change.person ?? 'this account'}`;
  return (
    <span className="pin-cell">
      <span className="pin-value mono" aria-live="polite">{shown ? (revealed ?? 'None') : masked}</span>
      {canReveal ? (
        shown ? (
          <button type="button" className="btn btn-small" aria-label={`Hide ${label}`} onClick={() => onHide?.(key)}>
            Hide
          </button>
        ) : (
          <button type="button" className="btn btn-small" aria-label={`Reveal ${label}`} onClick={() => actions.onReveal!(change, which)}>
            Reveal
          </button>
        )
      ) : null}
    </span>
  );
}
