import type { ComponentType } from 'react';
import type { RouteScreen } from '../stores/app-store';
import { ConnectionsScreen } from '../screens/connections/ConnectionsScreen';
import { SubscriptionScreen } from '../screens/subscription/SubscriptionScreen';
import { DevicesScreen } from '../screens/devices/DevicesScreen';
import { GetSiteScreen } from '../screens/get-site/GetSiteScreen';
import { SettingsScreen } from '../screens/settings/SettingsScreen';
import { OverviewScreen } from '../screens/overview/OverviewScreen';
import { RunsScreen } from '../screens/runs/RunsScreen';
import { SitesScreen } from '../screens/sites/SitesScreen';

/**
 * The component of each screen. A feature registers its screen here (one line); a screen
 * without an entry shows a placeholder. Each screen renders its own <h1 id="screen-title">.
 */
export const SCREEN_COMPONENTS: Partial<Record<RouteScreen, ComponentType>> = {
  connections: ConnectionsScreen,
  subscription: SubscriptionScreen,
  'get-site': GetSiteScreen,
  sites: SitesScreen,
  devices: DevicesScreen,
  settings: SettingsScreen,
  overview: OverviewScreen,
  runs: RunsScreen,
};
