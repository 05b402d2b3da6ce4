import { createStore } from 'zustand/vanilla';
import type { RunProgress, RunRecord } from '../../src-shared/domain/run';
import type {
  CustomerOption,
  ImportedSite,
  ImportNotStarted,
  ImportPreview,
  FieldSample,
  ImportRequest,
  PropertyOption,
  SiteAccountOption,
  UnitOption,
} from '../../src-shared/ipc/contract/sites';
import type { Bridge } from '../bridge';
import { describeError } from '../lib/error-text';
import { failed, type Loadable } from '../lib/loadable';
import { type AdoptActions, adoptChoiceOf, type AdoptSlice, communityBlocker, createAdoptActions, EMPTY_ADOPT, linkedProperties, openQuestions } from './get-site-adopt';

/** The input steps of the wizard, in order (spec §8). */
export const INPUT_STEPS = ['customer', 'properties', 'creation', 'deletion', 'access', 'community', 'fields', 'apartments', 'review'] as const;
/** One of {@link INPUT_STEPS}. */
export type InputStepKind = (typeof INPUT_STEPS)[number];

/** Where the wizard is: the input steps, then importing and the result, each with what it alone needs. */
export type WizardStep =
  | { kind: Exclude<InputStepKind, 'review'> }
  | { kind: 'review'; preview: Loadable<ImportPreview> }
  | {
      kind: 'importing';
      sites: ImportedSite[] | null;
      notStarted: ImportNotStarted[];
      progress: Record<string, RunProgress>;
      finished: Record<string, RunRecord>;
      cancelling: boolean;
      error: string | null;
    }
  | { kind: 'result'; sites: ImportedSite[]; notStarted: ImportNotStarted[]; records: Record<string, RunRecord>; error: string | null };

/** What the installer entered; kept across Back and Next. */
export interface WizardDraft {
  connectionId: string | null;
  /** The SmartPlus account the sites sync to, when the customer can use more than one (issue 16); null: the default one. */
  smartPlusAccountId: string | null;
  propertyIds: number[];
  creation: 'move-in' | 'lease-start';
  deletion: 'move-out' | 'lease-end';
  sameAccessAsMaster: boolean;
  apartments: 'all' | 'custom';
  /** Picked units per property (Custom). */
  customUnits: Record<number, number[]>;
  /** The PIN field's id, null for "No field" (PINs left alone), 'unset' until the installer chooses. */
  pinField: number | null | 'unset';
  /** The RF card field's id, null for "No field", 'unset' until chosen. */
  rfCardField: number | null | 'unset';
  /** The site's time zone; null until chosen (suggested from the property's state, never set silently). */
  timeZone: string | null;
  /** Days access lasts past the deletion date. */
  graceDays: number;
}

/** A fresh draft with the spec's defaults (Move-In, Move-Out, default access group, all apartments). */
export const EMPTY_DRAFT: WizardDraft = {
  connectionId: null,
  smartPlusAccountId: null,
  propertyIds: [],
  creation: 'move-in',
  deletion: 'move-out',
  sameAccessAsMaster: false,
  apartments: 'all',
  customUnits: {},
  pinField: 'unset',
  rfCardField: 'unset',
  timeZone: null,
  graceDays: 0,
};

/** The Get Site from PMS wizard's state and transitions. */
export interface GetSiteState extends AdoptSlice, AdoptActions {
  step: WizardStep;
  draft: WizardDraft;
  /** The draft as the wizard filled it in by itself (the only customer, the default account): leaving it unchanged asks nothing. */
  untouched: WizardDraft;
  customers: Loadable<CustomerOption[]>;
  /** The SmartPlus accounts the chosen customer's sites can sync to ("Which SmartPlus account?" when more than one). */
  accounts: Loadable<SiteAccountOption[]>;
  /** Picks the SmartPlus account; its communities (and any link choices) are asked again. */
  chooseAccount(accountId: string): void;
  properties: Loadable<PropertyOption[]>;
  units: Record<number, Loadable<UnitOption[]>>;
  loadCustomers(): Promise<void>;
  chooseCustomer(connectionId: string): void;
  /** (Re)loads the chosen customer's properties. */
  loadProperties(): Promise<void>;
  toggleProperty(propertyId: number): void;
  setPolicy(patch: Partial<Pick<WizardDraft, 'creation' | 'deletion' | 'sameAccessAsMaster' | 'apartments' | 'pinField' | 'rfCardField' | 'timeZone' | 'graceDays'>>): void;
  /** Tenant fields with counts and masked samples from the chosen properties (the fields step). */
  fieldSamples: Loadable<FieldSample[]>;
  loadFieldSamples(): Promise<void>;
  toggleUnit(propertyId: number, unitId: number): void;
  setUnits(propertyId: number, unitIds: number[]): void;
  loadUnits(propertyId: number): Promise<void>;
  next(): Promise<void>;
  back(): void;
  refreshPreview(): Promise<void>;
  startImport(): Promise<void>;
  cancelImport(): Promise<void>;
  reset(): void;
}

