import type { RunRecord, RunTrigger } from '../../src-shared/domain/run';
import type { SyncPlan } from '../../src-shared/domain/sync-plan';

/** A request to sync one site. */
export interface SiteRunRequest {
  readonly siteId: string;
  readonly trigger: RunTrigger;
  readonly dryRun?: boolean;
  readonly allowMassDelete?: boolean;
}

/** What starting (or joining) a run gives back at once; the outcome arrives as `sync.finished`. */
export interface SiteRunResult {
  readonly runId: string;
  /** True when a run of the site was already in progress and this call joined it. */
  readonly joined: boolean;
  /** Resolves with the run record when the run ends. */
  readonly done: Promise<RunRecord>;
}

/** The Get Site wizard's review: the plan per property, as the engine would run it today. */
export interface SitePolicyPreview {
  readonly plans: ReadonlyArray<{ readonly propertyId: number; readonly propertyName: string; readonly plan: SyncPlan }>;
}
