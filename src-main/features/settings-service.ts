import { MAX_REQUESTS_IN_FLIGHT } from '../../src-shared/domain/preferences';
import type { Schedule } from '../../src-shared/domain/schedule';
import { AppError } from '../../src-shared/errors';
import type { ScheduleView, SettingsView } from '../../src-shared/ipc/contract/settings';
import type { Logger } from '../logging/logger';
import { nextRun } from '../scheduler/next-run';
import type { PreferencesStore } from '../services/preferences';
import type { SandboxHandle } from './embedded-sandbox';
import type { SiteSyncService } from './site-sync-types';

/** The Settings screen: the schedule, the sync speed and the sandbox reset. */
export interface SettingsService {
  /** What the Settings screen loads: the saved schedule, its next run, and whether the sandbox runs. */
  get(): SettingsView;
  /** Saves the schedule in preferences; the scheduler follows (it reschedules on every preferences change). */
  saveSchedule(schedule: Schedule): ScheduleView;
  /** A schedule with when its next full run is due from now (the screen shows it in local and Eastern time). */
  scheduleView(schedule: Schedule): ScheduleView;
  /** The saved "maximum requests in flight". */
  maxRequestsInFlight(): number;
  /** Saves "maximum requests in flight"; the SmartPlus clients follow at once (composition root). */
  saveMaxRequestsInFlight(max: number): number;
  /** Puts the sandbox back to its demo data and forgets the sites synced from it (Settings → Reset sandbox). */
  resetSandbox(): Promise<void>;
}

/** What {@link createSettingsService} needs. */
export interface SettingsServiceDeps {
  readonly log: Logger;
  readonly now: () => Date;
  readonly preferences: Pick<PreferencesStore, 'get' | 'update'>;
  readonly sandbox: SandboxHandle | null;
  readonly sync: Pick<SiteSyncService, 'running' | 'cancel'>;
}

/** Builds the settings service. */
export function createSettingsService(deps: SettingsServiceDeps): SettingsService {
  const scheduleView = (schedule: Schedule): ScheduleView => ({ schedule, nextRunAt: nextRun(schedule, null, deps.now()).toISOString() });
  return {
    get: () => ({ ...scheduleView(deps.preferences.get().schedule), sandbox: deps.sandbox !== null }),
    maxRequestsInFlight: () => deps.preferences.get().maxRequestsInFlight ?? MAX_REQUESTS_IN_FLIGHT.default,
    saveMaxRequestsInFlight(max) {
      const saved = deps.preferences.update({ maxRequestsInFlight: max }).maxRequestsInFlight ?? max;
      deps.log.info('maximum requests in flight saved', { max: saved });
      return saved;
    },
    saveSchedule(schedule) {
      const saved = deps.preferences.update({ schedule }).schedule;
      deps.log.info('schedule saved', { time: saved.time, zone: saved.zone, lightSyncMinutes: saved.lightSyncMinutes });
      return scheduleView(saved);
    },
    scheduleView,
    async resetSandbox() {
      if (!deps.sandbox) throw new AppError('BAD_INPUT', 'SiteSync is not running on the sandbox, so there is nothing to reset.');
      for (const run of deps.sync.running()) deps.sync.cancel(run.siteId);
      await deps.sandbox.reset();
    },
  };
}
