import type { AppContext } from '../../features/app-context';
import { createOverviewService } from '../../features/overview-service';
import type { HandlerMap } from '../dispatch';

/** Handlers of the `overview.*` channels. */
export function createOverviewHandlers(ctx: AppContext): Pick<HandlerMap, 'overview.get'> {
  const overview = createOverviewService(ctx);
  return {
    'overview.get': () => overview.get(),
  };
}
