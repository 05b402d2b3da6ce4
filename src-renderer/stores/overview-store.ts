import { createStore } from 'zustand/vanilla';
import type { Overview } from '../../src-shared/ipc/contract/overview';
import type { Bridge } from '../bridge';
import { failed, idle, type Loadable, loading, ready } from '../lib/loadable';

/** The overview's data: loading, loaded (kept while it refreshes, and under a failed refresh) or failed. */
export interface OverviewState {
  overview: Loadable<Overview>;
  /** Loads (or refreshes, keeping what is shown) the sync health of every site. */
  load(): Promise<void>;
}

/** Builds the overview store; it refreshes itself when a run ends, the network changes or the subscription does. */
export function createOverviewStore(bridge: Bridge) {
  let inFlight: Promise<void> | null = null;
  const store = createStore<OverviewState>()((set, get) => ({
    overview: idle(),
    load() {
      if (inFlight) return inFlight;
      set({ overview: loading(get().overview) });
      inFlight = (async () => {
        try {
          set({ overview: ready(await bridge.call('overview.get')) });
        } catch (error) {
          set({ overview: failed(error, get().overview) });
        } finally {
          inFlight = null;
        }
      })();
      return inFlight;
    },
  }));
  const refresh = () => {
    if (store.getState().overview.status !== 'idle') void store.getState().load();
  };
  bridge.on('sync.finished', refresh);
  bridge.on('app.onlineChanged', refresh);
  // A payment (or a check) on the Subscription screen changes which sites can be synced.
  bridge.on('billing.statusChanged', refresh);
  return store;
}

/** The type of store {@link createOverviewStore} returns. */
export type OverviewStore = ReturnType<typeof createOverviewStore>;
