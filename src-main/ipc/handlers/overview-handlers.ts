import type { OverviewService } from '../../features/overview-service';
import type { HandlerMap } from '../dispatch';

/** Handlers of the `overview.*` channels. */
export function createOverviewHandlers(overview: OverviewService): Pick<HandlerMap, 'overview.get'> {
  return {
    'overview.get': () => overview.get(),
  };
}
