import type { ApartmentsService } from '../features/apartments-service';
import type { BackgroundService } from '../features/background-service';
import type { BillingService } from '../features/billing-service';
import type { ConnectionsService } from '../features/connections-service';
import type { DiagnosticsService } from '../features/diagnostics-service';
import type { HistoryService } from '../features/history-service';
import type { DevicesService } from '../features/devices-service';
import type { OverviewService } from '../features/overview-service';
import type { ResyncService } from '../features/resync-service';
import type { RunsService } from '../features/runs-service';
import type { SettingsService } from '../features/settings-service';
import type { SiteSyncService } from '../features/site-sync-types';
import type { SitesService } from '../features/sites-service';
import type { HandlerMap } from './dispatch';
import type { IntentChecks } from './intent';
import { createApartmentsHandlers } from './handlers/apartments-handlers';
import { createBackgroundHandlers } from './handlers/background-handlers';
import { type AppHandlerDeps, createAppHandlers } from './handlers/app-handlers';
import { createBillingHandlers } from './handlers/billing-handlers';
import { createConnectionsHandlers } from './handlers/connections-handlers';
import { createDevicesHandlers } from './handlers/devices-handlers';
import { createDiagnosticsHandlers } from './handlers/diagnostics-handlers';
import { createHistoryHandlers } from './handlers/history-handlers';
import { createSettingsHandlers } from './handlers/settings-handlers';
import { createSitesHandlers } from './handlers/sites-handlers';
import { createOverviewHandlers } from './handlers/overview-handlers';
import { createRunsHandlers } from './handlers/runs-handlers';
import { createSyncHandlers } from './handlers/sync-handlers';

/** The services the handlers call, each built once by the composition root. */
export interface HandlerServices {
  apartments: ApartmentsService;
  background: BackgroundService;
  billing: BillingService;
  connections: ConnectionsService;
  devices: DevicesService;
  diagnostics: DiagnosticsService;
  history: HistoryService;
  overview: OverviewService;
  resync: ResyncService;
  runs: RunsService;
  settings: SettingsService;
  sites: SitesService;
  sync: SiteSyncService;
}

/**
 * The transport-free handler map: channel → service call. The Electron binding
 * (app/ipc-electron.ts) and the test bridge (test/e2e/bridge) both serve this same map.
 * Each feature contributes its handlers from `create<Feature>Handlers(service)` — one line here.
 */
export function createHandlers(services: HandlerServices, app: AppHandlerDeps, intent: IntentChecks): HandlerMap {
  return {
    ...createAppHandlers(app),
    ...createApartmentsHandlers(services.apartments, intent),
    ...createDevicesHandlers(services.devices),
    ...createConnectionsHandlers(services.connections),
    ...createBillingHandlers(services.billing),
    ...createSitesHandlers(services.sites, intent),
    ...createSettingsHandlers(services.settings),
    ...createBackgroundHandlers(services.background),
    ...createSyncHandlers(services.resync, services.sync),
    ...createOverviewHandlers(services.overview),
    ...createRunsHandlers(services.runs, intent),
    ...createDiagnosticsHandlers(services.diagnostics),
    ...createHistoryHandlers(services.history),
  };
}
