import { AppError } from '../../src-shared/errors';
import { WindowLimiter } from '../lib/window-limiter';
import type { CallContext } from './dispatch';

/** What a main-process confirmation asks: the question, what it means, and the two buttons. */
export interface ConfirmRequest {
  title: string;
  message: string;
  detail: string;
  confirmLabel: string;
  cancelLabel: string;
  /** The window that asked (the dialog is modal to it). */
  sender?: string;
}

/**
 * Asks the person at the machine, outside the renderer (Electron: `dialog.showMessageBox`, see
 * main.ts): true only for the confirm button. A compromised renderer can call a channel but
 * cannot press this dialog's button, so destructive intents are checked here, in main.
 */
export type ConfirmPort = (request: ConfirmRequest) => Promise<boolean>;

/** The port when the host gave none: nothing destructive is confirmed. */
export const refuseEveryConfirmation: ConfirmPort = async () => false;

/** Intent checks the handlers share (issue 12, "intent checks live in main, not only in the renderer"). */
export interface IntentChecks {
  confirm: ConfirmPort;
  /** Throws RATE_LIMITED when the calling window revealed too many PINs in the last minute. */
  takePinReveal(call: CallContext): void;
}

/** How many PIN reveals a window may make per minute. */
export const PIN_REVEALS_PER_MINUTE = 10;

/** Builds the intent checks over a confirmation port and a clock. */
export function createIntentChecks(options: { confirm?: ConfirmPort; now: () => Date }): IntentChecks {
  const reveals = new WindowLimiter({ limit: PIN_REVEALS_PER_MINUTE, windowMs: 60_000, now: options.now });
  return {
    confirm: options.confirm ?? refuseEveryConfirmation,
    takePinReveal(call) {
      const decision = reveals.take(call.sender ?? 'default');
      if (decision.ok) return;
      const seconds = Math.max(1, Math.ceil(decision.retryAfterMs / 1000));
      throw new AppError('RATE_LIMITED', `Too many PIN reveals: at most ${PIN_REVEALS_PER_MINUTE} a minute. Try again in ${seconds} seconds.`, {
        retryable: true,
        details: { retryAt: decision.retryAt.toISOString(), retryAfterMs: decision.retryAfterMs },
      });
    },
  };
}

/** Asks through the port and throws NOT_CONFIRMED on "Cancel", so nothing after it runs. */
export async function requireConfirmation(checks: IntentChecks, request: ConfirmRequest, refused: string): Promise<void> {
  // A dialog that fails to show is a "no", never a "yes".
  const yes = await checks.confirm(request).catch(() => false);
  if (yes !== true) throw new AppError('NOT_CONFIRMED', refused);
}
