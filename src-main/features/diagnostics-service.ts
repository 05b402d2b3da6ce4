import path from 'node:path';
import type { RunStorePort } from '../../src-shared/domain/journal';
import type { RunRecord } from '../../src-shared/domain/run';
import { AppError } from '../../src-shared/errors';
import type { DiagnosticsSaved } from '../../src-shared/ipc/contract/diagnostics';
import type { Logger } from '../logging/logger';
import type { ShapeEntry } from '../logging/response-shapes';
import { DIAGNOSTICS_LOG_LINES, type RunForReport, type RuntimeInfo, type SavedReport, writeDiagnosticsReport } from './diagnostics-bundle';

/**
 * The desktop half of "Save diagnostics", injected by the host so the service (and its handler)
 * stays transport-free: Electron shows its folder dialog and the file manager; the E2E bridge
 * answers with a temporary folder.
 */
export interface SaveFolderPort {
  /** Asks where to save the report; null when the person cancels. */
  chooseFolder(): Promise<string | null>;
  /** Shows a saved report's folder in the system's file manager. */
  showFolder(folder: string): Promise<void>;
}

/** What {@link createDiagnosticsService} needs. */
export interface DiagnosticsServiceDeps {
  runtime: RuntimeInfo;
  runs: Pick<RunStorePort, 'getRun' | 'listRuns' | 'listProblems' | 'listHeldBack'>;
  /** The last answer's shape of each endpoint (the clients' {@link ShapeRecorder}). */
  shapes(): ShapeEntry[];
  /** The newest `limit` log lines, oldest first. */
  logLines(limit: number): string[];
  /** Null where there is no desktop (the CLI saves with {@link DiagnosticsService.saveTo}). */
  folders: SaveFolderPort | null;
  log: Logger;
  now: () => Date;
  /** Log lines per report (default {@link DIAGNOSTICS_LOG_LINES}). */
  logLineCount?: number;
}

/** "Save diagnostics" (issue 13): a redacted report for support, from Settings, a failed run, or the CLI. */
export interface DiagnosticsService {
  /** Asks for a folder and saves a report of run `runId` (default: the latest run) in it. */
  saveReport(runId?: string): Promise<DiagnosticsSaved>;
  /** Saves a report in a new folder under `parent`, without asking (the CLI's `--out`). */
  saveTo(parent: string, runId?: string): Promise<SavedReport>;
  /** Shows a folder this service saved in the file manager (no other path is accepted). */
  showFolder(folder: string): Promise<void>;
}

/** Builds the diagnostics service. */
export function createDiagnosticsService(deps: DiagnosticsServiceDeps): DiagnosticsService {
  const saved = new Set<string>();

  const runFor = async (runId: string | undefined): Promise<RunForReport | null> => {
    const latest = async () => (await deps.runs.listRuns()).reduce<RunRecord | null>((a, b) => (!a || b.startedAt > a.startedAt ? b : a), null);
    const record = runId ? await deps.runs.getRun(runId) : await latest();
    if (runId && !record) throw new AppError('NOT_FOUND', `Run ${runId} is not in the history, so it cannot go into the report.`);
    if (!record) return null;
    const [problems, heldBack] = await Promise.all([deps.runs.listProblems(record.id), deps.runs.listHeldBack(record.id)]);
    return { record, problems, heldBack, why: runId ? 'chosen' : 'latest' };
  };

  const saveTo = async (parent: string, runId?: string): Promise<SavedReport> => {
    const run = await runFor(runId);
    let report: SavedReport;
    try {
      report = writeDiagnosticsReport(parent, {
        runtime: deps.runtime,
        createdAt: deps.now(),
        logLines: deps.logLines(deps.logLineCount ?? DIAGNOSTICS_LOG_LINES),
        run,
        shapes: deps.shapes(),
      });
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      throw new AppError('BAD_INPUT', `The report could not be written in ${parent}${code ? ` (${code})` : ''}. Choose a folder you can write to.`, { cause: error });
    }
    saved.add(path.resolve(report.folder));
    deps.log.info('diagnostics report saved', { folder: report.folder, runId: run?.record.id ?? null });
    return report;
  };

  return {
    saveTo,
    async saveReport(runId) {
      if (!deps.folders) throw new AppError('INTERNAL', 'This SiteSync has no folder dialog; use "cli diagnostics --out DIR".');
      const parent = await deps.folders.chooseFolder();
      if (!parent) return { saved: false };
      const report = await saveTo(parent, runId);
      return { saved: true, folder: report.folder, files: report.files };
    },
    async showFolder(folder) {
      if (!saved.has(path.resolve(folder))) throw new AppError('NOT_FOUND', 'SiteSync did not save a report there.');
      if (!deps.folders) throw new AppError('INTERNAL', 'This SiteSync has no file manager to show the folder in.');
      await deps.folders.showFolder(folder);
    },
  };
}
