import { formatDateTime, formatMoney } from '../../components/format';
import { plural } from '../../components/labels';
import { useBilling } from './use-billing';
import { orderText } from './order-text';

const BRAND_NAMES: Record<string, string> = { visa: 'Visa', mastercard: 'Mastercard', amex: 'American Express', discover: 'Discover' };

/** The receipt after paying: amount, period, next renewal date, and the card's brand and last 4 digits. */
export function ReceiptStep() {
  const step = useBilling((s) => s.wizard?.step);
  if (step?.kind !== 'receipt') return null;
  const { receipt, paidWith } = step.result;
  const period = orderText(receipt);
  const next = receipt.subscription?.currentPeriodEnd ?? null;
  const months = receipt.lines[0]?.months ?? 1;
  return (
    <div className="sub-receipt">
      <p className="banner cn-ok" role="status">
        Payment received. {step.flow === 'integration' ? 'The Integration service is active: sites can be synced.' : 'The chosen apartments are activated.'}
      </p>
      <dl className="sub-receipt-list">
        <div>
          <dt>Amount</dt>
          <dd>{formatMoney(receipt.amount, receipt.currency)}</dd>
        </div>
        <div>
          <dt>Period</dt>
          <dd>{period}</dd>
        </div>
        {step.flow === 'integration' ? (
          <div>
            <dt>{receipt.subscription?.renewal === 'auto' ? 'Next renewal' : 'Active until'}</dt>
            <dd>{next ? formatDateTime(next) : '—'}</dd>
          </div>
        ) : (
          <div>
            <dt>Apartments active for</dt>
            <dd>{plural(months, 'month')} from today</dd>
          </div>
        )}
        <div>
          <dt>Paid with</dt>
          <dd>
            {BRAND_NAMES[paidWith.brand] ?? 'Card'} ending in {paidWith.last4}
          </dd>
        </div>
        <div>
          <dt>Receipt number</dt>
          <dd className="mono">{receipt.id}</dd>
        </div>
        <div>
          <dt>Date</dt>
          <dd>{formatDateTime(receipt.createdAt)}</dd>
        </div>
      </dl>
      <p className="muted sub-line">The receipt is kept in the Receipts list on this screen.</p>
    </div>
  );
}
