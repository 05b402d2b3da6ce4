import type { MenuItemConstructorOptions } from 'electron';

/** What the menus can ask the app to do. */
export interface MenuActions {
  resyncCurrentSite(): void;
  resyncAll(): void;
  open(screen: 'overview' | 'sites' | 'runs' | 'settings' | 'connections'): void;
  openLogFolder(): void;
  openHelp(): void;
}

/**
 * The application menu. In production Ctrl/Cmd+R resyncs the current site (it is not a page
 * reload); reload and devtools exist only while developing.
 */
export function applicationMenuTemplate(options: { isMac: boolean; isDev: boolean; actions: MenuActions }): MenuItemConstructorOptions[] {
  const { isMac, isDev, actions } = options;
  const template: MenuItemConstructorOptions[] = [];
  if (isMac) template.push({ role: 'appMenu' });
  template.push({
    label: 'File',
    submenu: [
      { label: 'Resync Current Site', accelerator: 'CmdOrCtrl+R', click: () => actions.resyncCurrentSite() },
      { label: 'Resync All Sites', accelerator: 'CmdOrCtrl+Shift+R', click: () => actions.resyncAll() },
      { type: 'separator' },
      { label: 'Settings', accelerator: 'CmdOrCtrl+,', click: () => actions.open('settings') },
      { type: 'separator' },
      isMac ? { role: 'close' } : { role: 'quit', label: 'Quit SiteSync' },
    ],
  });
  template.push({ role: 'editMenu' });
  const view: MenuItemConstructorOptions[] = [
    { label: 'Overview', accelerator: 'CmdOrCtrl+1', click: () => actions.open('overview') },
    { label: 'Sites', accelerator: 'CmdOrCtrl+2', click: () => actions.open('sites') },
    { label: 'Runs', accelerator: 'CmdOrCtrl+3', click: () => actions.open('runs') },
    { label: 'Connections', accelerator: 'CmdOrCtrl+4', click: () => actions.open('connections') },
    { type: 'separator' },
    { role: 'resetZoom' },
    { role: 'zoomIn' },
    { role: 'zoomOut' },
    { type: 'separator' },
    { role: 'togglefullscreen' },
  ];
  if (isDev) view.push({ type: 'separator' }, { role: 'reload', accelerator: 'F5' }, { role: 'toggleDevTools' });
  template.push({ label: 'View', submenu: view });
  template.push({ role: 'windowMenu' });
  template.push({
    role: 'help',
    submenu: [
      { label: 'Akuvox and Rent Manager Integration Guide', click: () => actions.openHelp() },
      { label: 'Open Log Folder', click: () => actions.openLogFolder() },
    ],
  });
  return template;
}

/** The tray menu: resync everything, open the window, quit. */
export function trayMenuTemplate(actions: { resyncAll(): void; openWindow(): void; quit(): void }): MenuItemConstructorOptions[] {
  return [
    { label: 'Resync all', click: () => actions.resyncAll() },
    { label: 'Open SiteSync', click: () => actions.openWindow() },
    { type: 'separator' },
    { label: 'Quit SiteSync', click: () => actions.quit() },
  ];
}
