import type { RunSkipped, RunStarted } from '../../src-shared/ipc/contract/sync';
import { AppError, isAppError } from '../../src-shared/errors';
import type { SitesRepo } from '../db/repositories/sites-repo';
import type { Logger } from '../logging/logger';
import type { EventBus } from '../services/event-bus';
import type { SiteSyncService } from './site-sync-types';

/**
 * Manual resyncs with one set of rules (spec §6): the in-app buttons (`sync.runSite`,
 * `sync.runAll`) and the tray and application menu's "Resync all" all come here, so every
 * path refuses offline and skips a site without a Rent Manager connection the same way.
 */
export interface ResyncService {
  /** Starts (or joins) a manual run of one site. Offline or unpaid, it refuses with a reason and the next step. */
  resync(siteId: string): Promise<RunStarted>;
  /**
   * Starts a manual run of every site that can be synced now; lists the others with why. A paused
   * site (issue 16) is skipped as PAUSED unless `includePaused` — the installer paused it on purpose,
   * so "Resync all" (the button, the tray, the menu) never runs it behind their back.
   */
  resyncAll(options?: { includePaused?: boolean }): Promise<{ started: RunStarted[]; skipped: RunSkipped[] }>;
}

/** What {@link createResyncService} needs. */
export interface ResyncServiceDeps {
  readonly db: { readonly sites: Pick<SitesRepo, 'listSummaries'> };
  readonly log: Logger;
  readonly sync: Pick<SiteSyncService, 'runSite'>;
  readonly events: Pick<EventBus, 'emit'>;
  isOnline(): boolean;
}

/** Builds the one resync service. */
export function createResyncService(deps: ResyncServiceDeps): ResyncService {
  const log = deps.log.child('resync');
  const service: ResyncService = {
    async resync(siteId) {
      if (!deps.isOnline()) throw new AppError('OFFLINE', 'You are offline: resyncing needs the network.');
      const started = await deps.sync.runSite({ siteId, trigger: 'manual' });
      // The outcome goes out as `sync.finished`; nobody awaits `done` here.
      started.done.catch((error: unknown) => log.warn('manual run ended with an error', { siteId, error }));
      return { siteId, runId: started.runId, joined: started.joined };
    },

    async resyncAll(options = {}) {
      const started: RunStarted[] = [];
      const skipped: RunSkipped[] = [];
      for (const site of deps.db.sites.listSummaries()) {
        if (site.pause && !options.includePaused) {
          skipped.push({ siteId: site.id, code: 'PAUSED', reason: pausedReason(site.pause.reason) });
          continue;
        }
        if (!deps.isOnline()) {
          skipped.push({ siteId: site.id, code: 'OFFLINE', reason: 'Offline: resyncing needs the network.' });
          continue;
        }
        if (!site.connectionId) {
          skipped.push({ siteId: site.id, code: 'NOT_READY', reason: 'No Rent Manager connection is chosen for this site (Connections).' });
          continue;
        }
        try {
          started.push(await service.resync(site.id));
        } catch (error) {
          const code = isAppError(error) && (error.code === 'SUBSCRIPTION_REQUIRED' || error.code === 'SP_SUBSCRIPTION_REQUIRED') ? 'SUBSCRIPTION_REQUIRED' : 'FAILED';
          skipped.push({ siteId: site.id, code, reason: error instanceof Error ? error.message : 'The run could not start.' });
        }
      }
      for (const s of skipped) log.info('resync all skipped a site', { siteId: s.siteId, code: s.code });
      try {
        deps.events.emit('sync.resyncedAll', { started, skipped });
      } catch (error) {
        // The runs have started: a listener's failure must not turn the answer into a failure.
        log.warn('could not tell the window what Resync all did', { error });
      }
      return { started, skipped };
    },
  };
  return service;
}

/** "Paused (roof works): resync it from its own row if it must run now." */
function pausedReason(reason: string | null): string {
  return `Paused${reason ? ` (${reason})` : ''}: resync it from its own row if it must run now.`;
}
