import { describe, expect, it } from 'vitest';
import { InFlightController } from '../../../src-main/smartplus/in-flight';
import { RequestPipe } from '../../../src-main/smartplus/pipe';

/** A controller on a clock the test moves by hand. */
function controller(options: { maxInFlight?: number; initialLatencyMs?: number } = {}) {
  let t = 0;
  const c = new InFlightController({ requestsPerSecond: 20, maxInFlight: options.maxInFlight ?? 64, initialLatencyMs: options.initialLatencyMs ?? 150, now: () => t });
  return { c, advance: (ms: number) => void (t += ms) };
}

const answerMany = (c: InFlightController, n: number, ms: number) => {
  for (let i = 0; i < n; i++) c.answered(ms);
};

describe('InFlightController (Little’s law, EWMA, AIMD back-off)', () => {
  it('keeps rate × latency in flight (plus headroom) as the measured latency settles', () => {
    const { c } = controller();
    answerMany(c, 60, 400);
    expect(c.latencyMs).toBeCloseTo(400, 0);
    // 20/s × 0.4 s = 8, × 1.25 headroom = 10, + 1.
    expect(c.limit).toBe(11);
    answerMany(c, 60, 20);
    expect(c.latencyMs).toBeLessThan(25);
    expect(c.limit).toBe(2);
    answerMany(c, 60, 150);
    expect(c.limit).toBe(5);
  });

  it('moves with the latency while running: one slow answer nudges the average, it does not jump', () => {
    const { c } = controller({ initialLatencyMs: 100 });
    c.answered(1100);
    expect(c.latencyMs).toBeCloseTo(300, 5);
  });

  it('never exceeds the setting, however slow the server', () => {
    const { c } = controller({ maxInFlight: 6 });
    answerMany(c, 60, 5000);
    expect(c.target).toBeGreaterThan(100);
    expect(c.limit).toBe(6);
  });

  it('halves on a 429, pauses for Retry-After, and grows back by about one per round trip', () => {
    const { c, advance } = controller();
    answerMany(c, 60, 400);
    expect(c.limit).toBe(11);
    c.throttled(2000);
    expect(c.limit).toBe(5);
    expect(c.pausedForMs()).toBe(2000);
    advance(1500);
    expect(c.pausedForMs()).toBe(500);
    advance(600);
    expect(c.pausedForMs()).toBe(0);
    answerMany(c, 5, 400);
    expect(c.limit).toBe(6);
    answerMany(c, 60, 400);
    expect(c.limit).toBe(11);
  });

  it('halves on server errors down to the floor of one, never to zero', () => {
    const { c } = controller();
    answerMany(c, 60, 400);
    for (let i = 0; i < 10; i++) c.failed();
    expect(c.limit).toBe(1);
    expect(c.pausedForMs()).toBe(0);
  });
});

describe('RequestPipe (p-queue paced, limit from the controller)', () => {
  it('lets a small burst through, then spaces requests to the rate (no more than rate/4 per quarter second)', async () => {
    const pipe = new RequestPipe({ requestsPerSecond: 40, maxInFlight: 64 });
    const start = performance.now();
    const times = await Promise.all(Array.from({ length: 30 }, () => pipe.run(async () => performance.now() - start, () => ({ kind: 'answered' }))));
    times.sort((a, b) => a - b);
    // The first 10 go at once: all before the second quarter second opens (a wall bound of 40 ms
    // failed beside the E2E run at 48 ms), and the 11th waits for it.
    expect(times[9]!).toBeLessThan(200);
    expect(times[10]!).toBeGreaterThanOrEqual(230);
    // 30 starts at 10 per 250 ms: the last window opens at 500 ms.
    expect(times[29]!).toBeGreaterThanOrEqual(480);
  });

  it('holds every request back after a 429 until its Retry-After', async () => {
    const pipe = new RequestPipe({ requestsPerSecond: 100, maxInFlight: 8 });
    await pipe.run(async () => 429, () => ({ kind: 'throttled', retryAfterMs: 300 }));
    const start = performance.now();
    await pipe.run(async () => 200, () => ({ kind: 'answered' }));
    expect(performance.now() - start).toBeGreaterThanOrEqual(280);
  });

  it('keeps no more requests in flight than the limit, and reports the peak', async () => {
    const pipe = new RequestPipe({ requestsPerSecond: 1000, maxInFlight: 3, initialLatencyMs: 1000 });
    await Promise.all(Array.from({ length: 12 }, () => pipe.run(() => new Promise((r) => setTimeout(r, 30)), () => ({ kind: 'answered' }))));
    expect(pipe.stats().peakInFlight).toBe(3);
  });

  it('rejects a request still waiting when its signal aborts', async () => {
    const pipe = new RequestPipe({ requestsPerSecond: 1, maxInFlight: 1 });
    await pipe.run(async () => 1, () => ({ kind: 'answered' }));
    await expect(pipe.run(async () => 2, () => ({ kind: 'answered' }), AbortSignal.timeout(50))).rejects.toThrow();
  });
});
