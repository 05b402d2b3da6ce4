import type { BaseWindow, MessageBoxOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { nativeConfirm, senderWebContentsId } from '../../../src-main/app/confirm-dialog';

const REQUEST = { title: 'Confirm held-back changes', message: 'Apply 7 held-back changes to Maple Court?', detail: 'They lose door access.', confirmLabel: 'Apply 7 changes', cancelLabel: 'Cancel', sender: 'webcontents:3' };

function fakeDialog(response: number) {
  const shown: Array<{ parent: BaseWindow | null; options: MessageBoxOptions }> = [];
  const dialog = {
    showMessageBox: async (a: BaseWindow | MessageBoxOptions, b?: MessageBoxOptions) => {
      shown.push(b ? { parent: a as BaseWindow, options: b } : { parent: null, options: a as MessageBoxOptions });
      return { response };
    },
  };
  return { dialog: dialog as never, shown };
}

describe('nativeConfirm (the ConfirmPort as an Electron message box)', () => {
  it('is modal to the asking window, Cancel is the default and the Esc answer, and only the first button confirms', async () => {
    const win = { id: 3 } as unknown as BaseWindow;
    const yes = fakeDialog(0);
    expect(await nativeConfirm(yes.dialog, (s) => (senderWebContentsId(s) === 3 ? win : null))(REQUEST)).toBe(true);
    expect(yes.shown[0]).toEqual({
      parent: win,
      options: expect.objectContaining({ buttons: ['Apply 7 changes', 'Cancel'], defaultId: 1, cancelId: 1, message: REQUEST.message, detail: REQUEST.detail, type: 'warning' }),
    });
    expect(await nativeConfirm(fakeDialog(1).dialog, () => win)(REQUEST)).toBe(false);
  });

  it('without a window it still asks (app-modal), never assumes yes', async () => {
    const none = fakeDialog(1);
    expect(await nativeConfirm(none.dialog, () => null)(REQUEST)).toBe(false);
    expect(none.shown[0]!.parent).toBeNull();
  });

  it('reads the sender key the Electron binding sets', () => {
    expect(senderWebContentsId('webcontents:12')).toBe(12);
    expect(senderWebContentsId('webcontents:x')).toBeNull();
    expect(senderWebContentsId(undefined)).toBeNull();
  });
});
