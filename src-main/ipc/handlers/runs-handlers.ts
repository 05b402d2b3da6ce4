import type { RunsService } from '../../features/runs-service';
import type { HandlerMap } from '../dispatch';

type RunsHandlers = Pick<
  HandlerMap,
  | 'runs.list' | 'runs.get' | 'runs.problems' | 'runs.exportCsv' | 'runs.confirmHeldBack' | 'runs.keepHeldBack' | 'runs.preview'
  | 'runs.listChanges' | 'runs.searchChanges' | 'runs.revealChangePin' | 'runs.previewUndo' | 'runs.undo' | 'runs.resumeSchedule'
>;

/** Handlers of the `runs.*` channels: history, detail, problems, CSV export (written by main to Downloads), held-back decisions, previews. */
export function createRunsHandlers(runs: RunsService): RunsHandlers {
  return {
    'runs.list': async ({ siteId, limit }) => ({ runs: await runs.list(siteId, limit) }),
    'runs.get': ({ runId }) => runs.get(runId),
    'runs.problems': async ({ runId, kind }) => ({ problems: await runs.problems(runId, kind) }),
    'runs.exportCsv': ({ runId }) => runs.exportCsv(runId),
    'runs.confirmHeldBack': ({ runId }) => runs.confirmHeldBack(runId),
    'runs.keepHeldBack': ({ runId }) => runs.keepHeldBack(runId),
    'runs.preview': ({ siteId }) => runs.preview(siteId),
    'runs.listChanges': ({ runId, offset, limit }) => runs.listChanges(runId, offset, limit),
    'runs.searchChanges': async (query) => runs.searchChanges(query),
    'runs.revealChangePin': async ({ runId, seq, which }) => runs.revealChangePin(runId, seq, which),
    'runs.previewUndo': ({ runId, allowMassChange }) => runs.previewUndo(runId, allowMassChange),
    'runs.undo': ({ runId, pauseSchedule, allowMassChange }) => runs.undo(runId, { pauseSchedule, allowMassChange }),
    'runs.resumeSchedule': async ({ siteId }) => runs.resumeSchedule(siteId),
  };
}
