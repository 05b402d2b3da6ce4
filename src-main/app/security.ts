import type { Session, WebContents, WebPreferences } from 'electron';

/** The renderer's origin: served by the app:// protocol, never file:// (Electron security checklist #18). */
export const APP_ORIGIN = 'app://sitesync';

/** Hosts `shell.openExternal` may open — https only (checklist #15). */
export const EXTERNAL_HOST_ALLOWLIST = ['knowledge.akuvox.com', 'www.akuvox.com', 'www.rentmanager.com', 'rmxhelp.rentmanager.com'];

/**
 * Web preferences of every window: sandboxed, context-isolated, no Node, web security on,
 * no webview, no insecure content, no middle-click navigation (checklist #2, #3, #4, #5, #9, #10).
 */
export function secureWebPreferences(preloadPath: string): WebPreferences {
  return {
    preload: preloadPath,
    sandbox: true,
    contextIsolation: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    safeDialogs: true,
    spellcheck: false,
    disableBlinkFeatures: 'Auxclick',
  };
}

/** True for an https URL whose host is allowlisted. */
export function isAllowedExternalUrl(raw: string): boolean {
  try {
    const url = new URL(raw);
    return url.protocol === 'https:' && EXTERNAL_HOST_ALLOWLIST.includes(url.hostname) && url.username === '' && url.password === '';
  } catch {
    return false;
  }
}

/** True for a URL inside the app itself (or the Vite dev server while developing). */
export function isAppUrl(raw: string, devServerUrl?: string): boolean {
  try {
    const url = new URL(raw);
    if (`${url.protocol}//${url.host}` === APP_ORIGIN) return true;
    if (devServerUrl) return url.origin === new URL(devServerUrl).origin;
    return false;
  } catch {
    return false;
  }
}

/**
 * Locks a window's contents down: no navigation away from the app, no new windows (allowlisted
 * https links open in the browser instead), no webviews, no redirects (checklist #12, #13, #14).
 */
export function hardenWebContents(contents: WebContents, deps: { openExternal: (url: string) => void; devServerUrl?: string }): void {
  contents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url, deps.devServerUrl)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAppUrl(url, deps.devServerUrl)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    if (isAllowedExternalUrl(url)) deps.openExternal(url);
    return { action: 'deny' };
  });
}

/** Denies every permission request and check (camera, notifications from pages, geolocation, …; checklist #6). */
export function hardenSession(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
}

/** True when an IPC message comes from the app's own top-level frame (not an iframe, not a foreign page). */
export function isTrustedSender(frame: { url: string; parent: unknown } | null | undefined, devServerUrl?: string): boolean {
  if (!frame || frame.parent) return false;
  return isAppUrl(frame.url, devServerUrl);
}
