import { formatDateTime, formatMoney } from '../../components/format';
import { EmptyState } from '../../components/EmptyState';
import { useBilling } from './use-billing';

/** The receipts kept on this computer: date, what was paid for, amount, next renewal. */
export function ReceiptsTable() {
  const receipts = useBilling((s) => s.receipts);
  const list = receipts.value ?? [];
  return (
    <section className="sub-section" aria-labelledby="sub-receipts-title">
      <h2 id="sub-receipts-title">Receipts</h2>
      {receipts.status === 'error' ? (
        <p className="banner banner-warn" role="status">
          {receipts.error.text} {receipts.error.nextStep}
        </p>
      ) : null}
      {receipts.status === 'loading' && list.length === 0 ? <p role="status">Loading receipts…</p> : null}
      {receipts.status === 'ready' && list.length === 0 ? <EmptyState title="No receipts yet">Receipts of your payments are kept here, also offline.</EmptyState> : null}
      {list.length > 0 ? (
        <div className="table-scroll">
          <table className="data">
            <caption className="sr-only">Receipts, newest first</caption>
            <thead>
              <tr>
                <th scope="col">Date</th>
                <th scope="col">Paid for</th>
                <th scope="col">Amount</th>
                <th scope="col">Next renewal</th>
              </tr>
            </thead>
            <tbody>
              {list.map((r) => (
                <tr key={r.id}>
                  <td>{formatDateTime(r.createdAt)}</td>
                  <td>{r.lines.map((l) => l.description).join('; ')}</td>
                  <td>{formatMoney(r.amount, r.currency)}</td>
                  <td>{r.subscription?.currentPeriodEnd ? formatDateTime(r.subscription.currentPeriodEnd) : '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}
