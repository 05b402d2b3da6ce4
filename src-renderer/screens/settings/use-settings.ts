import { useStore } from 'zustand';
import type { SettingsState } from '../../stores/settings-store';
import { useStores } from '../../stores/stores-context';

/** Reads the Settings store through a narrow selector. */
export function useSettings<T>(selector: (state: SettingsState) => T): T {
  return useStore(useStores().settings, selector);
}
