// Child-process fixture for the log-fault cases: logs a few lines into the folder given as the
// first argument (a real read-only mount set up by the test) and prints what happened as JSON.
import { createLogger, rotatingFileSink } from '../../../src-main/logging/logger';

const dir = process.argv[2]!;
let threw: string | null = null;
let dropped = -1;
let lastError: string | null = null;
try {
  const sink = rotatingFileSink(dir, { maxBytes: 200 });
  const log = createLogger(sink, { scope: 'ro' });
  for (let i = 0; i < 20; i++) log.info('a line that cannot land', { i });
  dropped = sink.dropped;
  lastError = sink.lastError;
} catch (error) {
  threw = (error as Error).message;
}
process.stdout.write(JSON.stringify({ threw, dropped, lastError, carriedOn: true }));
