import type { ErrorCode } from '../../src-shared/errors';
import type { ErrorText } from '../lib/error-text';

/** What went wrong adding or changing a device, in the installer's words, with the next step (spec §10). */
const DEVICE_ERRORS: Partial<Record<ErrorCode, string>> = {
  SP_MAC_NOT_REGISTERED: 'This MAC is not in the MAC library. Ask your Akuvox distributor to register it, then add it again.',
  SP_CONFLICT: 'A device with this MAC is already added in SmartPlus. Check the MAC on the device label, or remove the other device first.',
  SP_SUBSCRIPTION_REQUIRED: 'The Integration subscription is not active, so SmartPlus refuses device changes. Pay for it under Subscription, then try again.',
  SP_NOT_FOUND: 'SmartPlus no longer has this device or its apartment. Refresh the list, then try again.',
  OFFLINE: 'This computer is offline. Changing or removing a device needs SmartPlus; try again when back online.',
};

/** The sentence to show for a device error: the device-specific one, else the message with its next step. */
export function deviceErrorText(error: ErrorText): string {
  const known = error.code ? DEVICE_ERRORS[error.code] : undefined;
  if (known) return known;
  return error.nextStep ? `${error.text} ${error.nextStep}` : error.text;
}
