import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { InvokeChannel } from '../../../src-shared/ipc/channels';
import type { Envelope } from '../../../src-shared/ipc/contract';
import { PreferencesSchema } from '../../../src-shared/domain/preferences';
import { AppError } from '../../../src-shared/errors';
import { dispatch } from '../../../src-main/ipc/dispatch';
import { createLogger, memorySink } from '../../../src-main/logging/logger';
import type { Clock } from '../../../src-main/scheduler/clock';
import { MemorySecretStore, type SecretStore } from '../../../src-main/secrets/secret-store';
import { JsonFilePreferencesStore } from '../../../src-main/services/preferences';
import { startApp, type StartAppResult } from '../../../src-main/startup/start-app';

/** A fresh user-data folder. */
export function userDataDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'sitesync-startup-'));
}

/**
 * A keychain that can be locked and unlocked, like a Secret Service collection or the macOS
 * login keychain: while locked every call fails with KEYCHAIN_UNAVAILABLE (as KeyringSecretStore
 * reports it), and nothing is kept anywhere else.
 */
export class LockableKeychain implements SecretStore {
  locked = true;
  calls = 0;
  private readonly inner = new MemorySecretStore();

  private check(): void {
    this.calls += 1;
    if (this.locked) throw new AppError('KEYCHAIN_UNAVAILABLE', 'The system keychain is not available (locked).', { retryable: true });
  }
  async get(service: string, account: string) {
    this.check();
    return this.inner.get(service, account);
  }
  async set(service: string, account: string, secret: string) {
    this.check();
    return this.inner.set(service, account, secret);
  }
  async delete(service: string, account: string) {
    this.check();
    return this.inner.delete(service, account);
  }
  /** How many secrets the keychain holds. */
  get size(): number {
    return this.inner.size;
  }
}

/** One start of the app over `dir` as main.ts does it (JSON preferences instead of electron-store, no Electron). */
export interface StartedRig {
  result: StartAppResult;
  dir: string;
  logLines: string[];
  fatal: Array<{ title: string; message: string }>;
  events: Array<{ event: string; payload: unknown }>;
  call(channel: InvokeChannel, input?: unknown): Promise<Envelope>;
  stop(): Promise<void>;
}

/** Starts the app over `dir` through startApp (the function main.ts calls). */
export async function startOn(
  dir: string,
  options: { secrets?: SecretStore; sandbox?: 'auto' | 'off'; clock?: Clock; platform?: string; keychainRetryMs?: number; logError?: string } = {},
): Promise<StartedRig> {
  const sink = memorySink();
  const log = createLogger(sink, { level: 'debug' });
  const fatal: StartedRig['fatal'] = [];
  const result = await startApp({
    services: {
      userDataDir: dir,
      appVersion: '0.0.0-test',
      platform: options.platform ?? 'linux',
      log,
      secrets: options.secrets ?? new MemorySecretStore(),
      schedule: false,
      sandbox: options.sandbox ?? 'off',
      sandboxAsOf: '2026-11-27',
      ...(options.clock ? { clock: options.clock } : {}),
      ...(options.keychainRetryMs ? { keychainRetryMs: options.keychainRetryMs } : {}),
    },
    preferences: { file: path.join(dir, 'preferences.json'), schema: PreferencesSchema, open: () => new JsonFilePreferencesStore(path.join(dir, 'preferences.json'), log) },
    logFile: path.join(dir, 'logs', 'sitesync.log'),
    ...(options.logError ? { logError: () => options.logError ?? null } : {}),
    showFatalError: (title, message) => void fatal.push({ title, message }),
  });
  const events: StartedRig['events'] = [];
  if (result.ok) result.services.events.subscribe((event, payload) => events.push({ event, payload }));
  return {
    result,
    dir,
    logLines: sink.lines,
    fatal,
    events,
    call: (channel, input) => {
      if (!result.ok) throw new Error('the app did not start');
      return dispatch(result.services.handlers, channel, input, log);
    },
    stop: async () => {
      if (result.ok) await result.services.stop();
    },
  };
}

/** The value of an ok envelope (fails the test on an error envelope). */
export function value<T>(envelope: Envelope): T {
  if (!envelope.ok) throw new Error(`expected ok, got ${envelope.error.code}: ${envelope.error.message}`);
  return envelope.value as T;
}

/** Files in `dir` whose names start with `prefix`. */
export function filesLike(dir: string, prefix: string): string[] {
  return fs.readdirSync(dir).filter((f) => f.startsWith(prefix)).sort();
}
