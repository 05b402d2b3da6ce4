import { createStore } from 'zustand/vanilla';
import type { CardInput, Order } from '../../src-shared/domain/billing';
import type { ApartmentChoices, BillingAccount, BillingQuoteBasis, IntegrationStatus, PaymentResult } from '../../src-shared/ipc/contract/billing';
import type { ErrorCode } from '../../src-shared/errors';
import { type Bridge, BridgeError } from '../bridge';
import { describeError } from '../lib/error-text';
import { failed, idle, type Loadable, loading, ready } from '../lib/loadable';
import { billingErrors, type BillingForm, emptyDraft, type Flow, type BillingDraft } from './billing-quote';

/** Why a payment did not go through, with the next step. */
export interface PaymentFailure {
  code: ErrorCode | null;
  text: string;
  nextStep: string | null;
  /** The card field the failure is about, when main named one. */
  field: string | null;
}

/** The wizard's steps (spec §7) as a discriminated union; data collected so far is in the draft. */
export type WizardStep =
  | { kind: 'type' }
  | { kind: 'service' }
  | { kind: 'renewal' }
  | { kind: 'apartments' }
  | { kind: 'review' }
  | { kind: 'payment'; paying: boolean; failure: PaymentFailure | null }
  | { kind: 'receipt'; result: PaymentResult; flow: Flow };

/** The open wizard. */
export interface Wizard {
  step: WizardStep;
  draft: BillingDraft;
  /** Why Next did nothing (a choice is missing). */
  stepError: string | null;
  billingErrors: Partial<Record<keyof BillingForm, string>>;
}

/** The billing state behind the Subscription screen. Card details are never part of it. */
export interface BillingState {
  status: Loadable<IntegrationStatus>;
  receipts: Loadable<Order[]>;
  basis: Loadable<BillingQuoteBasis>;
  choices: Loadable<ApartmentChoices>;
  wizard: Wizard | null;
  /** The SmartPlus accounts that can be paid for (issue 16), the default first; empty until loaded. */
  accounts: BillingAccount[];
  /** The account the screen shows and pays for; null: the default (before the list is loaded). */
  accountId: string | null;
  /** Pays for another account: its state, prices and receipts are loaded (not while the wizard is open). */
  chooseAccount(accountId: string): Promise<void>;
  /** The billing details of the last payment in this session (prefill the next one). */
  lastBilling: BillingForm | null;
  load(): Promise<void>;
  /** Loads the monthly prices once (the apartments screen names the apartment fee where "Not activated" shows). */
  loadPrices(): Promise<void>;
  refreshStatus(): Promise<void>;
  /** Opens the wizard at its first step (optionally with the payment kind chosen). */
  start(flow?: Flow): void;
  close(): void;
  setDraft(patch: Partial<Omit<BillingDraft, 'billing'>>): void;
  setBilling(patch: Partial<BillingForm>): void;
  chooseSite(siteId: string): Promise<void>;
  next(): void;
  back(): void;
  /** Forgets the last payment failure (the user is trying again). */
  clearFailure(): void;
  /** Sends the card once with the order; returns whether it was paid. The card is not kept. */
  pay(card: CardInput): Promise<boolean>;
}

/**
 * Why the apartments flow has nothing to list. With several SmartPlus accounts the list holds only
 * the chosen account's sites (each site pays through its own account), so the sentence names it.
 */
export function noSyncedSitesText(accounts: readonly BillingAccount[], accountId: string | null): string {
  const chosen = accounts.length > 1 ? accounts.find((a) => a.id === accountId) : undefined;
  if (chosen) return `No synced sites use ${chosen.label} yet. Import a site with this account in Get Site from PMS, or choose another account above.`;
  return 'No site is synced yet. Import a site with Get Site from PMS first; then its apartments can be paid for.';
}

