import os from 'node:os';
import path from 'node:path';

/** The app's productName: Electron names its user-data folder after it. */
export const PRODUCT_NAME = 'SiteSync';

/**
 * The app's user-data folder, computed as Electron does for productName SiteSync
 * (`app.getPath('userData')` = appData + name): `%APPDATA%\SiteSync` on Windows,
 * `~/Library/Application Support/SiteSync` on macOS, `$XDG_CONFIG_HOME/SiteSync` (else
 * `~/.config/SiteSync`) on Linux.
 */
export function appUserDataDir(platform: NodeJS.Platform | string, env: NodeJS.ProcessEnv, homeDir: string): string {
  if (platform === 'win32') return path.win32.join(env.APPDATA || path.win32.join(homeDir, 'AppData', 'Roaming'), PRODUCT_NAME);
  if (platform === 'darwin') return path.posix.join(homeDir, 'Library', 'Application Support', PRODUCT_NAME);
  const config = env.XDG_CONFIG_HOME && path.posix.isAbsolute(env.XDG_CONFIG_HOME) ? env.XDG_CONFIG_HOME : path.posix.join(homeDir, '.config');
  return path.posix.join(config, PRODUCT_NAME);
}

/** Where the CLI finds the app's state: SITESYNC_HOME when set (scripts, tests, servers), else the app's own folder. */
export function cliHome(env: NodeJS.ProcessEnv): string {
  return path.resolve(env.SITESYNC_HOME || appUserDataDir(process.platform, env, os.homedir()));
}
