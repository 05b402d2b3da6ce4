import { createStore } from 'zustand/vanilla';
import type { AppInfo, Navigation, SandboxHints, StartupNotice } from '../../src-shared/ipc/contract/app';
import type { Bridge } from '../bridge';
import { describeError } from '../lib/error-text';

/** The screens of the sidebar, in order. */
export const SCREENS = ['overview', 'apartments', 'billing', 'devices', 'runs', 'settings', 'connections'] as const;
/** One of {@link SCREENS}. */
export type Screen = (typeof SCREENS)[number];
/** Any screen a route can show (sidebar screens plus sub-screens such as the Get Site wizard). */
export type RouteScreen = Navigation['screen'];

/** The sidebar item a route belongs to (the wizard lives under Sites, the search of changes under Runs). */
export function sidebarScreenOf(screen: RouteScreen): Screen {
  if (screen === 'changes') return 'runs';
  return screen === 'get-site' ? 'apartments' : screen;
}

/** Shell state: app info, online state, theme and where the user is. */
export interface AppState {
  info: AppInfo | null;
  /** In the sandbox only: its test cards and registered device MACs (null otherwise). */
  sandboxHints: SandboxHints;
  loadError: string | null;
  online: boolean;
  onlineSince: string | null;
  theme: AppInfo['theme'];
  route: Navigation;
  /** Asked before every navigation (a wizard with unsaved input); returning false keeps the user where they are. */
  leaveGuard: ((to: Navigation) => boolean) | null;
  load(): Promise<void>;
  navigate(to: Navigation): void;
  /** Installs (or with null removes) the {@link AppState.leaveGuard}. */
  setLeaveGuard(guard: ((to: Navigation) => boolean) | null): void;
  setTheme(theme: AppInfo['theme']): Promise<void>;
  /** What start-up recovered from (a damaged file kept aside, a locked keychain), as main keeps it. */
  notices: StartupNotice[];
  /** The banner's "Try again" for a locked keychain: idle, trying, or tried and still locked. */
  keychainRetry: 'idle' | 'trying' | 'still-locked';
  loadNotices(): Promise<void>;
  dismissNotice(id: string): Promise<void>;
  retryKeychain(): Promise<void>;
}

/** Builds the shell store over a bridge; subscribes to online changes and main-initiated navigation. */
export function createAppStore(bridge: Bridge) {
  const store = createStore<AppState>()((set, get) => ({
    info: null,
    sandboxHints: null,
    loadError: null,
    online: true,
    onlineSince: null,
    theme: 'system',
    route: { screen: 'overview' },
    notices: [],
    keychainRetry: 'idle',
    async load() {
      void get().loadNotices();
      try {
        const info = await bridge.call('app.getInfo');
        set({ info, online: info.online, theme: info.theme, loadError: null });
        if (info.sandbox) set({ sandboxHints: await bridge.call('app.getSandboxHints', {}).catch(() => null) });
      } catch (error) {
        set({ loadError: describeError(error).text });
      }
    },
    leaveGuard: null,
    navigate(to) {
      const guard = get().leaveGuard;
      if (guard && !guard(to)) return;
      set({ route: to });
    },
    setLeaveGuard(guard) {
      set({ leaveGuard: guard });
    },
    async setTheme(theme) {
      set({ theme });
      await bridge.call('app.setTheme', { theme });
    },
    async loadNotices() {
      try {
        set({ notices: (await bridge.call('app.getStartupNotices')).notices });
      } catch {
        // Notices are extra news; without them the shell still works.
      }
    },
    async dismissNotice(id) {
      set({ notices: get().notices.filter((n) => n.id !== id || !n.dismissible) });
      try {
        set({ notices: (await bridge.call('app.dismissStartupNotice', { id })).notices });
      } catch {
        // Hidden here already; main shows it again after a reload, which is harmless.
      }
    },
    async retryKeychain() {
      set({ keychainRetry: 'trying' });
      try {
        const { unlocked, notices } = await bridge.call('app.retryKeychain');
        set({ notices, keychainRetry: unlocked ? 'idle' : 'still-locked' });
      } catch {
        set({ keychainRetry: 'still-locked' });
      }
    },
  }));
  // Main changes the list itself: the keychain unlocked (by the periodic retry), a notice closed in another window.
  bridge.on('app.startupNoticesChanged', ({ notices }) => store.setState({ notices, ...(notices.some((n) => n.kind === 'keychain-locked') ? {} : { keychainRetry: 'idle' }) }));
  bridge.on('app.onlineChanged', ({ online, since }) => store.setState({ online, onlineSince: since }));
  // Menu items and notification clicks go through navigate, so a wizard with input still asks first.
  bridge.on('app.navigated', (to) => store.getState().navigate(to));
  // A real account added or removed: the status bar's "Sandbox" follows whether only the sandbox is left.
  bridge.on('connections.changed', () => {
    void bridge.call('app.getInfo').then((info) => store.setState({ info }), () => undefined);
  });
  // The status bar's "Last sync" follows finished runs (a dry run changes nothing).
  bridge.on('sync.finished', (run) => {
    const info = store.getState().info;
    if (info && !run.dryRun && run.endedAt && run.outcome !== 'failed' && run.outcome !== 'cancelled') {
      store.setState({ info: { ...info, lastSyncAt: run.endedAt } });
    }
  });
  return store;
}

/** The type of store {@link createAppStore} returns. */
export type AppStore = ReturnType<typeof createAppStore>;
