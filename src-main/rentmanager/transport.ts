import axios, { type AxiosInstance } from 'axios';
import { scrubSecrets } from '../lib/scrub-secrets';
import { assertServiceUrl } from '../lib/service-url';
import { z } from 'zod';
import type { RmAuth } from '../../src-shared/domain/rentmanager-connection';
import type { Logger } from '../logging/logger';
import type { ShapeSink } from '../logging/response-shapes';
import { badResponse, cancelled, errorFromNetwork, errorFromResponse, partnerTokenRefused, RentManagerError } from './errors';
import { encodeQuery } from './filters';
import pRetry, { AbortError } from 'p-retry';
import { RequestBudget } from './rate-limit';

/** Settings of the HTTP layer under the client. */
export interface TransportOptions {
  baseUrl: string;
  locationId: number;
  auth: RmAuth;
  requestsPerMinute: number;
  /** Requests at once (reference §6.3 advises ≤ 3–5). */
  parallel: number;
  timeoutMs: number;
  retries: number;
  logger: Logger;
  /** Where the shape (never the values) of every answer goes, for the diagnostics report. */
  shapes?: ShapeSink;
}

/** One answer: status, lower-case headers and the parsed JSON body (undefined when empty). */
export interface RmResponse {
  status: number;
  headers: Record<string, string | undefined>;
  body: unknown;
}

/** A request through the transport. `idempotent` reads are retried on network errors and 5xx. */
export interface RmRequest {
  method: 'GET' | 'POST';
  path: string;
  params?: Record<string, string | number | undefined>;
  data?: unknown;
  signal?: AbortSignal;
  idempotent?: boolean;
}

const TokenSchema = z.string().min(1);
const MAX_RATE_WAITS = 5;

/** p-retry's backoff for reads: 250 ms doubling to 10 s, each delay scaled by a random 1–2×. */
const BACKOFF = { minTimeout: 250, factor: 2, maxTimeout: 10_000, randomize: true } as const;

/** A failed attempt that may be tried again, and why (p-retry sees it; the caller gets `error`). */
class Attempt extends Error {
  constructor(
    readonly error: RentManagerError,
    readonly why: 'reauth' | 'rate' | 'backoff',
  ) {
    super(error.message);
  }
}

/**
 * Rent Manager's HTTP layer: one reused token per connection (AuthorizeUser, header
 * `X-RM12Api-ApiToken`) or a partner token (`X-RM12API-PartnerToken`), the location header on
 * every call, one re-sign-in and replay on 401, the request budget and 429 handling, retries with
 * jittered backoff on reads, a timeout on every request and AbortSignal support (reference §3, §6).
 */
