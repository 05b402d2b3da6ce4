import type { z } from 'zod';
import { AppError, type ErrorCode } from '../../src-shared/errors';
import { firstIssue, rawId } from '../lib/wire-read';

/** What a SmartPlus 409 says conflicts (contract: "Errors"), plus the sandbox's apartment/master refusals. */
export type SpConflict = 'pin' | 'rfCard' | 'mac' | 'externalRef' | 'devices' | 'masterAccount' | 'unknown';

const CONFLICT_MESSAGES: Record<SpConflict, string> = {
  pin: 'Another resident of this community already has this PIN. Give this resident a different PIN in Rent Manager, then sync again.',
  rfCard: 'Another resident of this community already has this RF card. Check the card number in Rent Manager, then sync again.',
  mac: 'A device with this MAC address has already been added in SmartPlus. Remove it there first, or check the MAC on the device label.',
  externalRef: 'SmartPlus already has an object linked to this Rent Manager record. Resync the site so SiteSync can match it.',
  devices: 'Devices are still bound to this apartment. Move or remove them on the Devices screen, then try again.',
  masterAccount: "An apartment's main account cannot be deleted: it holds the apartment's licence.",
  unknown: 'SmartPlus refused the change because it conflicts with existing data. Resync the site, then try again.',
};

const MESSAGES: Partial<Record<ErrorCode, string>> = {
  SP_UNAUTHORIZED: 'SmartPlus did not accept the user name or password. Check them under Connections, then try again.',
  SP_FORBIDDEN: 'This SmartPlus account may not do that. Ask your Akuvox distributor for installer rights on this project.',
  SP_NOT_FOUND: 'SmartPlus no longer has this object (it may have been deleted by hand). Resync the site to refresh it.',
  SP_VALIDATION_FAILED: 'SmartPlus refused a value as not valid. Correct it, then try again.',
  SP_MAC_NOT_REGISTERED: 'This MAC address is not in the MAC library. Ask your Akuvox distributor to add this MAC to the MAC library, then try again.',
  SP_SUBSCRIPTION_REQUIRED: 'The Integration subscription is not active. Pay for it on the Subscription screen, then sync again.',
  SP_LIMIT_EXCEEDED: "The apartment has reached its family-member limit. Raise the limit in SmartPlus or remove a family member, then sync again.",
  SP_RATE_LIMITED: 'SmartPlus is receiving too many requests. SiteSync slows down and retries; try again in a minute if this persists.',
  SP_UNAVAILABLE: 'SmartPlus Cloud is not answering right now. Try again in a few minutes.',
  SP_BAD_RESPONSE: 'SmartPlus sent an answer SiteSync does not understand. Save a diagnostics report and send it to support.',
  CARD_INVALID: 'The card was refused as not valid. Check the number, expiry date and security code, then try again.',
  CARD_DECLINED: 'The card was declined. Use another card or contact your bank, then pay again.',
  OFFLINE: 'SmartPlus Cloud cannot be reached. Check the internet connection, then try again.',
  CANCELLED: 'The request was cancelled.',
};

/** The installer-readable sentence (with the next step) for a SmartPlus error code. */
export function messageFor(code: ErrorCode, conflict?: SpConflict): string {
  if (code === 'SP_CONFLICT') return CONFLICT_MESSAGES[conflict ?? 'unknown'];
  return MESSAGES[code] ?? 'Something went wrong talking to SmartPlus. Try again.';
}

/** An error from the SmartPlus client: an app error code, an installer-readable message, and the HTTP status when there was one. */
export class SmartPlusError extends AppError {
  readonly status: number | undefined;

  constructor(
    code: ErrorCode,
    options: { message?: string; retryable?: boolean; cause?: unknown; details?: Record<string, unknown>; status?: number } = {},
  ) {
    const conflict = options.details?.conflict as SpConflict | undefined;
    super(code, options.message ?? messageFor(code, conflict), options);
    this.name = 'SmartPlusError';
    this.status = options.status;
  }

  /** For SP_CONFLICT: what conflicts. */
  get conflict(): SpConflict | undefined {
    return this.details?.conflict as SpConflict | undefined;
  }
}

const SERVER_CODES: Record<string, ErrorCode> = {
  UNAUTHORIZED: 'SP_UNAUTHORIZED',
  FORBIDDEN: 'SP_FORBIDDEN',
  NOT_FOUND: 'SP_NOT_FOUND',
  VALIDATION_FAILED: 'SP_VALIDATION_FAILED',
  CONFLICT: 'SP_CONFLICT',
  MAC_NOT_REGISTERED: 'SP_MAC_NOT_REGISTERED',
  SUBSCRIPTION_REQUIRED: 'SP_SUBSCRIPTION_REQUIRED',
  LIMIT_EXCEEDED: 'SP_LIMIT_EXCEEDED',
  RATE_LIMITED: 'SP_RATE_LIMITED',
  INTERNAL: 'SP_UNAVAILABLE',
  UNAVAILABLE: 'SP_UNAVAILABLE',
};

