/**
 * The sandbox's per-token rate limit (contract: 20 requests per second per token): a token
 * bucket holding one second's worth of requests, refilled continuously. Uses real time, not
 * the sandbox's business clock, so a frozen test clock never locks clients out.
 */
export class RateLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(private readonly perSecond: number) {}

  /** Takes one request's worth for `key`; returns 0 when allowed, else milliseconds until one is available. */
  take(key: string): number {
    const t = performance.now();
    const bucket = this.buckets.get(key) ?? { tokens: this.perSecond, at: t };
    bucket.tokens = Math.min(this.perSecond, bucket.tokens + ((t - bucket.at) / 1000) * this.perSecond);
    bucket.at = t;
    this.buckets.set(key, bucket);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return 0;
    }
    return Math.max(1, ((1 - bucket.tokens) / this.perSecond) * 1000);
  }
}
