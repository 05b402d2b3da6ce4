import fs from 'node:fs';
import path from 'node:path';
import { DEFAULT_PREFERENCES, type Preferences, PreferencesSchema } from '../../src-shared/domain/preferences';
import { type Logger, silentLogger } from '../logging/logger';
import { TypedEmitter } from './typed-emitter';

/**
 * Where preferences live. The app backs it with electron-store (in src-main/app); tests and the
 * CLI use {@link JsonFilePreferencesStore}. Values are validated on the way in and out.
 */
export interface PreferencesStore {
  /** The current preferences, defaults filled. */
  get(): Preferences;
  /** Merges `patch` (one level deep for `schedule`), validates, saves and returns the result. */
  update(patch: PreferencesPatch): Preferences;
  /** Calls `listener` after every change; returns the function that unsubscribes. */
  onChange(listener: (preferences: Preferences) => void): () => void;
}

/** A change to preferences: any top-level field, and any part of the schedule. */
export type PreferencesPatch = Partial<Omit<Preferences, 'schedule'>> & { schedule?: Partial<Preferences['schedule']> };

/** Applies a patch to preferences and validates the result (shared by every store). */
export function mergePreferences(current: Preferences, patch: PreferencesPatch): Preferences {
  return PreferencesSchema.parse({
    ...current,
    ...patch,
    schedule: { ...current.schedule, ...(patch.schedule ?? {}) },
  });
}

/**
 * Preferences in a JSON file, written atomically (temp file + rename) so a crash never leaves
 * half a file. An unreadable or invalid file is logged and replaced by defaults, never fatal.
 */
export class JsonFilePreferencesStore implements PreferencesStore {
  private value: Preferences;
  private readonly events = new TypedEmitter<{ change: Preferences }>();

  constructor(
    private readonly file: string,
    private readonly log: Logger = silentLogger,
  ) {
    this.value = this.load();
  }

  get(): Preferences {
    return this.value;
  }

  update(patch: PreferencesPatch): Preferences {
    const next = mergePreferences(this.value, patch);
    fs.mkdirSync(path.dirname(this.file), { recursive: true });
    const temp = `${this.file}.${process.pid}.tmp`;
    fs.writeFileSync(temp, `${JSON.stringify(next, null, 2)}\n`);
    fs.renameSync(temp, this.file);
    this.value = next;
    this.events.emit('change', next);
    return next;
  }

  onChange(listener: (preferences: Preferences) => void): () => void {
    return this.events.on('change', listener);
  }

  private load(): Preferences {
    if (!fs.existsSync(this.file)) return DEFAULT_PREFERENCES;
    try {
      // A byte-order mark (an editor on Windows) is not damage.
      const parsed = PreferencesSchema.safeParse(JSON.parse(fs.readFileSync(this.file, 'utf8').replace(/^\uFEFF/, '')));
      if (parsed.success) return parsed.data;
      this.log.warn('preferences file invalid; using defaults', { file: this.file, issues: parsed.error.issues.length });
    } catch (error) {
      this.log.warn('preferences file unreadable; using defaults', { file: this.file, error });
    }
    return DEFAULT_PREFERENCES;
  }
}
