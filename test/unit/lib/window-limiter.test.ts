import { describe, expect, it } from 'vitest';
import { WindowLimiter } from '../../../src-main/lib/window-limiter';

const at = (iso: string) => new Date(iso);

describe('WindowLimiter (sliding window, injected clock)', () => {
  it('allows `limit` actions a window per key, then says when the next is allowed', () => {
    let now = at('2026-12-02T15:30:00.000Z');
    const limiter = new WindowLimiter({ limit: 3, windowMs: 60_000, now: () => now });
    expect([limiter.take('w1'), limiter.take('w1'), limiter.take('w1')].map((d) => d.ok)).toEqual([true, true, true]);
    now = at('2026-12-02T15:30:20.000Z');
    expect(limiter.take('w1')).toEqual({ ok: false, retryAt: at('2026-12-02T15:31:00.000Z'), retryAfterMs: 40_000 });
    // Another window has its own budget.
    expect(limiter.take('w2').ok).toBe(true);
  });

  it('slides: one slot frees when the oldest action leaves the window', () => {
    let now = at('2026-12-02T15:30:00.000Z');
    const limiter = new WindowLimiter({ limit: 2, windowMs: 60_000, now: () => now });
    limiter.take('k');
    now = at('2026-12-02T15:30:30.000Z');
    limiter.take('k');
    now = at('2026-12-02T15:30:59.999Z');
    expect(limiter.take('k').ok).toBe(false);
    now = at('2026-12-02T15:31:00.000Z');
    expect(limiter.take('k')).toEqual({ ok: true, remaining: 0 });
    expect(limiter.take('k')).toMatchObject({ ok: false, retryAt: at('2026-12-02T15:31:30.000Z') });
  });

  it('refused attempts do not count (hammering does not push the retry time out)', () => {
    let now = at('2026-12-02T15:30:00.000Z');
    const limiter = new WindowLimiter({ limit: 1, windowMs: 60_000, now: () => now });
    limiter.take('k');
    for (let i = 1; i <= 50; i++) {
      now = new Date(Date.parse('2026-12-02T15:30:00.000Z') + i * 1000);
      expect(limiter.take('k')).toMatchObject({ ok: false, retryAt: at('2026-12-02T15:31:00.000Z') });
    }
    now = at('2026-12-02T15:31:00.000Z');
    expect(limiter.take('k').ok).toBe(true);
  });

  it('a clock that jumps back does not lock the key out until it catches up', () => {
    let now = at('2026-12-02T15:30:00.000Z');
    const limiter = new WindowLimiter({ limit: 1, windowMs: 60_000, now: () => now });
    limiter.take('k');
    now = at('2026-12-02T14:00:00.000Z');
    expect(limiter.take('k').ok).toBe(true);
  });

  it('refuses a nonsensical configuration', () => {
    expect(() => new WindowLimiter({ limit: 0, windowMs: 1000, now: () => new Date() })).toThrow();
  });
});
