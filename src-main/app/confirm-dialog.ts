import type { BaseWindow, BrowserWindow, MessageBoxOptions, WebContents } from 'electron';
import type { ConfirmPort } from '../ipc/intent';

/** The part of Electron's `dialog` the confirmation uses. */
export interface MessageBoxHost {
  showMessageBox(window: BaseWindow, options: MessageBoxOptions): Promise<{ response: number }>;
  showMessageBox(options: MessageBoxOptions): Promise<{ response: number }>;
}

/**
 * The {@link ConfirmPort} as a native, window-modal message box: the confirm button first,
 * "Cancel" the default and the answer to Esc, so only a deliberate click confirms. The page
 * cannot reach this dialog, so a compromised renderer cannot confirm by itself.
 */
export function nativeConfirm(dialog: MessageBoxHost, windowOf: (sender: string | undefined) => BaseWindow | null): ConfirmPort {
  return async (request) => {
    const options: MessageBoxOptions = {
      type: 'warning',
      title: request.title,
      message: request.message,
      detail: request.detail,
      buttons: [request.confirmLabel, request.cancelLabel],
      defaultId: 1,
      cancelId: 1,
      noLink: true,
    };
    const parent = windowOf(request.sender);
    const { response } = parent ? await dialog.showMessageBox(parent, options) : await dialog.showMessageBox(options);
    return response === 0;
  };
}

/** The window of a `webcontents:<id>` sender key (see ipc-electron.ts). */
export function senderWebContentsId(sender: string | undefined): number | null {
  const match = /^webcontents:(\d+)$/.exec(sender ?? '');
  return match ? Number(match[1]) : null;
}

/** The window a sender key names, else the focused one (the dialog is modal to it). */
export function windowOfSender(
  sender: string | undefined,
  contents: { fromId(id: number): WebContents | undefined },
  windows: { fromWebContents(contents: WebContents): BrowserWindow | null; getFocusedWindow(): BrowserWindow | null },
): BaseWindow | null {
  const id = senderWebContentsId(sender);
  const found = id === null ? undefined : contents.fromId(id);
  return (found && windows.fromWebContents(found)) ?? windows.getFocusedWindow();
}
