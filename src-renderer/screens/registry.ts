import type { ComponentType } from 'react';
import type { RouteScreen } from '../stores/app-store';
import { ConnectionsScreen } from './connections/ConnectionsScreen';
import { SubscriptionScreen } from './subscription/SubscriptionScreen';
import { DevicesScreen } from './devices/DevicesScreen';
import { GetSiteScreen } from './get-site/GetSiteScreen';
import { SettingsScreen } from './settings/SettingsScreen';
import { OverviewScreen } from './overview/OverviewScreen';
import { RunsScreen } from './runs/RunsScreen';
import { SitesScreen } from './sites/SitesScreen';

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
