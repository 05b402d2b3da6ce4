import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import type { Bridge } from '../bridge';
import type { ApartmentsStore } from './apartments-store';
import type { AppState, AppStore } from './app-store';
import type { BackgroundStore } from './background-store';
import type { ConnectionsStore } from './connections-store';
import type { BillingStore } from './billing-store';
import type { DevicesStore } from './devices-store';
import type { DiagnosticsStore } from './diagnostics-store';
import type { HistoryStore } from './history-store';
import type { GetSiteStore } from './get-site-store';
import type { SettingsStore } from './settings-store';
import type { OverviewStore } from './overview-store';
import type { RunsStore } from './runs-store';
import type { ResidentSearchStore } from './resident-search-store';
import type { SyncProgressStore } from './sync-progress-store';

/** The stores of one window, built once from its bridge (tests build them on a fake bridge). */
export interface Stores {
  bridge: Bridge;
  app: AppStore;
  /** Settings → "Stays on duty" (issue 14). */
  background: BackgroundStore;
  connections: ConnectionsStore;
  billing: BillingStore;
  apartments: ApartmentsStore;
  /** The resident search across all sites (issue 16). */
  residentSearch: ResidentSearchStore;
  devices: DevicesStore;
  diagnostics: DiagnosticsStore;
  history: HistoryStore;
  getSite: GetSiteStore;
  settings: SettingsStore;
  overview: OverviewStore;
  runs: RunsStore;
  syncProgress: SyncProgressStore;
}

/** React context carrying {@link Stores}. */
export const StoresContext = createContext<Stores | null>(null);

/** The window's stores; throws outside a provider (a wiring bug). */
export function useStores(): Stores {
  const stores = useContext(StoresContext);
  if (!stores) throw new Error('useStores outside StoresContext');
  return stores;
}

/** Reads the shell store through a narrow selector. */
export function useApp<T>(selector: (state: AppState) => T): T {
  return useStore(useStores().app, selector);
}
