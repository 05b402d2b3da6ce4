import { describe, expect, it } from 'vitest';
import {
  hardenSession,
  hardenWebContents,
  isAllowedExternalUrl,
  isTrustedSender,
  secureWebPreferences,
} from '../../../src-main/app/security';
import { resolveAppFile } from '../../../src-main/app/protocol';
import { CONTENT_SECURITY_POLICY } from '../../../src-main/app/csp';

// One test per item of Electron's security checklist that the app's code decides.
describe('Electron security checklist', () => {
  const prefs = secureWebPreferences('/app/preload.cjs');

  it('#2 no Node.js integration in renderers, workers or sub-frames', () => {
    expect(prefs).toMatchObject({ nodeIntegration: false, nodeIntegrationInWorker: false, nodeIntegrationInSubFrames: false });
  });
  it('#3 context isolation on', () => expect(prefs.contextIsolation).toBe(true));
  it('#4 renderers sandboxed', () => expect(prefs.sandbox).toBe(true));
  it('#6 webSecurity on, no insecure content, no experimental features', () => {
    expect(prefs).toMatchObject({ webSecurity: true, allowRunningInsecureContent: false, experimentalFeatures: false });
  });
  it('#12 no <webview>', () => expect(prefs.webviewTag).toBe(false));
  it('middle-click (auxclick) cannot open links', () => expect(prefs.disableBlinkFeatures).toBe('Auxclick'));

  it('#7 a strict CSP: self only, no inline script, no remote connections', () => {
    expect(CONTENT_SECURITY_POLICY).toContain("default-src 'self'");
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    expect(CONTENT_SECURITY_POLICY).toContain("connect-src 'self'");
    expect(CONTENT_SECURITY_POLICY).toContain("object-src 'none'");
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe-inline');
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe-eval');
  });

  it('#5 every permission request and check is denied', () => {
    const calls: Record<string, unknown> = {};
    const fake = {
      setPermissionRequestHandler: (fn: (c: unknown, p: string, cb: (ok: boolean) => void) => void) =>
        fn(null, 'media', (ok) => (calls.request = ok)),
      setPermissionCheckHandler: (fn: () => boolean) => (calls.check = fn()),
      setDevicePermissionHandler: (fn: () => boolean) => (calls.device = fn()),
    };
    hardenSession(fake as never);
    expect(calls).toEqual({ request: false, check: false, device: false });
  });

  function contents() {
    const listeners = new Map<string, (event: { preventDefault(): void; prevented?: boolean }, url?: string) => void>();
    let openHandler: ((d: { url: string }) => { action: string }) | null = null;
    const fake = {
      on: (name: string, fn: never) => void listeners.set(name, fn),
      setWindowOpenHandler: (fn: never) => void (openHandler = fn),
    };
    const opened: string[] = [];
    hardenWebContents(fake as never, { openExternal: (url) => void opened.push(url) });
    const fire = (name: string, url?: string) => {
      const event = { prevented: false, preventDefault() { this.prevented = true; } };
      listeners.get(name)!(event, url);
      return event.prevented;
    };
    return { fire, open: (url: string) => openHandler!({ url }), opened };
  }

  it('#13 navigation away from the app is refused, inside it allowed', () => {
    const c = contents();
    expect(c.fire('will-navigate', 'https://evil.example/')).toBe(true);
    expect(c.fire('will-navigate', 'file:///etc/passwd')).toBe(true);
    expect(c.fire('will-redirect', 'http://127.0.0.1:9999/')).toBe(true);
    expect(c.fire('will-navigate', 'app://sitesync/index.html')).toBe(false);
    expect(c.fire('will-attach-webview')).toBe(true);
  });

  it('#14 new windows are denied; only allowlisted https links go to the browser', () => {
    const c = contents();
    expect(c.open('https://knowledge.akuvox.com/v1/docs/integration-with-rent-manager')).toEqual({ action: 'deny' });
    expect(c.open('https://evil.example/')).toEqual({ action: 'deny' });
    expect(c.open('http://knowledge.akuvox.com/')).toEqual({ action: 'deny' });
    expect(c.opened).toEqual(['https://knowledge.akuvox.com/v1/docs/integration-with-rent-manager']);
  });

  it('#15 openExternal only for https hosts on the allowlist', () => {
    expect(isAllowedExternalUrl('https://www.akuvox.com/')).toBe(true);
    expect(isAllowedExternalUrl('http://www.akuvox.com/')).toBe(false);
    expect(isAllowedExternalUrl('https://www.akuvox.com.evil.example/')).toBe(false);
    expect(isAllowedExternalUrl('https://user:pw@www.akuvox.com/')).toBe(false);
    expect(isAllowedExternalUrl('file:///C:/Windows/System32/calc.exe')).toBe(false);
    expect(isAllowedExternalUrl('not a url')).toBe(false);
  });

  it('#17 IPC senders are validated: only the app top frame', () => {
    expect(isTrustedSender({ url: 'app://sitesync/index.html', parent: null })).toBe(true);
    expect(isTrustedSender({ url: 'app://sitesync/index.html', parent: {} })).toBe(false);
    expect(isTrustedSender({ url: 'https://evil.example/', parent: null })).toBe(false);
    expect(isTrustedSender(null)).toBe(false);
    expect(isTrustedSender({ url: 'http://localhost:5173/', parent: null }, 'http://localhost:5173')).toBe(true);
    expect(isTrustedSender({ url: 'http://localhost:5174/', parent: null }, 'http://localhost:5173')).toBe(false);
  });

  it('#18 the renderer comes from app://, never file://, and cannot escape its folder', () => {
    expect(resolveAppFile('app://sitesync/index.html', '/r')).toEqual({ file: '/r/index.html', mime: 'text/html; charset=utf-8' });
    expect(resolveAppFile('app://sitesync/', '/r')?.file).toBe('/r/index.html');
    expect(resolveAppFile('app://sitesync/../../etc/passwd', '/r')?.file).toBe('/r/etc/passwd');
    for (const sneaky of ['app://sitesync/%2e%2e/%2e%2e/etc/passwd', 'app://sitesync/..%2f..%2fetc/passwd', 'app://sitesync/%2E%2E%5C..%5Cwin.ini']) {
      const target = resolveAppFile(sneaky, '/r');
      expect(target === null || target.file.startsWith('/r/')).toBe(true);
    }
    expect(resolveAppFile('app://other/index.html', '/r')).toBeNull();
    expect(resolveAppFile('file:///r/index.html', '/r')).toBeNull();
  });
});
