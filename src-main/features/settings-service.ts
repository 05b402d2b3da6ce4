import type { Schedule } from '../../src-shared/domain/schedule';
import { AppError } from '../../src-shared/errors';
import type { ScheduleView, SettingsView } from '../../src-shared/ipc/contract/settings';
import type { AppContext } from './app-context';
import { nextRun } from '../scheduler/next-run';

/** A schedule with when its next full run is due from now (the screen shows it in local and Eastern time). */
export function scheduleView(ctx: AppContext, schedule: Schedule): ScheduleView {
  return { schedule, nextRunAt: nextRun(schedule, null, ctx.now()).toISOString() };
}

/** What the Settings screen loads: the saved schedule, its next run, and whether the sandbox runs. */
export function getSettings(ctx: AppContext): SettingsView {
  return { ...scheduleView(ctx, ctx.preferences.get().schedule), sandbox: ctx.sandbox !== null };
}

/** Saves the schedule in preferences; the scheduler follows (it reschedules on every preferences change). */
export function saveSchedule(ctx: AppContext, schedule: Schedule): ScheduleView {
  const saved = ctx.preferences.update({ schedule }).schedule;
  ctx.log.info('schedule saved', { time: saved.time, zone: saved.zone, lightSyncMinutes: saved.lightSyncMinutes });
  return scheduleView(ctx, saved);
}

/** Puts the sandbox back to its demo data and forgets the sites synced from it (Settings → Reset sandbox). */
export async function resetSandbox(ctx: AppContext): Promise<void> {
  if (!ctx.sandbox) throw new AppError('BAD_INPUT', 'SiteSync is not running on the sandbox, so there is nothing to reset.');
  for (const run of ctx.sync.running()) ctx.sync.cancel(run.siteId);
  await ctx.sandbox.reset();
}
