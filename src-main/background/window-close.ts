import { z } from 'zod';

/*
 * What closing the main window does (issue 14, "The app stays on duty"). Pure: the Electron
 * glue calls it from the window's 'close' event and acts on the answer.
 *
 * - "Quit SiteSync" (tray, app menu, Cmd+Q, the OS ending the session) sets `quitting`: the
 *   window closes and the app quits, whatever the settings say.
 * - macOS keeps an app alive in the dock when its window closes; that is the platform's
 *   convention, so the window hides and no notification explains it.
 * - Windows and Linux hide to the tray while the schedule is on and "Keep running in the
 *   background" is on (its default). The first such hide raises one notification.
 */

/** The inputs of the close decision, checked at the boundary (the settings come from disk). */
export const WindowCloseInputSchema = z.object({
  platform: z.string(),
  /** Whether any scheduled work exists (a site is registered and the daily schedule is on). */
  scheduleEnabled: z.boolean(),
  /** The setting "Keep running in the background"; absent means its default, on. */
  keepRunningInBackground: z.boolean().optional(),
  /** Set by "Quit SiteSync" (tray or menu), `before-quit` and the OS ending the session. */
  quitting: z.boolean(),
  /** Whether the "SiteSync is still running in the tray" notification was ever shown. */
  firstHideNotified: z.boolean(),
});
/** See {@link WindowCloseInputSchema}. */
export type WindowCloseInput = z.input<typeof WindowCloseInputSchema>;

/** What to do: `hide` = prevent the close and hide the window (the app keeps running); `quit` = let it close and quit. */
export interface WindowCloseDecision {
  readonly action: 'hide' | 'quit';
  /** Show the one-time "still running in the tray" notification (then record that it was shown). */
  readonly notifyFirstHide: boolean;
}

/** The default of "Keep running in the background". */
export const KEEP_RUNNING_DEFAULT = true;

/** Decides what a close of the main window does. */
export function decideWindowClose(input: WindowCloseInput): WindowCloseDecision {
  const i = WindowCloseInputSchema.parse(input);
  if (i.quitting) return { action: 'quit', notifyFirstHide: false };
  if (i.platform === 'darwin') return { action: 'hide', notifyFirstHide: false };
  const keep = i.keepRunningInBackground ?? KEEP_RUNNING_DEFAULT;
  if (keep && i.scheduleEnabled) return { action: 'hide', notifyFirstHide: !i.firstHideNotified };
  return { action: 'quit', notifyFirstHide: false };
}

/** The text of the one-time notification shown when the window first closes to the tray. */
export const FIRST_HIDE_NOTIFICATION = {
  title: 'SiteSync is still running',
  body: 'The daily sync keeps running in the tray. To stop it, choose "Quit SiteSync" from the tray icon, or turn off "Keep running in the background" in Settings.',
} as const;
