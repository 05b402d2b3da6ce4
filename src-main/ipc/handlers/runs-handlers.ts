import { AppError } from '../../../src-shared/errors';
import type { RunsService } from '../../features/runs-service';
import type { HandlerMap } from '../dispatch';
import { type IntentChecks, requireConfirmation } from '../intent';

type RunsHandlers = Pick<
  HandlerMap,
  | 'runs.list' | 'runs.get' | 'runs.listProblems' | 'runs.exportCsv' | 'runs.confirmHeldBack' | 'runs.keepHeldBack' | 'runs.preview'
  | 'runs.listChanges' | 'runs.searchChanges' | 'runs.revealChangePin' | 'runs.previewUndo' | 'runs.undo' | 'runs.resumeSchedule'
>;

/**
 * Handlers of the `runs.*` channels: history, detail, problems, CSV export (written by main to
 * Downloads), held-back decisions, previews. Confirming held-back deletions and removals is
 * asked again in a main-process dialog: the renderer's own dialog is not proof of intent.
 */
export function createRunsHandlers(runs: RunsService, intent: IntentChecks): RunsHandlers {
  return {
    'runs.list': async ({ siteId, limit }) => ({ runs: await runs.list(siteId, limit) }),
    'runs.get': ({ runId }) => runs.get(runId),
    'runs.listProblems': async ({ runId, kind }) => ({ problems: await runs.problems(runId, kind) }),
    'runs.exportCsv': ({ runId }) => runs.exportCsv(runId),
    'runs.confirmHeldBack': async ({ runId }, call) => {
      const detail = await runs.get(runId);
      const n = detail.heldBack.length;
      if (n === 0) throw new AppError('NOT_FOUND', 'This run has no held-back changes waiting any more.');
      const changes = n === 1 ? '1 held-back change' : `${n} held-back changes`;
      await requireConfirmation(
        intent,
        {
          title: 'Confirm held-back changes',
          message: `Apply ${changes} to ${detail.run.siteName}?`,
          detail: 'SiteSync deletes those accounts and removes those PINs and cards in SmartPlus: the people concerned lose door access. Changes whose tenants are back in Rent Manager are skipped.',
          confirmLabel: n === 1 ? 'Apply 1 change' : `Apply ${n} changes`,
          cancelLabel: 'Cancel',
          ...(call.sender ? { sender: call.sender } : {}),
        },
        'Nothing was deleted or removed: the held-back changes were not confirmed.',
      );
      return runs.confirmHeldBack(runId);
    },
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
