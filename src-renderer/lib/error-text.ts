import { BridgeError } from '../bridge';
import type { ErrorCode } from '../../src-shared/errors';

/** The next step to offer for each error code a person may meet. */
const NEXT_STEP: Partial<Record<ErrorCode, string>> = {
  OFFLINE: 'Check the network connection; what was synced last stays browsable.',
  KEYCHAIN_UNAVAILABLE: 'Start or install your system keychain, then try again.',
  SUBSCRIPTION_REQUIRED: 'Pay for the Integration service under Subscription, then sync again.',
  SP_SUBSCRIPTION_REQUIRED: 'Pay for the Integration service under Subscription, then sync again.',
  RM_UNAUTHORIZED: 'Check the Rent Manager user name and password under Connections.',
  SP_UNAUTHORIZED: 'Check the SmartPlus account under Connections.',
  RM_RATE_LIMITED: 'Rent Manager is busy; SiteSync will retry. Try again in a minute.',
  SP_RATE_LIMITED: 'SmartPlus is busy; try again in a minute.',
  RM_UNAVAILABLE: 'Rent Manager is not answering; try again later.',
  SP_UNAVAILABLE: 'SmartPlus Cloud is not answering; try again later.',
  RUN_IN_PROGRESS: 'A sync of this site is already running; its progress is shown.',
  BAD_INPUT: 'Correct the highlighted field and try again.',
  INTERNAL: 'Something went wrong. Try again; if it happens again, send the log file to support.',
};

/** A failure in words, with the next step and the code it came from (null: not an answer from main). */
export interface ErrorText {
  text: string;
  nextStep: string | null;
  code: ErrorCode | null;
}

/** A sentence for the user and the next step, from anything a call threw. */
export function describeError(error: unknown): ErrorText {
  if (error instanceof BridgeError) {
    return { text: error.message, nextStep: NEXT_STEP[error.code] ?? null, code: error.code };
  }
  return { text: 'Something went wrong.', nextStep: NEXT_STEP.INTERNAL ?? null, code: null };
}

/** The failure as one sentence: the text, then the next step. */
export function errorSentence(error: unknown): string {
  const { text, nextStep } = describeError(error);
  return nextStep ? `${text} ${nextStep}` : text;
}
