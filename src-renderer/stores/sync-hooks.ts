import { useStore } from 'zustand';
import type { SiteRunView } from '../lib/site-run';
import type { OverviewState } from './overview-store';
import type { RunsState } from './runs-store';
import { useStores } from './stores-context';
import type { SyncProgressState } from './sync-progress-store';

/** Reads the overview store through a narrow selector. */
export function useOverview<T>(selector: (state: OverviewState) => T): T {
  return useStore(useStores().overview, selector);
}

/** Reads the runs store through a narrow selector. */
export function useRuns<T>(selector: (state: RunsState) => T): T {
  return useStore(useStores().runs, selector);
}

/** Reads the sync progress store through a narrow selector. */
export function useSyncProgress<T>(selector: (state: SyncProgressState) => T): T {
  return useStore(useStores().syncProgress, selector);
}

/** One site's run for the progress line, with its Dismiss and Cancel actions. */
export function useSiteRun(siteId: string): { view: SiteRunView | undefined; onDismiss: () => void; onCancel: () => void } {
  const { syncProgress } = useStores();
  const view = useStore(syncProgress, (s) => s.bySite[siteId]);
  return { view, onDismiss: () => syncProgress.getState().dismiss(siteId), onCancel: () => void syncProgress.getState().cancel(siteId) };
}
