import type { AppContext } from '../../features/app-context';
import { createOverviewService } from '../../features/overview-service';
import type { HandlerMap } from '../dispatch';

type SyncHandlers = Pick<HandlerMap, 'sync.runSite' | 'sync.runAll' | 'sync.cancel' | 'sync.running'>;

/** Handlers of the `sync.*` channels: manual runs (one click, or all), cancel, and the runs in progress. */
export function createSyncHandlers(ctx: AppContext): SyncHandlers {
  const overview = createOverviewService(ctx);
  return {
    'sync.runSite': ({ siteId }) => overview.resync(siteId),
    'sync.runAll': () => overview.resyncAll(),
    'sync.cancel': async ({ siteId }) => ({ cancelled: ctx.sync.cancel(siteId) }),
    'sync.running': async () => ctx.sync.running(),
  };
}
