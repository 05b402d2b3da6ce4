import type { Schedule } from '../../src-shared/domain/schedule';
import { type Logger, silentLogger } from '../logging/logger';
import type { Clock } from './clock';
import { missedRun, nextRun, nextSlot, previousSlot, trustedLastRun } from './next-run';
import { SiteRunGate } from './site-run-gate';

/** Why the scheduler starts a run: its slot, a missed slot made up, or the periodic light sync. */
export type ScheduledTrigger = 'scheduled' | 'catch-up' | 'light';

/** What the gate records about a run (the IPC layer may use richer metadata through the same gate). */
export interface RunMeta {
  readonly trigger: string;
}

/** What the scheduler needs from the app. */
export interface SchedulerOptions {
  clock: Clock;
  /** The current schedule (read at every decision, so a settings change applies after `reschedule()`). */
  schedule: () => Schedule;
  /** The sites to keep in sync. */
  sites: () => readonly string[];
  /** Why a site is skipped though listed (paused by the installer, issue 16), or null; logged once per slot. */
  pausedWhy?: (siteId: string) => string | null;
  /** When the site's last completed full run started (RunsRepo.lastCompletedRunAt), or null. */
  lastRun: (siteId: string) => Date | null;
  /** Runs one site; the promise settles when the run ends. */
  runSite: (siteId: string, trigger: ScheduledTrigger) => Promise<unknown>;
  /** Shared with manual runs so that two runs of one site never overlap. */
  gate?: SiteRunGate<RunMeta>;
  /** How long after start or wake a missed run is made up (default 60 s: let the app and network settle). */
  catchUpDelayMs?: number;
  /** A slot run later than this after its instant (timers delayed by sleep) is labelled catch-up (default 5 min). */
  lateToleranceMs?: number;
  /** Longest single timer: the scheduler re-checks at least this often (default 15 min), which also notices sleep. */
  maxTimerMs?: number;
  logger?: Logger;
}

/**
 * Runs every site at the schedule's daily slot, makes up a missed slot once after start or
 * wake (never several times: only the latest missed slot counts, and each slot is decided
 * once per site), runs the optional light sync, and never overlaps two runs of one site.
 */
export class Scheduler {
  private readonly gate: SiteRunGate<RunMeta>;
  private readonly log: Logger;
  private readonly handled = new Map<string, number>();
  /** When this scheduler last started a full run of each site: stands in for a last-run stamp in the future. */
  private readonly fullRunStarts = new Map<string, Date>();
  private readonly pending = new Set<Promise<void>>();
  private timer: unknown = null;
  private started = false;
  private lastCheckAt = 0;
  private catchUpAt: number | null = null;
  private lightDueAt: number | null = null;

  constructor(private readonly options: SchedulerOptions) {
    this.gate = options.gate ?? new SiteRunGate<RunMeta>(() => options.clock.now());
    this.log = (options.logger ?? silentLogger).child('scheduler');
  }

  /** Starts scheduling; a missed run is made up `catchUpDelayMs` later. */
  start(): void {
    if (this.started) return;
    this.started = true;
    this.resetAfterGap();
    this.arm();
  }

  /** Stops all timers (runs in progress go on). */
  stop(): void {
    this.started = false;
    this.disarm();
  }

  /** The machine woke from sleep (Electron's powerMonitor 'resume'): re-check, and make a missed run up once. */
  onWake(): void {
    if (!this.started) return;
    this.resetAfterGap();
    this.arm();
  }

  /** The schedule changed: re-arm the timers against it. */
  reschedule(): void {
    if (!this.started) return;
    const light = this.options.schedule().lightSyncMinutes;
    this.lightDueAt = light ? this.options.clock.now().getTime() + light * 60_000 : null;
    this.arm();
  }

  /** The next scheduled slot, for Settings ("next run at …"). */
  nextRunAt(): Date {
    return nextSlot(this.options.schedule(), this.options.clock.now());
  }

  /** Each site's next scheduled run. */
  nextRuns(): { siteId: string; at: Date }[] {
    const now = this.options.clock.now();
    const schedule = this.options.schedule();
    return this.options.sites().map((siteId) => ({ siteId, at: nextRun(schedule, this.lastRunOf(siteId, now), now) }));
  }

