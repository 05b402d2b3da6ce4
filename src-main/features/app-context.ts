import type { SitePolicyPreview, SiteRunRequest, SiteRunResult } from './site-sync-types';
import type { LocalDb } from '../db/local-db';
import type { EventBus } from '../services/event-bus';
import type { Logger } from '../logging/logger';
import type { RentManagerClient } from '../rentmanager/client';
import type { SecretStore } from '../secrets/secret-store';
import type { Scheduler } from '../scheduler/scheduler';
import type { DeviceOutbox } from '../services/device-outbox';
import type { OnlineState } from '../services/online-state';
import type { PreferencesStore } from '../services/preferences';
import type { SmartPlusClient } from '../smartplus/client';
import type { RunProgress, RunRecord } from '../../src-shared/domain/run';
import type { SiteConfig } from '../../src-shared/domain/policy';

/**
 * Builds API clients from stored connections: settings from the database, the secret from the
 * keychain. Clients are cached per connection (one Rent Manager token per connection, reused)
 * and dropped by `invalidate` when a connection changes.
 */
export interface ConnectionClients {
  /** The Rent Manager client of connection `connectionId`. Throws NOT_FOUND / KEYCHAIN_UNAVAILABLE with a next step. */
  rentManager(connectionId: string): Promise<RentManagerClient>;
  /**
   * The SmartPlus client: for a site read from Rent Manager connection `forRentManager`, the
   * account on the same side (sandbox with sandbox, real with real); without it, the real
   * account when one is configured, else the sandbox's. Throws NOT_FOUND when there is none.
   */
  smartPlus(forRentManager?: string): Promise<SmartPlusClient>;
  /** Forgets the cached client of a connection (after an edit or removal). */
  invalidate(connectionId: string): void;
  /** Signs every Rent Manager client out (frees its token slot) — on quit. */
  signOutAll(): Promise<void>;
}

/** Runs, previews and tracks site syncs; the one entry used by the IPC handlers, the scheduler and the tray. */
export interface SiteSyncService {
  /**
   * Runs (or joins) a sync of one site. Two runs of a site never overlap: while one runs, the
   * call returns that run's id with `joined: true`. Progress goes out as `sync.progressed`
   * events, the end as `sync.finished`.
   */
  runSite(request: SiteRunRequest): Promise<SiteRunResult>;
  /** The dry-run plan of a site configuration that may not exist yet (the Get Site wizard's review). */
  preview(connectionId: string, config: SiteConfig): Promise<SitePolicyPreview>;
  /** Cancels the run in progress of a site; resolves false when none runs. */
  cancel(siteId: string): boolean;
  /** The progress of every run in progress. */
  running(): RunProgress[];
  /** Applies a run's held-back deletions (the user confirmed them). */
  confirmHeldBack(runId: string): Promise<RunRecord>;
  /** Drops a run's held-back deletions (the user chose to keep the accounts). */
  keepHeldBack(runId: string): Promise<void>;
}

/** The sandbox (local Rent Manager and SmartPlus stand-ins), when the app runs on it. */
export interface SandboxHandle {
  readonly rentManagerUrl: string;
  readonly smartPlusUrl: string;
  /** Restores the demo seed on both sides and forgets synced data (Settings → Reset sandbox). */
  reset(): Promise<void>;
}

/** Everything the feature services and handlers are built from. Created once, by createAppServices. */
export interface AppContext {
  readonly db: LocalDb;
  readonly secrets: SecretStore;
  readonly events: EventBus;
  readonly log: Logger;
  readonly now: () => Date;
  readonly clients: ConnectionClients;
  readonly sync: SiteSyncService;
  readonly sandbox: SandboxHandle | null;
  /** Theme, window state and the schedule (electron-store in the app, a JSON file in tests and the CLI). */
  readonly preferences: PreferencesStore;
  /** The online state itself, for services that follow its changes. */
  readonly online: OnlineState;
  /** Device additions: sent at once when online, queued when not, sent in order when back (spec §9). */
  readonly outbox: DeviceOutbox;
  /** The daily schedule: next run times; `reschedule()` after the schedule changes. */
  readonly scheduler: Pick<Scheduler, 'nextRunAt' | 'nextRuns' | 'reschedule'>;
  /** Whether the network (and the services) answer; false after an OFFLINE failure until a call succeeds. */
  isOnline(): boolean;
  /** Reports the outcome of a network call, so the online state follows reality. */
  reportNetwork(ok: boolean): void;
}
