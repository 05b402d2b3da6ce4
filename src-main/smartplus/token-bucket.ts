import { sleep as sleepOrCancel } from '../lib/async';
import { SmartPlusError } from './errors';

const spCancelled = () => new SmartPlusError('CANCELLED');

/** Resolves after `ms`, or rejects with CANCELLED when `signal` aborts first (lib/async.ts with this adapter's error). */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return sleepOrCancel(ms, signal, spCancelled);
}

/**
 * Client-side rate limit (contract: 20 requests/second per token), as GCRA: requests are
 * spaced 1/rate apart with a small burst allowance. The burst is kept well below the server's
 * one-second bucket so jitter on the wire never tips the server into 429s. `pause` holds
 * everyone back after a 429's Retry-After.
 */
export class TokenBucket {
  private readonly interval: number;
  private readonly tolerance: number;
  private tat = 0;
  private pausedUntil = 0;

  constructor(perSecond: number, burst = Math.max(1, Math.floor(perSecond / 4))) {
    this.interval = 1000 / perSecond;
    this.tolerance = (burst - 1) * this.interval;
  }

  /** Waits for this request's slot. */
  async take(signal?: AbortSignal): Promise<void> {
    for (;;) {
      const now = performance.now();
      const at = Math.max(now, this.tat - this.tolerance, this.pausedUntil);
      this.tat = Math.max(this.tat, at) + this.interval;
      if (at <= now) return;
      await sleep(at - now, signal);
      if (performance.now() >= this.pausedUntil) return;
    }
  }

  /** Holds every request back for `ms` (after a 429 with Retry-After). */
  pause(ms: number): void {
    this.pausedUntil = Math.max(this.pausedUntil, performance.now() + ms);
    this.tat = Math.max(this.tat, this.pausedUntil);
  }
}
