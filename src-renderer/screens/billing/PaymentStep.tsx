import { type FormEvent, useId, useRef, useState } from 'react';
import type { CardInput } from '../../../src-shared/domain/billing';
import { cardBrand, cardDigits, checkCardNumber, checkExpiry, checkSecurityCode, groupCardNumber, type CardBrand } from '../../../src-shared/rules/card';
import { formatMoney } from '../../components/format';
import { quoteLines, quoteTotal } from '../../stores/billing-quote';
import { useApp, useStores } from '../../stores/stores-context';
import { SandboxHint } from '../../components/SandboxHint';
import { useBilling } from './use-billing';

const BRANDS: Record<CardBrand, string> = { visa: 'Visa', mastercard: 'Mastercard', amex: 'American Express', discover: 'Discover', unknown: '' };

type Field = 'number' | 'expiry' | 'cvc' | 'holder';

/** Parses "MM/YY", "MM/YYYY", "MM YY" or "MMYY". */
function parseExpiry(raw: string): { month: number; year: number } | null {
  const m = /^\s*(\d{1,2})\s*[/\s-]\s*(\d{2}|\d{4})\s*$/.exec(raw) ?? /^\s*(\d{2})(\d{2})\s*$/.exec(raw);
  return m ? { month: Number(m[1]), year: Number(m[2]) } : null;
}

/** Checks the card as spec §7 asks before anything is sent: Luhn, expiry not past, 3–4 digit code, holder. */
export function checkCard(fields: Record<Field, string>, now: Date): { card: CardInput; errors: null } | { card: null; errors: Partial<Record<Field, string>> } {
  const errors: Partial<Record<Field, string>> = {};
  const number = checkCardNumber(fields.number);
  if (!number.ok) errors.number = `${number.reason[0]!.toUpperCase()}${number.reason.slice(1)}.`;
  const parsed = parseExpiry(fields.expiry);
  const expiry = parsed ? checkExpiry(parsed.month, parsed.year, { year: now.getFullYear(), month: now.getMonth() + 1 }) : null;
  if (!expiry) errors.expiry = 'Enter the expiry as MM/YY.';
  else if (!expiry.ok) errors.expiry = `${expiry.reason[0]!.toUpperCase()}${expiry.reason.slice(1)}.`;
  const cvc = checkSecurityCode(fields.cvc);
  if (!cvc.ok) errors.cvc = 'The security code has 3 or 4 digits (on the back of the card; 4 on the front for American Express).';
  if (!fields.holder.trim()) errors.holder = 'Enter the name on the card.';
  if (Object.keys(errors).length > 0 || !number.ok || !expiry?.ok || !cvc.ok) return { card: null, errors };
  return { card: { number: number.value, expMonth: expiry.value.month, expYear: expiry.value.year, cvc: cvc.value, holder: fields.holder.trim() }, errors: null };
}

/**
 * The payment method and card. The card details live only in this component's state: they go to
 * main in one `pay` call and are never put in a store. A declined or refused card clears the
 * number and security code and keeps the rest of the form.
 */
