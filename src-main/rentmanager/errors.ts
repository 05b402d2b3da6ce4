import { AxiosError } from 'axios';
import { z } from 'zod';
import { AppError, type ErrorCode } from '../../src-shared/errors';

/** The codes a Rent Manager call can fail with (a subset of src-shared/errors.ts). */
export type RentManagerErrorCode = Extract<ErrorCode, `RM_${string}` | 'OFFLINE' | 'CANCELLED'>;

/** What went wrong in Rent Manager's words, plus what an installer can do about it. */
export interface RentManagerErrorDetails {
  status: number | null;
  method: string;
  path: string;
  UserMessage?: string;
  DeveloperMessage?: string;
  Exception?: string;
  ModelState?: Record<string, string[]>;
  nextStep: string;
  /** An answer SiteSync could not read: the screen offers "Save a diagnostics report" (issue 13). */
  diagnostics?: boolean;
  /** True when a partner-token request was refused (see partnerTokenRefused). */
  partnerToken?: boolean;
}

/**
 * One error for every way a Rent Manager call fails: its four error bodies (reference §6.1),
 * transport failures, timeouts and cancellation. `details` carries the server's
 * UserMessage/DeveloperMessage and a next step for the installer.
 */
export class RentManagerError extends AppError {
  declare readonly details: RentManagerErrorDetails & Record<string, unknown>;
  readonly status: number | null;

  constructor(code: RentManagerErrorCode, message: string, options: { retryable?: boolean; cause?: unknown; details: RentManagerErrorDetails }) {
    super(code, message, { retryable: options.retryable ?? false, cause: options.cause, details: { ...options.details } });
    this.name = 'RentManagerError';
    this.status = options.details.status;
  }

  /** The narrowed code. */
  get rmCode(): RentManagerErrorCode {
    return this.code as RentManagerErrorCode;
  }
}

const ErrorModelSchema = z.object({
  DeveloperMessage: z.string().optional(),
  UserMessage: z.string().optional(),
  Exception: z.string().optional(),
  ErrorCode: z.number().optional(),
});
const ModelStateSchema = z.object({ Message: z.string().optional(), ModelState: z.record(z.string(), z.array(z.string())) });
const MessageSchema = z.object({ Message: z.string() });

/** The next step an installer can take for each code (the renderer may phrase its own; these go to logs and the CLI). */
export const NEXT_STEPS: Record<RentManagerErrorCode, string> = {
  RM_UNAUTHORIZED: 'Check the Rent Manager user name and password (or partner token) in Connections; a password change in Rent Manager needs the new one here too.',
  RM_TOO_MANY_SESSIONS: 'This Rent Manager API user is signed in too many times (at most 10). Close other tools using it, or wait 15 minutes for idle sessions to expire, then try again.',
  RM_FORBIDDEN: 'Ask the property manager to tick "API Access" for this user in Rent Manager (Users → Options), or to activate the integration for these properties.',
  RM_NOT_FOUND: 'The record is no longer in Rent Manager, or this location cannot see it; refresh the site.',
  RM_BAD_FILTER: 'SiteSync asked Rent Manager something it does not accept; report this to support with the log file.',
  RM_RATE_LIMITED: 'Rent Manager is busy with other integrations of this company; SiteSync will try again shortly.',
  RM_UNAVAILABLE: 'Rent Manager did not answer properly; try again in a few minutes.',
  RM_BAD_RESPONSE: 'Rent Manager sent something SiteSync could not read. Save a diagnostics report and send it to support.',
  RM_UNKNOWN_COMPANY: 'Check the company code (the "<code>" of <code>.api.rentmanager.com) in Connections.',
  RM_FIELD_NOT_FOUND: 'Choose the PIN and RF card fields again in Settings (or fix the site file): the field named is not a Rent Manager user-defined field.',
  OFFLINE: 'Rent Manager cannot be reached from this computer: check the network connection, then try again.',
  CANCELLED: 'The operation was cancelled.',
};

interface Context {
  method: string;
  path: string;
}

function make(code: RentManagerErrorCode, message: string, ctx: Context, status: number | null, extra: Partial<RentManagerErrorDetails> = {}, retryable = false, cause?: unknown): RentManagerError {
  return new RentManagerError(code, message, { retryable, cause, details: { status, method: ctx.method, path: ctx.path, nextStep: NEXT_STEPS[code], ...extra } });
}

/**
 * A refused partner-token request, explained (reference §3.2: partner calls must come from the IP
 * addresses allow-listed in Partner Web Access, which a roaming laptop does not have). Rent
 * Manager does not say which check failed, so the sentence names both: the token, and the address.
 */
export function partnerTokenRefused(error: RentManagerError): RentManagerError {
  if (error.code !== 'RM_UNAUTHORIZED' && error.code !== 'RM_FORBIDDEN') return error;
  const message =
    'Rent Manager refused the partner token. Partner tokens work only from the IP addresses allow-listed for the integration in ' +
    "Rent Manager's Partner Web Access, so a laptop on another network (home, hotel, mobile hotspot, VPN) is refused even with the right token.";
  const nextStep =
    "Sign in from the network whose address is allow-listed, or have this computer's public IP address added in Partner Web Access, " +
    'or choose "API user" and sign in with a user name and password instead. If the address is allow-listed, check the token.';
  return new RentManagerError(error.code, message, { retryable: false, cause: error, details: { ...error.details, nextStep, partnerToken: true } });
}

