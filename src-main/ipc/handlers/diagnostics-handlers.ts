import type { DiagnosticsService } from '../../features/diagnostics-service';
import type { HandlerMap } from '../dispatch';

type DiagnosticsHandlers = Pick<HandlerMap, 'diagnostics.saveReport' | 'diagnostics.showFolder'>;

/** Handlers of the `diagnostics.*` channels: the folder dialog and file manager are the service's injected port, not Electron. */
export function createDiagnosticsHandlers(diagnostics: DiagnosticsService): DiagnosticsHandlers {
  return {
    'diagnostics.saveReport': ({ runId }) => diagnostics.saveReport(runId),
    'diagnostics.showFolder': async ({ folder }) => {
      await diagnostics.showFolder(folder);
    },
  };
}
