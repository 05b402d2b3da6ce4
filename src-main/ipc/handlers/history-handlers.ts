import type { HistoryService } from '../../features/history-service';
import type { HandlerMap } from '../dispatch';

/** Handlers of the `history.*` channels: how far back the run history goes. */
export function createHistoryHandlers(history: HistoryService): Pick<HandlerMap, 'history.getRange'> {
  return {
    'history.getRange': async () => history.getRange(),
  };
}