export function createTransport(o: TransportOptions) {
  assertServiceUrl(o.baseUrl, 'Rent Manager');
  const http: AxiosInstance = axios.create({
    baseURL: o.baseUrl.replace(/\/+$/, ''),
    timeout: o.timeoutMs,
    responseType: 'text',
    transformResponse: [(data: unknown) => data],
    validateStatus: () => true,
    maxRedirects: 0,
  });
  const budget = new RequestBudget(o.requestsPerMinute, o.parallel);
  // What an echoing server must not get back into an error message (scrub-secrets.ts).
  const secrets = [o.auth.kind === 'user' ? o.auth.password : o.auth.partnerToken];
  const log = o.logger;
  let token: Promise<string> | null = null;
  let stats = { requests: 0, signIns: 0, retries: 0, rateLimitWaits: 0 };

  async function send(req: RmRequest, authHeaders: Record<string, string>): Promise<RmResponse> {
    const ctx = { method: req.method, path: req.path };
    const query = req.params ? encodeQuery(req.params) : '';
    try {
      return await budget.run(async () => {
        const started = Date.now();
        stats.requests++;
        const res = await http.request<string>({
          method: req.method,
          url: query ? `${req.path}?${query}` : req.path,
          data: req.data,
          signal: req.signal,
          headers: { Accept: 'application/json', 'X-RM12Api-LocationID': String(o.locationId), ...authHeaders, ...(req.data !== undefined ? { 'Content-Type': 'application/json' } : {}) },
        });
        const headers = Object.fromEntries(Object.entries(res.headers).map(([k, v]) => [k.toLowerCase(), v === undefined || v === null ? undefined : String(v)]));
        budget.observe(headers);
        log.debug('rentmanager request', { method: req.method, path: req.path, status: res.status, ms: Date.now() - started });
        const body = parseBody(res.data, ctx, res.status);
        o.shapes?.record(req.method, req.path, res.status, body);
        return { status: res.status, headers, body };
      }, req.signal);
    } catch (error) {
      if (error instanceof RentManagerError) throw error;
      if (req.signal?.aborted) throw cancelled(ctx);
      throw errorFromNetwork(error, ctx, o.timeoutMs);
    }
  }

  async function signIn(signal?: AbortSignal): Promise<string> {
    if (o.auth.kind !== 'user') throw new Error('signIn is only for API users');
    const ctx = { method: 'POST', path: '/Authentication/AuthorizeUser' };
    const res = await send({ method: 'POST', path: ctx.path, data: { Username: o.auth.username, Password: o.auth.password, LocationID: o.locationId }, signal }, {});
    if (res.status !== 200) throw errorFromResponse(res.status, scrubSecrets(res.body, [o.auth.password]), ctx);
    const parsed = TokenSchema.safeParse(res.body);
    if (!parsed.success) throw badResponse('Rent Manager answered the sign-in without a token.', ctx, res.status);
    stats.signIns++;
    log.info('rentmanager signed in', { location: o.locationId });
    return parsed.data;
  }

  /** The reused token: one sign-in at a time, shared by concurrent requests. */
  function currentToken(signal?: AbortSignal): Promise<string> {
    if (!token) {
      const pending = signIn(signal);
      token = pending;
      pending.catch(() => {
        if (token === pending) token = null;
      });
    }
    return token;
  }

  async function authHeaders(signal?: AbortSignal): Promise<{ headers: Record<string, string>; used: Promise<string> | null }> {
    if (o.auth.kind === 'partner') return { headers: { 'X-RM12API-PartnerToken': o.auth.partnerToken }, used: null };
    const used = currentToken(signal);
    return { headers: { 'X-RM12Api-ApiToken': await used }, used };
  }

  /** Sends a request with sign-in, re-sign-in, rate and retry handling (p-retry); returns 2xx answers, throws the rest. */
  async function request(req: RmRequest): Promise<RmResponse> {
    const ctx = { method: req.method, path: req.path };
    let reauthed = false;
    let rateWaits = 0;
    const attempt = async (): Promise<RmResponse> => {
      if (req.signal?.aborted) throw new AbortError(cancelled(ctx));
      const auth = await authHeaders(req.signal);
      let res: RmResponse;
      try {
        res = await send(req, auth.headers);
      } catch (error) {
        const err = error as RentManagerError;
        if (err.retryable && req.idempotent) {
          log.warn('rentmanager request failed, retrying', { path: req.path, code: err.code });
          throw new Attempt(err, 'backoff');
        }
        throw new AbortError(err);
      }
      if (res.status >= 200 && res.status < 300) return res;
      if (res.status === 401 && o.auth.kind === 'user' && !reauthed) {
        reauthed = true;
        if (token === auth.used) token = null;
        log.info('rentmanager token rejected, signing in again', { path: req.path });
        throw new Attempt(errorFromResponse(res.status, res.body, ctx), 'reauth');
      }
      if (res.status === 429 && rateWaits < MAX_RATE_WAITS) {
        rateWaits++;
        stats.rateLimitWaits++;
        const wait = budget.pauseUntilReset(res.headers);
        log.warn('rentmanager rate limited, waiting for reset', { path: req.path, waitMs: wait });
        throw new Attempt(errorFromResponse(res.status, res.body, ctx), 'rate');
      }
      const answer = errorFromResponse(res.status, scrubSecrets(res.body, secrets), ctx);
      const err = o.auth.kind === 'partner' ? partnerTokenRefused(answer) : answer;
      if (err.retryable && res.status >= 500 && req.idempotent) {
        log.warn('rentmanager server error, retrying', { path: req.path, status: res.status });
        throw new Attempt(err, 'backoff');
      }
      throw new AbortError(err);
    };
    try {
      return await pRetry(attempt, {
        ...BACKOFF,
        retries: o.retries,
        ...(req.signal ? { signal: req.signal } : {}),
        // A re-sign-in or a 429 does not use up the retries: the budget's pause is the wait.
        shouldConsumeRetry: ({ error }) => !(error instanceof Attempt) || error.why === 'backoff',
        shouldRetry: ({ error }) => error instanceof Attempt,
        onFailedAttempt: ({ error, retriesLeft }) => {
          if (error instanceof Attempt && error.why === 'backoff' && retriesLeft > 0) stats.retries++;
        },
      });
    } catch (error) {
      if (req.signal?.aborted) throw cancelled(ctx);
      throw error instanceof Attempt ? error.error : error;
    }
  }

  /** Releases the token (DeAuthorize), so the user's 10-token cap is not used up; never throws. */
  async function signOut(): Promise<void> {
    if (!token) return;
    const pending = token;
    token = null;
    try {
      const value = await pending;
      await send({ method: 'POST', path: '/Authentication/DeAuthorize', params: { token: value } }, { 'X-RM12Api-ApiToken': value });
      log.info('rentmanager signed out');
    } catch (error) {
      log.warn('rentmanager sign-out failed', { code: (error as RentManagerError).code });
    }
  }

  return {
    request,
    signOut,
    /** Counts since creation (requests include retries and sign-ins). */
    stats: () => ({ ...stats }),
    resetStats: () => void (stats = { requests: 0, signIns: 0, retries: 0, rateLimitWaits: 0 }),
  };
}

/** See {@link createTransport}. */
export type RmTransport = ReturnType<typeof createTransport>;

function parseBody(data: unknown, ctx: { method: string; path: string }, status: number): unknown {
  if (typeof data !== 'string') return data ?? undefined;
  const text = data.replace(/^\uFEFF/, '').trim();
  if (text === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    if (status >= 200 && status < 300) throw badResponse('Rent Manager sent a body that is not JSON.', ctx, status);
    return text;
  }
}
