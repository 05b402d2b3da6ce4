/** The outcome of a validator: a normalised value, or a reason a person can read. */
export type RuleResult<T = string> = { ok: true; value: T; warnings: string[] } | { ok: false; reason: string };

/** A passing result. */
export function pass<T>(value: T, warnings: string[] = []): RuleResult<T> {
  return { ok: true, value, warnings };
}

/** A failing result with its reason. */
export function fail<T = string>(reason: string): RuleResult<T> {
  return { ok: false, reason };
}
