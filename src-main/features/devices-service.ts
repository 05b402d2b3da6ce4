import type { DeviceDraft, DeviceRow, OutboxItem } from '../../src-shared/domain/device';
import type { DeviceLocation, SpDevice } from '../../src-shared/domain/smartplus';
import type { DeviceAddResult, DeviceList } from '../../src-shared/ipc/contract/devices';
import { AppError, isAppError } from '../../src-shared/errors';
import { formatMac } from '../../src-shared/rules/mac';
import type { LocalDb } from '../db/local-db';
import type { Logger } from '../logging/logger';
import type { DeviceOutbox } from '../services/device-outbox';
import type { ConnectionClients } from './connection-clients';
import type { DevicesRepo } from '../db/repositories/devices-repo';
import type { AddDevice } from '../services/device-outbox';

/** The devices screen's service (spec §10): SmartPlus when online, the local copy and the outbox when not. */
export interface DevicesService {
  /** A site's devices with online status: refreshed from SmartPlus when online, else the last known with its time. */
  list(siteId: string, refresh: boolean): Promise<DeviceList>;
  /** Adds a device now when online, or queues it (offline, or SmartPlus unreachable) to be sent in order later. */
  add(siteId: string, draft: DeviceDraft): Promise<DeviceAddResult>;
  /** Renames or moves a device (needs the network). */
  update(siteId: string, deviceId: string, patch: { name?: string; location?: DeviceLocation }): Promise<DeviceRow>;
  /** Removes a device from SmartPlus and the local copy (needs the network). */
  remove(siteId: string, deviceId: string): Promise<void>;
  /** Outbox items, in queue order. */
  outbox(siteId?: string): OutboxItem[];
  /** Puts a failed addition back in the queue (and sends it when online). */
  retry(id: number): Promise<OutboxItem>;
  /** Drops an outbox item the user gave up on. */
  discard(id: number): void;
}

const ASOF_KEY = (siteId: string) => `devices.asOf:${siteId}`;

/** What {@link createDeviceSender} needs. */
export interface DeviceSenderDeps {
  readonly db: LocalDb;
  readonly clients: Pick<ConnectionClients, 'smartPlus'>;
}

/**
 * The function the outbox calls to send one device addition (the composition root passes it to
 * DeviceOutbox): resolves the site's community and building, creates the device with an
 * idempotency key (a retry after a lost answer never makes two), and records it locally.
 */
export function createDeviceSender(deps: DeviceSenderDeps): AddDevice {
  const repo = deps.db.devices;
  return async (siteId, draft) => {
    const community = communityOf(deps, repo, siteId);
    const location = resolveLocation(draft.location, community.buildings);
    const client = await smartPlusFor(deps, siteId);
    const created = await client.devices.create(community.id, { name: draft.name, type: draft.type, mac: draft.mac, location }, { idempotencyKey: `device:${draft.mac}` });
    repo.upsert(toRow(siteId, created));
    return { id: created.id };
  };
}

/** What {@link createDevicesService} needs. */
export interface DevicesServiceDeps extends DeviceSenderDeps {
  readonly log: Logger;
  readonly now: () => Date;
  /** The app's one outbox (which sends with the same `send`). */
  readonly outbox: DeviceOutbox;
  /** The one device sender, built by {@link createDeviceSender}. */
  readonly send: AddDevice;
  isOnline(): boolean;
}

