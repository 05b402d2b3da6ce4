import { useEffect } from 'react';
import { formatDate, readableDates } from '../../components/format';
import { useStore } from 'zustand';
import type { ResidentRow } from '../../../src-shared/domain/site';
import { useStores } from '../../stores/stores-context';
import { type Column, DataTable } from '../../components/DataTable';

/** How long a revealed PIN stays on screen before it is masked again. */
export const PIN_VISIBLE_MS = 20_000;

/** The family members of an apartment: contact details, credentials (PIN masked until asked) and access dates. */
export function ResidentsTable({ residents }: { residents: ResidentRow[] }) {
  return (
    <div className="table-scroll">
      <DataTable columns={RESIDENT_COLUMNS} rows={residents} rowKey={(r) => r.id} />
    </div>
  );
}

const RESIDENT_COLUMNS: Column<ResidentRow>[] = [
  { header: 'Name', rowHeader: true, cell: (r) => `${r.firstName} ${r.lastName}`.trim() },
  {
    header: 'Contact',
    className: 'residents-contact',
    cell: (r) => (
      <>
        <div>{r.email ? <Email address={r.email} /> : <span className="muted">No e-mail</span>}</div>
        <div className="muted">{r.phone ?? 'No phone'}</div>
      </>
    ),
  },
  { header: 'Applicant type', cell: (r) => r.applicantType ?? <span className="muted">—</span> },
  { header: 'PIN', cell: (r) => <PinCell resident={r} /> },
  { header: 'RF card', cell: (r) => (r.rfCards.length > 0 ? r.rfCards.join(', ') : <span className="muted">None</span>) },
  {
    header: 'Access',
    className: 'residents-access',
    cell: (r) => (
      <>
        <div>
          <span className="nowrap">{r.accessFrom ? `From ${formatDate(r.accessFrom)}` : 'No start date'}</span>
          {r.accessUntil ? (
            <>
              {' '}
              <span className="nowrap">until {formatDate(r.accessUntil)}</span>
            </>
          ) : null}
        </div>
        {r.accessReason ? <div className="muted small">{readableDates(r.accessReason)}</div> : null}
      </>
    ),
  },
];

/** An e-mail address that may wrap before its "@" (a long one in a narrow window), and anywhere only if it must. */
function Email({ address }: { address: string }) {
  const at = address.indexOf('@');
  if (at <= 0) return <>{address}</>;
  return (
    <>
      {address.slice(0, at)}
      <wbr />
      {address.slice(at)}
    </>
  );
}

/** A PIN, masked; "Reveal" asks main for it (decrypted from the local copy, so it works offline) and it hides again by itself. */
function PinCell({ resident }: { resident: ResidentRow }) {
  const store = useStores().apartments;
  const revealed = useStore(store, (s) => (resident.id in s.revealed ? s.revealed[resident.id] : undefined));
  const { revealPin, hidePin } = store.getState();
  const shown = revealed !== undefined;
  useEffect(() => {
    if (!shown) return;
    const timer = setTimeout(() => hidePin(resident.id), PIN_VISIBLE_MS);
    return () => clearTimeout(timer);
  }, [shown, hidePin, resident.id]);
  if (!resident.hasPin) return <span className="muted">None</span>;
  const name = `${resident.firstName} ${resident.lastName}`.trim();
  return (
    <span className="pin-cell">
      <span className="pin-value" aria-live="polite" data-testid={`pin-${resident.id}`}>
        {shown ? (revealed ?? 'None') : '••••'}
      </span>
      {shown ? (
        <button type="button" className="btn btn-small" aria-label={`Hide PIN of ${name}`} onClick={() => hidePin(resident.id)}>
          Hide
        </button>
      ) : (
        <button type="button" className="btn btn-small" aria-label={`Reveal PIN of ${name}`} onClick={() => void revealPin(resident.id)}>
          Reveal
        </button>
      )}
    </span>
  );
}