function codeForStatus(status: number): ErrorCode {
  if (status === 401) return 'SP_UNAUTHORIZED';
  if (status === 402) return 'SP_SUBSCRIPTION_REQUIRED';
  if (status === 403) return 'SP_FORBIDDEN';
  if (status === 404) return 'SP_NOT_FOUND';
  if (status === 409) return 'SP_CONFLICT';
  if (status === 422) return 'SP_VALIDATION_FAILED';
  if (status === 429) return 'SP_RATE_LIMITED';
  if (status >= 500) return 'SP_UNAVAILABLE';
  return 'SP_BAD_RESPONSE';
}

/** "SmartPlus refused email (Invalid email address). …" for a 422 whose details name fields; undefined otherwise. */
function refusalMessage(list: unknown): string | undefined {
  if (!Array.isArray(list)) return undefined;
  const named = list.flatMap((d) => {
    const item = d as { field?: unknown; reason?: unknown } | null;
    return typeof item?.field === 'string' ? [`${item.field}${typeof item.reason === 'string' ? ` (${item.reason})` : ''}`] : [];
  });
  return named.length > 0 ? `SmartPlus refused ${named.join(', ')} as not valid. Correct it, then try again.` : undefined;
}

/** Maps an HTTP error answer (`{ error: { code, message, details? } }`) to a {@link SmartPlusError}. */
export function errorFromResponse(status: number, body: unknown, context: { cardEndpoint?: boolean } = {}): SmartPlusError {
  // The client never follows a redirect: following one would replay the sign-in body (the password) to wherever it points.
  if (status >= 300 && status < 400) {
    return new SmartPlusError('SP_BAD_RESPONSE', {
      status,
      details: { status },
      message: `SmartPlus answered with a redirect (HTTP ${status}). SiteSync does not follow redirects, so nothing was sent on. Check the SmartPlus server address under Connections.`,
    });
  }
  const error = (body as { error?: { code?: unknown; message?: unknown; details?: unknown } } | null)?.error;
  const serverCode = typeof error?.code === 'string' ? error.code : undefined;
  let code = (serverCode && SERVER_CODES[serverCode]) || codeForStatus(status);
  if (context.cardEndpoint && code === 'SP_VALIDATION_FAILED') code = 'CARD_INVALID';
  const details: Record<string, unknown> = { status };
  if (serverCode) details.serverCode = serverCode;
  if (typeof error?.message === 'string') details.serverMessage = error.message;
  if (Array.isArray(error?.details)) details.fields = error.details;
  if (code === 'SP_CONFLICT') {
    const what = (error?.details as { conflict?: unknown } | undefined)?.conflict;
    details.conflict = typeof what === 'string' && what in CONFLICT_MESSAGES ? what : 'unknown';
  }
  const retryable = code === 'SP_RATE_LIMITED' || code === 'SP_UNAVAILABLE';
  const message = code === 'SP_VALIDATION_FAILED' ? refusalMessage(error?.details) : undefined;
  return new SmartPlusError(code, { retryable, details, status, ...(message ? { message } : {}) });
}

const NOUNS: Record<string, string> = {
  communities: 'community', apartments: 'apartment', residents: 'resident', 'family-members': 'resident', pin: 'resident',
  'rf-cards': 'resident', devices: 'device', buildings: 'building list', 'access-groups': 'access group list', account: 'account',
  prices: 'price list', subscriptions: 'subscription list', 'payment-methods': 'payment method', orders: 'order',
};

/** What a SmartPlus path answers with, as the installer names it ("community", "resident"…): its last known segment. */
function nounOf(path: string): string {
  const key = path.split('/').filter(Boolean).reverse().find((part) => part in NOUNS);
  return key ? NOUNS[key]! : 'answer';
}

/**
 * SP_BAD_RESPONSE for an answer that could not be read (issue 13): the installer's message names
 * the object, its ID, the field, what was expected and what came, and offers the diagnostics
 * report; `details.diagnostics` lets the renderer key its "Save a diagnostics report" action.
 */
export function unreadableAnswer(method: string, path: string, error: z.ZodError, body: unknown): SmartPlusError {
  const noun = nounOf(path);
  const id = rawId(body);
  const { field, expected, got } = firstIssue(error, body);
  const object = `${noun}${id ? ` ${id}` : ''}`;
  return new SmartPlusError('SP_BAD_RESPONSE', {
    message: `SmartPlus sent a ${object} SiteSync could not read (${method} ${path}: ${field}: expected ${expected}, got ${got}). Save a diagnostics report and send it to support.`,
    details: { path, method, object, field, expected, got, diagnostics: true },
  });
}
