import { useStore } from 'zustand';
import type { ConnectionsState } from '../../stores/connections-store';
import { useStores } from '../../stores/stores-context';

/** Reads the Connections store through a narrow selector. */
export function useConnections<T>(selector: (state: ConnectionsState) => T): T {
  return useStore(useStores().connections, selector);
}
