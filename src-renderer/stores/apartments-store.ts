import { createStore } from 'zustand/vanilla';
import type { ApartmentDetail, ApartmentFilter, ApartmentPage, SiteSummary } from '../../src-shared/domain/site';
import type { ApartmentListRow } from '../../src-shared/ipc/contract/apartments';
import type { Bridge } from '../bridge';
import { describeError } from '../lib/error-text';
import { failed, type Loadable, loadInto } from '../lib/loadable';
import { perfMark, perfMeasure } from './perf';

/** Rows fetched per request; the virtualised list asks for more pages as it scrolls. */
export const APARTMENT_PAGE_SIZE = 100;

/** The apartment list of the open site: pages loaded so far, for the query that produced them. */
export interface ApartmentList {
  siteId: string;
  search: string;
  filter: ApartmentFilter;
  total: number;
  asOf: string | null;
  /** The whole site's synced, Rent-Manager-only and not-activated counts (the header), when main sent them. */
  siteCounts?: ApartmentPage['siteCounts'];
  /** Loaded pages by page number (the list shows placeholders for the rest until they arrive). */
  pages: Record<number, ApartmentListRow[]>;
  /** Increases with every fresh answer, so the view can time "data arrived → rows drawn". */
  seq: number;
}

/** The apartment browser's state (spec §9). */
export interface ApartmentsState {
  sites: Loadable<SiteSummary[]>;
  /** Customer names by Rent Manager connection ID (best effort: the list works without them). */
  customers: Record<string, string>;
  search: string;
  filter: ApartmentFilter;
  list: Loadable<ApartmentList>;
  detail: Loadable<ApartmentDetail>;
  /** PINs the user asked to see, by resident ID; hidden again on request or when the apartment closes. */
  revealed: Record<string, string | null>;
  /**
   * A notice after "Add to sync" (or why it failed), naming the unit; `resync` offers "Resync now"
   * for the unit's site, `running` says that resync has started. It goes away when the site's next run finishes.
   */
  notice: AddToSyncNotice | null;
  /** Units added to a Custom site's list that no run has synced yet, by site: their rows read "Added — syncs on the next run". */
  pendingUnits: Record<string, number[]>;
  loadSites(): Promise<void>;
  /** Shows a site's apartments with the current search and filter. */
  openSite(siteId: string): Promise<void>;
  /** Changes the search; at most one query is in flight, and only the newest text is sent next. */
  setSearch(text: string): void;
  setFilter(filter: ApartmentFilter): void;
  /** Loads page `page` of the current list if it is not loaded yet. */
  ensurePage(page: number): void;
  openApartment(apartmentId: string): Promise<void>;
  closeApartment(): void;
  revealPin(residentId: string): Promise<void>;
  hidePin(residentId: string): void;
  /** Adds an unsynced unit (named `unit` in notices) to a Custom site's list, optionally resyncing at once. */
  addToSync(siteId: string, unitId: number, resync: boolean, unit?: string): Promise<void>;
  /** The notice's "Resync now": starts the site's resync; the notice stays until that run finishes. */
  resyncNow(siteId: string): Promise<void>;
}

/** What the apartment browser says after "Add to sync". */
export interface AddToSyncNotice {
  kind: 'ok' | 'error';
  text: string;
  /** The site whose resync the notice offers ("Resync now"). */
  resync?: { siteId: string };
  /** "Unit 106": who the notice is about. */
  unit?: string;
  /** True once that resync has started (the button is gone; the notice waits for the run to finish). */
  running?: boolean;
}

/** The notice once a resync of the added unit's site runs. */
function resyncStarted(unit: string): string {
  return `${unit} added. A resync has started; the unit appears here when it finishes.`;
}

