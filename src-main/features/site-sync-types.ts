import type { SiteConfig } from '../../src-shared/domain/policy';
import type { RunProgress, RunRecord, RunTrigger } from '../../src-shared/domain/run';
import type { SyncPlan } from '../../src-shared/domain/sync-plan';
import type { UndoPlan } from '../sync/undo/plan-undo';

/** A request to sync one site. */
export interface SiteRunRequest {
  readonly siteId: string;
  readonly trigger: RunTrigger;
  readonly dryRun?: boolean;
  readonly allowMassDelete?: boolean;
  /** Plan, write nothing, and wait for approval (`sync --site ID --plan-only`, issue 15). */
  readonly planOnly?: boolean;
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

/** Runs, previews and tracks site syncs; the one entry used by the IPC handlers, the scheduler and the tray. */
export interface SiteSyncService {
  /**
   * Runs (or joins) a sync of one site. Two runs of a site never overlap: while one runs, the
   * call returns that run's id with `joined: true`. Progress goes out as `sync.progressed`
   * events, the end as `sync.finished`.
   */
  runSite(request: SiteRunRequest): Promise<SiteRunResult>;
  /**
   * The dry-run plan per property of a site configuration that may not exist yet (the Get Site
   * wizard's review): one read of Rent Manager and SmartPlus for all of `config.properties`
   * (batched, however many), then one plan per property; `apartments` overrides the apartment
   * choice of some properties.
   */
  preview(connectionId: string, config: SiteConfig, apartments?: ReadonlyMap<number, SiteConfig['apartments']>, smartPlusAccountId?: string | null): Promise<SitePolicyPreview>;
  /** Cancels the run in progress of a site; resolves false when none runs. */
  cancel(siteId: string): boolean;
  /** The progress of every run in progress. */
  running(): RunProgress[];
  /** Whether a run of the site is in progress (also before its first progress report). */
  isRunning(siteId: string): boolean;
  /** Applies a run's held-back deletions (the user confirmed them). */
  confirmHeldBack(runId: string): Promise<RunRecord>;
  /** Drops a run's held-back deletions (the user chose to keep the accounts). */
  keepHeldBack(runId: string): Promise<void>;
  /** The inverse of a run planned against SmartPlus now (issue 15), for the preview; writes nothing. */
  previewUndo(runId: string, options?: { allowMassChange?: boolean }): Promise<UndoPlan>;
  /** Undoes a run as a run of its own (trigger `undo`), under the same gate and guards as a sync. */
  undoRun(runId: string, options?: { allowMassChange?: boolean }): Promise<RunRecord>;
}
