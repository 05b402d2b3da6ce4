import type { HeldBackItem } from '../../../src-shared/ipc/contract/runs';
import { type Column, DataTable } from '../../components/DataTable';
import { plural } from '../../components/labels';
import { useApp, useStores } from '../../stores/stores-context';
import { useRuns } from '../../stores/sync-hooks';
import { readableDates } from '../../components/format';

const COLUMNS: Column<HeldBackItem>[] = [
  { header: 'Person', rowHeader: true, cell: (h) => h.person ?? '—' },
  { header: 'Unit', cell: (h) => h.unit ?? '—' },
  { header: 'Change and why', cell: (h) => readableDates(h.reason) },
];

/**
 * The changes an ask-first run planned and waits to apply (issue 15): Approve re-plans and applies
 * what is still valid (reporting what moved), Reject drops the list and changes nothing.
 */
export function ApprovalPanel({ items, siteName }: { items: HeldBackItem[]; siteName: string }) {
  const { runs } = useStores();
  const online = useApp((s) => s.online);
  const action = useRuns((s) => s.action);
  const busy = action.kind === 'busy';
  const changes = plural(items.length, 'change');
  return (
    <section aria-labelledby="approval-title" className="run-section card held-back">
      <h2 id="approval-title">Changes waiting for your approval ({items.length})</h2>
      <p>
        {siteName} is set to ask before applying: this run planned the changes below and wrote nothing. Approving reads Rent Manager and SmartPlus again
        and applies what is still valid; rejecting changes nothing.
      </p>
      <div className="table-scroll scroll-box" tabIndex={0} role="region" aria-label="Changes waiting for approval">
        <DataTable columns={COLUMNS} rows={items} rowKey={(h) => h.id} />
      </div>
      <div className="row dialog-actions">
        <button type="button" className="btn btn-primary" disabled={busy || !online} onClick={() => void runs.getState().confirmHeldBack(true)}>
          Approve {changes}
        </button>
        <button type="button" className="btn" disabled={busy} onClick={() => void runs.getState().keepHeldBack()}>
          Reject
        </button>
        {!online ? <span className="muted">Offline: applying changes needs the network.</span> : null}
        {busy && action.what === 'confirm' ? <span role="status">Applying {changes}…</span> : null}
      </div>
    </section>
  );
}