/** Builds the apartment browser store over a bridge. */
export function createApartmentsStore(bridge: Bridge) {
  let inFlight = false;
  // The site of the query to send when the one in flight returns (only the newest matters).
  let pending: string | null = null;
  let seq = 0;
  const loadingPages = new Set<string>();
  // The site whose apartments are shown; answers for any other site are dropped.
  let openSiteId: string | null = null;

  const store = createStore<ApartmentsState>()((set, get) => {
    // Fetches page 0 of the current query; a newer query while this one runs is sent right after it.
    const query = async (siteId: string) => {
      if (inFlight) {
        pending = siteId;
        return;
      }
      inFlight = true;
      const { search, filter } = get();
      try {
        perfMark('apartments:sent');
        const page = await bridge.call('apartments.list', { siteId, search, filter, page: 0, pageSize: APARTMENT_PAGE_SIZE });
        perfMeasure('apartments:round-trip', 'apartments:sent');
        // An answer for a site that is no longer open is dropped.
        if (openSiteId === siteId) {
          seq += 1;
          perfMark(`apartments:data:${seq}`);
          loadingPages.clear();
          set({ list: { status: 'ready', value: { siteId, search, filter, total: page.total, asOf: page.asOf, ...(page.siteCounts ? { siteCounts: page.siteCounts } : {}), pages: { 0: page.rows }, seq } } });
        }
      } catch (error) {
        if (openSiteId === siteId) set({ list: failed(error) });
      } finally {
        inFlight = false;
      }
      if (pending) {
        const next = pending;
        pending = null;
        await query(next);
      }
    };

    const currentSiteId = () => openSiteId;

    return {
      sites: { status: 'idle' },
      customers: {},
      search: '',
      filter: 'all',
      list: { status: 'idle' },
      detail: { status: 'idle' },
      revealed: {},
      notice: null,
      pendingUnits: {},
      async loadSites() {
        await loadInto(get().sites, (sites) => set({ sites }), () => bridge.call('sites.list'));
        const customers = await bridge.call('sites.listCustomers').catch(() => []);
        set({ customers: Object.fromEntries(customers.map((c) => [c.connectionId, c.name])) });
      },
      async openSite(siteId) {
        const list = get().list;
        if (openSiteId !== siteId) set({ search: '', filter: 'all', notice: null });
        openSiteId = siteId;
        if (list.status !== 'ready' || list.value.siteId !== siteId) set({ list: { status: 'loading' } });
        await query(siteId);
      },
      setSearch(text) {
        set({ search: text });
        const siteId = currentSiteId();
        if (siteId) void query(siteId);
      },
      setFilter(filter) {
        set({ filter });
        const siteId = currentSiteId();
        if (siteId) void query(siteId);
      },
      ensurePage(page) {
        const list = get().list;
        if (list.status !== 'ready' || list.value.pages[page]) return;
        const { siteId, search, filter, seq: at } = list.value;
        const key = `${at}:${page}`;
        if (loadingPages.has(key)) return;
        loadingPages.add(key);
        void bridge
          .call('apartments.list', { siteId, search, filter, page, pageSize: APARTMENT_PAGE_SIZE })
          .then((answer) => {
            const now = get().list;
            if (now.status !== 'ready' || now.value.seq !== at) return;
            set({ list: { status: 'ready', value: { ...now.value, pages: { ...now.value.pages, [page]: answer.rows } } } });
          })
          .catch((error: unknown) => set({ list: failed(error) }));
      },
      async openApartment(apartmentId) {
        set({ detail: { status: 'loading' }, revealed: {} });
        try {
          set({ detail: { status: 'ready', value: await bridge.call('apartments.get', { apartmentId }) } });
        } catch (error) {
          set({ detail: failed(error) });
        }
      },
      closeApartment() {
        set({ detail: { status: 'idle' }, revealed: {} });
      },
      async revealPin(residentId) {
        try {
          const { pin } = await bridge.call('apartments.revealPin', { residentId });
          set({ revealed: { ...get().revealed, [residentId]: pin } });
        } catch (error) {
          set({ notice: { kind: 'error', text: describeError(error).text } });
        }
      },
      hidePin(residentId) {
        const { [residentId]: _gone, ...rest } = get().revealed;
        set({ revealed: rest });
      },
      async addToSync(siteId, unitId, resync, unit) {
        const name = unit ? `Unit ${unit}` : 'The unit';
        try {
          const result = await bridge.call('apartments.addToSync', { siteId, unitId, resync });
          if (result.added || resync) {
            const pending = get().pendingUnits[siteId] ?? [];
            if (!pending.includes(unitId)) set({ pendingUnits: { ...get().pendingUnits, [siteId]: [...pending, unitId] } });
          }
          const text = resync ? resyncStarted(name) : result.added ? `${name} added — it syncs on the next run, or resync now.` : `${name} is already on the sync list.`;
          set({ notice: { kind: 'ok', text, unit: name, resync: { siteId }, ...(resync ? { running: true } : {}) } });
        } catch (error) {
          const { text, nextStep } = describeError(error);
          set({ notice: { kind: 'error', text: `${name} was not added: ${nextStep ? `${text} ${nextStep}` : text}` } });
        }
      },
      async resyncNow(siteId) {
        const unit = get().notice?.unit ?? 'The unit';
        try {
          await bridge.call('sync.runSite', { siteId });
          set({ notice: { kind: 'ok', text: resyncStarted(unit), unit, resync: { siteId }, running: true } });
        } catch (error) {
          const { text, nextStep } = describeError(error);
          set({ notice: { kind: 'error', text: `The resync did not start: ${nextStep ? `${text} ${nextStep}` : text}`, unit, resync: { siteId } } });
        }
      },
    };
  });
  // A finished run changed the local copy: refresh the sites' ages and the open site's list.
  bridge.on('sync.finished', (run) => {
    const state = store.getState();
    // The run synced the units added before it: they are no longer pending, and the notice has had its say.
    if (!run.dryRun && state.pendingUnits[run.siteId]) {
      const { [run.siteId]: _done, ...rest } = state.pendingUnits;
      store.setState({ pendingUnits: rest });
    }
    if (!run.dryRun && state.notice?.resync?.siteId === run.siteId) store.setState({ notice: null });
    if (state.sites.status === 'ready') void state.loadSites();
    if (state.list.status === 'ready' && state.list.value.siteId === run.siteId) void state.openSite(run.siteId);
  });
  return store;
}

/** The type of store {@link createApartmentsStore} returns. */
export type ApartmentsStore = ReturnType<typeof createApartmentsStore>;
