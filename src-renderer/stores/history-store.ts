import { useEffect } from 'react';
import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';
import type { HistoryRange } from '../../src-shared/ipc/contract/history';
import type { Bridge } from '../bridge';
import { failed, idle, loading, ready, type Loadable } from '../lib/loadable';
import { useStores } from './stores-context';

/** How far back the run history goes (issue 15: older runs are pruned at start). */
export interface HistoryState {
  range: Loadable<HistoryRange>;
  load(): Promise<void>;
}

/** Builds the history store over the bridge. */
export function createHistoryStore(bridge: Bridge) {
  return createStore<HistoryState>()((set, get) => ({
    range: idle(),
    async load() {
      set({ range: loading(get().range) });
      try {
        set({ range: ready(await bridge.call('history.getRange')) });
      } catch (error) {
        set({ range: failed(error, get().range) });
      }
    },
  }));
}
/** See {@link createHistoryStore}. */
export type HistoryStore = ReturnType<typeof createHistoryStore>;

/** The history range, loaded when first shown. */
export function useHistoryRange(): Loadable<HistoryRange> {
  const store = useStores().history;
  const range = useStore(store, (s) => s.range);
  useEffect(() => {
    if (store.getState().range.status === 'idle') void store.getState().load();
  }, [store]);
  return range;
}
