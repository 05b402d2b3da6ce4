// The Electron glue of "the app stays on duty" (issue 14). Every decision is a pure function in
// src-main/background/ (unit-tested without Electron); this file only feeds them Electron's
// facts and acts on the answers. main.ts calls runCliMode (packaged `--cli`) and installBackgroundGlue.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { app, type BrowserWindow, Notification, powerMonitor } from 'electron';
import { createCatchUp } from '../background/catch-up';
import { decideLoginItem, shouldStartHidden } from '../background/login-item';
import { decideRunNotification } from '../background/run-notification';
import { decideWindowClose, FIRST_HIDE_NOTIFICATION } from '../background/window-close';
import { runCli } from '../cli/run-cli';
import type { AppServices } from '../composition/create-app-services';
import type { Logger } from '../logging/logger';
import { CLI_MODE_ARG } from '../os-schedule/task-command';
import type { PreferencesStore } from '../services/preferences';

/** Whether this start is the packaged app in CLI mode (the OS task, a script): no window, no tray. */
export function isCliMode(argv: readonly string[] = process.argv): boolean {
  return argv.includes(CLI_MODE_ARG);
}

/** Runs the CLI with the arguments after `--cli` and exits with its code (one engine: the OS task calls this). */
export async function runCliMode(argv: readonly string[] = process.argv): Promise<void> {
  app.dock?.hide();
  const args = argv.slice(argv.indexOf(CLI_MODE_ARG) + 1);
  const code = await runCli([...args], process.env, { isPackaged: app.isPackaged, execPath: process.execPath });
  app.exit(code);
}

/** What the glue needs from main.ts. */
export interface BackgroundGlueDeps {
  readonly services: AppServices;
  readonly prefs: PreferencesStore;
  readonly log: Logger;
  /** Opens (or shows) the main window on a screen, e.g. a notification's run. */
  navigate(screen: 'runs', runId: string): void;
}

/** What main.ts reads back. */
export interface BackgroundGlue {
  /** Start in the tray without opening the window (a sign-in start). */
  readonly startHidden: boolean;
}

