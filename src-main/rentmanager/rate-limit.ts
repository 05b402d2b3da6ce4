import { backoffMs as fullJitterBackoff, sleep as sleepOrCancel } from '../lib/async';
import { cancelled } from './errors';

const waitCancelled = () => cancelled({ method: 'WAIT', path: '' });

/** Sleeps `ms`, rejecting with CANCELLED when `signal` aborts (lib/async.ts with this adapter's error). */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return sleepOrCancel(ms, signal, waitCancelled);
}

/** Exponential backoff with full jitter: attempt 1 waits up to 2×base, capped at `maxMs` (lib/async.ts). */
export function backoffMs(attempt: number, baseMs = 250, maxMs = 10_000, random: () => number = Math.random): number {
  return fullJitterBackoff(attempt, { baseMs, maxMs, random });
}

/**
 * The client-side request budget: at most `perMinute` requests in any rolling minute (Rent
 * Manager allows 500 a minute per company, shared with its other integrations — reference
 * §6.3), and a pause until `x-ratelimit-reset` when the server says none remain or answers 429.
 */
export class RequestBudget {
  private readonly stamps: number[] = [];
  private pausedUntil = 0;

  constructor(
    private readonly perMinute: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Waits until one more request fits the budget, then counts it. */
  async acquire(signal?: AbortSignal): Promise<void> {
    for (;;) {
      const now = this.now();
      while (this.stamps.length && this.stamps[0]! <= now - 60_000) this.stamps.shift();
      const wait = Math.max(this.pausedUntil - now, this.stamps.length >= this.perMinute ? this.stamps[0]! + 60_000 - now : 0);
      if (wait <= 0) {
        this.stamps.push(now);
        return;
      }
      await sleep(wait, signal);
    }
  }

  /** Reads `x-ratelimit-remaining` / `x-ratelimit-reset`; with nothing left, pauses until the reset. */
  observe(headers: Record<string, string | undefined>): void {
    const remaining = Number(headers['x-ratelimit-remaining']);
    if (headers['x-ratelimit-remaining'] !== undefined && remaining <= 0) this.pauseUntilReset(headers);
  }

  /** Pauses every request until the server's reset time (bounded to 2 minutes; 1 s when absent). Returns the pause in ms. */
  pauseUntilReset(headers: Record<string, string | undefined>): number {
    const reset = Number(headers['x-ratelimit-reset']);
    const now = this.now();
    const until = Number.isFinite(reset) && reset > 0 ? Math.min(reset * 1000 + 50, now + 120_000) : now + 1_000;
    this.pausedUntil = Math.max(this.pausedUntil, until);
    return Math.max(0, this.pausedUntil - now);
  }
}