/** Builds the devices service over the app's one DeviceOutbox and device sender. */
export function createDevicesService(deps: DevicesServiceDeps): DevicesService {
  const outbox = deps.outbox;
  const repo = deps.db.devices;
  const send = deps.send;
  const log = deps.log.child('devices');

  const local = (siteId: string, staleReason: string | null): DeviceList => {
    const devices = repo.list(siteId);
    const items = outbox.list(siteId);
    const ids = [...devices.map((d) => d.location), ...items.map((i) => i.device.location)].flatMap((l) => (l.scope === 'apartment' && l.id ? [l.id] : []));
    return {
      devices,
      asOf: deps.db.meta.get(ASOF_KEY(siteId)) ?? deps.db.sites.listSummaries().find((s) => s.id === siteId)?.asOf ?? null,
      live: false,
      staleReason,
      outbox: items,
      apartmentNames: repo.apartmentNames(ids),
    };
  };

  const needOnline = (what: string) => {
    if (!deps.isOnline()) throw new AppError('OFFLINE', `${what} needs SmartPlus, and this computer is offline. Try again when back online.`);
  };

  return {
    async list(siteId, refresh) {
      if (!deps.db.sites.get(siteId)) throw new AppError('NOT_FOUND', 'This site is not on this computer any more.');
      if (!refresh) return local(siteId, null);
      if (!deps.isOnline()) return local(siteId, 'You are offline: these are the last known states.');
      const community = repo.community(siteId);
      if (!community) return local(siteId, null);
      // A natural retry point for additions that waited on a busy SmartPlus while online.
      if (outbox.list().some((i) => i.status === 'queued')) void outbox.flush().catch((error: unknown) => log.error('flush failed', { error }));
      try {
        const client = await smartPlusFor(deps, siteId);
        const devices: SpDevice[] = [];
        for (let page = 1; ; page++) {
          const answer = await client.devices.list(community.id, { page, pageSize: 500 });
          devices.push(...answer.items);
          if (devices.length >= answer.total || answer.items.length === 0) break;
        }
        repo.replaceSite(siteId, devices.map((d) => toRow(siteId, d)));
        deps.db.meta.set(ASOF_KEY(siteId), deps.now().toISOString());
        return { ...local(siteId, null), live: true };
      } catch (error) {
        if (!isAppError(error) || !(error.code === 'OFFLINE' || error.retryable)) throw error;
        log.info('device list not refreshed', { siteId, code: error.code });
        return local(siteId, `${error.message} These are the last known states.`);
      }
    },

    async add(siteId, draft) {
      if (!deps.db.sites.get(siteId)) throw new AppError('NOT_FOUND', 'This site is not on this computer any more.');
      communityOf(deps, repo, siteId);
      if (repo.macInUse(draft.mac) || deps.db.outbox.hasMac(draft.mac)) {
        throw new AppError('BAD_INPUT', `A device with MAC ${formatMac(draft.mac)} is already added or waiting to be added. Check the MAC on the device label.`);
      }
      // Keep the queue's order: while older additions wait, this one waits behind them.
      const waiting = outbox.list().some((i) => i.status === 'queued' || i.status === 'sending');
      if (!deps.isOnline() || waiting) {
        const item = outbox.enqueue(siteId, draft);
        if (deps.isOnline()) void outbox.flush().catch((error: unknown) => log.error('flush failed', { error }));
        return { outcome: 'queued', item };
      }
      try {
        const { id } = await send(siteId, draft);
        const device = repo.list(siteId).find((d) => d.id === id);
        if (!device) throw new AppError('INTERNAL', 'The device was added but is missing from the local copy.');
        log.info('device added', { siteId, deviceId: id });
        return { outcome: 'added', device };
      } catch (error) {
        if (isAppError(error) && (error.code === 'OFFLINE' || error.retryable)) {
          log.info('device queued after a network failure', { siteId, code: error.code });
          return { outcome: 'queued', item: outbox.enqueue(siteId, draft) };
        }
        throw error;
      }
    },

    async update(siteId, deviceId, patch) {
      needOnline('Changing a device');
      const community = communityOf(deps, repo, siteId);
      const client = await smartPlusFor(deps, siteId);
      const location = patch.location ? resolveLocation(patch.location, community.buildings) : undefined;
      const updated = await client.devices.update(deviceId, { ...(patch.name ? { name: patch.name } : {}), ...(location ? { location } : {}) });
      const row = toRow(siteId, updated);
      repo.upsert(row);
      return row;
    },

    async remove(siteId, deviceId) {
      needOnline('Removing a device');
      const client = await smartPlusFor(deps, siteId);
      try {
        await client.devices.delete(deviceId);
      } catch (error) {
        // Already gone in SmartPlus: the local copy follows.
        if (!isAppError(error) || error.code !== 'SP_NOT_FOUND') throw error;
      }
      repo.remove(deviceId);
      log.info('device removed', { siteId, deviceId });
    },

    outbox: (siteId) => outbox.list(siteId),
    retry: (id) => outbox.retry(id),
    discard(id) {
      if (!outbox.dismiss(id)) throw new AppError('NOT_FOUND', 'That queued device is gone already.');
    },
  };
}

// The SmartPlus account on the same side as the site's Rent Manager connection (sandbox with sandbox).
function smartPlusFor(deps: DeviceSenderDeps, siteId: string) {
  const site = deps.db.sites.get(siteId);
  return deps.clients.smartPlus(site?.connectionId ?? undefined, site?.smartPlusAccountId);
}

function communityOf(deps: DeviceSenderDeps, repo: DevicesRepo, siteId: string) {
  const community = repo.community(siteId);
  if (!community) {
    throw new AppError('BAD_INPUT', 'This site has not been synced yet, so SmartPlus has no community to add devices to. Sync the site first.');
  }
  return community;
}

// The building a "Building 1" location means: the community's one building (spec §2).
function resolveLocation(location: DeviceLocation, buildings: readonly { id: string; name: string }[]): DeviceLocation {
  if (location.scope !== 'building' || location.id) return location;
  const building = buildings.find((b) => b.name === 'Building 1') ?? buildings[0];
  if (!building) throw new AppError('BAD_INPUT', 'This community has no building yet. Resync the site, then add the device again.');
  return { scope: 'building', id: building.id };
}

function toRow(siteId: string, d: SpDevice): DeviceRow {
  return { id: d.id, siteId, name: d.name, type: d.type, mac: d.mac.replace(/[:-]/g, '').toUpperCase(), location: d.location, online: d.online, lastSeenAt: d.lastSeenAt };
}
