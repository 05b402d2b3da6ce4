import { useStore } from 'zustand';
import type { BillingState } from '../../stores/billing-store';
import { useStores } from '../../stores/stores-context';

/** Reads the billing store through a narrow selector. */
export function useBilling<T>(selector: (state: BillingState) => T): T {
  return useStore(useStores().billing, selector);
}
