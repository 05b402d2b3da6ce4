import type { AppInfo } from '../../../src-shared/ipc/contract/app';
import type { AppContext } from '../../features/app-context';
import { RateLimiter } from '../../logging/rate-limiter';
import type { HandlerMap } from '../dispatch';

/** What the `app.*` handlers need: the context, plus what the host knows (version, platform, theme store). */
export interface AppHandlerDeps {
  ctx: AppContext;
  appVersion: string;
  platform: string;
  theme: { get(): AppInfo['theme']; set(theme: AppInfo['theme']): void };
}

/** The newest end of a completed run over every site, for the status bar. */
function lastSyncAt(ctx: AppContext): string | null {
  let latest: string | null = null;
  for (const site of ctx.db.sites.listSummaries()) {
    const at = ctx.db.runs.lastCompletedRunAt(site.id);
    if (at && (!latest || at > latest)) latest = at;
  }
  return latest;
}

type AppHandlers = Pick<HandlerMap, 'app.getInfo' | 'app.setTheme' | 'app.log' | 'app.ping'>;

/** Handlers of the `app.*` channels. Renderer log entries are rate-limited (20/s, burst 50) so a loop cannot flood the log. */
export function createAppHandlers(deps: AppHandlerDeps): AppHandlers {
  const { ctx } = deps;
  const rendererLog = ctx.log.child('renderer');
  const limiter = new RateLimiter(20, 50);
  let dropped = 0;
  return {
    'app.getInfo': async () => ({
      name: 'SiteSync',
      version: deps.appVersion,
      platform: deps.platform,
      sandbox: ctx.sandbox !== null,
      online: ctx.isOnline(),
      lastSyncAt: lastSyncAt(ctx),
      theme: deps.theme.get(),
    }),
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
      rendererLog[level](message, fields);
    },
    'app.ping': async ({ message }) => {
      ctx.events.emit('app.pinged', { message });
      return { echo: message, at: ctx.now().toISOString() };
    },
  };
}