/** The step after `step` for a flow, or why it cannot go on. */
function nextStep(w: Wizard, choices: ApartmentChoices | null, noSites: string): WizardStep | string {
  const d = w.draft;
  switch (w.step.kind) {
    case 'type':
      return d.type ? { kind: 'service' } : 'Choose the subscription type.';
    case 'service':
      if (d.flow === 'integration') return { kind: 'renewal' };
      if (d.flow === 'apartments') {
        if (choices && choices.sites.length === 0) return noSites;
        return { kind: 'apartments' };
      }
      return 'Choose the service to pay for.';
    case 'renewal':
      if (!d.renewal) return 'Choose whether to renew by hand or automatically.';
      return d.months ? { kind: 'review' } : 'Choose the renewal period.';
    case 'apartments':
      if (!d.siteId || d.apartmentIds.length === 0) return 'Choose at least one apartment.';
      return d.apartmentMonths >= 1 && d.apartmentMonths <= 12 ? { kind: 'review' } : 'Choose 1 to 12 months.';
    case 'review':
      return { kind: 'payment', paying: false, failure: null };
    default:
      return 'There is no next step.';
  }
}

const PREVIOUS: Partial<Record<WizardStep['kind'], (d: BillingDraft) => WizardStep['kind'] | null>> = {
  type: () => null,
  service: () => 'type',
  renewal: () => 'service',
  apartments: () => 'service',
  review: (d) => (d.flow === 'apartments' ? 'apartments' : 'renewal'),
  payment: () => 'review',
};

