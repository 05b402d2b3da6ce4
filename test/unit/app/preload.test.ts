import { beforeEach, describe, expect, it, vi } from 'vitest';

// The preload runs only inside Electron; its one dependency is mocked here (a shell unit test).
const exposed: Record<string, unknown> = {};
const ipc = {
  invoke: vi.fn(async () => ({ ok: true, value: 'pong' })),
  on: vi.fn(),
  removeListener: vi.fn(),
};
vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, api: unknown) => (exposed[key] = api) },
  ipcRenderer: ipc,
}));

type Bridge = { invoke(c: unknown, i: unknown): Promise<unknown>; on(e: unknown, f: unknown): () => void };

describe('preload', () => {
  beforeEach(async () => {
    vi.resetModules();
    await import('../../../src-main/preload');
  });

  it('exposes exactly invoke and on', () => {
    expect(Object.keys(exposed)).toEqual(['bridge']);
    expect(Object.keys(exposed.bridge as object).sort()).toEqual(['invoke', 'on']);
  });

  it('forwards allowlisted calls and refuses others without touching IPC', async () => {
    const bridge = exposed.bridge as Bridge;
    await expect(bridge.invoke('app.ping', { message: 'x' })).resolves.toEqual({ ok: true, value: 'pong' });
    expect(ipc.invoke).toHaveBeenCalledWith('app.ping', { message: 'x' });
    ipc.invoke.mockClear();
    await expect(bridge.invoke('shell.openExternal', 'x')).resolves.toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
    expect(ipc.invoke).not.toHaveBeenCalled();
  });

  it('passes only the payload to listeners (never the IPC event), and unsubscribes', () => {
    const bridge = exposed.bridge as Bridge;
    const listener = vi.fn();
    const off = bridge.on('app.onlineChanged', listener);
    const wrapped = ipc.on.mock.calls.at(-1)![1] as (e: unknown, p: unknown) => void;
    wrapped({ sender: 'secret ipc event' }, { online: false });
    expect(listener).toHaveBeenCalledWith({ online: false });
    off();
    expect(ipc.removeListener).toHaveBeenCalledWith('app.onlineChanged', wrapped);
    expect(() => bridge.on('ipc.anything', vi.fn())).toThrow(/Unknown event/);
  });
});
