import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type AppServices, createAppServices } from '../../../src-main/composition/create-app-services';
import { dispatch } from '../../../src-main/ipc/dispatch';
import { createLogger, memorySink } from '../../../src-main/logging/logger';
import type { Clock } from '../../../src-main/scheduler/clock';
import { MemorySecretStore } from '../../../src-main/secrets/secret-store';
import { JsonFilePreferencesStore } from '../../../src-main/services/preferences';
import type { EventChannel } from '../../../src-shared/ipc/channels';
import type { Envelope } from '../../../src-shared/ipc/contract';
import { ConfirmDouble } from '../../support/confirm-double';

/** The real app services (database, both sandboxes on loopback, sync engine) in a temp folder, called through dispatch. */
export interface SitesRig {
  services: AppServices;
  /** The main-process confirmation dialog (answers "confirm" unless the test queues otherwise). */
  confirm: ConfirmDouble;
  dir: string;
  logLines: string[];
  events: { event: EventChannel; payload: unknown }[];
  call(channel: string, input?: unknown): Promise<Envelope>;
  close(): Promise<void>;
}

/** Starts the services; `now` pins the clock (the scheduler is off). */
export async function startSitesRig(options: { now?: Date; sandbox?: 'auto' | 'off' } = {}): Promise<SitesRig> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sitesync-sites-'));
  const sink = memorySink();
  const log = createLogger(sink, { level: 'debug' });
  const fixed = options.now;
  const clock: Clock | undefined = fixed
    ? { now: () => new Date(fixed), setTimeout: (fn, ms) => setTimeout(fn, ms), clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>) }
    : undefined;
  const confirm = new ConfirmDouble();
  const services = await createAppServices({
    confirm: confirm.port,
    userDataDir: dir,
    appVersion: '0.0.0-test',
    platform: process.platform,
    log,
    secrets: new MemorySecretStore(),
    preferences: new JsonFilePreferencesStore(path.join(dir, 'preferences.json'), log),
    schedule: false,
    sandbox: options.sandbox ?? 'auto',
    ...(clock ? { clock } : {}),
  });
  const events: SitesRig['events'] = [];
  services.events.subscribe((event, payload) => events.push({ event, payload }));
  return {
    services,
    confirm,
    dir,
    logLines: sink.lines,
    events,
    call: (channel, input) => dispatch(services.handlers, channel, input, log),
    async close() {
      await services.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The value of an ok envelope (fails the test on an error envelope). */
export function ok<T>(envelope: Envelope): T {
  if (!envelope.ok) throw new Error(`expected ok, got ${envelope.error.code}: ${envelope.error.message}`);
  return envelope.value as T;
}

/** The error of an error envelope (fails the test on an ok envelope). */
export function err(envelope: Envelope): { code: string; message: string } {
  if (envelope.ok) throw new Error('expected an error envelope');
  return envelope.error;
}
