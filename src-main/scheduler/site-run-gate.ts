/** A run in progress for one site, as the gate hands it to every caller that asks while it lasts. */
export interface InFlightRun<M> {
  readonly siteId: string;
  readonly meta: M;
  readonly startedAt: Date;
  readonly promise: Promise<unknown>;
}

/** What {@link SiteRunGate.run} did: started the run, or joined the one already in progress. */
export type GateResult<M, T> =
  | { readonly started: true; readonly run: InFlightRun<M>; readonly promise: Promise<T> }
  | { readonly started: false; readonly run: InFlightRun<M> };

/**
 * Two runs of one site never overlap (spec §6). A second request while a run is in progress
 * gets that run back instead of starting another, so "Resync now" during a run shows the run
 * in progress. One gate is shared by the scheduler, the IPC handlers and the CLI.
 */
export class SiteRunGate<M = unknown> {
  private readonly inFlight = new Map<string, InFlightRun<M>>();

  constructor(private readonly now: () => Date = () => new Date()) {}

  /** Starts `start()` for `siteId` unless a run of that site is in progress, in which case that run is returned. */
  run<T>(siteId: string, meta: M, start: () => Promise<T>): GateResult<M, T> {
    const current = this.inFlight.get(siteId);
    if (current) return { started: false, run: current };
    let promise: Promise<T>;
    try {
      promise = start();
    } catch (error) {
      promise = Promise.reject(error);
    }
    const run: InFlightRun<M> = { siteId, meta, startedAt: this.now(), promise };
    this.inFlight.set(siteId, run);
    const release = () => {
      if (this.inFlight.get(siteId) === run) this.inFlight.delete(siteId);
    };
    promise.then(release, release);
    return { started: true, run, promise };
  }

  /** The run in progress for `siteId`, or null. */
  current(siteId: string): InFlightRun<M> | null {
    return this.inFlight.get(siteId) ?? null;
  }

  /** Every run in progress. */
  running(): InFlightRun<M>[] {
    return [...this.inFlight.values()];
  }
}
