import type { AppInfo } from '../../../src-shared/ipc/contract/app';
import type { Logger } from '../../logging/logger';
import { RateLimiter } from '../../logging/rate-limiter';
import type { EventBus } from '../events';
import type { HandlerMap } from '../dispatch';

/** What the `app.*` handlers need from the rest of main. */
export interface AppHandlerDeps {
  info(): Promise<AppInfo>;
  setTheme(theme: AppInfo['theme']): Promise<void>;
  events: EventBus;
  log: Logger;
  now?: () => Date;
}

type AppHandlers = Pick<HandlerMap, 'app.getInfo' | 'app.setTheme' | 'app.log' | 'app.ping'>;

/** Handlers of the `app.*` channels. Renderer log entries are rate-limited (20/s, burst 50) so a loop cannot flood the log. */
export function createAppHandlers(deps: AppHandlerDeps): AppHandlers {
  const rendererLog = deps.log.child('renderer');
  const limiter = new RateLimiter(20, 50);
  let dropped = 0;
  const now = deps.now ?? (() => new Date());
  return {
    'app.getInfo': () => deps.info(),
    'app.setTheme': async ({ theme }) => {
      await deps.setTheme(theme);
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
      deps.events.emit('app.pinged', { message });
      return { echo: message, at: now().toISOString() };
    },
  };
}