/** Why the current step cannot move on (a sentence for the user), or null when Next is allowed. */
export function stepBlocker(state: Pick<GetSiteState, 'step' | 'draft' | 'properties' | 'communityPlans' | 'adoptionPreviews'>): string | null {
  const { step, draft } = state;
  switch (step.kind) {
    case 'customer':
      return draft.connectionId ? null : 'Choose a customer to continue.';
    case 'properties':
      return draft.propertyIds.length > 0 ? null : 'Choose at least one property to continue.';
    case 'community':
      return communityBlocker(state, propertyNames(state));
    case 'fields':
      if (draft.pinField === 'unset') return 'Choose the PIN field — or “No field”.';
      if (draft.rfCardField === 'unset') return 'Choose the RF card field — or “No field”.';
      if (draft.pinField !== null && draft.pinField === draft.rfCardField) return 'PINs and RF cards need two different fields.';
      if (!draft.timeZone) return 'Choose the site’s time zone.';
      if (!Number.isInteger(draft.graceDays) || draft.graceDays < 0 || draft.graceDays > 60) return 'Grace days are a whole number from 0 to 60.';
      return null;
    case 'apartments': {
      if (draft.apartments === 'all') return null;
      const names = propertyNames(state);
      const empty = draft.propertyIds.filter((id) => (draft.customUnits[id] ?? []).length === 0);
      if (empty.length === 0) return null;
      return `Pick at least one apartment in ${empty.map((id) => names.get(id) ?? `property ${id}`).join(', ')} — or choose All.`;
    }
    case 'review':
      if (step.preview.status !== 'ready') return 'Wait for the review to load.';
      if (!step.preview.value.integration.active) return step.preview.value.integration.reason ?? 'The Integration service is not paid for.';
      if (linkedProperties(state).some((id) => state.adoptionPreviews[id]?.status !== 'ready')) return 'Wait for the link review to load.';
      {
        const open = openQuestions(state);
        if (open > 0) return `Answer ${open === 1 ? 'the question' : `all ${open} questions`} in the link review to import.`;
      }
      return null;
    default:
      return null;
  }
}

/** True while leaving the wizard would lose what the installer entered or chose (asked first); what the wizard chose by itself does not count. */
export function hasUnsavedInput(state: Pick<GetSiteState, 'step' | 'draft' | 'untouched'>): boolean {
  const inputStep = (INPUT_STEPS as readonly string[]).includes(state.step.kind);
  return inputStep && state.draft.connectionId !== null && JSON.stringify(state.draft) !== JSON.stringify(state.untouched);
}

/** The import request the draft describes (shared policy, all or picked units per property, and any link to an existing community). */
export function toImportRequest(draft: WizardDraft, adopt: Pick<AdoptSlice, 'communityPlans' | 'adoptionPreviews'> = EMPTY_ADOPT): ImportRequest {
  if (!draft.connectionId) throw new Error('no customer chosen');
  return {
    connectionId: draft.connectionId,
    ...(draft.smartPlusAccountId ? { smartPlusAccountId: draft.smartPlusAccountId } : {}),
    policy: wizardPolicy(draft),
    properties: draft.propertyIds.map((propertyId) => {
      const choice = adoptChoiceOf(adopt, propertyId);
      return {
        propertyId,
        units: draft.apartments === 'all' ? 'all' : [...(draft.customUnits[propertyId] ?? [])],
        ...(choice ? { adopt: choice } : {}),
      };
    }),
  };
}

/** The policy part of a request: the three choices, and the fields, time zone and grace days once chosen. */
export function wizardPolicy(draft: WizardDraft): ImportRequest['policy'] {
  const chosen = draft.pinField !== 'unset' && draft.rfCardField !== 'unset';
  return {
    creation: draft.creation,
    deletion: draft.deletion,
    sameAccessAsMaster: draft.sameAccessAsMaster,
    ...(chosen ? { fields: { pin: draft.pinField as number | null, rfCard: draft.rfCardField as number | null } } : {}),
    ...(draft.timeZone ? { timeZone: draft.timeZone } : {}),
    ...(chosen || draft.graceDays > 0 ? { graceDays: draft.graceDays } : {}),
  };
}

function propertyNames(state: Pick<GetSiteState, 'properties'>): Map<number, string> {
  return new Map(state.properties.status === 'ready' ? state.properties.value.map((p) => [p.id, p.name]) : []);
}

