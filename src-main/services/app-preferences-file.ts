import fs from 'node:fs';
import path from 'node:path';
import { DEFAULT_PREFERENCES, type Preferences, PreferencesSchema } from '../../src-shared/domain/preferences';
import { type Logger, silentLogger } from '../logging/logger';
import { mergePreferences, type PreferencesPatch, type PreferencesStore } from './preferences';
import { TypedEmitter } from './typed-emitter';

/** The file the app's electron-store keeps preferences in (`new Store({ name: 'preferences' })` in userData). */
export const APP_PREFERENCES_FILE = 'preferences.json';

/**
 * The app's own preferences file, read and written without Electron, so the CLI shares the
 * app's schedule and settings (issue 14, "one state"). The layout is electron-store's: one JSON
 * object whose `preferences` key holds the value (other keys are kept as found), indented with
 * tabs. Every `get()` reads the file, as electron-store does, so a change made by the other
 * process is seen at once; writes are atomic (temp file + rename).
 */
export class AppPreferencesFile implements PreferencesStore {
  private readonly events = new TypedEmitter<{ change: Preferences }>();
  private readonly file: string;

  constructor(
    dir: string,
    private readonly log: Logger = silentLogger,
  ) {
    this.file = path.join(dir, APP_PREFERENCES_FILE);
  }

  get(): Preferences {
    const parsed = PreferencesSchema.safeParse(this.readWhole().preferences ?? {});
    if (parsed.success) return parsed.data;
    this.log.warn('preferences invalid; using defaults', { file: this.file, issues: parsed.error.issues.length });
    return DEFAULT_PREFERENCES;
  }

  update(patch: PreferencesPatch): Preferences {
    const next = mergePreferences(this.get(), patch);
    const whole = { ...this.readWhole(), preferences: next };
    fs.mkdirSync(path.dirname(this.file), { recursive: true });
    const temp = `${this.file}.${process.pid}.tmp`;
    fs.writeFileSync(temp, JSON.stringify(whole, undefined, '\t'));
    fs.renameSync(temp, this.file);
    this.events.emit('change', next);
    return next;
  }

  onChange(listener: (preferences: Preferences) => void): () => void {
    return this.events.on('change', listener);
  }

  private readWhole(): Record<string, unknown> {
    let text: string;
    try {
      text = fs.readFileSync(this.file, 'utf8');
    } catch {
      return {};
    }
    try {
      const json: unknown = JSON.parse(text);
      return json && typeof json === 'object' && !Array.isArray(json) ? (json as Record<string, unknown>) : {};
    } catch (error) {
      this.log.warn('preferences file unreadable; using defaults', { file: this.file, error });
      return {};
    }
  }
}
