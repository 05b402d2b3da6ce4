import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import { INVOKE_CHANNELS } from '../../src-shared/ipc/channels';
import type { Envelope } from '../../src-shared/ipc/contract';
import { dispatch, type HandlerMap } from '../ipc/dispatch';
import type { EventBus } from '../services/event-bus';
import type { Logger } from '../logging/logger';
import { isTrustedSender } from './security';

/**
 * Binds the handler map to ipcMain: every channel refuses senders that are not the app's own
 * main frame, then goes through `dispatch` (input parse, output check, result envelope).
 */
export function bindIpc(ipcMain: Pick<IpcMain, 'handle'>, handlers: HandlerMap, options: { log: Logger; devServerUrl?: string }): void {
  for (const channel of INVOKE_CHANNELS) {
    ipcMain.handle(channel, async (event: IpcMainInvokeEvent, input: unknown): Promise<Envelope> => {
      if (!isTrustedSender(event.senderFrame, options.devServerUrl)) {
        options.log.warn('refused IPC from a foreign sender', { channel, url: event.senderFrame?.url ?? null });
        return { ok: false, error: { code: 'FORBIDDEN_SENDER', message: 'This window may not talk to SiteSync.', retryable: false } };
      }
      // The window is named by the transport, never by the payload (PIN reveals are limited per window).
      const senderId = (event.sender as { id?: number } | undefined)?.id;
      return dispatch(handlers, channel, input, options.log, senderId === undefined ? {} : { sender: `webcontents:${senderId}` });
    });
  }
}

/** Forwards every bus event to the app's windows; returns the unsubscribe function. */
export function forwardEvents(events: EventBus, windows: () => Array<{ webContents: Pick<WebContents, 'send' | 'isDestroyed'> }>): () => void {
  return events.subscribe((event, payload) => {
    for (const win of windows()) {
      if (!win.webContents.isDestroyed()) win.webContents.send(event, payload);
    }
  });
}
