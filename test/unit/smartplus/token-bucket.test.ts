import { describe, expect, it } from 'vitest';
import { TokenBucket } from '../../../src-main/smartplus/token-bucket';

describe('TokenBucket', () => {
  it('lets a small burst through, then spaces requests 1/rate apart', async () => {
    const bucket = new TokenBucket(50, 5);
    const start = performance.now();
    const times: number[] = [];
    for (let i = 0; i < 15; i++) {
      await bucket.take();
      times.push(performance.now() - start);
    }
    expect(times[4]!).toBeLessThan(15);
    expect(times[14]!).toBeGreaterThanOrEqual(180);
  });

  it('holds everyone back after pause(ms)', async () => {
    const bucket = new TokenBucket(100, 10);
    bucket.pause(150);
    const start = performance.now();
    await bucket.take();
    expect(performance.now() - start).toBeGreaterThanOrEqual(140);
  });

  it('rejects with CANCELLED when aborted while waiting', async () => {
    const bucket = new TokenBucket(1, 1);
    await bucket.take();
    await expect(bucket.take(AbortSignal.timeout(50))).rejects.toMatchObject({ code: 'CANCELLED' });
  });
});
