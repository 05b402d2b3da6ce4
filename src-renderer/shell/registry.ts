import type { ComponentType } from 'react';
import type { RouteScreen } from '../stores/app-store';
import { ConnectionsScreen } from '../screens/connections/ConnectionsScreen';
import { BillingScreen } from '../screens/billing/BillingScreen';
import { DevicesScreen } from '../screens/devices/DevicesScreen';
import { GetSiteScreen } from '../screens/get-site/GetSiteScreen';
import { SettingsScreen } from '../screens/settings/SettingsScreen';
import { OverviewScreen } from '../screens/overview/OverviewScreen';
import { ChangeSearchScreen } from '../screens/runs/ChangeSearchScreen';
import { RunsScreen } from '../screens/runs/RunsScreen';
import { ApartmentsScreen } from '../screens/apartments/ApartmentsScreen';

/**
 * The component of each screen. A feature registers its screen here (one line); a screen
 * without an entry shows a placeholder. Each screen renders its own <h1 id="screen-title">.
 * Route id, folder, store and channels use the feature's one word (`billing`, `apartments`);
 * only the visible labels keep the product's words ("Subscription", "Sites").
 */
export const SCREEN_COMPONENTS: Partial<Record<RouteScreen, ComponentType>> = {
  connections: ConnectionsScreen,
  billing: BillingScreen,
  'get-site': GetSiteScreen,
  apartments: ApartmentsScreen,
  devices: DevicesScreen,
  settings: SettingsScreen,
  overview: OverviewScreen,
  runs: RunsScreen,
  changes: ChangeSearchScreen,
};
