import { RUN_STEPS, type RunProgress } from '../../src-shared/domain/run';

/** Share of the bar the reads fill (Rent Manager, then SmartPlus); planning ends at PLANNED. */
const READ_RM = 2;
const READ_SP = 6;
const PLANNED = 10;

/**
 * Turns a run's phase events into its overall progress: "step N of 7" (the highest step
 * reached — apply phases overlap, so a later phase can report before an earlier one is done),
 * the overall percentage and the run's start time. The percentage never goes back: the reads
 * fill 0–10 %, the operations the rest, in proportion to the operations done over all planned.
 */
export interface ProgressTracker {
  /** Passes `event` on with step, steps, percent and startedAt filled in. */
  emit(event: RunProgress): void;
  /** The number of operations the run will apply (0 when nothing changes), once planned. */
  planned(operations: number): void;
}

export function progressTracker(startedAt: string, onProgress: ((progress: RunProgress) => void) | undefined): ProgressTracker {
  let operations = 0;
  let step = 0;
  let percent = 0;
  let reads = 0;
  const doneByPhase = new Map<RunProgress['phase'], number>();
  return {
    planned(count) {
      operations = count;
    },
    emit(event) {
      if (!onProgress) return;
      const index = event.phase === 'done' ? RUN_STEPS.length - 1 : RUN_STEPS.indexOf(event.phase);
      step = Math.max(step, index + 1);
      percent = Math.max(percent, percentOf(event));
      onProgress({ ...event, step, steps: RUN_STEPS.length, percent, startedAt });
    },
  };

  function percentOf(event: RunProgress): number {
    switch (event.phase) {
      case 'reading':
        return reads++ === 0 ? READ_RM : READ_SP;
      case 'planning':
        return PLANNED;
      case 'done':
        return 100;
      default: {
        // A retry after the deletions reports 1 of 1: the phase's best count is kept.
        doneByPhase.set(event.phase, Math.max(doneByPhase.get(event.phase) ?? 0, Math.min(event.done, event.total)));
        if (operations === 0) return PLANNED;
        const done = [...doneByPhase.values()].reduce((a, b) => a + b, 0);
        return Math.min(99, Math.floor(PLANNED + ((100 - PLANNED) * Math.min(done, operations)) / operations));
      }
    }
  }
}
