/** A limiter's answer: go ahead, or wait until `retryAt`. */
export type LimitDecision = { ok: true; remaining: number } | { ok: false; retryAt: Date; retryAfterMs: number };

/**
 * At most `limit` actions per `windowMs` for each key (a sliding window: the oldest action in
 * the window decides when the next one is allowed). Pure apart from the injected clock, so a
 * test moves time by hand. Used for PIN reveals: 10 a minute per window (issue 12).
 */
export class WindowLimiter {
  private readonly times = new Map<string, number[]>();

  constructor(
    private readonly options: { limit: number; windowMs: number; now: () => Date },
  ) {
    if (options.limit < 1 || options.windowMs <= 0) throw new Error('a limiter needs a limit of at least 1 and a positive window');
  }

  /** Records one action for `key` when the window allows it; otherwise says when it will. */
  take(key: string): LimitDecision {
    const now = this.options.now().getTime();
    // A clock that went back must not lock the key out until it catches up: times "in the future" are dropped.
    const recent = (this.times.get(key) ?? []).filter((t) => t > now - this.options.windowMs && t <= now);
    if (recent.length >= this.options.limit) {
      const retryAt = recent[0]! + this.options.windowMs;
      this.times.set(key, recent);
      return { ok: false, retryAt: new Date(retryAt), retryAfterMs: retryAt - now };
    }
    recent.push(now);
    this.times.set(key, recent);
    return { ok: true, remaining: this.options.limit - recent.length };
  }
}
