import type { Bridge } from '../bridge';
import { createApartmentsStore } from './apartments-store';
import { createAppStore } from './app-store';
import { createBackgroundStore } from './background-store';
import { createConnectionsStore } from './connections-store';
import { createBillingStore } from './billing-store';
import { createDevicesStore } from './devices-store';
import { createDiagnosticsStore } from './diagnostics-store';
import { createHistoryStore } from './history-store';
import { createGetSiteStore } from './get-site-store';
import { createSettingsStore } from './settings-store';
import { createOverviewStore } from './overview-store';
import { createRunsStore } from './runs-store';
import { createResidentSearchStore } from './resident-search-store';
import { createSyncProgressStore } from './sync-progress-store';
import type { Stores } from './stores-context';

/** Builds every store of a window over its bridge (main.tsx; component tests build single stores on a fake bridge). */
export function createStores(bridge: Bridge): Stores {
  return {
    bridge,
    app: createAppStore(bridge),
    background: createBackgroundStore(bridge),
    connections: createConnectionsStore(bridge),
    billing: createBillingStore(bridge),
    apartments: createApartmentsStore(bridge),
    residentSearch: createResidentSearchStore(bridge),
    devices: createDevicesStore(bridge),
    diagnostics: createDiagnosticsStore(bridge),
    history: createHistoryStore(bridge),
    getSite: createGetSiteStore(bridge),
    settings: createSettingsStore(bridge),
    overview: createOverviewStore(bridge),
    runs: createRunsStore(bridge),
    syncProgress: createSyncProgressStore(bridge),
  };
}
