import type { Problem, RunOutcome } from './run';

/*
 * How problems are sorted out for the installer (issue 16, "Problems sorted out"): errors and
 * warnings need attention, info notes (units a Custom site leaves out) are for information.
 * One function for the run report, the Overview, the finish line and the Get Site review, so
 * every screen counts "needs attention" the same way.
 */

/** A problem's severity. */
export type Severity = Problem['severity'];

/** Severities strongest first: the order the report lists problems in. */
export const SEVERITY_ORDER: Readonly<Record<Severity, number>> = { error: 0, warning: 1, info: 2 };

/** Whether a problem needs attention (an error or a warning), as against a note for information. */
export function needsAttention(p: { severity: Severity }): boolean {
  return p.severity !== 'info';
}

/** How many problems need attention: the count the run record, the Overview and the finish line show. */
export function attentionCount(problems: readonly { severity: Severity }[]): number {
  return problems.filter(needsAttention).length;
}

/** How many problems are errors: a succeeded run with one reads "Synced with problems". */
export function errorCount(problems: readonly { severity: Severity }[]): number {
  return problems.filter((p) => p.severity === 'error').length;
}

/** Problems split into "Needs attention" (errors first, then warnings) and "For your information", each keeping the reported order within a severity. */
export interface ProblemGroups<T> {
  readonly attention: T[];
  readonly info: T[];
}

/** Splits and sorts problems (see {@link ProblemGroups}); pure, the input is left as it is. */
export function groupProblems<T extends { severity: Severity }>(problems: readonly T[]): ProblemGroups<T> {
  const sorted = problems
    .map((p, i) => ({ p, i }))
    .sort((a, b) => SEVERITY_ORDER[a.p.severity] - SEVERITY_ORDER[b.p.severity] || a.i - b.i)
    .map((x) => x.p);
  return { attention: sorted.filter(needsAttention), info: sorted.filter((p) => !needsAttention(p)) };
}

/** How a run reads on screens and notifications: a run outcome, or `synced-with-problems` for a run that succeeded with error-level problems. */
export type RunOutcomeView = RunOutcome | 'synced-with-problems';

/**
 * The outcome to show for a run: a `succeeded` run with at least one error-level problem is
 * "Synced with problems", not a green success. Derived from the record, no status of its own.
 */
export function runOutcomeView(run: { outcome: RunOutcome | string; errorCount?: number | undefined }): RunOutcomeView {
  if (run.outcome === 'succeeded' && (run.errorCount ?? 0) > 0) return 'synced-with-problems';
  return run.outcome as RunOutcome;
}