export function PaymentStep() {
  const { billing } = useStores();
  const appHints = useApp((s) => s.sandboxHints);
  // The test cards only where the sandbox's account pays (issue 16), never for a real account.
  const payingSandbox = useBilling((s) => s.accounts.find((a) => a.id === s.accountId)?.isSandbox ?? true);
  const sandboxHints = payingSandbox ? appHints : null;
  const id = useId();
  const step = useBilling((s) => s.wizard?.step);
  const draft = useBilling((s) => s.wizard?.draft);
  const prices = useBilling((s) => s.basis.value?.prices ?? null);
  const [fields, setFields] = useState<Record<Field, string>>({ number: '', expiry: '', cvc: '', holder: '' });
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const refs = { number: useRef<HTMLInputElement>(null), expiry: useRef<HTMLInputElement>(null), cvc: useRef<HTMLInputElement>(null), holder: useRef<HTMLInputElement>(null) };
  if (!step || step.kind !== 'payment' || !draft) return null;
  const total = prices ? formatMoney(quoteTotal(quoteLines(draft, prices)), prices.currency) : '';
  const brand = BRANDS[cardBrand(fields.number)];
  const setField = (field: Field, value: string) => {
    setFields((f) => ({ ...f, [field]: value }));
    setErrors((e) => ({ ...e, [field]: undefined }));
  };
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const checked = checkCard(fields, new Date());
    if (!checked.card) {
      billing.getState().clearFailure();
      setErrors(checked.errors);
      const first = (['number', 'expiry', 'cvc', 'holder'] as Field[]).find((f) => checked.errors[f]);
      if (first) refs[first].current?.focus();
      return;
    }
    const paid = await billing.getState().pay(checked.card);
    if (!paid) {
      setFields((f) => ({ ...f, number: '', cvc: '' }));
      const field = billing.getState().wizard?.step;
      const named = field?.kind === 'payment' && (field.failure?.field === 'expiry' || field.failure?.field === 'holder') ? field.failure.field : 'number';
      refs[named].current?.focus();
    }
  };
  const described = (field: Field, hint?: string) => ({
    'aria-invalid': errors[field] ? true : undefined,
    'aria-describedby': [errors[field] ? `${id}-${field}-error` : null, hint ? `${id}-${field}-hint` : null].filter(Boolean).join(' ') || undefined,
  });
  const error = (field: Field) => (errors[field] ? <span id={`${id}-${field}-error`} className="error">{errors[field]}</span> : null);
  return (
    <form className="sub-card-form" onSubmit={(e) => void submit(e)} noValidate>
      <SandboxHint what="cards" hints={sandboxHints} />
      {step.failure ? (
        <div className="banner banner-error" role="alert">
          <p className="banner-title">{step.failure.code === 'CARD_DECLINED' ? 'Payment declined' : 'The payment did not go through'}</p>
          <p className="sub-line">{step.failure.text}</p>
          {step.failure.nextStep ? <p className="sub-line"><strong>Next step:</strong> {step.failure.nextStep}</p> : null}
          <p className="sub-line">Enter the card number and security code again.</p>
        </div>
      ) : null}
      <fieldset className="cn-choices">
        <legend>Payment method</legend>
        <label className="cn-choice">
          <input type="radio" name={`${id}-method`} checked readOnly />
          <span>
            Credit or debit card
            <span className="cn-choice-hint">Visa, Mastercard, American Express or Discover</span>
          </span>
        </label>
      </fieldset>
      <div className="field">
        <label htmlFor={`${id}-number`}>
          Card number {brand ? <span className="pill pill-muted">{brand}</span> : null}
        </label>
        <input ref={refs.number} id={`${id}-number`} inputMode="numeric" autoComplete="cc-number" spellCheck={false} value={groupCardNumber(fields.number)} maxLength={23} {...described('number')} onChange={(e) => setField('number', cardDigits(e.target.value).replace(/\D/g, '').slice(0, 19))} />
        {error('number')}
      </div>
      <div className="row sub-card-row">
        <div className="field">
          <label htmlFor={`${id}-expiry`}>Expiry (MM/YY)</label>
          <input ref={refs.expiry} id={`${id}-expiry`} inputMode="numeric" autoComplete="cc-exp" placeholder="MM/YY" size={8} value={fields.expiry} {...described('expiry')} onChange={(e) => setField('expiry', e.target.value)} />
          {error('expiry')}
        </div>
        <div className="field">
          <label htmlFor={`${id}-cvc`}>Security code</label>
          <input ref={refs.cvc} id={`${id}-cvc`} type="password" inputMode="numeric" autoComplete="cc-csc" maxLength={4} size={6} value={fields.cvc} {...described('cvc', 'hint')} onChange={(e) => setField('cvc', e.target.value)} />
          <span id={`${id}-cvc-hint`} className="hint">3 digits on the back (4 on the front for American Express)</span>
          {error('cvc')}
        </div>
      </div>
      <div className="field">
        <label htmlFor={`${id}-holder`}>Name on the card</label>
        <input ref={refs.holder} id={`${id}-holder`} autoComplete="cc-name" value={fields.holder} {...described('holder')} onChange={(e) => setField('holder', e.target.value)} />
        {error('holder')}
      </div>
      <p className="muted sub-line">The card goes once to the SmartPlus payment service. SiteSync does not keep it.</p>
      <div className="row sub-pay-row">
        <button type="submit" className="btn btn-primary" disabled={step.paying}>
          {step.paying ? 'Paying…' : `Pay ${total}`}
        </button>
        {step.paying ? <span role="status">Sending the payment…</span> : null}
      </div>
    </form>
  );
}
