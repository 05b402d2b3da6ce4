import type { RunProgress, RunRecord } from '../../src-shared/domain/run';
import type { ErrorText } from './error-text';

/** A site's manual run as the progress bar shows it: started, joined, progressing, finished or refused. */
export interface SiteRunView {
  runId: string | null;
  /** True when the click found a run already going and shows that one (spec §6). */
  joined: boolean;
  progress: RunProgress | null;
  finished: RunRecord | null;
  cancelling: boolean;
  /** Why the run could not start, with the next step. */
  error: ErrorText | null;
}

/** True while the site's run has started and not finished. */
export function isRunning(view: SiteRunView | undefined): boolean {
  return !!view && view.runId !== null && view.finished === null && view.error === null;
}
