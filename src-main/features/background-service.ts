import type { BackgroundSettings, BackgroundView, OsTaskView } from '../../src-shared/ipc/contract/background';
import type { Logger } from '../logging/logger';
import { KEEP_RUNNING_DEFAULT } from '../background/window-close';
import { startAtSignInEnabled } from '../background/login-item';
import type { InstallTarget, OsScheduleStatus } from '../os-schedule/installer';
import type { TaskCommand } from '../os-schedule/task-command';
import type { PreferencesStore } from '../services/preferences';

/** The OS task as the service drives it (the installer over the real OS port in the app; a fake in tests). */
export interface OsTaskControl {
  install(target: InstallTarget): Promise<void>;
  remove(): Promise<void>;
  status(target: InstallTarget): Promise<OsScheduleStatus>;
}

/** The "stays on duty" switches of Settings (issue 14). */
export interface BackgroundService {
  get(): Promise<BackgroundView>;
  save(patch: Partial<BackgroundSettings>): Promise<BackgroundView>;
  /** The schedule changed: a registered OS task is registered again for the new times. */
  scheduleChanged(): Promise<void>;
}

/** What {@link createBackgroundService} needs. */
export interface BackgroundServiceDeps {
  readonly preferences: Pick<PreferencesStore, 'get' | 'update'>;
  readonly log: Logger;
  /** Whether a site was ever imported (the default of "Start SiteSync when I sign in"). */
  hasImportedSite(): boolean;
  /** The OS task control, or null where there is none (an unsupported platform). */
  readonly osTask: OsTaskControl | null;
  /** The CLI command the OS task runs (the packaged app with --cli, or the CLI in development). */
  taskCommand(): TaskCommand;
}

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * The settings behind "Keep running in the background", "Start SiteSync when I sign in" and
 * "Run the daily sync even when SiteSync is closed". The first two are preferences the Electron
 * glue follows (app/background-glue.ts); the third registers or removes the OS task here, with
 * the same installer as `schedule install | remove`.
 */
export function createBackgroundService(deps: BackgroundServiceDeps): BackgroundService {
  const target = (): InstallTarget => ({ schedule: deps.preferences.get().schedule, command: deps.taskCommand() });

  const osTaskView = async (problem: string | null = null): Promise<OsTaskView> => {
    if (!deps.osTask) return { registered: false, lastRun: null, problem: problem ?? 'This system has no task scheduler SiteSync can use.' };
    try {
      const status = await deps.osTask.status(target());
      const lastRun = status.lastRun instanceof Date ? status.lastRun.toISOString() : status.lastRun;
      return { registered: status.registered, lastRun, problem };
    } catch (error) {
      return { registered: false, lastRun: null, problem: problem ?? message(error) };
    }
  };

  const view = async (problem: string | null = null): Promise<BackgroundView> => {
    const p = deps.preferences.get();
    return {
      keepRunningInBackground: p.keepRunningInBackground ?? KEEP_RUNNING_DEFAULT,
      startAtSignIn: startAtSignInEnabled(p.startAtSignIn, deps.hasImportedSite()),
      runWhenClosed: p.runWhenClosed ?? false,
      osTask: await osTaskView(problem),
    };
  };

  return {
    get: () => view(),
    async save(patch) {
      const before = deps.preferences.get().runWhenClosed ?? false;
      deps.preferences.update(patch);
      let problem: string | null = null;
      if (patch.runWhenClosed !== undefined && patch.runWhenClosed !== before) {
        try {
          if (!deps.osTask) throw new Error('This system has no task scheduler SiteSync can use.');
          if (patch.runWhenClosed) await deps.osTask.install(target());
          else await deps.osTask.remove();
          deps.log.info(patch.runWhenClosed ? 'OS task registered' : 'OS task removed');
        } catch (error) {
          // The switch follows what the OS actually holds.
          deps.preferences.update({ runWhenClosed: before });
          problem = `${patch.runWhenClosed ? 'The OS task could not be registered' : 'The OS task could not be removed'}: ${message(error)}`;
          deps.log.warn('OS task change failed', { error });
        }
      }
      return view(problem);
    },
    async scheduleChanged() {
      if (!deps.osTask || !(deps.preferences.get().runWhenClosed ?? false)) return;
      try {
        await deps.osTask.install(target());
        deps.log.info('OS task registered again for the new schedule');
      } catch (error) {
        deps.log.warn('OS task could not follow the new schedule', { error });
      }
    },
  };
}
