import { decisionsFrom, type QuestionChoice, questionKey } from '../../src-shared/domain/adoption';
import type { AdoptChoice, AdoptionPreview, CommunityOption, WizardPolicy } from '../../src-shared/ipc/contract/sites';
import type { Bridge } from '../bridge';
import { failed, type Loadable, loading } from '../lib/loadable';

/**
 * "Create a new community" or "Link to an existing community" for one property (issue 16); for a
 * link, the hand-made community, the building holding the units, and the answers to the review.
 */
export type CommunityPlan =
  | { mode: 'new' }
  | { mode: 'link'; communityId: string | null; buildingId: string | null; choices: Record<string, QuestionChoice> };

/** What the adoption part of the wizard holds, per property. */
export interface AdoptSlice {
  /** Per property: new community (the default) or link. */
  communityPlans: Record<number, CommunityPlan>;
  /** Hand-made communities per property, the likely match first. */
  communities: Record<number, Loadable<CommunityOption[]>>;
  /** The link review per linked property (a dry run). */
  adoptionPreviews: Record<number, Loadable<AdoptionPreview>>;
}

/** The adoption actions of the wizard store. */
export interface AdoptActions {
  loadCommunities(propertyId: number): Promise<void>;
  /** Chooses new or link; a link preselects the likely community and its "Building 1". */
  setCommunityMode(propertyId: number, mode: CommunityPlan['mode']): void;
  chooseCommunity(propertyId: number, communityId: string): void;
  chooseBuilding(propertyId: number, buildingId: string): void;
  /** The installer's answer to one question of a property's link review. */
  answerQuestion(propertyId: number, key: string, choice: QuestionChoice): void;
  /** (Re)loads the link review of every linked property. */
  loadAdoptionPreviews(): Promise<void>;
}

/** The fresh adoption state. */
export const EMPTY_ADOPT: AdoptSlice = { communityPlans: {}, communities: {}, adoptionPreviews: {} };

/** The wizard state the adoption actions read. */
interface Host extends AdoptSlice {
  draft: { connectionId: string | null; smartPlusAccountId: string | null; propertyIds: number[]; apartments: 'all' | 'custom'; customUnits: Record<number, number[]> };
}

/** The building preselected in a community: "Building 1", else its only one. */
export function defaultBuilding(community: CommunityOption | undefined): string | null {
  if (!community) return null;
  return (community.buildings.find((b) => b.name === 'Building 1') ?? (community.buildings.length === 1 ? community.buildings[0] : undefined))?.id ?? null;
}

/** Properties to link, in the order chosen. */
export function linkedProperties(state: Pick<Host, 'draft' | 'communityPlans'>): number[] {
  return state.draft.propertyIds.filter((id) => state.communityPlans[id]?.mode === 'link');
}

/** Why the community step cannot move on, or null. */
export function communityBlocker(state: Pick<Host, 'draft' | 'communityPlans'>, names: Map<number, string>): string | null {
  for (const id of linkedProperties(state)) {
    const plan = state.communityPlans[id] as Extract<CommunityPlan, { mode: 'link' }>;
    const name = names.get(id) ?? `property ${id}`;
    if (!plan.communityId) return `Choose the community to link ${name} to — or create a new one.`;
    if (!plan.buildingId) return `Choose the building that holds the units of ${name}.`;
  }
  return null;
}

/** How many review questions are still unanswered (the import waits for every answer). */
export function openQuestions(state: Pick<Host, 'draft' | 'communityPlans' | 'adoptionPreviews'>): number {
  let open = 0;
  for (const id of linkedProperties(state)) {
    const plan = state.communityPlans[id] as Extract<CommunityPlan, { mode: 'link' }>;
    const preview = state.adoptionPreviews[id];
    if (preview?.status !== 'ready') continue;
    open += preview.value.review.questions.filter((q) => !plan.choices[questionKey(q)]).length;
  }
  return open;
}

/** The `adopt` part of one property's import request, or undefined for a new community. */
export function adoptChoiceOf(state: Pick<Host, 'communityPlans' | 'adoptionPreviews'>, propertyId: number): AdoptChoice | undefined {
  const plan = state.communityPlans[propertyId];
  if (plan?.mode !== 'link' || !plan.communityId || !plan.buildingId) return undefined;
  const questions = state.adoptionPreviews[propertyId]?.value?.review.questions ?? [];
  return { communityId: plan.communityId, buildingId: plan.buildingId, decisions: decisionsFrom(questions, plan.choices) };
}

