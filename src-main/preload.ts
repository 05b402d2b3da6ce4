// The preload: runs sandboxed in the renderer, bundled to one file. It exposes exactly two
// functions on window.bridge, limited to the channel allowlist, and never passes the raw IPC
// event (or ipcRenderer itself) to the page.
import { contextBridge, ipcRenderer } from 'electron';
import { isEventChannel, isInvokeChannel } from '../src-shared/ipc/channels';

contextBridge.exposeInMainWorld('bridge', {
  invoke(channel: unknown, input: unknown) {
    if (!isInvokeChannel(channel)) {
      return Promise.resolve({ ok: false, error: { code: 'BAD_INPUT', message: `Unknown channel: ${String(channel)}`, retryable: false } });
    }
    return ipcRenderer.invoke(channel, input);
  },
  on(event: unknown, listener: unknown) {
    if (!isEventChannel(event) || typeof listener !== 'function') throw new Error(`Unknown event: ${String(event)}`);
    const wrapped = (_ipcEvent: unknown, payload: unknown) => (listener as (p: unknown) => void)(payload);
    ipcRenderer.on(event, wrapped);
    return () => {
      ipcRenderer.removeListener(event, wrapped);
    };
  },
});
