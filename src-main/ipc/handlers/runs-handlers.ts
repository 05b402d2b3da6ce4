import type { RunsService } from '../../features/runs-service';
import type { HandlerMap } from '../dispatch';

type RunsHandlers = Pick<
  HandlerMap,
  'runs.list' | 'runs.get' | 'runs.listProblems' | 'runs.exportCsv' | 'runs.confirmHeldBack' | 'runs.keepHeldBack' | 'runs.preview'
>;

/** Handlers of the `runs.*` channels: history, detail, problems, CSV export (written by main to Downloads), held-back decisions, previews. */
export function createRunsHandlers(runs: RunsService): RunsHandlers {
  return {
    'runs.list': async ({ siteId, limit }) => ({ runs: await runs.list(siteId, limit) }),
    'runs.get': ({ runId }) => runs.get(runId),
    'runs.listProblems': async ({ runId, kind }) => ({ problems: await runs.problems(runId, kind) }),
    'runs.exportCsv': ({ runId }) => runs.exportCsv(runId),
    'runs.confirmHeldBack': ({ runId }) => runs.confirmHeldBack(runId),
    'runs.keepHeldBack': ({ runId }) => runs.keepHeldBack(runId),
    'runs.preview': ({ siteId }) => runs.preview(siteId),
  };
}
