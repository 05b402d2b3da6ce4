import PQueue from 'p-queue';
import { InFlightController } from './in-flight';

/** How one exchange ended, for the controller: an answer, a 429 (with Retry-After), or a server failure. */
export type ExchangeOutcome = { readonly kind: 'answered' } | { readonly kind: 'throttled'; readonly retryAfterMs: number } | { readonly kind: 'failed' };

/** Options of {@link RequestPipe}. */
export interface RequestPipeOptions {
  /** Paced rate (contract: 20 requests/second per token). */
  readonly requestsPerSecond: number;
  /** The cap on requests in flight (the "maximum requests in flight" setting). */
  readonly maxInFlight: number;
  /** Round-trip time assumed before the first answer. */
  readonly initialLatencyMs?: number;
}

/** What the pipe has seen (the benchmark and tests read it). */
export interface PipeStats {
  readonly inFlight: number;
  readonly peakInFlight: number;
  readonly limit: number;
  readonly latencyMs: number;
}

/**
 * The SmartPlus request pipe: p-queue paces starts (strict sliding window: at most rate/4
 * requests in any quarter second, so bursts stay far below the server's one-second bucket) and
 * bounds requests in flight to the {@link InFlightController}'s limit, re-set after every
 * exchange (p-queue's concurrency can change while it runs). A 429 pauses the queue until its
 * Retry-After. Replaces the hand-written GCRA bucket: p-queue's strict window gives the same
 * spacing (the 60-read burst test still sees no 429 and takes ≥ 2.6 s).
 */
export class RequestPipe {
  readonly controller: InFlightController;
  private readonly queue: PQueue;
  private resumeTimer: ReturnType<typeof setTimeout> | null = null;
  private active = 0;
  private peak = 0;

  constructor(options: RequestPipeOptions) {
    const rate = options.requestsPerSecond;
    this.controller = new InFlightController({ requestsPerSecond: rate, maxInFlight: options.maxInFlight, ...(options.initialLatencyMs !== undefined ? { initialLatencyMs: options.initialLatencyMs } : {}) });
    const burst = Math.max(1, Math.floor(rate / 4));
    this.queue = new PQueue({ concurrency: this.controller.limit, intervalCap: burst, interval: Math.max(1, Math.round((burst * 1000) / rate)), strict: true });
  }

  /**
   * Runs one exchange when the pace and the in-flight limit allow, times it and tells the
   * controller how it went (`classify`; a throw counts as a failure unless `signal` aborted).
   * Rejects with the signal's reason when aborted while waiting. `first` puts a retry ahead of the queue.
   */
  async run<T>(exchange: () => Promise<T>, classify: (value: T) => ExchangeOutcome, signal?: AbortSignal, first = false): Promise<T> {
    return this.queue.add(
      async () => {
        this.active += 1;
        this.peak = Math.max(this.peak, this.active);
        const started = performance.now();
        try {
          const value = await exchange();
          this.settle(classify(value), performance.now() - started);
          return value;
        } catch (error) {
          if (!signal?.aborted) this.settle({ kind: 'failed' }, performance.now() - started);
          throw error;
        } finally {
          this.active -= 1;
        }
      },
      { ...(signal ? { signal } : {}), priority: first ? 1 : 0 },
    );
  }

  /** Changes the cap on requests in flight while running. */
  setMaxInFlight(max: number): void {
    this.controller.setMaxInFlight(max);
    this.queue.concurrency = this.controller.limit;
  }

  /** Current figures. */
  stats(): PipeStats {
    return { inFlight: this.active, peakInFlight: this.peak, limit: this.controller.limit, latencyMs: this.controller.latencyMs };
  }

  /** Starts counting the peak afresh (the benchmark measures one run at a time). */
  resetPeak(): void {
    this.peak = this.active;
  }

  private settle(outcome: ExchangeOutcome, roundTripMs: number): void {
    if (outcome.kind === 'answered') this.controller.answered(roundTripMs);
    else if (outcome.kind === 'failed') this.controller.failed();
    else {
      this.controller.throttled(outcome.retryAfterMs);
      this.pauseFor(this.controller.pausedForMs());
    }
    this.queue.concurrency = this.controller.limit;
  }

  private pauseFor(ms: number): void {
    if (ms <= 0) return;
    this.queue.pause();
    if (this.resumeTimer) clearTimeout(this.resumeTimer);
    this.resumeTimer = setTimeout(() => {
      this.resumeTimer = null;
      this.queue.start();
    }, ms);
  }
}
