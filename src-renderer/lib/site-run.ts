import type { RunProgress, RunRecord } from '../../src-shared/domain/run';
import type { ErrorText } from './error-text';

/**
 * A site's manual run as the progress line shows it — one of four states, each with only what
 * it needs: asked for and waiting for main's answer; running (possibly a run the click joined,
 * spec §6); finished; or refused (it could not start, or Cancel failed), with the next step.
 */
export type SiteRunView =
  | { kind: 'starting' }
  | { kind: 'running'; runId: string; joined: boolean; progress: RunProgress | null; cancelling: boolean }
  | { kind: 'finished'; runId: string; run: RunRecord }
  | { kind: 'refused'; error: ErrorText; runId: string | null; joined: boolean };

/** True while the site's run has started and not finished. */
export function isRunning(view: SiteRunView | undefined): view is Extract<SiteRunView, { kind: 'running' }> {
  return view?.kind === 'running';
}

/** The run the view is about (none while starting, or when it was refused before it started). */
export function runIdOf(view: SiteRunView | undefined): string | null {
  return view && 'runId' in view ? view.runId : null;
}

/**
 * The view once main named the run `runId` for this site (an answer to Resync, or a progress
 * event): a run that already finished keeps its end (a fast run's `sync.finished` can arrive
 * before the call answers); the same run keeps its progress and Cancel state.
 */
export function attachRun(current: SiteRunView | undefined, runId: string, joined: boolean, progress: RunProgress | null = null): SiteRunView {
  if (current?.kind === 'finished' && current.runId === runId) return current;
  const same = current?.kind === 'running' && current.runId === runId;
  return {
    kind: 'running',
    runId,
    joined,
    progress: progress ?? (same ? current.progress : null),
    cancelling: current?.kind === 'running' ? current.cancelling : false,
  };
}

/** The joined flag to keep when a new event for `runId` arrives (false for another run). */
export function joinedOf(current: SiteRunView | undefined, runId: string): boolean {
  return current && 'joined' in current && runIdOf(current) === runId ? current.joined : false;
}