/** Builds the billing store (the Subscription screen's) over a bridge; follows `billing.statusChanged`. */
export function createBillingStore(bridge: Bridge) {
  const store = createStore<BillingState>()((set, get) => {
    const patchWizard = (patch: Partial<Wizard>) => {
      const w = get().wizard;
      if (w) set({ wizard: { ...w, ...patch } });
    };

    /** The chosen account as the billing channels take it (absent: main's default). */
    const account = () => {
      const id = get().accountId;
      return id ? { accountId: id } : {};
    };

    async function loadBasis() {
      if (get().basis.status === 'ready' || get().basis.status === 'loading') return;
      set({ basis: loading() });
      try {
        const basis = await bridge.call('billing.getPrices', account());
        set({ basis: ready(basis) });
        const w = get().wizard;
        if (w) {
          const filled = Object.fromEntries(Object.entries(w.draft.billing).map(([k, v]) => [k, v || basis.billingDefaults[k as keyof BillingForm]])) as unknown as BillingForm;
          patchWizard({ draft: { ...w.draft, billing: filled } });
        }
      } catch (error) {
        set({ basis: failed(error) });
      }
    }

    async function loadChoices(siteId?: string) {
      set({ choices: loading(get().choices) });
      try {
        const choices = await bridge.call('billing.listApartmentChoices', { ...(siteId ? { siteId } : {}), ...account() });
        set({ choices: ready(choices) });
        const w = get().wizard;
        if (w && w.draft.siteId !== choices.siteId) patchWizard({ draft: { ...w.draft, siteId: choices.siteId, apartmentIds: [] } });
      } catch (error) {
        set({ choices: failed(error, get().choices) });
      }
    }

    return {
      status: idle(),
      receipts: idle(),
      basis: idle(),
      choices: idle(),
      wizard: null,
      lastBilling: null,

      accounts: [],
      accountId: null,

      async chooseAccount(accountId) {
        if (get().wizard || accountId === get().accountId) return;
        set({ accountId, basis: idle(), receipts: idle(), status: idle() });
        await get().load();
      },

      async load() {
        set({ receipts: loading(get().receipts) });
        try {
          const accounts = await bridge.call('billing.listAccounts');
          const kept = accounts.find((a) => a.id === get().accountId);
          set({ accounts, accountId: kept?.id ?? accounts[0]?.id ?? null });
        } catch {
          // The list is a convenience: without it the default account is paid for.
        }
        await get().refreshStatus();
        try {
          set({ receipts: ready(await bridge.call('billing.listReceipts', account())) });
        } catch (error) {
          set({ receipts: failed(error, get().receipts) });
        }
      },

      async refreshStatus() {
        set({ status: loading(get().status) });
        try {
          set({ status: ready(await bridge.call('billing.getStatus', account())) });
        } catch (error) {
          set({ status: failed(error, get().status) });
        }
      },

      loadPrices: loadBasis,

      start(flow) {
        const draft = emptyDraft(flow ?? null);
        const basis = get().basis.value;
        const last = get().lastBilling;
        if (last) draft.billing = { ...last };
        else if (basis) draft.billing = { ...basis.billingDefaults };
        set({ wizard: { step: { kind: 'type' }, draft, stepError: null, billingErrors: {} } });
        void loadBasis();
        void loadChoices();
      },

      close() {
        set({ wizard: null });
      },

      setDraft(patch) {
        const w = get().wizard;
        if (w) patchWizard({ draft: { ...w.draft, ...patch }, stepError: null });
      },

      setBilling(patch) {
        const w = get().wizard;
        if (!w) return;
        const errors = { ...w.billingErrors };
        for (const key of Object.keys(patch)) delete errors[key as keyof BillingForm];
        patchWizard({ draft: { ...w.draft, billing: { ...w.draft.billing, ...patch } }, billingErrors: errors, stepError: Object.keys(errors).length > 0 ? w.stepError : null });
      },

      async chooseSite(siteId) {
        const w = get().wizard;
        if (w) patchWizard({ draft: { ...w.draft, siteId, apartmentIds: [] }, stepError: null });
        await loadChoices(siteId);
      },

      next() {
        const w = get().wizard;
        if (!w) return;
        if (w.step.kind === 'review') {
          const errors = billingErrors(w.draft.billing);
          if (Object.keys(errors).length > 0) return patchWizard({ billingErrors: errors, stepError: 'Complete the billing details.' });
          if (get().basis.status !== 'ready') return patchWizard({ stepError: 'The prices could not be loaded yet. Check the network, then try again.' });
        }
        const step = nextStep(w, get().choices.value ?? null, noSyncedSitesText(get().accounts, get().accountId));
        if (typeof step === 'string') return patchWizard({ stepError: step });
        patchWizard({ step, stepError: null });
      },

      back() {
        const w = get().wizard;
        if (!w) return;
        const previous = PREVIOUS[w.step.kind]?.(w.draft);
        if (previous === undefined) return;
        if (previous === null) return set({ wizard: null });
        patchWizard({ step: { kind: previous } as WizardStep, stepError: null });
      },

      clearFailure() {
        const w = get().wizard;
        if (w?.step.kind === 'payment' && w.step.failure) patchWizard({ step: { ...w.step, failure: null } });
      },

      async pay(card) {
        const w = get().wizard;
        if (!w || w.step.kind !== 'payment' || w.step.paying) return false;
        const d = w.draft;
        const billing = { ...d.billing, country: d.billing.country.trim().toUpperCase() };
        patchWizard({ step: { kind: 'payment', paying: true, failure: null } });
        try {
          const result =
            d.flow === 'apartments'
              ? await bridge.call('billing.payApartments', { siteId: d.siteId ?? '', apartmentIds: d.apartmentIds, months: d.apartmentMonths, billing, card })
              : await bridge.call('billing.pay', { ...account(), renewal: d.renewal ?? 'manual', months: d.months ?? 1, billing, card });
          patchWizard({ step: { kind: 'receipt', result, flow: d.flow ?? 'integration' } });
          set({ lastBilling: billing });
          void get().load();
          return true;
        } catch (error) {
          const { text, nextStep: described, code } = describeError(error);
          const details = error instanceof BridgeError ? error.details : undefined;
          const next = typeof details?.nextStep === 'string' ? details.nextStep : described;
          const field = typeof details?.field === 'string' ? details.field : null;
          patchWizard({ step: { kind: 'payment', paying: false, failure: { code, text, nextStep: next, field } } });
          return false;
        }
      },
    };
  });
  bridge.on('billing.statusChanged', (status) => store.setState({ status: ready(status) }));
  return store;
}

/** The type of store {@link createBillingStore} returns. */
export type BillingStore = ReturnType<typeof createBillingStore>;
