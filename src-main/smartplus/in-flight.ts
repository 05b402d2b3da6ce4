/** Options of {@link InFlightController}. */
export interface InFlightOptions {
  /** The rate the pipe is paced at (contract: 20 requests/second per token). */
  readonly requestsPerSecond: number;
  /** The cap no limit exceeds (the setting "maximum requests in flight"). */
  readonly maxInFlight: number;
  /** The floor no back-off goes below (default 1). */
  readonly minInFlight?: number;
  /** Round-trip time assumed before the first answer (default 150 ms). */
  readonly initialLatencyMs?: number;
  /** Weight of a new sample in the moving average (default 0.2). */
  readonly smoothing?: number;
  /** Slack on top of rate × latency, for latency that varies (default 1.25). */
  readonly headroom?: number;
  /** Monotonic clock in ms (tests inject one). */
  readonly now?: () => number;
}

/**
 * How many SmartPlus requests to keep in flight: enough to keep the pipe full at the paced rate
 * (Little's law: in flight = rate × round-trip time), from a moving average of measured round
 * trips, and never above the setting. A 429 or a 5xx halves the ceiling (multiplicative
 * decrease); every answered request adds 1/limit back (about one more per round trip, additive
 * increase) until the Little's-law target is reached again. A 429's Retry-After also pauses the
 * whole pipe until then (see {@link pausedForMs}). Pure: no timers, the clock is injected.
 */
export class InFlightController {
  private readonly rate: number;
  private max: number;
  private readonly min: number;
  private readonly smoothing: number;
  private readonly headroom: number;
  private readonly now: () => number;
  private latency: number;
  private ceiling: number;
  private pausedUntil = 0;

  constructor(options: InFlightOptions) {
    this.rate = options.requestsPerSecond;
    this.max = Math.max(1, Math.floor(options.maxInFlight));
    this.min = Math.min(this.max, Math.max(1, Math.floor(options.minInFlight ?? 1)));
    this.smoothing = options.smoothing ?? 0.2;
    this.headroom = options.headroom ?? 1.25;
    this.now = options.now ?? (() => performance.now());
    this.latency = options.initialLatencyMs ?? 150;
    this.ceiling = this.max;
  }

  /** The moving average of round trips, in ms. */
  get latencyMs(): number {
    return this.latency;
  }

  /** Little's law with headroom: requests needed in flight to keep the paced rate at the measured latency. */
  get target(): number {
    return Math.ceil((this.rate * this.latency * this.headroom) / 1000) + 1;
  }

  /** The requests allowed in flight now. */
  get limit(): number {
    return Math.max(this.min, Math.min(this.max, Math.floor(this.ceiling), this.target));
  }

  /** Changes the cap while running (the setting was changed). */
  setMaxInFlight(max: number): void {
    const backedOff = this.ceiling < this.max;
    this.max = Math.max(this.min, Math.floor(max));
    this.ceiling = backedOff ? Math.min(this.ceiling, this.max) : this.max;
  }

  /** An answered request (any status but 429 and 5xx) and its round trip. */
  answered(roundTripMs: number): void {
    this.latency += this.smoothing * (Math.max(0, roundTripMs) - this.latency);
    if (this.ceiling < this.max) this.ceiling = Math.min(this.max, this.ceiling + 1 / Math.max(1, this.limit));
  }

  /** A 429: halve the ceiling and hold everyone back for Retry-After. */
  throttled(retryAfterMs: number): void {
    this.backOff();
    this.pausedUntil = Math.max(this.pausedUntil, this.now() + Math.max(0, retryAfterMs));
  }

  /** A 5xx, a timeout or a dropped connection: the server struggles, so halve the ceiling. */
  failed(): void {
    this.backOff();
  }

  /** How long the pipe stays paused after a 429 (0 when it is not). */
  pausedForMs(): number {
    return Math.max(0, this.pausedUntil - this.now());
  }

  private backOff(): void {
    this.ceiling = Math.max(this.min, Math.min(this.ceiling, this.limit) / 2);
  }
}
