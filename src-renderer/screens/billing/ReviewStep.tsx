import { useId } from 'react';
import { formatMoney } from '../../components/format';
import { type BillingForm, quoteLines, quoteTotal } from '../../stores/billing-quote';
import { useStores } from '../../stores/stores-context';
import { useBilling } from './use-billing';
import { type Column, DataTable } from '../../components/DataTable';

const FIELDS: { key: keyof BillingForm; label: string; autoComplete: string; type?: string }[] = [
  { key: 'company', label: 'Company', autoComplete: 'organization' },
  { key: 'contact', label: 'Contact person', autoComplete: 'name' },
  { key: 'email', label: 'E-mail for receipts', autoComplete: 'email', type: 'email' },
  { key: 'address', label: 'Billing address', autoComplete: 'street-address' },
];

const COUNTRIES: [string, string][] = [
  ['US', 'United States'],
  ['CA', 'Canada'],
  ['GB', 'United Kingdom'],
  ['AU', 'Australia'],
  ['DE', 'Germany'],
  ['FR', 'France'],
  ['NL', 'Netherlands'],
  ['MX', 'Mexico'],
];

/** The quote's columns: service, details, price in `currency`. */
function quoteColumns(currency: string): Column<ReturnType<typeof quoteLines>[number]>[] {
  return [
    { header: 'Service', cell: (l) => l.label },
    { header: 'Details', cell: (l) => l.detail },
    { header: 'Price', className: 'sub-amount', headerClassName: 'sub-amount', cell: (l) => formatMoney(l.amount, currency) },
  ];
}

/** The services with prices and the total. */
export function QuoteTable() {
  const draft = useBilling((s) => s.wizard?.draft);
  const prices = useBilling((s) => s.basis.value?.prices ?? null);
  if (!draft || !prices) return null;
  const lines = quoteLines(draft, prices);
  return (
    <DataTable
      className="data sub-quote"
      caption="Services to pay for"
      captionClassName="sr-only"
      columns={quoteColumns(prices.currency)}
      rows={lines}
      rowKey={(l) => l.label}
      footer={
        <tr>
          <th scope="row" colSpan={2}>
            Total
          </th>
          <td className="sub-amount sub-total">{formatMoney(quoteTotal(lines), prices.currency)}</td>
        </tr>
      }
    />
  );
}

/** Review: billing details (prefilled from the SmartPlus account) and the services with prices and total. */
export function ReviewStep() {
  const { billing: store } = useStores();
  const id = useId();
  const billing = useBilling((s) => s.wizard?.draft.billing);
  const errors = useBilling((s) => s.wizard?.billingErrors ?? {});
  const basis = useBilling((s) => s.basis);
  if (!billing) return null;
  const countries = COUNTRIES.some(([code]) => code === billing.country.toUpperCase()) || !billing.country ? COUNTRIES : [...COUNTRIES, [billing.country.toUpperCase(), billing.country.toUpperCase()] as [string, string]];
  const invalid = (key: keyof BillingForm) => (errors[key] ? { 'aria-invalid': true, 'aria-describedby': `${id}-${key}-error` } : {});
  return (
    <div className="sub-review">
      <section aria-labelledby={`${id}-services`}>
        <h3 id={`${id}-services`}>Services</h3>
        {basis.status === 'loading' ? <p role="status">Loading prices…</p> : null}
        {basis.status === 'error' ? <p className="banner banner-error" role="alert">{basis.error.text} {basis.error.nextStep}</p> : null}
        <QuoteTable />
      </section>
      <section aria-labelledby={`${id}-billing`}>
        <h3 id={`${id}-billing`}>Billing information</h3>
        <p className="muted sub-line">Prefilled from your SmartPlus account where possible.</p>
        {FIELDS.map((f) => (
          <div className="field" key={f.key}>
            <label htmlFor={`${id}-${f.key}`}>{f.label}</label>
            <input id={`${id}-${f.key}`} type={f.type ?? 'text'} autoComplete={f.autoComplete} value={billing[f.key]} {...invalid(f.key)} onChange={(e) => store.getState().setBilling({ [f.key]: e.target.value })} />
            {errors[f.key] ? <span id={`${id}-${f.key}-error`} className="error">{errors[f.key]}</span> : null}
          </div>
        ))}
        <div className="field">
          <label htmlFor={`${id}-country`}>Country</label>
          <select id={`${id}-country`} autoComplete="country" value={billing.country.toUpperCase()} {...invalid('country')} onChange={(e) => store.getState().setBilling({ country: e.target.value })}>
            <option value="">Choose…</option>
            {countries.map(([code, name]) => (
              <option key={code} value={code}>
                {name}
              </option>
            ))}
          </select>
          {errors.country ? <span id={`${id}-country-error`} className="error">{errors.country}</span> : null}
        </div>
      </section>
    </div>
  );
}
