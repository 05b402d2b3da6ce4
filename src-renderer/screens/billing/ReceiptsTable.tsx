import type { Order } from '../../../src-shared/domain/billing';
import { formatDateTime, formatMoney } from '../../components/format';
import { EmptyState } from '../../components/EmptyState';
import { useBilling } from './use-billing';
import { orderText } from './order-text';
import { type Column, DataTable } from '../../components/DataTable';

const RECEIPT_COLUMNS: Column<Order>[] = [
  { header: 'Date', cell: (r) => formatDateTime(r.createdAt) },
  { header: 'Paid for', cell: (r) => orderText(r) },
  { header: 'Amount', cell: (r) => formatMoney(r.amount, r.currency) },
  { header: 'Next renewal', cell: (r) => (r.subscription?.currentPeriodEnd ? formatDateTime(r.subscription.currentPeriodEnd) : '—') },
];

/** The receipts kept on this computer: date, what was paid for, amount, next renewal. */
export function ReceiptsTable() {
  const receipts = useBilling((s) => s.receipts);
  const list = receipts.value ?? [];
  const account = useBilling((s) => (s.accounts.length > 1 ? (s.accounts.find((a) => a.id === s.accountId)?.label ?? null) : null));
  return (
    <section className="sub-section" aria-labelledby="sub-receipts-title">
      <h2 id="sub-receipts-title">{account ? `Receipts of ${account}` : 'Receipts'}</h2>
      {receipts.status === 'error' ? (
        <p className="banner banner-warn" role="status">
          {receipts.error.text} {receipts.error.nextStep}
        </p>
      ) : null}
      {receipts.status === 'loading' && list.length === 0 ? <p role="status">Loading receipts…</p> : null}
      {receipts.status === 'ready' && list.length === 0 ? <EmptyState title="No receipts yet">Receipts of your payments are kept here, also offline.</EmptyState> : null}
      {list.length > 0 ? (
        <div className="table-scroll">
          <DataTable caption="Receipts, newest first" captionClassName="sr-only" columns={RECEIPT_COLUMNS} rows={list} rowKey={(r) => r.id} />
        </div>
      ) : null}
    </section>
  );
}
