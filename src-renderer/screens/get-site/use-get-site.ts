import { useStore } from 'zustand';
import type { GetSiteState } from '../../stores/get-site-store';
import { useStores } from '../../stores/stores-context';

/** Reads the Get Site wizard store through a narrow selector. */
export function useGetSite<T>(selector: (state: GetSiteState) => T): T {
  return useStore(useStores().getSite, selector);
}
