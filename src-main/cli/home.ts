import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { UsageError } from './cli-error';

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

/**
 * Where the CLI finds the app's state: SITESYNC_HOME when set (scripts, tests, servers), else the
 * app's own folder. Something there that is not a folder (a file, a FIFO) is a usage error saying
 * so, rather than a stack trace or a blocked read.
 */
export function cliHome(env: NodeJS.ProcessEnv): string {
  const home = path.resolve(env.SITESYNC_HOME || appUserDataDir(process.platform, env, os.homedir()));
  let stat: fs.Stats | null = null;
  try {
    stat = fs.statSync(home);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw new UsageError(`SITESYNC_HOME (${home}) cannot be read: ${(error as Error).message}`);
  }
  if (stat && !stat.isDirectory()) {
    const what = stat.isFIFO() ? 'a FIFO (named pipe)' : stat.isFile() ? 'a file' : 'not a folder';
    throw new UsageError(`SITESYNC_HOME (${home}) is ${what}. Point it to a folder (it is created if missing).`);
  }
  return home;
}