/** Builds the adoption actions over the wizard store's `set` and `get`. */
export function createAdoptActions<S extends Host>(bridge: Bridge, set: (patch: Partial<S>) => void, get: () => S, policyOf: (state: S) => WizardPolicy): AdoptActions {
  const setPlan = (propertyId: number, plan: CommunityPlan) => set({ communityPlans: { ...get().communityPlans, [propertyId]: plan } } as Partial<S>);
  const linkPlan = (propertyId: number) => {
    const plan = get().communityPlans[propertyId];
    return plan?.mode === 'link' ? plan : null;
  };
  /** Preselects the likely community (and its building) once the list is there, if none is chosen yet. */
  const preselect = (propertyId: number) => {
    const plan = linkPlan(propertyId);
    const list = get().communities[propertyId]?.value;
    if (!plan || plan.communityId || !list) return;
    const likely = list.find((c) => c.likely);
    if (likely) setPlan(propertyId, { ...plan, communityId: likely.id, buildingId: defaultBuilding(likely) });
  };
  /** (Re)loads one property's link review, with the apartment answers given so far; the last review stays shown meanwhile. */
  const loadPreview = async (propertyId: number) => {
    const { draft } = get();
    const plan = linkPlan(propertyId);
    if (!draft.connectionId || !plan?.communityId || !plan.buildingId) return;
    const current = get().adoptionPreviews[propertyId];
    const questions = current?.value?.review.questions ?? [];
    set({ adoptionPreviews: { ...get().adoptionPreviews, [propertyId]: loading(current) } } as Partial<S>);
    try {
      const value = await bridge.call('sites.previewAdoption', {
        connectionId: draft.connectionId,
        ...(draft.smartPlusAccountId ? { smartPlusAccountId: draft.smartPlusAccountId } : {}),
        policy: policyOf(get()),
        propertyId,
        units: draft.apartments === 'all' ? 'all' : [...(draft.customUnits[propertyId] ?? [])],
        communityId: plan.communityId,
        buildingId: plan.buildingId,
        apartmentLinks: decisionsFrom(questions, plan.choices).apartmentLinks,
      });
      set({ adoptionPreviews: { ...get().adoptionPreviews, [propertyId]: { status: 'ready', value } } } as Partial<S>);
    } catch (error) {
      set({ adoptionPreviews: { ...get().adoptionPreviews, [propertyId]: failed(error, current) } } as Partial<S>);
    }
  };
  const actions: AdoptActions = {
    async loadCommunities(propertyId) {
      const { connectionId, smartPlusAccountId } = get().draft;
      if (!connectionId || get().communities[propertyId]?.status === 'loading') return;
      set({ communities: { ...get().communities, [propertyId]: { status: 'loading' } } } as Partial<S>);
      try {
        const list = await bridge.call('sites.listCommunities', { connectionId, propertyId, ...(smartPlusAccountId ? { smartPlusAccountId } : {}) });
        // Another account was chosen meanwhile: this list is not of it.
        if (get().draft.smartPlusAccountId !== smartPlusAccountId) return;
        set({ communities: { ...get().communities, [propertyId]: { status: 'ready', value: list } } } as Partial<S>);
        preselect(propertyId);
      } catch (error) {
        set({ communities: { ...get().communities, [propertyId]: failed(error) } } as Partial<S>);
      }
    },
    setCommunityMode(propertyId, mode) {
      if (mode === 'new') return setPlan(propertyId, { mode: 'new' });
      if (linkPlan(propertyId)) return;
      setPlan(propertyId, { mode: 'link', communityId: null, buildingId: null, choices: {} });
      if (get().communities[propertyId]?.status === 'ready') preselect(propertyId);
      else void actions.loadCommunities(propertyId);
    },
    chooseCommunity(propertyId, communityId) {
      const plan = linkPlan(propertyId);
      if (!plan) return;
      const community = get().communities[propertyId]?.value?.find((c) => c.id === communityId);
      setPlan(propertyId, { ...plan, communityId, buildingId: defaultBuilding(community), choices: {} });
    },
    chooseBuilding(propertyId, buildingId) {
      const plan = linkPlan(propertyId);
      if (plan) setPlan(propertyId, { ...plan, buildingId, choices: {} });
    },
    answerQuestion(propertyId, key, choice) {
      const plan = linkPlan(propertyId);
      if (!plan) return;
      setPlan(propertyId, { ...plan, choices: { ...plan.choices, [key]: choice } });
      // An apartment answer changes which residents can be matched: the review is made again with it.
      const question = get().adoptionPreviews[propertyId]?.value?.review.questions.find((q) => questionKey(q) === key);
      if (question?.kind === 'apartment-two-candidates' || question?.kind === 'apartment-two-units') void loadPreview(propertyId);
    },
    async loadAdoptionPreviews() {
      await Promise.all(linkedProperties(get()).map(loadPreview));
    },
  };
  return actions;
}
