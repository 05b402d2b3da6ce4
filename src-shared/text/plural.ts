/**
 * Counted nouns for installer-facing text (issue 16): "1 problem" / "3 problems", never "problem(s)".
 * One helper for main (run report, CLI, errors) and renderer (screens).
 */

/** "1 account" / "3 accounts"; `many` for irregular plurals ("1 family member" / "2 family members" works as is). */
export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** The verb that agrees with a count: `agree(1, 'is', 'are')` → "is". */
export function agree(count: number, one: string, many: string): string {
  return count === 1 ? one : many;
}
