import { createStore } from 'zustand/vanilla';
import { RESIDENT_SEARCH, type ResidentSearchResult } from '../../src-shared/ipc/contract/apartments';
import type { Bridge } from '../bridge';
import { failed, idle, loading, ready, type Loadable } from '../lib/loadable';

/** The resident search across all sites (issue 16): the text typed and the newest answer. */
export interface ResidentSearchState {
  query: string;
  result: Loadable<ResidentSearchResult>;
  /** Searches for `query` (below the minimum it clears); only the answer to the newest text is kept. */
  search(query: string): Promise<void>;
}

/** See {@link ResidentSearchState}. */
export type ResidentSearchStore = ReturnType<typeof createResidentSearchStore>;

/** Builds the resident search store over a bridge. */
export function createResidentSearchStore(bridge: Bridge) {
  let seq = 0;
  return createStore<ResidentSearchState>()((set, get) => ({
    query: '',
    result: idle(),
    async search(query) {
      const mine = ++seq;
      set({ query });
      if (query.trim().length < RESIDENT_SEARCH.minChars) {
        set({ result: idle() });
        return;
      }
      set({ result: loading(get().result) });
      try {
        const value = await bridge.call('apartments.searchResidents', { query: query.trim() });
        if (mine === seq) set({ result: ready(value) });
      } catch (error) {
        if (mine === seq) set({ result: failed(error) });
      }
    },
  }));
}
