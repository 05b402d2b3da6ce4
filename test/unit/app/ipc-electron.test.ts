import { describe, expect, it } from 'vitest';
import type { IpcMainInvokeEvent } from 'electron';
import { INVOKE_CHANNELS } from '../../../src-shared/ipc/channels';
import { bindIpc, forwardEvents } from '../../../src-main/app/ipc-electron';
import { EventBus } from '../../../src-main/services/event-bus';
import { createLogger, memorySink } from '../../../src-main/logging/logger';
import { transportTestHandlers } from '../helpers/handler-map';

type Listener = (event: IpcMainInvokeEvent, input: unknown) => Promise<unknown>;

function bound(handlerOverride?: () => Promise<never>) {
  const registered = new Map<string, Listener>();
  const fakeIpcMain = { handle: (channel: string, fn: Listener) => void registered.set(channel, fn) };
  const handlers = transportTestHandlers(handlerOverride ? { 'app.ping': handlerOverride } : {});
  bindIpc(fakeIpcMain as never, handlers, { log: createLogger(memorySink()) });
  return registered;
}

const event = (url: string, parent: unknown = null) => ({ senderFrame: { url, parent } }) as unknown as IpcMainInvokeEvent;

describe('bindIpc (the Electron binding)', () => {
  it('registers every channel of the allowlist', () => {
    expect([...bound().keys()].sort()).toEqual([...INVOKE_CHANNELS].sort());
  });

  it('answers the app main frame', async () => {
    const ping = bound().get('app.ping')!;
    expect(await ping(event('app://sitesync/index.html'), { message: 'x' })).toMatchObject({ ok: true, value: { echo: 'x' } });
  });

  it('refuses a foreign page, a file:// page and a sub-frame of the app', async () => {
    const ping = bound().get('app.ping')!;
    for (const e of [event('https://evil.example/'), event('file:///tmp/x.html'), event('app://sitesync/index.html', { url: 'app://sitesync/' })]) {
      expect(await ping(e, { message: 'x' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN_SENDER' } });
    }
  });

  it('returns BAD_INPUT for input outside the schema', async () => {
    const ping = bound().get('app.ping')!;
    expect(await ping(event('app://sitesync/'), { message: 12 })).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
  });

  it('returns a thrown error as an envelope', async () => {
    const ping = bound(async () => {
      throw new Error('disk full');
    }).get('app.ping')!;
    expect(await ping(event('app://sitesync/'), { message: 'x' })).toMatchObject({ ok: false, error: { code: 'INTERNAL', message: 'disk full' } });
  });
});

describe('forwardEvents', () => {
  it('sends bus events to live windows only', () => {
    const bus = new EventBus();
    const sent: unknown[] = [];
    const live = { webContents: { isDestroyed: () => false, send: (...args: unknown[]) => void sent.push(args) } };
    const dead = { webContents: { isDestroyed: () => true, send: () => void sent.push('dead') } };
    forwardEvents(bus, () => [live, dead] as never);
    bus.emit('app.onlineChanged', { online: false, since: '2026-11-27T10:00:00.000Z' });
    expect(sent).toEqual([['app.onlineChanged', { online: false, since: '2026-11-27T10:00:00.000Z' }]]);
  });
});
