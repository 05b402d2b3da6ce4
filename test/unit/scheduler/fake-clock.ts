import type { Clock } from '../../../src-main/scheduler/clock';

/**
 * A clock whose time moves only when the test says so. `advance` fires due timers in order;
 * `sleep` models a suspended laptop: wall time jumps but timers (monotonic) stay paused, so
 * they fire late, after the wake.
 */
export class FakeClock implements Clock {
  private t: number;
  private seq = 0;
  private timers: { id: number; due: number; fn: () => void }[] = [];

  constructor(start: string) {
    this.t = Date.parse(start);
  }

  now(): Date {
    return new Date(this.t);
  }

  setTimeout(fn: () => void, ms: number): unknown {
    const id = ++this.seq;
    this.timers.push({ id, due: this.t + Math.max(0, ms), fn });
    return id;
  }

  clearTimeout(handle: unknown): void {
    this.timers = this.timers.filter((t) => t.id !== handle);
  }

  /** Pending timers (a scheduler keeps exactly one). */
  get pendingTimers(): number {
    return this.timers.length;
  }

  /** Moves time forward by `ms`, firing timers as their time comes and letting promises settle between them. */
  async advance(ms: number): Promise<void> {
    const end = this.t + ms;
    for (;;) {
      await settle();
      const next = [...this.timers].sort((a, b) => a.due - b.due || a.id - b.id)[0];
      if (!next || next.due > end) break;
      this.timers = this.timers.filter((t) => t !== next);
      this.t = Math.max(this.t, next.due);
      next.fn();
    }
    this.t = end;
    await settle();
  }

  /** Moves time to an ISO instant (see {@link advance}). */
  async advanceTo(iso: string): Promise<void> {
    await this.advance(Date.parse(iso) - this.t);
  }

  /** The machine sleeps for `ms`: wall time jumps, timers are delayed by the same amount. */
  sleep(ms: number): void {
    this.t += ms;
    for (const timer of this.timers) timer.due += ms;
  }
}

async function settle(): Promise<void> {
  for (let i = 0; i < 20; i++) await Promise.resolve();
}
