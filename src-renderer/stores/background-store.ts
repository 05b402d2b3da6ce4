import { createStore } from 'zustand/vanilla';
import type { BackgroundSettings, BackgroundView } from '../../src-shared/ipc/contract/background';
import type { Bridge } from '../bridge';
import { errorSentence } from '../lib/error-text';
import { failed, type Loadable } from '../lib/loadable';

/** The "stays on duty" card of Settings: three switches and the OS task's state (issue 14). */
export interface BackgroundState {
  view: Loadable<BackgroundView>;
  /** The switch being saved, so only it is disabled meanwhile. */
  saving: keyof BackgroundSettings | null;
  notice: { kind: 'saved' | 'error'; text: string } | null;
  load(): Promise<void>;
  toggle(key: keyof BackgroundSettings, on: boolean): Promise<void>;
}

const SAVED: Record<keyof BackgroundSettings, [string, string]> = {
  keepRunningInBackground: ['Closing the window now keeps SiteSync running in the tray.', 'Closing the window now quits SiteSync.'],
  startAtSignIn: ['SiteSync now starts in the tray when you sign in.', 'SiteSync no longer starts when you sign in.'],
  runWhenClosed: ['The daily sync now runs even when SiteSync is closed.', 'The daily sync now runs only while SiteSync is running.'],
};

/** Builds the background-settings store over a bridge. */
export function createBackgroundStore(bridge: Bridge) {
  return createStore<BackgroundState>()((set) => ({
    view: { status: 'idle' },
    saving: null,
    notice: null,
    async load() {
      set({ view: { status: 'loading' }, notice: null });
      try {
        set({ view: { status: 'ready', value: await bridge.call('background.getSettings') } });
      } catch (error) {
        set({ view: failed(error) });
      }
    },
    async toggle(key, on) {
      set({ saving: key, notice: null });
      try {
        const view = await bridge.call('background.saveSettings', { [key]: on });
        const problem = view.osTask.problem && key === 'runWhenClosed' ? view.osTask.problem : null;
        set({ view: { status: 'ready', value: view }, saving: null, notice: problem ? { kind: 'error', text: problem } : { kind: 'saved', text: SAVED[key][on ? 0 : 1] } });
      } catch (error) {
        set({ saving: null, notice: { kind: 'error', text: errorSentence(error) } });
      }
    },
  }));
}

/** The type of store {@link createBackgroundStore} returns. */
export type BackgroundStore = ReturnType<typeof createBackgroundStore>;
