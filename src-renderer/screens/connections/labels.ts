import type { ConnectionStatus } from '../../../src-shared/domain/connection';

/** The cause of a failed sign-in in a few plain words, by error code (the message and next step follow it). */
export const FAILURE_CAUSES: Record<string, string> = {
  RM_UNAUTHORIZED: 'Wrong user name, password or token',
  RM_UNKNOWN_COMPANY: 'Unknown company code',
  RM_FORBIDDEN: 'No API access',
  RM_TOO_MANY_SESSIONS: 'Too many sessions',
  RM_RATE_LIMITED: 'Rent Manager is busy',
  RM_UNAVAILABLE: 'Rent Manager is not answering',
  RM_BAD_RESPONSE: 'Unexpected answer from Rent Manager',
  OFFLINE: 'Offline',
  SP_UNAUTHORIZED: 'Wrong user name or password',
  SP_FORBIDDEN: 'No installer rights',
  SP_UNAVAILABLE: 'SmartPlus is not answering',
  SP_RATE_LIMITED: 'SmartPlus is busy',
  MISSING_SECRET: 'No password saved',
  KEYCHAIN_UNAVAILABLE: 'Keychain not available',
};

/** The cause headline of a failure code. */
export function failureCause(code: string): string {
  return FAILURE_CAUSES[code] ?? 'Sign-in failed';
}

/** How a connection's secret status reads, and its pill style. */
export const STATUS_LABELS: Record<ConnectionStatus, { text: string; pill: string }> = {
  configured: { text: 'Password saved', pill: 'pill-ok' },
  missing: { text: 'Password missing', pill: 'pill-warn' },
  rejected: { text: 'Password refused', pill: 'pill-danger' },
};
