import type { ComponentType } from 'react';
import type { RouteScreen } from '../stores/app-store';
import { GetSiteScreen } from './get-site/GetSiteScreen';
import { SettingsScreen } from './settings/SettingsScreen';

/**
 * The component of each screen. A feature registers its screen here (one line); a screen
 * without an entry shows a placeholder. Each screen renders its own <h1 id="screen-title">.
 */
export const SCREEN_COMPONENTS: Partial<Record<RouteScreen, ComponentType>> = {
  'get-site': GetSiteScreen,
  settings: SettingsScreen,
};
