import path from 'node:path';
import { z } from 'zod';

/*
 * "Start SiteSync when I sign in" (issue 14): what to register on each OS. Pure; the Electron
 * glue passes the answer to `app.setLoginItemSettings` (macOS, Windows) or writes/removes the
 * XDG autostart file (Linux; Electron has no login items there).
 *
 * The app starts hidden, in the tray: Windows and Linux pass `--hidden`; macOS cannot pass
 * arguments to a login item, so the app asks `app.getLoginItemSettings().wasOpenedAtLogin`
 * (`openAsHidden` is honoured only before macOS 13) — see {@link shouldStartHidden}.
 */

/** The argument that makes the app start in the tray without opening its window. */
export const HIDDEN_ARG = '--hidden';

/** The inputs of the login-item decision. */
export const LoginItemInputSchema = z.object({
  platform: z.string(),
  /** The setting "Start SiteSync when I sign in"; absent means its default (on once a site was imported). */
  startAtSignIn: z.boolean().optional(),
  /** Whether at least one site has been imported (the default turns on with the first import). */
  hasImportedSite: z.boolean(),
  /** `app.isPackaged`: a development build never registers (it would start a bare Electron). */
  isPackaged: z.boolean(),
  /** `process.execPath` of the packaged app. */
  execPath: z.string().min(1),
  /** Windows Squirrel installs: the app runs from `app-x.y.z\`, and the stub one folder up launches the current version. */
  squirrel: z.boolean().default(false),
  /** Linux: `$XDG_CONFIG_HOME`, else `~/.config`. */
  configHome: z.string().min(1).optional(),
  /** Linux AppImage: `$APPIMAGE`, the file to start (execPath points inside the mounted image). */
  appImage: z.string().min(1).optional(),
});
/** See {@link LoginItemInputSchema}. */
export type LoginItemInput = z.input<typeof LoginItemInputSchema>;

/** The subset of Electron's `Settings` for `app.setLoginItemSettings` that SiteSync uses. */
export interface ElectronLoginItemSettings {
  readonly openAtLogin: boolean;
  /** macOS before 13 only. */
  readonly openAsHidden?: boolean;
  /** Windows: the executable and its arguments (pass the same to `getLoginItemSettings`). */
  readonly path?: string;
  readonly args?: readonly string[];
}

/** What the glue does: call Electron, write or remove the autostart file, or nothing (development). */
export type LoginItemAction =
  | { readonly kind: 'electron'; readonly settings: ElectronLoginItemSettings }
  | { readonly kind: 'xdg-write'; readonly file: string; readonly content: string }
  | { readonly kind: 'xdg-remove'; readonly file: string }
  | { readonly kind: 'none'; readonly reason: string };

/** Whether the app should start at sign-in: the setting, else on once a site was imported. */
export function startAtSignInEnabled(setting: boolean | undefined, hasImportedSite: boolean): boolean {
  return setting ?? hasImportedSite;
}

/** Where the Linux autostart entry lives (XDG Autostart spec: `$XDG_CONFIG_HOME/autostart`). */
export function autostartFile(configHome: string): string {
  return path.posix.join(configHome, 'autostart', 'sitesync.desktop');
}

/** Decides what to register for "Start SiteSync when I sign in". */
export function decideLoginItem(input: LoginItemInput): LoginItemAction {
  const i = LoginItemInputSchema.parse(input);
  const enabled = startAtSignInEnabled(i.startAtSignIn, i.hasImportedSite);
  if (!i.isPackaged) return { kind: 'none', reason: 'development build: a login item would start a bare Electron' };
  if (i.platform === 'darwin') return { kind: 'electron', settings: { openAtLogin: enabled, openAsHidden: true } };
  if (i.platform === 'win32') {
    const exe = i.squirrel ? path.win32.resolve(path.win32.dirname(i.execPath), '..', path.win32.basename(i.execPath)) : i.execPath;
    return { kind: 'electron', settings: { openAtLogin: enabled, path: exe, args: [HIDDEN_ARG] } };
  }
  if (i.platform === 'linux') {
    if (!i.configHome) throw new Error('decideLoginItem: configHome is required on Linux ($XDG_CONFIG_HOME or ~/.config)');
    const file = autostartFile(i.configHome);
    return enabled ? { kind: 'xdg-write', file, content: autostartDesktopEntry(i.appImage ?? i.execPath) } : { kind: 'xdg-remove', file };
  }
  return { kind: 'none', reason: `no login items on ${i.platform}` };
}

/**
 * Quotes one argument of a desktop entry's Exec key (Desktop Entry spec, "The Exec key"):
 * double quotes around anything with a reserved character, `"`, `` ` ``, `$` and `\` escaped
 * inside them; then the value itself escapes `\` again (string-value rules), and a literal `%`
 * becomes `%%` (field codes).
 */
export function quoteExecArg(arg: string): string {
  const reserved = /[\s"'\\><~|&;$*?#()`]/;
  const quoted = reserved.test(arg) || arg === '' ? `"${arg.replace(/["`$\\]/g, (c) => `\\${c}`)}"` : arg;
  return quoted.replace(/\\/g, '\\\\').replace(/%/g, '%%');
}

/** The XDG autostart entry that starts SiteSync hidden in the tray at sign-in. */
export function autostartDesktopEntry(executable: string): string {
  if (/[\r\n]/.test(executable)) throw new Error('autostartDesktopEntry: the executable path contains a line break');
  return [
    '[Desktop Entry]',
    'Type=Application',
    'Version=1.0',
    'Name=SiteSync',
    'Comment=Keeps Akuvox SmartPlus Cloud in step with Rent Manager (runs the daily sync in the tray)',
    `Exec=${[executable, HIDDEN_ARG].map(quoteExecArg).join(' ')}`,
    'Icon=sitesync',
    'Terminal=false',
    'Categories=Utility;',
    'X-GNOME-Autostart-enabled=true',
    '',
  ].join('\n');
}

/** Whether this start should stay in the tray: `--hidden` on the command line, or a macOS login-item start. */
export function shouldStartHidden(input: { argv: readonly string[]; platform: string; wasOpenedAtLogin?: boolean }): boolean {
  return input.argv.includes(HIDDEN_ARG) || (input.platform === 'darwin' && input.wasOpenedAtLogin === true);
}
