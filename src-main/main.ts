// The main process: lifecycle and the composition root's Electron half. Everything below
// Electron is built by startApp → createAppServices (plain Node, tested without Electron).
import path from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, Menu, powerMonitor, protocol, screen, session, shell, Tray, net, webContents } from 'electron';
import { nativeConfirm, windowOfSender } from './app/confirm-dialog';
import { KeyringSecretStore } from './secrets/keyring-secret-store';
import type { SaveFolderPort } from './features/diagnostics-service';
import { ElectronPreferencesFileSchema, ElectronPreferencesStore } from './app/preferences';
import { FATAL_START_TITLE, fatalStartMessage, startApp } from './startup/start-app';
import { createLogger, rotatingFileSink } from './logging/logger';
import { bindIpc, forwardEvents } from './app/ipc-electron';
import { applicationMenuTemplate, trayMenuTemplate } from './app/menu';
import { installBackgroundGlue, isCliMode, runCliMode } from './app/background-glue';
import { APP_SCHEME, registerAppProtocol } from './app/protocol';
import { APP_ORIGIN, hardenSession, hardenWebContents, isAllowedExternalUrl } from './app/security';
import { captureBounds, mainWindowOptions } from './app/windows';
import { restoreBounds } from './app/window-state';

if (isCliMode()) {
  void runCliMode();
} else if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  protocol.registerSchemesAsPrivileged([APP_SCHEME]);
  // Whatever fails after start-up proper (a window, the tray) is shown too, then the app quits so a relaunch works.
  void start().catch((error: unknown) => {
    dialog.showErrorBox(FATAL_START_TITLE, fatalStartMessage(error, path.join(app.getPath('userData'), 'logs', 'sitesync.log')));
    app.exit(1);
  });
}

