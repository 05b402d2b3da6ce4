import { z } from 'zod';
import { runOutcomeView } from '../../src-shared/domain/problems';
import { agree, plural } from '../../src-shared/text/plural';

/*
 * Which desktop notification a finished run raises (issue 14, spec §6 and §11). Pure: the
 * Electron glue shows the answer and opens the run (by `runId`) when it is clicked.
 *
 * Only unattended runs notify — the daily slot, a catch-up, and a run the OS task made while
 * the app was closed (noticed when the app next reads the history) — and only when they need
 * someone: failed, ended partial, held something back, or synced with error-level problems. A quiet success, a cancelled run, a
 * dry run and anything a person started (in the app or the CLI) raise none.
 */

/** The triggers of runs nobody watched start. `os-schedule` is the OS task calling `run-due`. */
export const UNATTENDED_TRIGGERS: ReadonlySet<string> = new Set(['scheduled', 'catch-up', 'os-schedule']);

/** The part of a run record the decision reads (a RunRecord fits; the trigger is a plain string so new triggers parse). */
export const FinishedRunSchema = z.object({
  id: z.string().min(1),
  trigger: z.string(),
  dryRun: z.boolean().default(false),
  outcome: z.string(),
  heldBackCount: z.number().int().min(0).default(0),
  /** Error-level problems: a succeeded run with one is "Synced with problems" (issue 16) and needs someone. */
  errorCount: z.number().int().min(0).default(0),
  error: z.string().nullable().default(null),
  /** The site asks before applying: the held-back list is changes waiting for approval (issue 15). */
  awaitingApproval: z.boolean().default(false),
});
/** See {@link FinishedRunSchema}. */
export type FinishedRun = z.input<typeof FinishedRunSchema>;

/** A notification to show; clicking it opens run `runId`. */
export interface RunNotification {
  readonly title: string;
  readonly body: string;
  readonly runId: string;
}

/** The notification a finished run deserves, or null. `siteName` is the site's display name. */
export function decideRunNotification(runInput: FinishedRun, siteName: string): RunNotification | null {
  const run = FinishedRunSchema.parse(runInput);
  if (!UNATTENDED_TRIGGERS.has(run.trigger) || run.dryRun) return null;
  const runId = run.id;
  const held = run.heldBackCount > 0 ? ` ${heldText(run.heldBackCount)} ${agree(run.heldBackCount, 'waits', 'wait')} for your confirmation.` : '';
  if (run.outcome === 'failed') {
    return { title: `Sync of ${siteName} failed`, body: `${run.error ?? 'The run stopped.'}${held} Click to see the run.`, runId };
  }
  if (run.outcome === 'partial') {
    return {
      title: `Sync of ${siteName} was partial`,
      body: `Some data could not be read, so deletions for it wait for the next run.${held} Click to see what happened.`,
      runId,
    };
  }
  if (run.awaitingApproval && run.heldBackCount > 0 && (run.outcome === 'held-back' || run.outcome === 'succeeded')) {
    return { title: `${plural(run.heldBackCount, 'change')} waiting for ${siteName}`, body: 'This site asks before applying. Click to review, approve or reject them.', runId };
  }
  if (run.outcome === 'held-back' || (run.heldBackCount > 0 && run.outcome === 'succeeded')) {
    return { title: `${siteName}: changes held back`, body: `${capitalise(heldText(Math.max(1, run.heldBackCount)))} ${agree(Math.max(1, run.heldBackCount), 'waits', 'wait')} for your confirmation. Click to review ${agree(Math.max(1, run.heldBackCount), 'it', 'them')}.`, runId };
  }
  if (runOutcomeView(run) === 'synced-with-problems') {
    const errors = run.errorCount === 1 ? '1 problem needs' : `${run.errorCount} problems need`;
    return { title: `${siteName} synced with problems`, body: `${errors} your attention (the other changes were made). Click to see them.`, runId };
  }
  return null;
}

function heldText(count: number): string {
  return plural(count, 'deletion or credential change', 'deletions or credential changes');
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
