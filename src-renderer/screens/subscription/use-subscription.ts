import { useStore } from 'zustand';
import type { SubscriptionState } from '../../stores/subscription-store';
import { useStores } from '../../stores/stores-context';

/** Reads the Subscription store through a narrow selector. */
export function useSubscription<T>(selector: (state: SubscriptionState) => T): T {
  return useStore(useStores().subscription, selector);
}
