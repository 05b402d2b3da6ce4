import { INVOKE_CHANNELS } from '../../../src-shared/ipc/channels';
import type { AppContext } from '../../../src-main/features/app-context';
import type { HandlerMap } from '../../../src-main/ipc/dispatch';
import { EventBus } from '../../../src-main/services/event-bus';
import { createAppHandlers } from '../../../src-main/ipc/handlers/app-handlers';
import { createLogger, memorySink } from '../../../src-main/logging/logger';

/**
 * A handler map for transport tests (dispatch, the Electron binding): the real `app.*` handlers
 * over a minimal context, and every other channel answering "not used in this test".
 */
export function transportTestHandlers(overrides: Partial<HandlerMap> = {}): HandlerMap {
  const ctx = {
    log: createLogger(memorySink()),
    events: new EventBus(),
    now: () => new Date('2026-11-27T10:00:00.000Z'),
    sandbox: null,
    isOnline: () => true,
    db: { sites: { listSummaries: () => [] }, runs: { lastCompletedRunAt: () => null } },
  } as unknown as AppContext;
  const unused = Object.fromEntries(
    INVOKE_CHANNELS.map((channel) => [
      channel,
      async () => {
        throw new Error(`${channel} is not used in this test`);
      },
    ]),
  ) as unknown as HandlerMap;
  const app = createAppHandlers({ ctx, appVersion: '1', platform: 'linux', theme: { get: () => 'system', set: () => {} } });
  return { ...unused, ...app, ...overrides };
}
