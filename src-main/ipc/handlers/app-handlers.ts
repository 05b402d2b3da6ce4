import type { AppInfo, SandboxHints } from '../../../src-shared/ipc/contract/app';
import type { Logger } from '../../logging/logger';
import { RateLimiter } from '../../logging/rate-limiter';
import type { EventBus } from '../../services/event-bus';
import { StartupNotices } from '../../services/startup-notices';
import type { HandlerMap } from '../dispatch';

/** What the `app.*` handlers need: a few services, plus what the host knows (version, platform, theme store). */
export interface AppHandlerDeps {
  log: Logger;
  events: EventBus;
  now: () => Date;
  isOnline(): boolean;
  /** Whether the app runs on the embedded sandbox. */
  sandbox: boolean;
  /** True while every connection is the sandbox's (absent: as `sandbox`). */
  sandboxOnly?: () => boolean;
  /** The newest end of a completed run over every site, for the status bar. */
  lastSyncAt(): string | null;
  appVersion: string;
  platform: string;
  theme: { get(): AppInfo['theme']; set(theme: AppInfo['theme']): void };
  /** What start-up recovered from, and the keychain retry (absent in transport tests: no notices). */
  startup?: { notices: StartupNotices; retryKeychain(): Promise<boolean> };
  /** The sandbox's test cards and MACs; absent (null to the renderer) for real accounts. */
  sandboxHints?: () => SandboxHints;
  /** Whether a site syncs to the sandbox's SmartPlus account (absent: every site does). */
  siteUsesSandbox?: (siteId: string) => boolean;
}

type AppHandlers = Pick<
  HandlerMap,
  'app.getInfo' | 'app.setTheme' | 'app.log' | 'app.ping' | 'app.getStartupNotices' | 'app.dismissStartupNotice' | 'app.retryKeychain' | 'app.getSandboxHints'
>;

/** Handlers of the `app.*` channels. Renderer log entries are rate-limited (20/s, burst 50) so a loop cannot flood the log. */
export function createAppHandlers(deps: AppHandlerDeps): AppHandlers {
  const rendererLog = deps.log.child('renderer');
  const limiter = new RateLimiter(20, 50);
  let dropped = 0;
  const startup = deps.startup ?? { notices: new StartupNotices(deps.now), retryKeychain: async () => true };
  return {
    'app.getInfo': async () => ({
      name: 'SiteSync',
      version: deps.appVersion,
      platform: deps.platform,
      sandbox: deps.sandbox,
      sandboxOnly: deps.sandbox && (deps.sandboxOnly ? deps.sandboxOnly() : true),
      online: deps.isOnline(),
      lastSyncAt: deps.lastSyncAt(),
      theme: deps.theme.get(),
    }),
    'app.getSandboxHints': async (input) => {
      if (!deps.sandbox || !deps.sandboxHints) return null;
      // Asked for a site (Add a device): the test MACs only where that site uses the sandbox's account (issue 16).
      if (input?.siteId && deps.siteUsesSandbox && !deps.siteUsesSandbox(input.siteId)) return null;
      return deps.sandboxHints();
    },
    'app.setTheme': async ({ theme }) => {
      deps.theme.set(theme);
    },
    'app.log': async ({ level, message, fields }) => {
      if (!limiter.take()) {
        dropped += 1;
        return;
      }
      if (dropped > 0) {
        rendererLog.warn('renderer log entries dropped by the rate limit', { dropped });
        dropped = 0;
      }
      // Nested: a renderer entry cannot set the line's t, level, scope or msg, nor pose as main's fields.
      rendererLog[level](message, fields ? { fields } : undefined);
    },
    'app.ping': async ({ message }) => {
      deps.events.emit('app.pinged', { message });
      return { echo: message, at: deps.now().toISOString() };
    },
    'app.getStartupNotices': async () => ({ notices: startup.notices.list() }),
    'app.dismissStartupNotice': async ({ id }) => {
      startup.notices.dismiss(id);
      return { notices: startup.notices.list() };
    },
    'app.retryKeychain': async () => {
      const unlocked = await startup.retryKeychain();
      return { unlocked, notices: startup.notices.list() };
    },
  };
}
