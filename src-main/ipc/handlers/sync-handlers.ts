import type { ResyncService } from '../../features/resync-service';
import type { SiteSyncService } from '../../features/site-sync-types';
import type { HandlerMap } from '../dispatch';

type SyncHandlers = Pick<HandlerMap, 'sync.runSite' | 'sync.runAll' | 'sync.cancel' | 'sync.listRunning'>;

/** Handlers of the `sync.*` channels: manual runs (one click, or all), cancel, and the runs in progress. */
export function createSyncHandlers(resync: ResyncService, sync: Pick<SiteSyncService, 'cancel' | 'running'>): SyncHandlers {
  return {
    'sync.runSite': ({ siteId }) => resync.resync(siteId),
    'sync.runAll': (input) => resync.resyncAll({ includePaused: input?.includePaused ?? false }),
    'sync.cancel': async ({ siteId }) => ({ cancelled: sync.cancel(siteId) }),
    'sync.listRunning': async () => sync.running(),
  };
}
