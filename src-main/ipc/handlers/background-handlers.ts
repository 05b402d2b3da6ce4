import type { BackgroundService } from '../../features/background-service';
import type { HandlerMap } from '../dispatch';

type BackgroundHandlers = Pick<HandlerMap, 'background.getSettings' | 'background.saveSettings'>;

/** Handlers of the `background.*` channels: the "stays on duty" switches of Settings. */
export function createBackgroundHandlers(background: BackgroundService): BackgroundHandlers {
  return {
    'background.getSettings': async () => background.get(),
    'background.saveSettings': async (patch) => background.save(patch),
  };
}
