import type { ConnectionClients } from '../features/connection-clients';
import type { SandboxHandle } from '../features/embedded-sandbox';
import type { SiteSyncService } from '../features/site-sync-types';
import type { LocalDb } from '../db/local-db';
import type { EventBus } from '../services/event-bus';
import type { Logger } from '../logging/logger';
import type { SecretStore } from '../secrets/secret-store';
import type { Scheduler } from '../scheduler/scheduler';
import type { DeviceOutbox } from '../services/device-outbox';
import type { OnlineState } from '../services/online-state';
import type { PreferencesStore } from '../services/preferences';

/** Everything the composition root built, as hosts and tests reach it (services never see it: each gets its own deps). */
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
