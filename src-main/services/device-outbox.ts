import type { DeviceDraft, OutboxItem } from '../../src-shared/domain/device';
import { AppError, isAppError } from '../../src-shared/errors';
import { formatMac } from '../../src-shared/rules/mac';
import type { OutboxRepo } from '../db/repositories/outbox-repo';
import { type Logger, silentLogger } from '../logging/logger';
import type { OnlineState } from './online-state';
import { TypedEmitter } from './typed-emitter';

/** Adds one device to SmartPlus (the SmartPlus client, bound by the composition root). */
export type AddDevice = (siteId: string, device: DeviceDraft) => Promise<{ id: string }>;

/** What one flush did. */
export interface FlushResult {
  readonly sent: number;
  readonly failed: number;
  /** Items still waiting (offline, or SmartPlus busy: they go with the next flush). */
  readonly waiting: number;
}

/** What the outbox needs. */
export interface DeviceOutboxOptions {
  repo: OutboxRepo;
  addDevice: AddDevice;
  online: OnlineState;
  /** Whether a synced device already has this normalised MAC (DevicesRepo.macInUse). */
  macInUse?: (mac: string) => boolean;
  logger?: Logger;
}

/**
 * Device additions (spec §9–§10) go through an outbox kept in the local database: sent at once
 * when online, queued when not, and sent in order when the network comes back. A failure is
 * recorded on its item and stays until the user retries or dismisses it — never dropped.
 * Flushing is single-flight (a second call joins the first) and never sends an item twice;
 * an item left `sending` by a crash is retried, and a 409 on that retry means it did arrive.
 */
export class DeviceOutbox {
  private flushing: Promise<FlushResult> | null = null;
  private readonly events = new TypedEmitter<{ changed: OutboxItem }>();
  private readonly log: Logger;

  constructor(private readonly options: DeviceOutboxOptions) {
    this.log = (options.logger ?? silentLogger).child('outbox');
  }

  /** Queues a device addition and, when online, sends the queue; returns the item as it then stands. */
  async add(siteId: string, device: DeviceDraft): Promise<OutboxItem> {
    const item = this.enqueue(siteId, device);
    if (this.options.online.online) await this.flush();
    return this.options.repo.get(item.id)!;
  }

  /** Queues a device addition without sending it. Refuses a MAC that is already in use or queued. */
  enqueue(siteId: string, device: DeviceDraft): OutboxItem {
    if (this.options.repo.hasMac(device.mac) || this.options.macInUse?.(device.mac)) {
      throw new AppError('BAD_INPUT', `A device with MAC ${formatMac(device.mac)} already exists or is waiting to be added.`);
    }
    const item = this.options.repo.enqueue(siteId, device);
    this.events.emit('changed', item);
    return item;
  }

  /** Sends waiting items in order while online. Concurrent calls share one flush. */
  flush(): Promise<FlushResult> {
    if (!this.flushing) {
      this.flushing = this.drain().finally(() => {
        this.flushing = null;
      });
    }
    return this.flushing;
  }

  /** Puts a failed item back in the queue and flushes when online. */
  async retry(id: number): Promise<OutboxItem> {
    const item = this.options.repo.get(id);
    if (!item) throw new AppError('NOT_FOUND', 'That queued device is gone.');
    if (item.status !== 'failed') return item;
    this.options.repo.requeue(id);
    this.emit(id);
    if (this.options.online.online) await this.flush();
    return this.options.repo.get(id)!;
  }

  /** Removes an item the user gave up on (a sent one stays as history until then). */
  dismiss(id: number): boolean {
    const item = this.options.repo.get(id);
    if (item?.status === 'sending') throw new AppError('BAD_INPUT', 'That device is being sent right now.');
    return this.options.repo.remove(id);
  }

  /** Items, in queue order, optionally for one site. */
  list(siteId?: string): OutboxItem[] {
    return this.options.repo.list(siteId === undefined ? {} : { siteId });
  }

  /** Flushes whenever the app comes back online; returns the function that stops it. */
  attach(): () => void {
    return this.options.online.onChange((change) => {
      if (change.online) void this.flush().catch((error: unknown) => this.log.error('flush failed', { error }));
    });
  }

  /** Calls `listener` whenever an item changes (the devices screen refreshes its pending list). */
  onChange(listener: (item: OutboxItem) => void): () => void {
    return this.events.on('changed', listener);
  }

  private async drain(): Promise<FlushResult> {
    const { repo, online } = this.options;
    let sent = 0;
    let failed = 0;
    for (;;) {
      if (!online.online) break;
      const next = repo.list({ statuses: ['queued', 'sending'] })[0];
      if (!next) break;
      const resumed = next.status === 'sending';
      repo.markSending(next.id);
      this.emit(next.id);
      try {
        const device = await online.track(() => this.options.addDevice(next.siteId, next.device));
        repo.markSent(next.id, device.id);
        sent++;
      } catch (error) {
        const code = isAppError(error) ? error.code : 'INTERNAL';
        const message = error instanceof Error ? error.message : String(error);
        if (resumed && code === 'SP_CONFLICT') {
          // Sent before a crash: SmartPlus has it already (MACs are unique).
          repo.markSent(next.id, null);
          sent++;
        } else if (code === 'OFFLINE' || (isAppError(error) && error.retryable)) {
          repo.requeue(next.id, { code, message });
          this.emit(next.id);
          this.log.info('outbox paused', { code });
          break;
        } else {
          repo.markFailed(next.id, code, message);
          failed++;
          this.log.warn('device addition failed', { outboxId: next.id, code });
        }
      }
      this.emit(next.id);
    }
    const waiting = repo.list({ statuses: ['queued', 'sending'] }).length;
    return { sent, failed, waiting };
  }

  private emit(id: number): void {
    const item = this.options.repo.get(id);
    if (item) this.events.emit('changed', item);
  }
}
