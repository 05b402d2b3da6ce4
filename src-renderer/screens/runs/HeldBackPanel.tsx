import { type ReactNode, useState } from 'react';
import type { HeldBackItem } from '../../../src-shared/ipc/contract/runs';
import { Dialog } from '../../components/Dialog';
import { useApp, useStores } from '../../stores/stores-context';
import { useRuns } from '../../stores/sync-hooks';
import { plural } from '../../components/labels';
import { type Column, DataTable } from '../../components/DataTable';
import { readableDates } from '../../components/format';

const HELD_BACK_COLUMNS: Column<HeldBackItem>[] = [
  { header: 'Person', cell: (h) => h.person ?? '—' },
  { header: 'Unit', cell: (h) => h.unit ?? '—' },
  { header: 'Property', cell: (h) => h.property },
  { header: 'Why', cell: (h) => readableDates(h.reason) },
];

/** One decision's dialog: what it does, the action, and "Go back", which takes the focus first. */
function DecisionDialog({ title, act, actClass, onAct, onBack, children }: { title: string; act: string; actClass: string; onAct: () => void; onBack: () => void; children: ReactNode }) {
  return (
    <Dialog title={title} onClose={onBack}>
      <p>{children}</p>
      <div className="row dialog-actions">
        <button type="button" className={actClass} onClick={onAct}>
          {act}
        </button>
        <button type="button" className="btn" onClick={onBack} data-autofocus>
          Go back
        </button>
      </div>
    </Dialog>
  );
}

/**
 * The deletions the mass-deletion guard held back (spec §6): who, why, and the two decisions —
 * delete the accounts, or keep them — each behind a dialog that names how many accounts.
 */
export function HeldBackPanel({ items, reason, siteName }: { items: HeldBackItem[]; reason: string | null; siteName: string }) {
  const { runs } = useStores();
  const online = useApp((s) => s.online);
  const action = useRuns((s) => s.action);
  const [asking, setAsking] = useState<'confirm' | 'keep' | null>(null);
  const busy = action.kind === 'busy';
  const accounts = plural(items.length, 'account');
  const decide = (what: 'confirm' | 'keep') => {
    setAsking(null);
    void (what === 'confirm' ? runs.getState().confirmHeldBack() : runs.getState().keepHeldBack());
  };
  return (
    <section aria-labelledby="held-back-title" className="run-section card held-back">
      <h2 id="held-back-title">Deletions waiting for you ({items.length})</h2>
      <p>
        {reason ? readableDates(reason) : `This run would have deleted ${accounts} at once.`} The deletions are held back; everything else was applied. Check the list: if
        the tenants really left, confirm; if Rent Manager was wrong, keep the accounts.
      </p>
      <div className="table-scroll scroll-box" tabIndex={0} role="region" aria-label="Held-back deletions">
        <DataTable columns={HELD_BACK_COLUMNS} rows={items} rowKey={(h) => h.id} />
      </div>
      <div className="row dialog-actions">
        <button type="button" className="btn btn-danger" disabled={busy || !online} onClick={() => setAsking('confirm')}>
          Confirm deletions
        </button>
        <button type="button" className="btn" disabled={busy} onClick={() => setAsking('keep')}>
          Keep accounts
        </button>
        {!online ? <span className="muted">Offline: deleting accounts needs the network.</span> : null}
        {busy && action.what === 'confirm' ? <span role="status">Deleting {accounts}…</span> : null}
      </div>
      {asking === 'confirm' ? (
        <DecisionDialog title={`Delete ${accounts}?`} act={`Delete ${accounts}`} actClass="btn btn-danger" onAct={() => decide('confirm')} onBack={() => setAsking(null)}>
          SiteSync will delete {accounts} from {siteName} in SmartPlus. Those people lose door access. Accounts whose tenants are back in Rent
          Manager are kept.
        </DecisionDialog>
      ) : null}
      {asking === 'keep' ? (
        <DecisionDialog title={`Keep ${accounts}?`} act={`Keep ${accounts}`} actClass="btn btn-primary" onAct={() => decide('keep')} onBack={() => setAsking(null)}>
          The {accounts} stay in SmartPlus and this list is cleared. If the tenants are still gone from Rent Manager, the next sync plans their deletion
          again.
        </DecisionDialog>
      ) : null}
    </section>
  );
}
