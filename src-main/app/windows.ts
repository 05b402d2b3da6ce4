import type { BrowserWindow as BrowserWindowType, BrowserWindowConstructorOptions } from 'electron';
import { secureWebPreferences } from './security';
import type { WindowBounds } from './window-state';

/** Options of the main window: the restored bounds plus the secure preferences. */
export function mainWindowOptions(bounds: WindowBounds, preloadPath: string, iconPath: string): BrowserWindowConstructorOptions {
  return {
    ...bounds,
    minWidth: 900,
    minHeight: 600,
    title: 'SiteSync',
    icon: iconPath,
    show: false,
    backgroundColor: '#f6f7f9',
    autoHideMenuBar: false,
    webPreferences: secureWebPreferences(preloadPath),
  };
}

/** Reads a window's bounds for saving (normal bounds when maximized, so un-maximize restores well). */
export function captureBounds(win: Pick<BrowserWindowType, 'getNormalBounds' | 'isMaximized'>): Required<WindowBounds> {
  const b = win.getNormalBounds();
  return { x: b.x, y: b.y, width: b.width, height: b.height, maximized: win.isMaximized() };
}
