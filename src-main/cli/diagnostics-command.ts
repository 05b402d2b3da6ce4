import fs from 'node:fs';
import path from 'node:path';
import type { RunStorePort } from '../../src-shared/domain/journal';
import { isAppError } from '../../src-shared/errors';
import { openLocalDb } from '../db/local-db';
import { currentRuntime } from '../features/diagnostics-bundle';
import { createDiagnosticsService } from '../features/diagnostics-service';
import { readLogTail } from '../logging/log-tail';
import { createLogger, rotatingFileSink } from '../logging/logger';
import { ShapeRecorder } from '../logging/response-shapes';
import { MemorySecretStore } from '../secrets/secret-store';
import { UsageError } from './cli-error';
import { readShapesFile } from './shapes-file';
import { cliHome } from './home';
import packageJson from '../../package.json';

/** Options of `diagnostics`. */
export interface DiagnosticsArgs {
  out?: string;
  run?: string;
  json?: boolean;
}

/** A history with no runs, for a SITESYNC_HOME where nothing has synced yet. */
const NO_RUNS: Pick<RunStorePort, 'getRun' | 'listRuns' | 'listProblems' | 'listHeldBack'> = {
  getRun: async () => null,
  listRuns: async () => [],
  listProblems: async () => [],
  listHeldBack: async () => [],
};

/**
 * `diagnostics`: the same redacted report as the app's "Save diagnostics", from what the CLI
 * keeps under SITESYNC_HOME — its log, its run history and the response shapes of its last sync —
 * in a new folder under `--out` (default: the current folder).
 */
export async function diagnosticsCommand(args: DiagnosticsArgs, env: NodeJS.ProcessEnv, out: (s: string) => void): Promise<number> {
  const home = cliHome(env);
  const dbFile = path.join(home, 'sitesync.db');
  const db = fs.existsSync(dbFile) ? await openLocalDb(dbFile, new MemorySecretStore()) : null;
  try {
    const shapes = new ShapeRecorder();
    shapes.load(readShapesFile(home));
    const logDir = path.join(home, 'logs');
    const diagnostics = createDiagnosticsService({
      runtime: currentRuntime(packageJson.version, 'CLI'),
      runs: db?.runStore ?? NO_RUNS,
      shapes: () => shapes.entries(),
      logLines: (limit) => readLogTail(logDir, limit),
      folders: null,
      // Lines of this command go to the log only after its tail was read.
      log: fs.existsSync(home) ? createLogger(rotatingFileSink(logDir), { scope: 'cli' }).child('diagnostics') : createLogger({ write: () => {} }),
      now: () => new Date(),
    });
    let report;
    try {
      report = await diagnostics.saveTo(path.resolve(args.out ?? '.'), args.run);
    } catch (error) {
      if (isAppError(error) && (error.code === 'NOT_FOUND' || error.code === 'BAD_INPUT')) throw new UsageError(error.message);
      throw error;
    }
    if (args.json) out(JSON.stringify(report));
    else out(`Diagnostics report saved in ${report.folder}\n${report.files.map((f) => `  ${f}`).join('\n')}\nRead README.md inside before sending it to support.`);
    return 0;
  } finally {
    db?.close();
  }
}
