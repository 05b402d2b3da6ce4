import path from 'node:path';
import type { z } from 'zod';
import { type AppServices, type AppServicesOptions, createAppServices } from '../composition/create-app-services';
import { redactText } from '../logging/redact';
import type { PreferencesStore } from '../services/preferences';
import { StartupNotices } from '../services/startup-notices';
import { checkDatabaseFile, checkJsonFile, keepAside } from './damaged-files';

/** The database file in the user-data folder. */
export const DATABASE_FILE = 'sitesync.db';

/** What the host (main.ts; the start-up safety tests) gives {@link startApp}. Electron stays outside. */
export interface StartAppOptions {
  /** Everything createAppServices needs except the preferences and notices, which start-up provides. */
  services: Omit<AppServicesOptions, 'preferences' | 'startupNotices'>;
  preferences: {
    /** The preferences file as the store keeps it (electron-store: `<userData>/preferences.json`). */
    file: string;
    /** The schema of that file's content (the store's own layout). */
    schema: z.ZodType;
    /** Builds the store over the file (after a damaged file was moved aside, over a fresh one). */
    open(): PreferencesStore;
  };
  /** The log file, named in the error dialog. */
  logFile: string;
  /** Why the log cannot be written (ENOSPC, EROFS…), if it cannot: the dialog then says so instead of pointing at nothing. */
  logError?: () => string | null;
  /** Shows a start error that SiteSync could not recover from (Electron: `dialog.showErrorBox`). */
  showFatalError(title: string, message: string): void | Promise<void>;
}

/** A start that worked (maybe with notices), or one that failed and was shown to the user. */
export type StartAppResult =
  | { ok: true; services: AppServices; preferences: PreferencesStore; notices: StartupNotices }
  | { ok: false; error: unknown };

/**
 * Starts SiteSync's services so that a start never dies silently (issue 12):
 * - a `preferences.json` that is not JSON, or holds values of the wrong kind, is kept aside as
 *   `preferences.json.damaged-<stamp>` and the app starts on defaults, with a notice;
 * - a `sitesync.db` that SQLite cannot read (garbage bytes, broken pages) is kept aside with its
 *   WAL and a fresh database is created, with a notice;
 * - a locked or missing keychain opens the app "keychain locked" with a notice and retries
 *   (createAppServices' keychain watch); the sandbox registers without it;
 * - anything else is logged and shown in an error dialog naming the log file, and the result
 *   says so, so the host quits (releasing the single-instance lock) instead of hanging windowless.
 */
export async function startApp(options: StartAppOptions): Promise<StartAppResult> {
  const log = options.services.log.child('startup');
  const now = () => options.services.clock?.now() ?? new Date();
  const notices = new StartupNotices(now);
  try {
    const preferences = openPreferences(options, notices, now);
    const dbFile = path.join(options.services.userDataDir, DATABASE_FILE);
    const db = checkDatabaseFile(dbFile);
    if (db.state === 'damaged') {
      const kept = keepAside(dbFile, now(), ['-wal', '-shm', '-journal']);
      log.warn('database damaged; kept aside and replaced by a fresh one', { reason: db.reason, kept });
      notices.add({
        kind: 'database-replaced',
        title: 'The local database was damaged and has been replaced',
        message: `SiteSync could not read ${DATABASE_FILE} (${db.reason}), kept it unchanged and started with an empty database. Nothing in Rent Manager or SmartPlus was changed; saved passwords are still in the keychain.`,
        nextStep: 'Add your connections and sites again (Connections, then Sites → Get site from PMS). For the old run history, send the kept file and the log to support.',
        keptFile: kept,
        dismissible: true,
      });
    }
    const services = await createAppServices({ ...options.services, preferences, startupNotices: notices });
    return { ok: true, services, preferences, notices };
  } catch (error) {
    log.error('SiteSync could not start', { error });
    const message = fatalStartMessage(error, options.logFile, options.logError?.() ?? null);
    await Promise.resolve(options.showFatalError(FATAL_START_TITLE, message)).catch(() => undefined);
    return { ok: false, error };
  }
}

/** The title of the start-up error dialog. */
export const FATAL_START_TITLE = 'SiteSync could not start';

/** The start-up error dialog's text: what failed (redacted), that nothing was deleted, where the log is, what to do. */
export function fatalStartMessage(error: unknown, logFile: string, logError: string | null = null): string {
  const reason = redactText(error instanceof Error ? error.message : String(error));
  if (logError) {
    return `${reason}\n\nNothing was deleted. The log could not be written (${logError}) at:\n${logFile}\n\nFree some disk space or fix the folder's permissions, then start SiteSync again; if this happens again, send this message to support.`;
  }
  return `${reason}\n\nNothing was deleted. The log has the details:\n${logFile}\n\nQuit and start SiteSync again; if this happens again, send that file to support.`;
}

/** Checks the preferences file before the store reads it (electron-store throws on bad JSON and silently drops wrong types). */
function openPreferences(options: StartAppOptions, notices: StartupNotices, now: () => Date): PreferencesStore {
  const { file, schema } = options.preferences;
  const check = checkJsonFile(file, schema);
  if (check.state !== 'damaged') return options.preferences.open();
  const kept = keepAside(file, now());
  options.services.log.child('startup').warn('preferences damaged; kept aside, starting on defaults', { reason: check.reason, kept });
  notices.add({
    kind: 'preferences-replaced',
    title: 'Your preferences were damaged and have been reset',
    message: `SiteSync could not use ${path.basename(file)} (${check.reason}), kept it unchanged and started with the default theme and daily schedule.`,
    nextStep: 'Check the daily schedule under Settings and save it again if it is not what you had.',
    keptFile: kept,
    dismissible: true,
  });
  return options.preferences.open();
}
