import type { Prices, Renewal, RenewalMonths } from '../../src-shared/domain/billing';
import type { IntegrationStatus } from '../../src-shared/ipc/contract/billing';
import { plural } from '../../src-shared/text/plural';

/** Which payment the wizard makes: the integration subscription, or the monthly fee of chosen apartments. */
export type Flow = 'integration' | 'apartments';

/** Billing details as typed on the review step (strings until checked). */
export interface BillingForm {
  company: string;
  contact: string;
  email: string;
  address: string;
  country: string;
}

/** Everything the wizard has collected. Never holds card details: those stay in the card form. */
export interface BillingDraft {
  type: 'community' | null;
  flow: Flow | null;
  renewal: Renewal | null;
  months: RenewalMonths | null;
  siteId: string | null;
  apartmentIds: string[];
  apartmentMonths: number;
  billing: BillingForm;
}

/** One priced line of the review (cents). */
export interface QuoteLine {
  label: string;
  detail: string;
  amount: number;
}

/**
 * A fresh draft. Community is the only subscription type, so it is chosen already; renewal
 * starts at monthly automatic renewal (the contract's order takes `renewal: "auto"` and a
 * period), which the installer can change.
 */
export function emptyDraft(flow: Flow | null = null): BillingDraft {
  return {
    type: 'community',
    flow,
    renewal: 'auto',
    months: 1,
    siteId: null,
    apartmentIds: [],
    apartmentMonths: 1,
    billing: { company: '', contact: '', email: '', address: '', country: '' },
  };
}


/** The priced lines of the draft (count × monthly price × months) — empty until the choices are made. */
export function quoteLines(draft: BillingDraft, prices: Prices | null): QuoteLine[] {
  if (!prices) return [];
  if (draft.flow === 'integration' && draft.months && draft.renewal) {
    const renews = draft.renewal === 'auto' ? 'renews automatically' : 'renewed by hand';
    return [{ label: 'Integration', detail: `${plural(draft.months, 'month')}, ${renews}`, amount: prices.integrationMonthly * draft.months }];
  }
  if (draft.flow === 'apartments' && draft.apartmentIds.length > 0) {
    const n = draft.apartmentIds.length;
    return [{ label: 'Apartment monthly fee', detail: `${plural(n, 'apartment')} × ${plural(draft.apartmentMonths, 'month')}`, amount: prices.apartmentMonthly * n * draft.apartmentMonths }];
  }
  return [];
}

/** The total of {@link quoteLines}. */
export function quoteTotal(lines: QuoteLine[]): number {
  return lines.reduce((sum, l) => sum + l.amount, 0);
}

/** Checks the billing details; an empty object means they are complete. */
export function billingErrors(form: BillingForm): Partial<Record<keyof BillingForm, string>> {
  const errors: Partial<Record<keyof BillingForm, string>> = {};
  if (!form.company.trim()) errors.company = 'Enter the company name.';
  if (!form.contact.trim()) errors.contact = 'Enter a contact person.';
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(form.email.trim())) errors.email = 'Enter an e-mail address such as name@example.com.';
  if (!form.address.trim()) errors.address = 'Enter the billing address.';
  if (!/^[A-Za-z]{2}$/.test(form.country.trim())) errors.country = 'Choose the country.';
  return errors;
}

/** Whether the integration is active, and if not, why syncing is blocked — for any screen that starts a sync. */
export function integrationBlocker(status: IntegrationStatus | null): string | null {
  if (!status) return null;
  switch (status.state) {
    case 'active':
      return null;
    case 'expired':
      return 'The Integration subscription has expired, so sites cannot be synced. Renew it on the Subscription screen.';
    case 'none':
      return 'The Integration service is not paid for yet, so sites cannot be synced. Pay for it on the Subscription screen.';
    case 'unknown':
      return status.reason;
  }
}
