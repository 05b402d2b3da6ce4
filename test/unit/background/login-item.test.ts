import { describe, expect, it } from 'vitest';
import {
  autostartDesktopEntry,
  decideLoginItem,
  type LoginItemInput,
  quoteExecArg,
  shouldStartHidden,
  startAtSignInEnabled,
} from '../../../src-main/background/login-item';

const base: LoginItemInput = { platform: 'win32', hasImportedSite: true, isPackaged: true, execPath: 'C:\\Program Files\\SiteSync\\SiteSync.exe' };

/** Reads an Exec value back the way the Desktop Entry spec says a launcher does: string unescape, then quoting. */
function parseExec(value: string): string[] {
  const s = value.replace(/\\(.)/g, (m, c: string) => (c === '\\' ? '\\' : c === 's' ? ' ' : m));
  const args: string[] = [];
  let current: string | null = null;
  let quoted = false;
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (quoted) {
      if (c === '\\' && '"`$\\'.includes(s[i + 1] ?? '')) current += s[++i]!;
      else if (c === '"') quoted = false;
      else current += c;
    } else if (c === '"') {
      quoted = true;
      current ??= '';
    } else if (c === ' ') {
      if (current !== null) args.push(current);
      current = null;
    } else current = (current ?? '') + c;
  }
  if (current !== null) args.push(current);
  return args.map((a) => a.replace(/%%/g, '%'));
}

describe('startAtSignInEnabled', () => {
  it('defaults to on once a site was imported, and the setting wins', () => {
    expect(startAtSignInEnabled(undefined, false)).toBe(false);
    expect(startAtSignInEnabled(undefined, true)).toBe(true);
    expect(startAtSignInEnabled(false, true)).toBe(false);
    expect(startAtSignInEnabled(true, false)).toBe(true);
  });
});

describe('decideLoginItem', () => {
  it('Windows: the app itself with --hidden; a Squirrel install registers the stub one folder up', () => {
    expect(decideLoginItem(base)).toEqual({
      kind: 'electron',
      settings: { openAtLogin: true, path: 'C:\\Program Files\\SiteSync\\SiteSync.exe', args: ['--hidden'] },
    });
    const squirrel = decideLoginItem({ ...base, execPath: 'C:\\Users\\ana\\AppData\\Local\\SiteSync\\app-0.1.0\\SiteSync.exe', squirrel: true });
    expect(squirrel).toEqual({
      kind: 'electron',
      settings: { openAtLogin: true, path: 'C:\\Users\\ana\\AppData\\Local\\SiteSync\\SiteSync.exe', args: ['--hidden'] },
    });
  });

  it('Windows and macOS turned off: openAtLogin false removes the login item', () => {
    expect(decideLoginItem({ ...base, startAtSignIn: false })).toMatchObject({ kind: 'electron', settings: { openAtLogin: false } });
    expect(decideLoginItem({ ...base, platform: 'darwin', hasImportedSite: false })).toEqual({
      kind: 'electron',
      settings: { openAtLogin: false, openAsHidden: true },
    });
  });

  it('macOS: openAtLogin with openAsHidden (arguments cannot be passed to a macOS login item)', () => {
    expect(decideLoginItem({ ...base, platform: 'darwin', execPath: '/Applications/SiteSync.app/Contents/MacOS/SiteSync' })).toEqual({
      kind: 'electron',
      settings: { openAtLogin: true, openAsHidden: true },
    });
  });

  it('Linux: writes ~/.config/autostart/sitesync.desktop when on, removes it when off', () => {
    const linux = { ...base, platform: 'linux', execPath: '/opt/SiteSync/sitesync', configHome: '/home/ana/.config' };
    const on = decideLoginItem(linux);
    expect(on).toMatchObject({ kind: 'xdg-write', file: '/home/ana/.config/autostart/sitesync.desktop' });
    expect(on.kind === 'xdg-write' && on.content).toContain('Exec=/opt/SiteSync/sitesync --hidden\n');
    expect(decideLoginItem({ ...linux, startAtSignIn: false })).toEqual({ kind: 'xdg-remove', file: '/home/ana/.config/autostart/sitesync.desktop' });
    const appImage = decideLoginItem({ ...linux, appImage: '/home/ana/Apps/SiteSync.AppImage' });
    expect(appImage.kind === 'xdg-write' && appImage.content).toContain('Exec=/home/ana/Apps/SiteSync.AppImage --hidden\n');
    expect(() => decideLoginItem({ ...linux, configHome: undefined })).toThrow(/configHome/);
  });

  it('a development build registers nothing', () => {
    expect(decideLoginItem({ ...base, isPackaged: false })).toMatchObject({ kind: 'none' });
    expect(decideLoginItem({ ...base, platform: 'linux', isPackaged: false, configHome: '/h/.config' })).toMatchObject({ kind: 'none' });
  });
});

describe('autostartDesktopEntry', () => {
  it('is a valid autostart entry that starts hidden and is enabled for GNOME', () => {
    const text = autostartDesktopEntry('/usr/lib/sitesync/sitesync');
    const lines = text.split('\n');
    expect(lines[0]).toBe('[Desktop Entry]');
    expect(lines).toContain('Type=Application');
    expect(lines).toContain('Name=SiteSync');
    expect(lines).toContain('X-GNOME-Autostart-enabled=true');
    expect(lines).toContain('Terminal=false');
    expect(text.endsWith('\n')).toBe(true);
    for (const line of lines.slice(1).filter(Boolean)) expect(line).toMatch(/^[A-Za-z0-9-]+=/);
  });

  it('quotes an executable path with spaces, dollars, quotes, backslashes and percent signs so a launcher reads it back', () => {
    for (const exe of ['/opt/Site Sync/sitesync', '/home/a$b/x"y/sitesync', '/odd\\path/100%/sitesync', '/plain/sitesync']) {
      const exec = autostartDesktopEntry(exe).split('\n').find((l) => l.startsWith('Exec='))!.slice(5);
      expect(parseExec(exec)).toEqual([exe, '--hidden']);
    }
    expect(quoteExecArg('/opt/Site Sync/x')).toBe('"/opt/Site Sync/x"');
    expect(quoteExecArg('/a\\b')).toBe('"/a\\\\\\\\b"');
    expect(() => autostartDesktopEntry('/bad\npath')).toThrow(/line break/);
  });
});

describe('shouldStartHidden', () => {
  it('starts hidden with --hidden, or on macOS when opened as a login item', () => {
    expect(shouldStartHidden({ argv: ['SiteSync.exe', '--hidden'], platform: 'win32' })).toBe(true);
    expect(shouldStartHidden({ argv: ['SiteSync.exe'], platform: 'win32' })).toBe(false);
    expect(shouldStartHidden({ argv: ['SiteSync'], platform: 'darwin', wasOpenedAtLogin: true })).toBe(true);
    expect(shouldStartHidden({ argv: ['SiteSync'], platform: 'darwin', wasOpenedAtLogin: false })).toBe(false);
    expect(shouldStartHidden({ argv: ['sitesync'], platform: 'linux', wasOpenedAtLogin: true })).toBe(false);
  });
});
