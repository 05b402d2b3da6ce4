import { describe, expect, it } from 'vitest';
import { attentionCount, errorCount, groupProblems, runOutcomeView } from '../../../src-shared/domain/problems';

const p = (severity: 'error' | 'warning' | 'info', name: string) => ({ severity, name });

describe('groupProblems', () => {
  it('puts errors and warnings under "needs attention", errors first, and info apart, keeping the order within a severity', () => {
    const input = [p('info', 'unit 7 not synced'), p('warning', 'w1'), p('error', 'e1'), p('info', 'unit 8 not synced'), p('error', 'e2'), p('warning', 'w2')];
    const groups = groupProblems(input);
    expect(groups.attention.map((x) => x.name)).toEqual(['e1', 'e2', 'w1', 'w2']);
    expect(groups.info.map((x) => x.name)).toEqual(['unit 7 not synced', 'unit 8 not synced']);
    expect(input[0]!.name).toBe('unit 7 not synced');
  });

  it('counts what needs attention and the errors the same way for every screen', () => {
    const input = [p('info', 'a'), p('warning', 'b'), p('error', 'c')];
    expect(attentionCount(input)).toBe(2);
    expect(errorCount(input)).toBe(1);
    expect(attentionCount([p('info', 'a')])).toBe(0);
    expect(groupProblems([])).toEqual({ attention: [], info: [] });
  });
});

describe('runOutcomeView', () => {
  it('reads a succeeded run with an error-level problem as "synced with problems"', () => {
    expect(runOutcomeView({ outcome: 'succeeded', errorCount: 1 })).toBe('synced-with-problems');
    expect(runOutcomeView({ outcome: 'succeeded', errorCount: 0 })).toBe('succeeded');
    expect(runOutcomeView({ outcome: 'succeeded' })).toBe('succeeded');
    expect(runOutcomeView({ outcome: 'partial', errorCount: 3 })).toBe('partial');
    expect(runOutcomeView({ outcome: 'failed', errorCount: 3 })).toBe('failed');
  });
});