async function start(): Promise<void> {
  await app.whenReady();
  const logSink = rotatingFileSink(path.join(app.getPath('userData'), 'logs'));
  const log = createLogger(logSink, { scope: 'main' });
  const devServerUrl = MAIN_WINDOW_VITE_DEV_SERVER_URL;
  const rendererDir = path.join(__dirname, `../renderer/${MAIN_WINDOW_VITE_NAME}`);
  const iconPath = path.join(rendererDir, 'app-icon.png');

  hardenSession(session.defaultSession);
  registerAppProtocol(protocol, rendererDir);
  app.on('web-contents-created', (_event, contents) =>
    hardenWebContents(contents, { openExternal: (url) => void (isAllowedExternalUrl(url) && shell.openExternal(url)), devServerUrl }),
  );

  // "Save diagnostics": the report goes into a new folder inside the one chosen here.
  const saveFolder: SaveFolderPort = {
    chooseFolder: async () => {
      const owner = BrowserWindow.getFocusedWindow() ?? BrowserWindow.getAllWindows()[0];
      const options: Electron.OpenDialogOptions = {
        title: 'Save diagnostics report',
        buttonLabel: 'Save here',
        defaultPath: app.getPath('downloads'),
        properties: ['openDirectory', 'createDirectory'],
      };
      const answer = owner ? await dialog.showOpenDialog(owner, options) : await dialog.showOpenDialog(options);
      return answer.canceled ? null : (answer.filePaths[0] ?? null);
    },
    showFolder: async (folder) => shell.showItemInFolder(folder),
  };
  // Damaged files kept aside, a locked keychain, or an error dialog and quit — never a silent death (issue 12).
  // Destructive intents (held-back deletions, stopping credential sync) are confirmed in a native dialog, out of the page's reach.
  const confirm = nativeConfirm(dialog, (sender) => windowOfSender(sender, webContents, BrowserWindow));
  const started = await startApp({
    services: {
      userDataDir: app.getPath('userData'),
      isPackaged: app.isPackaged,
      appRoot: app.getAppPath(),
      appVersion: app.getVersion(),
      platform: process.platform,
      log,
      secrets: new KeyringSecretStore(),
      confirm,
      saveFolder,
    },
    preferences: { file: path.join(app.getPath('userData'), 'preferences.json'), schema: ElectronPreferencesFileSchema, open: () => new ElectronPreferencesStore() },
    logFile: logSink.file,
    logError: () => logSink.lastError,
    showFatalError: (title, message) => dialog.showErrorBox(title, message),
  });
  if (!started.ok) return app.exit(1);
  const { services, preferences: prefs } = started;
  bindIpc(ipcMain, services.handlers, { log: log.child('ipc'), devServerUrl });
  forwardEvents(services.events, () => BrowserWindow.getAllWindows());
  services.reportOsOnline(net.isOnline());

  let win: BrowserWindow | null = null;
  const openWindow = () => {
    if (win && !win.isDestroyed()) {
      if (win.isMinimized()) win.restore();
      win.show();
      win.focus();
      return;
    }
    const bounds = restoreBounds(prefs.get().window ?? undefined, screen.getAllDisplays().map((d) => d.workArea));
    win = new BrowserWindow(mainWindowOptions(bounds, path.join(__dirname, 'preload.cjs'), iconPath));
    if (bounds.maximized) win.maximize();
    win.once('ready-to-show', () => win?.show());
    win.on('close', () => win && prefs.update({ window: captureBounds(win) }));
    void win.loadURL(devServerUrl ?? `${APP_ORIGIN}/index.html`);
  };
  const navigate = (screenName: 'overview' | 'apartments' | 'runs' | 'settings' | 'connections', runId?: string) => {
    openWindow();
    services.events.emit('app.navigated', { screen: screenName, ...(runId ? { runId } : {}) });
  };

  // The same resync service as the in-app "Resync all": offline, unconnected and paused sites (issue 16)
  // are skipped with a reason, never started behind the user's back; the Overview shows what was left
  // out (`sync.resyncedAll`), as after its own button.
  const resyncAll = () => {
    navigate('overview');
    void services.resync.resyncAll().catch((error: unknown) => log.warn('resync all failed', { error }));
  };
  const actions = {
    resyncCurrentSite: () => {
      openWindow();
      services.events.emit('app.commandIssued', { command: 'resync-current-site' });
    },
    resyncAll,
    open: navigate,
    openLogFolder: () => void shell.openPath(path.join(app.getPath('userData'), 'logs')),
    openHelp: () => void shell.openExternal('https://knowledge.akuvox.com/v1/docs/integration-with-rent-manager'),
  };
  Menu.setApplicationMenu(Menu.buildFromTemplate(applicationMenuTemplate({ isMac: process.platform === 'darwin', isDev: !app.isPackaged, actions })));
  const tray = new Tray(path.join(rendererDir, 'tray-icon.png'));
  tray.setToolTip('SiteSync');
  tray.setContextMenu(Menu.buildFromTemplate(trayMenuTemplate({ resyncAll: actions.resyncAll, openWindow, quit: () => app.quit() })));

  const background = installBackgroundGlue({ services, prefs, log, navigate });
  powerMonitor.on('resume', () => {
    services.reportOsOnline(net.isOnline());
    services.onWake();
  });
  powerMonitor.on('unlock-screen', () => services.reportOsOnline(net.isOnline()));
  // Electron's main process has no online/offline event: ask the OS every 15 s and report only
  // changes (a steady "online" must not override failed requests' evidence of being offline).
  let osOnline = net.isOnline();
  const osOnlinePoll = setInterval(() => {
    const now = net.isOnline();
    if (now !== osOnline) services.reportOsOnline((osOnline = now));
  }, 15_000);
  app.on('will-quit', () => clearInterval(osOnlinePoll));

  app.on('second-instance', openWindow);
  app.on('activate', openWindow);
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  let stopping = false;
  app.on('before-quit', (event) => {
    if (stopping) return;
    stopping = true;
    event.preventDefault();
    void services.stop().finally(() => app.exit(0));
  });
  if (!background.startHidden) openWindow();
}
