/**
 * Performance marks for the browser benchmark (test/bench/browser.bench.ts). No-ops where the
 * User Timing API is missing (some test environments).
 */
export function perfMark(name: string): void {
  if (typeof performance !== 'undefined' && typeof performance.mark === 'function') performance.mark(name);
}

/** Measures from mark `start` to now under `name`; ignored when the mark is missing. */
export function perfMeasure(name: string, start: string): void {
  if (typeof performance === 'undefined' || typeof performance.measure !== 'function') return;
  if (performance.getEntriesByName(start, 'mark').length === 0) return;
  performance.measure(name, start);
  performance.clearMarks(start);
}
