import { describe, expect, it } from 'vitest';
import type { RunProgress } from '../../../src-shared/domain/run';
import { progressTracker } from '../../../src-main/sync/progress';

const START = '2026-12-03T06:00:00.000Z';
const event = (phase: RunProgress['phase'], done = 0, total = 0): RunProgress => ({ runId: 'r1', siteId: 's1', phase, done, total, current: null });

function track(planned: number, events: RunProgress[]): RunProgress[] {
  const seen: RunProgress[] = [];
  const tracker = progressTracker(START, (p) => seen.push(p));
  for (const e of events) {
    if (e.phase === 'communities' || e.phase === 'apartments' || e.phase === 'family-members' || e.phase === 'credentials' || e.phase === 'deletions') tracker.planned(planned);
    tracker.emit(e);
  }
  return seen;
}

describe('progressTracker: step N of 7, overall percent, start time', () => {
  it('numbers the steps from reading (1) to deletions (7) and carries the start time', () => {
    const seen = track(4, [event('reading'), event('reading'), event('planning'), event('apartments', 0, 2), event('apartments', 2, 2), event('deletions', 0, 2)]);
    expect(seen.map((p) => p.step)).toEqual([1, 1, 2, 4, 4, 7]);
    expect(seen.every((p) => p.steps === 7 && p.startedAt === START)).toBe(true);
  });

  it('fills 0–10 % with the reads and planning, then the operations done over all planned', () => {
    const seen = track(4, [event('reading'), event('reading'), event('planning'), event('apartments', 1, 2), event('apartments', 2, 2), event('deletions', 1, 2), event('done')]);
    expect(seen.map((p) => p.percent)).toEqual([2, 6, 10, 32, 55, 77, 100]);
  });

  it('never goes back when overlapping phases report out of order, or a retry reports 1 of 1', () => {
    const seen = track(10, [event('planning'), event('family-members', 4, 5), event('apartments', 0, 5), event('family-members', 1, 1), event('apartments', 5, 5)]);
    expect(seen.map((p) => p.step)).toEqual([2, 5, 5, 5, 5]);
    expect(seen.map((p) => p.percent)).toEqual([10, 46, 46, 46, 91]);
  });

  it('goes from planning straight to 100 % when nothing changes', () => {
    const seen = track(0, [event('reading'), event('planning'), event('done')]);
    expect(seen.map((p) => [p.step, p.percent])).toEqual([[1, 2], [2, 10], [7, 100]]);
  });

  it('stays silent without a listener', () => {
    expect(() => progressTracker(START, undefined).emit(event('reading'))).not.toThrow();
  });
});
