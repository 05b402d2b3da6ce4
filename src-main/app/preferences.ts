import Store from 'electron-store';
import { z } from 'zod';
import { DEFAULT_PREFERENCES, type Preferences, PreferencesSchema } from '../../src-shared/domain/preferences';
import { mergePreferences, type PreferencesPatch, type PreferencesStore } from '../services/preferences';

/** The layout of electron-store's `preferences.json`: the preferences under one key (start-up checks the file against it). */
export const ElectronPreferencesFileSchema = z.object({ preferences: PreferencesSchema.optional() });

/**
 * Preferences kept by electron-store in the app's userData (theme, window state, schedule).
 * Values are validated on the way in and out; an invalid file falls back to defaults.
 */
export class ElectronPreferencesStore implements PreferencesStore {
  private readonly store = new Store<{ preferences: Preferences }>({ name: 'preferences', defaults: { preferences: DEFAULT_PREFERENCES } });
  private readonly listeners = new Set<(p: Preferences) => void>();

  get(): Preferences {
    const parsed = PreferencesSchema.safeParse(this.store.get('preferences'));
    return parsed.success ? parsed.data : DEFAULT_PREFERENCES;
  }

  update(patch: PreferencesPatch): Preferences {
    const next = mergePreferences(this.get(), patch);
    this.store.set('preferences', next);
    for (const listener of this.listeners) listener(next);
    return next;
  }

  onChange(listener: (preferences: Preferences) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
