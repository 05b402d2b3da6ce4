import { AppError } from '../../src-shared/errors';
import { PAUSE_REASON_MAX, type SitePause } from '../../src-shared/domain/site';
import type { PropertyChanges } from '../../src-shared/ipc/contract/sites';
import type { LocalDb } from '../db/local-db';
import type { Logger } from '../logging/logger';
import { normalizeProperty } from '../rentmanager/normalize';
import type { ConnectionClients } from './connection-clients';
import type { SiteSyncService } from './site-sync-types';

/** What {@link removeSite} and {@link listPropertyChanges} need. */
export interface SiteLifecycleDeps {
  readonly db: LocalDb;
  readonly log: Logger;
  readonly clients: Pick<ConnectionClients, 'rentManager'>;
  readonly sync: Pick<SiteSyncService, 'isRunning'>;
}

const knownKey = (connectionId: string) => `known-properties:${connectionId}`;

/**
 * Forgets a site: its row and its local copy (apartments, residents, devices, outbox — by the
 * schema's cascade); runs stay as history. Nothing in SmartPlus is touched: its community,
 * apartments, residents, PINs and cards stay as they are. Refused while the site's run is going.
 */
export function removeSite(deps: SiteLifecycleDeps, siteId: string): { name: string } {
  const site = deps.db.sites.get(siteId);
  if (!site) throw new AppError('NOT_FOUND', 'This site no longer exists.');
  if (deps.sync.isRunning(siteId)) {
    throw new AppError('RUN_IN_PROGRESS', `"${site.name}" is syncing right now. Cancel the run (or wait for it to end), then remove the site.`);
  }
  deps.db.sites.delete(siteId);
  deps.log.info('site removed (SmartPlus left as it is)', { siteId, propertyId: site.propertyId });
  return { name: site.name };
}

/**
 * Pauses a site (issue 16): the scheduler, the catch-up, light syncs and `run-due` skip it and
 * say why; a manual resync still runs (the Overview warns first). Pausing a paused site keeps
 * the first date and takes the new reason.
 */
export function pauseSite(deps: Pick<SiteLifecycleDeps, 'db' | 'log'>, siteId: string, reason: string | null): { name: string; pause: SitePause } {
  const site = deps.db.sites.get(siteId);
  if (!site) throw new AppError('NOT_FOUND', 'This site no longer exists. Refresh the Overview (or run "sites list") to see the sites there are.');
  const text = reason?.trim() ?? '';
  if (text.length > PAUSE_REASON_MAX) throw new AppError('BAD_INPUT', `The reason is ${text.length} characters long; keep it under ${PAUSE_REASON_MAX} and pause again.`);
  const before = deps.db.sites.pauseOf(siteId);
  let pause = deps.db.sites.pause(siteId, text || null);
  if (before) {
    deps.db.sites.keepPausedAt(siteId, before.pausedAt);
    pause = { ...pause, pausedAt: before.pausedAt };
  }
  deps.log.info('site paused: scheduled and light runs skip it', { siteId, reason: pause.reason });
  return { name: site.name, pause };
}

/** Resumes a paused site: it runs on schedule again from its next slot. */
export function resumeSite(deps: Pick<SiteLifecycleDeps, 'db' | 'log'>, siteId: string): { name: string; resumed: boolean } {
  const site = deps.db.sites.get(siteId);
  if (!site) throw new AppError('NOT_FOUND', 'This site no longer exists. Refresh the Overview (or run "sites list") to see the sites there are.');
  const resumed = deps.db.sites.pauseOf(siteId) !== null;
  deps.db.sites.resume(siteId);
  if (resumed) deps.log.info('site resumed: it runs on schedule again', { siteId });
  return { name: site.name, resumed };
}

/**
 * Per customer with sites: the properties enabled for the integration in Rent Manager that are
 * not a site and not dismissed ("2 new properties … — Import"), and the sites whose property is
 * no longer enabled (flagged, with "Remove site"). A customer Rent Manager cannot be asked about
 * just now is left out (the overview says nothing rather than something wrong).
 */
export async function listPropertyChanges(deps: SiteLifecycleDeps): Promise<PropertyChanges[]> {
  const sites = deps.db.sites.listSummaries();
  const customers = deps.db.connections.listCustomers();
  const connections = [...new Set(sites.flatMap((s) => (s.connectionId ? [s.connectionId] : [])))];
  const out: PropertyChanges[] = [];
  for (const connectionId of connections) {
    try {
      const client = await deps.clients.rentManager(connectionId);
      const enabled = (await client.properties()).rows.map(normalizeProperty);
      const own = sites.filter((s) => s.connectionId === connectionId);
      const known = new Set(JSON.parse(deps.db.meta.get(knownKey(connectionId)) ?? '[]') as number[]);
      const newProperties = enabled.filter((p) => !own.some((s) => s.propertyId === p.id) && !known.has(p.id)).map((p) => ({ id: p.id, name: p.name }));
      const removedSites = own.filter((s) => !enabled.some((p) => p.id === s.propertyId)).map((s) => ({ siteId: s.id, name: s.name }));
      if (newProperties.length === 0 && removedSites.length === 0) continue;
      const connection = deps.db.connections.list().find((c) => c.id === connectionId);
      out.push({
        connectionId,
        customerName: customers.find((c) => c.connectionId === connectionId)?.name ?? connection?.label ?? connectionId,
        newProperties,
        removedSites,
      });
    } catch (error) {
      deps.log.warn('could not compare the integration\'s properties with the sites', { connectionId, error });
    }
  }
  return out;
}

/** "Not now" on the new-properties notice: these properties are not announced again. */
export function dismissNewProperties(deps: Pick<SiteLifecycleDeps, 'db'>, connectionId: string, propertyIds: readonly number[]): void {
  const known = new Set(JSON.parse(deps.db.meta.get(knownKey(connectionId)) ?? '[]') as number[]);
  for (const id of propertyIds) known.add(id);
  deps.db.meta.set(knownKey(connectionId), JSON.stringify([...known]));
}
