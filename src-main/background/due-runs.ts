import { z } from 'zod';
import { ScheduleSchema } from '../../src-shared/domain/schedule';
import { previousSlot } from '../scheduler/next-run';

/*
 * Which sites to run now, and why: after a resume from sleep, a network coming back, an app
 * start, or an OS task calling `run-due`. Pure: the clock's `now` and each site's history come
 * in. Slots are the scheduler's own (src-main/scheduler/next-run.ts), so DST and zones behave
 * exactly as for the in-app timer.
 *
 * Exactly one run per missed slot: only the latest slot at or before `now` counts (a laptop
 * asleep for three days makes up once), a site whose last completed full run started at or
 * after that slot has nothing to make up, and a slot this process already started a run for
 * (`attemptedSlot`) is not started again — so resume and network-back arriving together, or
 * `run-due` called twice, never double a run. The one exception is a run that failed only
 * because the machine was offline: the network coming back retries it once.
 */

const DateSchema = z.date();

/** One site's history as the decision needs it. */
export const SiteDueStateSchema = z.object({
  siteId: z.string().min(1),
  /** When the site's last completed full run started (RunsRepo.lastCompletedRunAt), or null if it never ran. */
  lastFullRun: DateSchema.nullable(),
  /** When its last light (changed-since) sync or full run started, for the light-sync interval; null if none. */
  lastLightRun: DateSchema.nullable().default(null),
  /** A run of the site is in progress (this or another process holds its lock). */
  running: z.boolean().default(false),
  /** The slot (epoch ms) this process already started a full run for, if any. */
  attemptedSlot: z.number().nullable().default(null),
  /** The last attempt at `attemptedSlot` failed because the machine was offline (code OFFLINE). */
  lastAttemptOffline: z.boolean().default(false),
  /** Why the site is paused ("skipped: paused — roof works", issue 16), or null: a paused site runs neither full nor light. */
  pausedWhy: z.string().nullable().default(null),
});
/** See {@link SiteDueStateSchema}. */
export type SiteDueState = z.input<typeof SiteDueStateSchema>;

/** What happened, which decides whether an offline failure is retried. */
export const DueReasonSchema = z.enum(['start', 'resume', 'network-back', 'run-due']);
/** See {@link DueReasonSchema}. */
export type DueReason = z.infer<typeof DueReasonSchema>;

/** The inputs of {@link decideDueRuns}. */
export const DueRunsInputSchema = z.object({
  schedule: ScheduleSchema,
  sites: z.array(SiteDueStateSchema),
  now: DateSchema,
  reason: DueReasonSchema,
  /**
   * Whether a site that never completed a run is due. `run-due` says yes (issue 14: "a registered
   * site that has never run is due"); the app says no (its import is its first run).
   */
  neverRunIsDue: z.boolean(),
});
/** See {@link DueRunsInputSchema}. */
export type DueRunsInput = z.input<typeof DueRunsInputSchema>;

/** One run to start: a full run that makes up `slot`, or a light (changed-since) sync. */
export interface DueRun {
  readonly siteId: string;
  readonly kind: 'full' | 'light';
  /** The slot a full run makes up (epoch ms; record it as the site's `attemptedSlot`); null for a light sync. */
  readonly slot: number | null;
  /** Why, in words for logs and `run-due`'s report. */
  readonly why: string;
}

/** The decision: runs to start, and the sites left alone with the reason (for `run-due`'s "nothing due"). */
export interface DueRunsDecision {
  readonly runs: readonly DueRun[];
  readonly skipped: readonly { readonly siteId: string; readonly why: string }[];
}

/** Decides which sites to run now (see the module comment for the rules). */
export function decideDueRuns(input: DueRunsInput): DueRunsDecision {
  const i = DueRunsInputSchema.parse(input);
  const slot = previousSlot(i.schedule, i.now).getTime();
  const slotText = new Date(slot).toISOString();
  const runs: DueRun[] = [];
  const skipped: { siteId: string; why: string }[] = [];
  for (const site of i.sites) {
    if (site.pausedWhy !== null) {
      skipped.push({ siteId: site.siteId, why: site.pausedWhy });
      continue;
    }
    if (site.running) {
      skipped.push({ siteId: site.siteId, why: 'a run is in progress' });
      continue;
    }
    const full = fullRunWhy(site, slot, slotText, i.reason, i.neverRunIsDue);
    if (full.due) {
      runs.push({ siteId: site.siteId, kind: 'full', slot, why: full.why });
      continue;
    }
    const light = i.schedule.lightSyncMinutes;
    const lastLight = Math.max(site.lastLightRun?.getTime() ?? -Infinity, site.lastFullRun?.getTime() ?? -Infinity);
    if (light && site.lastFullRun && i.now.getTime() - lastLight >= light * 60_000) {
      runs.push({ siteId: site.siteId, kind: 'light', slot: null, why: `light sync every ${light} min` });
      continue;
    }
    skipped.push({ siteId: site.siteId, why: full.why });
  }
  return { runs, skipped };
}

function fullRunWhy(
  site: z.infer<typeof SiteDueStateSchema>,
  slot: number,
  slotText: string,
  reason: DueReason,
  neverRunIsDue: boolean,
): { due: boolean; why: string } {
  if (site.lastFullRun && site.lastFullRun.getTime() >= slot) return { due: false, why: `already ran for the ${slotText} slot` };
  if (!site.lastFullRun && !neverRunIsDue) return { due: false, why: 'never ran (its import is its first run)' };
  if (site.attemptedSlot !== null && site.attemptedSlot >= slot) {
    if (reason === 'network-back' && site.lastAttemptOffline) return { due: true, why: `retry of the ${slotText} slot: the network is back` };
    return { due: false, why: `the ${slotText} slot was already attempted` };
  }
  return { due: true, why: site.lastFullRun ? `missed the ${slotText} slot` : 'never ran' };
}
