import type { AppContext } from '../features/app-context';
import type { HandlerMap } from './dispatch';
import { createApartmentsHandlers } from './handlers/apartments-handlers';
import { type AppHandlerDeps, createAppHandlers } from './handlers/app-handlers';
import { createBillingHandlers } from './handlers/billing-handlers';
import { createConnectionsHandlers } from './handlers/connections-handlers';
import { createDevicesHandlers } from './handlers/devices-handlers';
import { createSettingsHandlers } from './handlers/settings-handlers';
import { createSitesHandlers } from './handlers/sites-handlers';
import { createOverviewHandlers } from './handlers/overview-handlers';
import { createRunsHandlers } from './handlers/runs-handlers';
import { createSyncHandlers } from './handlers/sync-handlers';

/**
 * The transport-free handler map: channel → service call. The Electron binding
 * (app/ipc-electron.ts) and the test bridge (test/e2e/bridge) both serve this same map.
 * Each feature contributes its handlers from `create<Feature>Handlers(ctx)` — one line here.
 */
export function createHandlers(ctx: AppContext, app: Omit<AppHandlerDeps, 'ctx'>): HandlerMap {
  return {
    ...createAppHandlers({ ...app, ctx }),
    ...createApartmentsHandlers(ctx),
    ...createDevicesHandlers(ctx),
    ...createConnectionsHandlers(ctx),
    ...createBillingHandlers(ctx),
    ...createSitesHandlers(ctx),
    ...createSettingsHandlers(ctx),
    ...createSyncHandlers(ctx),
    ...createOverviewHandlers(ctx),
    ...createRunsHandlers(ctx),
  };
}
