import type { ReactNode } from 'react';
import { type RenewalMonths } from '../../../src-shared/domain/billing';
import { formatMoney } from '../../components/format';
import { useStores } from '../../stores/stores-context';
import { useBilling } from './use-billing';

/** One radio choice in a bordered box, with an optional hint line. */
export function Choice({ name, checked, onChange, children, hint, disabled = false }: { name: string; checked: boolean; onChange: () => void; children: ReactNode; hint?: ReactNode; disabled?: boolean }) {
  return (
    <label className={`cn-choice sub-choice${disabled ? ' sub-choice-disabled' : ''}`}>
      <input type="radio" name={name} checked={checked} disabled={disabled} onChange={onChange} />
      <span>
        {children}
        {hint ? <span className="cn-choice-hint">{hint}</span> : null}
      </span>
    </label>
  );
}

/** Step 1: the subscription type (Community). */
export function TypeStep() {
  const { billing } = useStores();
  const type = useBilling((s) => s.wizard?.draft.type ?? null);
  return (
    <fieldset className="cn-choices">
      <legend>Subscription type</legend>
      <Choice name="sub-type" checked={type === 'community'} onChange={() => billing.getState().setDraft({ type: 'community' })} hint="Apartment buildings managed in Rent Manager.">
        Community
      </Choice>
    </fieldset>
  );
}

/** Step 2: the service — Integration, or the monthly fee of chosen apartments. */
export function ServiceStep() {
  const { billing } = useStores();
  const flow = useBilling((s) => s.wizard?.draft.flow ?? null);
  const prices = useBilling((s) => s.basis.value?.prices ?? null);
  const sites = useBilling((s) => s.choices.value?.sites ?? null);
  const noSite = sites !== null && sites.length === 0;
  // With several SmartPlus accounts the list holds the chosen account's sites only (issue 16): name it.
  const accountLabel = useBilling((s) => (s.accounts.length > 1 ? (s.accounts.find((a) => a.id === s.accountId)?.label ?? null) : null));
  return (
    <fieldset className="cn-choices">
      <legend>Service</legend>
      <Choice
        name="sub-service"
        checked={flow === 'integration'}
        onChange={() => billing.getState().setDraft({ flow: 'integration' })}
        hint={`Links SmartPlus to Rent Manager; needed to sync any site.${prices ? ` ${formatMoney(prices.integrationMonthly, prices.currency)} a month.` : ''}`}
      >
        Integration
      </Choice>
      <Choice
        name="sub-service"
        checked={flow === 'apartments'}
        onChange={() => billing.getState().setDraft({ flow: 'apartments' })}
        hint={noSite ? (accountLabel ? `No synced sites use ${accountLabel} yet.` : 'No site is synced yet: import a site first.') : `Activates chosen apartments of a synced site.${prices ? ` ${formatMoney(prices.apartmentMonthly, prices.currency)} per apartment a month.` : ''}`}
      >
        Apartments (monthly fee)
      </Choice>
    </fieldset>
  );
}

const PERIODS: RenewalMonths[] = [1, 3, 6, 12];

/** Step 3 (integration): renew by hand or automatically, and the period. */
export function RenewalStep() {
  const { billing } = useStores();
  const renewal = useBilling((s) => s.wizard?.draft.renewal ?? null);
  const months = useBilling((s) => s.wizard?.draft.months ?? null);
  const prices = useBilling((s) => s.basis.value?.prices ?? null);
  return (
    <>
      <fieldset className="cn-choices">
        <legend>Renewal</legend>
        <Choice name="sub-renewal" checked={renewal === 'auto'} onChange={() => billing.getState().setDraft({ renewal: 'auto' })} hint="The card is charged again at the end of each period.">
          Renew automatically
        </Choice>
        <Choice name="sub-renewal" checked={renewal === 'manual'} onChange={() => billing.getState().setDraft({ renewal: 'manual' })} hint="You pay again here before the period ends.">
          Renew by hand
        </Choice>
      </fieldset>
      <fieldset className="cn-choices">
        <legend>Renewal period</legend>
        <div className="sub-periods">
          {PERIODS.map((m) => (
            <Choice key={m} name="sub-months" checked={months === m} onChange={() => billing.getState().setDraft({ months: m })} hint={prices ? formatMoney(prices.integrationMonthly * m, prices.currency) : undefined}>
              {m === 1 ? '1 month' : `${m} months`}
            </Choice>
          ))}
        </div>
      </fieldset>
    </>
  );
}
