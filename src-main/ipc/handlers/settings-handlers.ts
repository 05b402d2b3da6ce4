import type { AppContext } from '../../features/app-context';
import { getSettings, resetSandbox, saveSchedule, scheduleView } from '../../features/settings-service';
import type { HandlerMap } from '../dispatch';

type SettingsHandlers = Pick<HandlerMap, 'settings.get' | 'settings.saveSchedule' | 'settings.previewSchedule' | 'settings.resetSandbox'>;

/** Handlers of the `settings.*` channels: the schedule and the sandbox reset. */
export function createSettingsHandlers(ctx: AppContext): SettingsHandlers {
  return {
    'settings.get': async () => getSettings(ctx),
    'settings.saveSchedule': async (schedule) => saveSchedule(ctx, schedule),
    'settings.previewSchedule': async (schedule) => scheduleView(ctx, schedule),
    'settings.resetSandbox': async () => {
      await resetSandbox(ctx);
      return undefined;
    },
  };
}
