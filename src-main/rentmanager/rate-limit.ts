import PQueue from 'p-queue';

/**
 * The client-side request budget (Rent Manager allows 500 requests per rolling minute per
 * company, shared with its other integrations — reference §6.3): p-queue in strict mode is that
 * rolling window (at most `perMinute` starts in any 60 s), and bounds parallel requests to
 * `parallel` (reference §6.3: keep ≤ 3–5 in parallel). When the server says none remain, or
 * answers 429, the queue pauses until `x-ratelimit-reset`.
 */
export class RequestBudget {
  private readonly queue: PQueue;
  private pausedUntil = 0;
  private resumeTimer: ReturnType<typeof setTimeout> | null = null;

  constructor(perMinute: number, parallel = 4, windowMs = 60_000) {
    this.queue = new PQueue({ concurrency: Math.max(1, parallel), intervalCap: Math.max(1, perMinute), interval: windowMs, strict: true });
  }

  /** Runs `task` once it fits the budget; rejects with the signal's reason if aborted while waiting. */
  run<T>(task: () => Promise<T>, signal?: AbortSignal): Promise<T> {
    return this.queue.add(task, signal ? { signal } : {});
  }

  /** Reads `x-ratelimit-remaining` / `x-ratelimit-reset`; with nothing left, pauses until the reset. */
  observe(headers: Record<string, string | undefined>): void {
    const remaining = Number(headers['x-ratelimit-remaining']);
    if (headers['x-ratelimit-remaining'] !== undefined && remaining <= 0) this.pauseUntilReset(headers);
  }

  /** Pauses every request until the server's reset time (bounded to 2 minutes; 1 s when absent). Returns the pause in ms. */
  pauseUntilReset(headers: Record<string, string | undefined>): number {
    const reset = Number(headers['x-ratelimit-reset']);
    const now = Date.now();
    const until = Number.isFinite(reset) && reset > 0 ? Math.min(reset * 1000 + 50, now + 120_000) : now + 1_000;
    this.pausedUntil = Math.max(this.pausedUntil, until);
    const wait = Math.max(0, this.pausedUntil - now);
    if (wait > 0) {
      this.queue.pause();
      if (this.resumeTimer) clearTimeout(this.resumeTimer);
      this.resumeTimer = setTimeout(() => {
        this.resumeTimer = null;
        this.queue.start();
      }, wait);
    }
    return wait;
  }
}
