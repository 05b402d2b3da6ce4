import type { RunCounts, RunProgress, RunRecord } from '../../src-shared/domain/run';

/** "0:42", "1:05", "1:02:05": the time since `startedAt` (never negative). */
export function formatElapsed(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = String(total % 60).padStart(2, '0');
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}:${seconds}` : `${minutes}:${seconds}`;
}

/**
 * "Step 3 of 7 · 42% · 1:05 elapsed" — what of the run's overall progress the event carries
 * (older events and undo runs carry only the phase: then null).
 */
export function overallLine(progress: RunProgress | null, now: number): string | null {
  if (!progress) return null;
  const parts: string[] = [];
  if (progress.step !== undefined && progress.steps !== undefined) parts.push(`Step ${progress.step} of ${progress.steps}`);
  if (progress.percent !== undefined) parts.push(`${Math.round(progress.percent)}%`);
  if (progress.startedAt !== undefined) parts.push(`${formatElapsed(now - Date.parse(progress.startedAt))} elapsed`);
  return parts.length > 0 ? parts.join(' · ') : null;
}

/** True when the run changed nothing in SmartPlus (and nothing failed). */
export function changedNothing(counts: RunCounts): boolean {
  return Object.values(counts).every((n) => n === 0);
}

const count = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/**
 * The finish line's summary after the outcome: the site's apartments, then "already up to
 * date" when the run changed nothing, or what it changed — e.g. "28 apartments · 2 created,
 * 1 updated, 0 deleted, 1 credentials set".
 */
export function finishSummary(run: RunRecord, apartmentCount: number | undefined, countsLine: (counts: RunCounts) => string): string {
  const apartments = apartmentCount !== undefined ? `${count(apartmentCount, 'apartment')} · ` : '';
  if (run.outcome === 'succeeded' && changedNothing(run.counts)) return `${apartments}Already up to date`;
  const added = run.counts.apartments > 0 ? `${count(run.counts.apartments, 'apartment')} added, ` : '';
  return `${apartments}${added}${countsLine(run.counts)}`;
}
