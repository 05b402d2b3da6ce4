import type { SettingsService } from '../../features/settings-service';
import type { HandlerMap } from '../dispatch';

type SettingsHandlers = Pick<HandlerMap, 'settings.get' | 'settings.saveSchedule' | 'settings.previewSchedule' | 'settings.resetSandbox' | 'settings.getMaxRequestsInFlight' | 'settings.saveMaxRequestsInFlight'>;

/** Handlers of the `settings.*` channels: the schedule, the sync speed and the sandbox reset. */
export function createSettingsHandlers(settings: SettingsService): SettingsHandlers {
  return {
    'settings.get': async () => settings.get(),
    'settings.saveSchedule': async (schedule) => settings.saveSchedule(schedule),
    'settings.previewSchedule': async (schedule) => settings.scheduleView(schedule),
    'settings.getMaxRequestsInFlight': async () => settings.maxRequestsInFlight(),
    'settings.saveMaxRequestsInFlight': async (max) => settings.saveMaxRequestsInFlight(max),
    'settings.resetSandbox': async () => {
      await settings.resetSandbox();
      return undefined;
    },
  };
}