  /** Resolves when every run this scheduler started has settled (tests, orderly quit). */
  async idle(): Promise<void> {
    while (this.pending.size > 0) await Promise.all([...this.pending]);
  }

  /** The site's last run as the schedule may believe it (a stamp far in the future is not: see trustedLastRun). */
  private lastRunOf(siteId: string, now: Date): Date | null {
    return trustedLastRun(this.options.lastRun(siteId), now, this.fullRunStarts.get(siteId) ?? new Date(0));
  }

  private resetAfterGap(): void {
    const now = this.options.clock.now().getTime();
    // Slots before now are the catch-up's business, not a timer's.
    this.lastCheckAt = now;
    this.catchUpAt = now + (this.options.catchUpDelayMs ?? 60_000);
    const light = this.options.schedule().lightSyncMinutes;
    this.lightDueAt = light ? now + light * 60_000 : null;
  }

  private tick(): void {
    this.timer = null;
    if (!this.started) return;
    const schedule = this.options.schedule();
    const nowDate = this.options.clock.now();
    const now = nowDate.getTime();
    const slot = previousSlot(schedule, nowDate).getTime();
    const crossed = slot > this.lastCheckAt;
    const catchUpDue = this.catchUpAt !== null && now >= this.catchUpAt;
    if (catchUpDue) this.catchUpAt = null;
    for (const siteId of this.options.sites()) {
      if ((this.handled.get(siteId) ?? -Infinity) >= slot) continue;
      const paused = this.options.pausedWhy?.(siteId) ?? null;
      if (paused !== null) {
        if (crossed || catchUpDue) {
          this.handled.set(siteId, slot);
          this.log.info(paused, { siteId, slot: new Date(slot).toISOString() });
        }
        continue;
      }
      const lastRun = this.lastRunOf(siteId, nowDate);
      if (crossed) {
        this.handled.set(siteId, slot);
        if (lastRun && lastRun.getTime() >= slot) continue;
        this.fire(siteId, now - slot <= (this.options.lateToleranceMs ?? 5 * 60_000) ? 'scheduled' : 'catch-up', slot);
      } else if (catchUpDue) {
        this.handled.set(siteId, slot);
        if (missedRun(schedule, lastRun, nowDate)) this.fire(siteId, 'catch-up', slot);
      }
    }
    this.lastCheckAt = now;
    if (this.lightDueAt !== null && now >= this.lightDueAt) {
      this.lightDueAt = schedule.lightSyncMinutes ? now + schedule.lightSyncMinutes * 60_000 : null;
      for (const siteId of this.options.sites()) {
        if (this.options.pausedWhy?.(siteId)) continue;
        if (!this.gate.current(siteId)) this.fire(siteId, 'light', null);
      }
    }
    this.arm();
  }

  private fire(siteId: string, trigger: ScheduledTrigger, slot: number | null): void {
    const task = (async () => {
      const current = this.gate.current(siteId);
      if (current) {
        if (trigger === 'light') return;
        // A full run waits for a run in progress (e.g. a light one), then goes only if still needed.
        await current.promise.catch(() => undefined);
        const lastRun = this.lastRunOf(siteId, this.options.clock.now());
        if (slot !== null && lastRun && lastRun.getTime() >= slot) return;
      }
      this.log.info('run', { siteId, trigger });
      if (trigger !== 'light') this.fullRunStarts.set(siteId, this.options.clock.now());
      const result = this.gate.run(siteId, { trigger }, () => this.options.runSite(siteId, trigger));
      await result.run.promise;
    })().catch((error: unknown) => this.log.error('scheduled run failed', { siteId, trigger, error }));
    this.pending.add(task);
    void task.finally(() => this.pending.delete(task));
  }

  private arm(): void {
    this.disarm();
    if (!this.started) return;
    const now = this.options.clock.now().getTime();
    const dues = [nextSlot(this.options.schedule(), new Date(now)).getTime()];
    if (this.catchUpAt !== null) dues.push(this.catchUpAt);
    if (this.lightDueAt !== null) dues.push(this.lightDueAt);
    const wait = Math.min(Math.max(0, Math.min(...dues) - now), this.options.maxTimerMs ?? 15 * 60_000);
    this.timer = this.options.clock.setTimeout(() => this.tick(), wait);
  }

  private disarm(): void {
    if (this.timer !== null) this.options.clock.clearTimeout(this.timer);
    this.timer = null;
  }
}