/** Wires close → hide, quit, login item, catch-up, notifications and the external-run poll. */
export function installBackgroundGlue(deps: BackgroundGlueDeps): BackgroundGlue {
  const { services, prefs, log } = deps;
  const { db } = services.ctx;
  let quitting = false;
  const quit = () => void (quitting = true);
  app.on('before-quit', quit);
  powerMonitor.on('shutdown', quit);

  const notify = (note: { title: string; body: string }, onClick?: () => void) => {
    if (!Notification.isSupported()) return;
    const n = new Notification(note);
    if (onClick) n.on('click', onClick);
    n.show();
  };

  // Close → hide to the tray (or quit), per decideWindowClose; the external-run poll runs while shown.
  app.on('browser-window-created', (_event, win: BrowserWindow) => {
    // Windows ending the session closes the window without before-quit: let it quit.
    win.on('session-end', quit);
    win.on('close', (event) => {
      const decision = decideWindowClose({
        platform: process.platform,
        scheduleEnabled: db.sites.listSummaries().length > 0,
        keepRunningInBackground: prefs.get().keepRunningInBackground,
        quitting,
        firstHideNotified: prefs.get().trayNoticeShown ?? false,
      });
      if (decision.action === 'quit') return;
      event.preventDefault();
      win.hide();
      if (decision.notifyFirstHide) {
        prefs.update({ trayNoticeShown: true });
        notify(FIRST_HIDE_NOTIFICATION);
      }
    });
    win.on('show', () => services.externalRuns.start());
    win.on('hide', () => services.externalRuns.stop());
    win.on('closed', () => services.externalRuns.stop());
  });
  // Runs the OS task made while the app was closed raise their notices now.
  try {
    services.externalRuns.check();
  } catch (error) {
    log.warn('could not read runs of other processes', { error });
  }

  // Notifications per decideRunNotification; a click opens the run.
  services.events.on('sync.finished', (run) => {
    const note = decideRunNotification(run, db.sites.get(run.siteId)?.name ?? 'A site');
    if (note) notify(note, () => deps.navigate('runs', note.runId));
  });

  // Login item: Electron's on macOS and Windows, an XDG autostart file on Linux.
  const applyLoginItem = () => {
    const action = decideLoginItem({
      platform: process.platform,
      startAtSignIn: prefs.get().startAtSignIn,
      hasImportedSite: db.sites.listSummaries().length > 0,
      isPackaged: app.isPackaged,
      execPath: process.execPath,
      squirrel: process.platform === 'win32' && path.basename(path.dirname(process.execPath)).startsWith('app-'),
      configHome: process.env.XDG_CONFIG_HOME || path.join(os.homedir(), '.config'),
      ...(process.env.APPIMAGE ? { appImage: process.env.APPIMAGE } : {}),
    });
    if (action.kind === 'electron') app.setLoginItemSettings({ ...action.settings, args: action.settings.args ? [...action.settings.args] : [] });
    else if (action.kind === 'xdg-write') void fs.mkdir(path.dirname(action.file), { recursive: true }).then(() => fs.writeFile(action.file, action.content));
    else if (action.kind === 'xdg-remove') void fs.rm(action.file, { force: true });
    if (action.kind !== 'none') log.info('login item', { kind: action.kind });
  };
  const safely = (fn: () => void) => () => {
    try {
      fn();
    } catch (error) {
      log.warn('login item could not be changed', { error });
    }
  };
  safely(applyLoginItem)();
  let signIn = JSON.stringify([prefs.get().startAtSignIn, db.sites.listSummaries().length > 0]);
  const followLoginItem = safely(() => {
    const now = JSON.stringify([prefs.get().startAtSignIn, db.sites.listSummaries().length > 0]);
    if (now !== signIn) applyLoginItem();
    signIn = now;
  });
  prefs.onChange(followLoginItem);
  services.events.on('sync.finished', (run) => run.trigger === 'import' && followLoginItem());

  // Resume from sleep and the network coming back: the catch-up, also while hidden.
  const catchUp = createCatchUp({
    now: services.ctx.now,
    schedule: () => prefs.get().schedule,
    siteIds: () => db.sites.listSummaries().map((s) => s.id),
    lastFullRun: (siteId) => {
      const at = db.runs.lastCompletedRunAt(siteId);
      return at ? new Date(at) : null;
    },
    isRunning: (siteId) => services.ctx.sync.running().some((p) => p.siteId === siteId) || db.runLocks.holder(siteId) !== null,
    pausedWhy: (siteId) => db.sites.skipWhy(siteId),
    onPausedSkip: (siteId, why) => log.info(`catch-up ${why}`, { siteId }),
    async runFull(siteId) {
      const run = await (await services.features.sync.runSite({ siteId, trigger: 'catch-up' })).done;
      return { outcome: run.outcome, errorCode: run.outcome === 'failed' && !services.ctx.isOnline() ? 'OFFLINE' : null };
    },
    async runLight(siteId) {
      if (await services.lightSyncDue(siteId)) await (await services.features.sync.runSite({ siteId, trigger: 'scheduled' })).done;
    },
  });
  const catchUpOn = (reason: 'resume' | 'network-back') => void catchUp.run(reason).catch((error: unknown) => log.warn('catch-up failed', { reason, error }));
  powerMonitor.on('resume', () => catchUpOn('resume'));
  services.ctx.online.onChange((change) => change.online && catchUpOn('network-back'));

  return {
    startHidden: shouldStartHidden({ argv: process.argv, platform: process.platform, wasOpenedAtLogin: process.platform === 'darwin' ? app.getLoginItemSettings().wasOpenedAtLogin : false }),
  };
}
