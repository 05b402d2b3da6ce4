import type { HandlerMap } from './dispatch';
import { type AppHandlerDeps, createAppHandlers } from './handlers/app-handlers';

/** Everything the handler map is built from (the composition root provides it). */
export type HandlerDeps = AppHandlerDeps;

/**
 * The transport-free handler map: channel → service call. The Electron binding
 * (app/ipc-electron.ts) and the test bridge (test/e2e/bridge) both serve this same map.
 */
export function createHandlers(deps: HandlerDeps): HandlerMap {
  return {
    ...createAppHandlers(deps),
  };
}
