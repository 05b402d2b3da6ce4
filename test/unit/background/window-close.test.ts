import { describe, expect, it } from 'vitest';
import { decideWindowClose, type WindowCloseInput } from '../../../src-main/background/window-close';

const base: WindowCloseInput = { platform: 'win32', scheduleEnabled: true, quitting: false, firstHideNotified: false };

describe('decideWindowClose', () => {
  it.each(['win32', 'linux'])('%s: hides to the tray while the schedule is on, notifying the first time only', (platform) => {
    expect(decideWindowClose({ ...base, platform })).toEqual({ action: 'hide', notifyFirstHide: true });
    expect(decideWindowClose({ ...base, platform, firstHideNotified: true })).toEqual({ action: 'hide', notifyFirstHide: false });
  });

  it('"Keep running in the background" defaults to on and, turned off, makes close quit', () => {
    expect(decideWindowClose({ ...base, keepRunningInBackground: undefined }).action).toBe('hide');
    expect(decideWindowClose({ ...base, keepRunningInBackground: true }).action).toBe('hide');
    expect(decideWindowClose({ ...base, keepRunningInBackground: false })).toEqual({ action: 'quit', notifyFirstHide: false });
  });

  it('with no schedule there is nothing to stay on duty for: close quits on Windows and Linux', () => {
    expect(decideWindowClose({ ...base, scheduleEnabled: false })).toEqual({ action: 'quit', notifyFirstHide: false });
    expect(decideWindowClose({ ...base, platform: 'linux', scheduleEnabled: false }).action).toBe('quit');
  });

  it('"Quit SiteSync" really quits, on every platform and whatever the settings', () => {
    for (const platform of ['win32', 'linux', 'darwin']) {
      expect(decideWindowClose({ ...base, platform, quitting: true })).toEqual({ action: 'quit', notifyFirstHide: false });
    }
  });

  it('macOS keeps the app in the dock as usual, without a notification', () => {
    expect(decideWindowClose({ ...base, platform: 'darwin' })).toEqual({ action: 'hide', notifyFirstHide: false });
    expect(decideWindowClose({ ...base, platform: 'darwin', scheduleEnabled: false, keepRunningInBackground: false }).action).toBe('hide');
  });

  it('refuses malformed input with a clear message', () => {
    expect(() => decideWindowClose({ ...base, quitting: 'yes' } as unknown as WindowCloseInput)).toThrow(/quitting/);
  });
});