const initial = (): Pick<GetSiteState, 'step' | 'draft' | 'untouched' | 'customers' | 'accounts' | 'properties' | 'units' | 'fieldSamples' | keyof AdoptSlice> => ({
  ...EMPTY_ADOPT,
  fieldSamples: { status: 'idle' },
  step: { kind: 'customer' },
  draft: EMPTY_DRAFT,
  untouched: EMPTY_DRAFT,
  customers: { status: 'idle' },
  accounts: { status: 'idle' },
  properties: { status: 'idle' },
  units: {},
});

/** Builds the wizard store over a bridge; follows `sync.progressed` / `sync.finished` while importing. */
export function createGetSiteStore(bridge: Bridge) {
  const store = createStore<GetSiteState>()((set, get) => {
    const setDraft = (patch: Partial<WizardDraft>) => set({ draft: { ...get().draft, ...patch } });

    const loadProperties = async (connectionId: string) => {
      set({ properties: { status: 'loading' } });
      try {
        const data = await bridge.call('sites.listProperties', { connectionId });
        if (get().draft.connectionId === connectionId) set({ properties: { status: 'ready', value: data } });
      } catch (error) {
        if (get().draft.connectionId === connectionId) set({ properties: failed(error) });
      }
    };

    /** Lists the customer's SmartPlus accounts; with more than one, the default (else the first) is preselected. */
    const loadAccounts = async (connectionId: string) => {
      set({ accounts: { status: 'loading' } });
      try {
        const list = await bridge.call('sites.listAccounts', { connectionId });
        if (get().draft.connectionId !== connectionId) return;
        set({ accounts: { status: 'ready', value: list } });
        if (list.length > 1 && !get().draft.smartPlusAccountId) {
          const pristine = get().draft === get().untouched;
          get().chooseAccount((list.find((a) => a.isDefault) ?? list[0]!).id);
          if (pristine) set({ untouched: get().draft });
        }
      } catch (error) {
        if (get().draft.connectionId === connectionId) set({ accounts: failed(error) });
      }
    };

    return {
      ...initial(),
      ...createAdoptActions<GetSiteState>(bridge, set, get, (state) => wizardPolicy(state.draft)),
      async loadCustomers() {
        set({ customers: { status: 'loading' } });
        try {
          const data = await bridge.call('sites.listCustomers');
          set({ customers: { status: 'ready', value: data } });
          const usable = data.filter((c) => c.status === 'configured');
          if (usable.length === 1 && !get().draft.connectionId) {
            get().chooseCustomer(usable[0]!.connectionId);
            set({ untouched: get().draft });
          }
        } catch (error) {
          set({ customers: failed(error) });
        }
      },
      async loadProperties() {
        const connectionId = get().draft.connectionId;
        if (connectionId) await loadProperties(connectionId);
      },
      chooseCustomer(connectionId) {
        if (get().draft.connectionId === connectionId) return;
        set({
          draft: { ...get().draft, connectionId, smartPlusAccountId: null, propertyIds: [], customUnits: {}, pinField: 'unset', rfCardField: 'unset' },
          properties: { status: 'idle' }, units: {}, fieldSamples: { status: 'idle' }, accounts: { status: 'idle' }, ...EMPTY_ADOPT,
        });
        void loadAccounts(connectionId);
      },
      chooseAccount(accountId) {
        if (get().draft.smartPlusAccountId === accountId) return;
        setDraft({ smartPlusAccountId: accountId });
        // Communities belong to an account: another account's list and link choices do not apply.
        set({ ...EMPTY_ADOPT });
        if (get().step.kind === 'community') for (const id of get().draft.propertyIds) void get().loadCommunities(id);
      },
      toggleProperty(propertyId) {
        const ids = get().draft.propertyIds;
        setDraft({ propertyIds: ids.includes(propertyId) ? ids.filter((id) => id !== propertyId) : [...ids, propertyId] });
        // The samples are of the chosen properties: asked again on the fields step.
        set({ fieldSamples: { status: 'idle' } });
      },
      async loadFieldSamples() {
        const { connectionId, propertyIds } = get().draft;
        if (!connectionId || propertyIds.length === 0) return;
        set({ fieldSamples: { status: 'loading' } });
        try {
          const value = await bridge.call('sites.listFieldSamples', { connectionId, propertyIds });
          set({ fieldSamples: { status: 'ready', value } });
        } catch (error) {
          set({ fieldSamples: failed(error) });
        }
      },
      setPolicy(patch) {
        setDraft(patch);
        if (patch.apartments === 'custom') for (const id of get().draft.propertyIds) void get().loadUnits(id);
      },
      toggleUnit(propertyId, unitId) {
        const picked = get().draft.customUnits[propertyId] ?? [];
        const next = picked.includes(unitId) ? picked.filter((id) => id !== unitId) : [...picked, unitId];
        setDraft({ customUnits: { ...get().draft.customUnits, [propertyId]: next } });
      },
      setUnits(propertyId, unitIds) {
        setDraft({ customUnits: { ...get().draft.customUnits, [propertyId]: [...new Set(unitIds)] } });
      },
      async loadUnits(propertyId) {
        const connectionId = get().draft.connectionId;
        const current = get().units[propertyId];
        if (!connectionId || current?.status === 'ready' || current?.status === 'loading') return;
        set({ units: { ...get().units, [propertyId]: { status: 'loading' } } });
        try {
          const data = await bridge.call('sites.listUnits', { connectionId, propertyId });
          set({ units: { ...get().units, [propertyId]: { status: 'ready', value: data } } });
        } catch (error) {
          set({ units: { ...get().units, [propertyId]: failed(error) } });
        }
      },
      async next() {
        const state = get();
        if (stepBlocker(state) !== null) return;
        const at = INPUT_STEPS.indexOf(state.step.kind as InputStepKind);
        if (state.step.kind === 'review') return get().startImport();
        if (at < 0) return;
        const kind = INPUT_STEPS[at + 1]!;
        if (kind === 'review') {
          set({ step: { kind: 'review', preview: { status: 'idle' } } });
          return get().refreshPreview();
        }
        set({ step: { kind } });
        // The likely hand-made community is named on the community step (never chosen silently).
        if (kind === 'fields' && get().fieldSamples.status !== 'ready') void get().loadFieldSamples();
        if (kind === 'community') for (const id of state.draft.propertyIds) if (!get().communities[id]) void get().loadCommunities(id);
        if (kind === 'properties' && state.properties.status !== 'ready' && state.draft.connectionId) await loadProperties(state.draft.connectionId);
        if (kind === 'apartments' && state.draft.apartments === 'custom') for (const id of state.draft.propertyIds) void get().loadUnits(id);
      },
      back() {
        const at = INPUT_STEPS.indexOf(get().step.kind as InputStepKind);
        if (at > 0) set({ step: { kind: INPUT_STEPS[at - 1]! } as WizardStep });
      },
      async refreshPreview() {
        if (get().step.kind !== 'review') return;
        set({ step: { kind: 'review', preview: { status: 'loading' } } });
        void get().loadAdoptionPreviews();
        try {
          const data = await bridge.call('sites.preview', toImportRequest(get().draft));
          if (get().step.kind === 'review') set({ step: { kind: 'review', preview: { status: 'ready', value: data } } });
        } catch (error) {
          if (get().step.kind === 'review') set({ step: { kind: 'review', preview: failed(error) } });
        }
      },
      async startImport() {
        const state = get();
        if (state.step.kind !== 'review' || stepBlocker(state) !== null) return;
        set({ step: { kind: 'importing', sites: null, notStarted: [], progress: {}, finished: {}, cancelling: false, error: null } });
        try {
          const { sites, notStarted } = await bridge.call('sites.import', toImportRequest(state.draft, state));
          const step = get().step;
          if (step.kind === 'importing') set({ step: { ...step, sites, notStarted } });
          settleIfDone();
        } catch (error) {
          const { text, nextStep } = describeError(error);
          set({ step: { kind: 'result', sites: [], notStarted: [], records: {}, error: [text, nextStep].filter(Boolean).join(' ') } });
        }
      },
      async cancelImport() {
        const step = get().step;
        if (step.kind !== 'importing' || !step.sites) return;
        set({ step: { ...step, cancelling: true } });
        try {
          await bridge.call('sites.cancelImport', { siteIds: step.sites.map((s) => s.siteId) });
        } catch (error) {
          const now = get().step;
          if (now.kind === 'importing') set({ step: { ...now, cancelling: false, error: describeError(error).text } });
        }
      },
      reset() {
        set(initial());
      },
    };
  });

  /** Moves to the result once every imported site's run has finished. */
  function settleIfDone() {
    const step = store.getState().step;
    if (step.kind !== 'importing' || !step.sites) return;
    if (!step.sites.every((s) => step.finished[s.siteId])) return;
    store.setState({ step: { kind: 'result', sites: step.sites, notStarted: step.notStarted, records: step.finished, error: null } });
  }

  bridge.on('sync.progressed', (progress) => {
    const step = store.getState().step;
    if (step.kind !== 'importing') return;
    store.setState({ step: { ...step, progress: { ...step.progress, [progress.siteId]: progress } } });
  });
  bridge.on('sync.finished', (record) => {
    const step = store.getState().step;
    if (step.kind !== 'importing') return;
    store.setState({ step: { ...step, finished: { ...step.finished, [record.siteId]: record } } });
    settleIfDone();
  });
  return store;
}

/** The type of store {@link createGetSiteStore} returns. */
export type GetSiteStore = ReturnType<typeof createGetSiteStore>;