/** Maps a non-2xx answer to a {@link RentManagerError}. */
export function errorFromResponse(status: number, body: unknown, ctx: Context): RentManagerError {
  const model = ErrorModelSchema.safeParse(body);
  const info: Partial<RentManagerErrorDetails> = {};
  if (model.success) {
    if (model.data.UserMessage) info.UserMessage = model.data.UserMessage;
    if (model.data.DeveloperMessage) info.DeveloperMessage = model.data.DeveloperMessage;
    if (model.data.Exception) info.Exception = model.data.Exception;
  }
  const said = [info.UserMessage, info.DeveloperMessage].filter(Boolean).join(' ');
  if (/maximum number of times/i.test(said)) {
    return make('RM_TOO_MANY_SESSIONS', 'This Rent Manager user is already signed in the maximum number of times (10).', ctx, status, info);
  }
  // The client never follows a redirect (maxRedirects 0): the sign-in body would be replayed to wherever it points.
  if (status >= 300 && status < 400) {
    return make('RM_BAD_RESPONSE', `Rent Manager answered with a redirect (HTTP ${status}). SiteSync does not follow redirects, so nothing was sent on. Check the server address under Connections.`, ctx, status, info);
  }
  switch (status) {
    case 400: {
      const ms = ModelStateSchema.safeParse(body);
      if (ms.success) info.ModelState = ms.data.ModelState;
      const reasons = ms.success ? Object.values(ms.data.ModelState).flat().join(' ') : (MessageSchema.safeParse(body).data?.Message ?? '');
      return make('RM_BAD_FILTER', `Rent Manager refused the request: ${reasons || 'invalid request'}`, ctx, status, info);
    }
    case 401:
      return make('RM_UNAUTHORIZED', `Rent Manager did not accept the sign-in${said ? `: ${said}` : '.'}`, ctx, status, info);
    case 403:
      return make('RM_FORBIDDEN', `Rent Manager refused access${said ? `: ${said}` : '.'}`, ctx, status, info);
    case 404:
      return make('RM_NOT_FOUND', `Rent Manager has no ${ctx.path}.`, ctx, status, { ...info, DeveloperMessage: info.DeveloperMessage ?? MessageSchema.safeParse(body).data?.Message });
    case 429:
      return make('RM_RATE_LIMITED', 'Rent Manager asked SiteSync to slow down (rate limit).', ctx, status, info, true);
    default:
      break;
  }
  if (status === 500 && /ForcePasswordReset/i.test(info.Exception ?? '')) {
    return make('RM_UNAUTHORIZED', 'Rent Manager requires this user to reset the password before signing in.', ctx, status, { ...info, nextStep: 'Sign in to Rent Manager as this user, set a new password, and enter it in Connections.' });
  }
  if (status >= 500) return make('RM_UNAVAILABLE', `Rent Manager answered with an error (HTTP ${status})${said ? `: ${said}` : '.'}`, ctx, status, info, true);
  return make('RM_BAD_RESPONSE', `Rent Manager answered with unexpected HTTP ${status}.`, ctx, status, info);
}

const OFFLINE_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EHOSTUNREACH', 'ENETUNREACH', 'ENETDOWN', 'EAI_AGAIN', 'EPIPE', 'ERR_NETWORK', 'ERR_SOCKET_CONNECTION_TIMEOUT']);

/** Maps a transport failure (no HTTP answer) to a {@link RentManagerError}. */
export function errorFromNetwork(error: unknown, ctx: Context, timeoutMs: number): RentManagerError {
  if (error instanceof RentManagerError) return error;
  const code = error instanceof AxiosError ? (error.code ?? '') : '';
  const causeCode = (error as { cause?: { code?: string } })?.cause?.code ?? '';
  if (code === 'ERR_CANCELED' || (error instanceof Error && error.name === 'AbortError')) {
    return make('CANCELLED', 'The Rent Manager read was cancelled.', ctx, null, {}, false, error);
  }
  if (code === 'ECONNABORTED' || code === 'ETIMEDOUT' || causeCode === 'ETIMEDOUT') {
    return make('RM_UNAVAILABLE', `Rent Manager did not answer within ${Math.round(timeoutMs / 1000)} s.`, ctx, null, {}, true, error);
  }
  if (code === 'ENOTFOUND' || causeCode === 'ENOTFOUND') {
    return make('RM_UNKNOWN_COMPANY', 'No Rent Manager company answers at this address: the company code looks wrong.', ctx, null, {}, false, error);
  }
  if (OFFLINE_CODES.has(code) || OFFLINE_CODES.has(causeCode)) {
    return make('OFFLINE', 'Rent Manager cannot be reached (no network connection or the server is down).', ctx, null, {}, true, error);
  }
  return make('RM_UNAVAILABLE', `The request to Rent Manager failed: ${error instanceof Error ? error.message : String(error)}`, ctx, null, {}, true, error);
}

/** A CANCELLED error for a wait or loop stopped by an AbortSignal. */
export function cancelled(ctx: Context): RentManagerError {
  return make('CANCELLED', 'The Rent Manager read was cancelled.', ctx, null);
}

/** A RM_BAD_RESPONSE error for a body that is not what Rent Manager documents. */
export function badResponse(message: string, ctx: Context, status: number | null): RentManagerError {
  return make('RM_BAD_RESPONSE', message, ctx, status, { diagnostics: true });
}
