import { INVOKE_CHANNELS } from '../../../src-shared/ipc/channels';
import type { HandlerMap } from '../../../src-main/ipc/dispatch';
import { EventBus } from '../../../src-main/services/event-bus';
import { createAppHandlers } from '../../../src-main/ipc/handlers/app-handlers';
import { createLogger, memorySink } from '../../../src-main/logging/logger';

/**
 * A handler map for transport tests (dispatch, the Electron binding): the real `app.*` handlers
 * over minimal dependencies, and every other channel answering "not used in this test".
 */
export function transportTestHandlers(overrides: Partial<HandlerMap> = {}): HandlerMap {
  const unused = Object.fromEntries(
    INVOKE_CHANNELS.map((channel) => [
      channel,
      async () => {
        throw new Error(`${channel} is not used in this test`);
      },
    ]),
  ) as unknown as HandlerMap;
  const app = createAppHandlers({
    log: createLogger(memorySink()),
    events: new EventBus(),
    now: () => new Date('2026-11-27T10:00:00.000Z'),
    isOnline: () => true,
    sandbox: false,
    lastSyncAt: () => null,
    appVersion: '1',
    platform: 'linux',
    theme: { get: () => 'system', set: () => {} },
  });
  return { ...unused, ...app, ...overrides };
}
