import axios, { type AxiosInstance } from 'axios';
import pRetry, { AbortError } from 'p-retry';
import { scrubSecrets } from '../lib/scrub-secrets';
import { assertServiceUrl } from '../lib/service-url';
import { z } from 'zod';
import { silentLogger, type Logger } from '../logging/logger';
import type { ShapeSink } from '../logging/response-shapes';
import { errorFromResponse, SmartPlusError, unreadableAnswer } from './errors';
import { abortable as abortableOrCancel } from '../lib/async';
import { MAX_REQUESTS_IN_FLIGHT } from '../../src-shared/domain/preferences';
import { RequestPipe, type ExchangeOutcome, type PipeStats } from './pipe';

/** Options shared by the client and its transport. */
export interface TransportOptions {
  baseUrl: string;
  username: string;
  password: string;
  /** Per-request timeout (default 15 s). */
  timeoutMs?: number;
  /** Client-side rate limit (default 20, the contract's limit). */
  requestsPerSecond?: number;
  /** Cap on requests in flight (the setting "maximum requests in flight"; default 16). */
  maxInFlight?: number;
  /** Retries after network errors, timeouts, 5xx (reads and keyed creates only) and 429 (any request). Default 4. */
  retries?: number;
  logger?: Logger;
  /** Where the shape (never the values) of every answer goes, for the diagnostics report. */
  shapes?: ShapeSink;
}

/** One API call. */
export interface RequestSpec<T> {
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  path: string;
  query?: Record<string, string | number | undefined>;
  body?: unknown;
  /** Response schema; null for 204 answers. */
  schema: z.ZodType<T> | null;
  idempotencyKey?: string;
  signal?: AbortSignal;
  /** The card endpoint: 422 becomes CARD_INVALID. */
  cardEndpoint?: boolean;
}

/** Counts since the client was made (the benchmark and tests read them). */
export interface TransportStats {
  requests: number;
  retries: number;
  rateLimited: number;
  signIns: number;
  reauths: number;
}

interface Exchange {
  status: number;
  body: unknown;
  retryAfter: number | null;
}

const TokenResponseSchema = z.object({ accessToken: z.string().min(1), expiresIn: z.number() });

/** 429s one request may wait out on top of its retries (each pauses the whole pipe for Retry-After). */
const MAX_RATE_WAITS = 8;

/** p-retry's backoff: 250 ms doubling to 5 s, each delay scaled by a random 1–2× so retries spread out. */
const BACKOFF = { minTimeout: 250, factor: 2, maxTimeout: 5000, randomize: true } as const;

/** A failed attempt that may be tried again, and why (p-retry sees it; the caller gets `error`). */
class Attempt extends Error {
  constructor(
    readonly error: SmartPlusError,
    readonly why: 'reauth' | 'rate' | 'backoff',
  ) {
    super(error.message);
  }
}

/** Waits for `promise`, or rejects with CANCELLED as soon as `signal` aborts (without cancelling the shared work). */
function abortable<T>(promise: Promise<T>, signal?: AbortSignal): Promise<T> {
  return abortableOrCancel(promise, signal, () => new SmartPlusError('CANCELLED'));
}

function outcomeOf(exchange: Exchange): ExchangeOutcome {
  if (exchange.status === 429) return { kind: 'throttled', retryAfterMs: (exchange.retryAfter ?? 1) * 1000 };
  return exchange.status >= 500 ? { kind: 'failed' } : { kind: 'answered' };
}

/**
 * The HTTP layer of the SmartPlus client: bearer sign-in (again once on 401), the request pipe
 * (paced rate, requests in flight from measured latency, 429 pause for Retry-After), retries with
 * backoff (p-retry) where they are safe, timeouts and AbortSignal, and zod validation of every
 * answer. Request bodies are never logged (they may hold a card).
 */
export class SmartPlusTransport {
  readonly stats: TransportStats = { requests: 0, retries: 0, rateLimited: 0, signIns: 0, reauths: 0 };
  private readonly http: AxiosInstance;
  private readonly pipe: RequestPipe;
  private readonly timeoutMs: number;
  private readonly retries: number;
  private readonly log: Logger;
  private token: Promise<string> | null = null;
  private tokenValue: string | null = null;

  constructor(private readonly options: TransportOptions) {
    assertServiceUrl(options.baseUrl, 'SmartPlus');
    // maxRedirects 0: a 3xx is an error (errors.ts), never a replay of the sign-in body elsewhere.
    this.http = axios.create({ baseURL: options.baseUrl.replace(/\/+$/, ''), adapter: 'http', maxRedirects: 0 });
    this.pipe = new RequestPipe({ requestsPerSecond: options.requestsPerSecond ?? 20, maxInFlight: options.maxInFlight ?? MAX_REQUESTS_IN_FLIGHT.default });
    this.timeoutMs = options.timeoutMs ?? 15_000;
    this.retries = options.retries ?? 4;
    this.log = (options.logger ?? silentLogger).child('smartplus');
  }

  /** The pipe's figures: requests in flight now and at peak, the current limit, the latency average. */
  pipeStats(): PipeStats {
    return this.pipe.stats();
  }

  /** Changes the cap on requests in flight (the setting changed). */
  setMaxInFlight(max: number): void {
    this.pipe.setMaxInFlight(max);
  }

  /** Starts counting the peak in flight afresh. */
  resetPipePeak(): void {
    this.pipe.resetPeak();
  }

  /** Sends one request through sign-in, the pipe and retries; returns the validated body. */
  async request<T>(spec: RequestSpec<T>): Promise<T> {
    const retrySafe = spec.method === 'GET' || (spec.method === 'POST' && !!spec.idempotencyKey);
    let reauthed = false;
    let rateWaits = 0;
    let retrying = false;
    const attempt = async (): Promise<T> => {
      if (spec.signal?.aborted) throw new AbortError(new SmartPlusError('CANCELLED'));
      const token = await this.currentToken(spec.signal);
      let exchange: Exchange;
      try {
        exchange = await this.pipe.run(() => this.send(spec, token), outcomeOf, spec.signal, retrying);
      } catch (error) {
        if (spec.signal?.aborted) throw new AbortError(new SmartPlusError('CANCELLED'));
        if (!(error instanceof SmartPlusError)) throw error;
        if (!error.retryable || !retrySafe) throw new AbortError(error);
        this.log.warn('retrying after a network failure', { method: spec.method, path: spec.path, code: error.code });
        throw new Attempt(error, 'backoff');
      }
      const { status, body } = exchange;
      const error = status >= 200 && status < 300 ? null : errorFromResponse(status, scrubSecrets(body, [this.options.password, this.tokenValue]), { cardEndpoint: spec.cardEndpoint });
      if (!error) return this.validate(spec, body);
      if (status === 401 && !reauthed) {
        reauthed = true;
        this.stats.reauths += 1;
        this.dropToken(token);
        throw new Attempt(error, 'reauth');
      }
      if (status === 429) {
        this.stats.rateLimited += 1;
        // A 429 is refused before any work is done, so every method may retry it; the pipe waits out Retry-After.
        if (rateWaits < MAX_RATE_WAITS) {
          rateWaits += 1;
          this.log.info('rate limited; waiting Retry-After', { method: spec.method, path: spec.path, waitMs: (exchange.retryAfter ?? 1) * 1000 });
          throw new Attempt(error, 'rate');
        }
      } else if (status >= 500 && retrySafe) {
        this.log.warn('retrying after a server error', { method: spec.method, path: spec.path, status });
        throw new Attempt(error, 'backoff');
      }
      this.log.info('request failed', { method: spec.method, path: spec.path, status, code: error.code });
      throw new AbortError(error);
    };
    try {
      return await pRetry(attempt, {
        ...BACKOFF,
        retries: this.retries,
        ...(spec.signal ? { signal: spec.signal } : {}),
        // A re-sign-in or a 429 does not use up the retries: the pipe's pause is the wait.
        shouldConsumeRetry: ({ error }) => !(error instanceof Attempt) || error.why === 'backoff',
        shouldRetry: ({ error }) => error instanceof Attempt,
        onFailedAttempt: ({ error, retriesLeft }) => {
          if (!(error instanceof Attempt)) return;
          retrying = true;
          if (error.why === 'rate' || (error.why === 'backoff' && retriesLeft > 0)) this.stats.retries += 1;
        },
      });
    } catch (error) {
      if (spec.signal?.aborted) throw new SmartPlusError('CANCELLED');
      throw error instanceof Attempt ? error.error : error;
    }
  }

  private validate<T>(spec: RequestSpec<T>, body: unknown): T {
    if (spec.schema === null) return undefined as T;
    const parsed = spec.schema.safeParse(body);
    if (parsed.success) return parsed.data;
    this.log.warn('unexpected response shape', { method: spec.method, path: spec.path, issues: parsed.error.issues.slice(0, 5).map((i) => `${i.path.join('.')}: ${i.message}`) });
    throw unreadableAnswer(spec.method, spec.path, parsed.error, body);
  }

  /** One HTTP exchange with timeout and abort; transport failures become OFFLINE / SP_UNAVAILABLE / CANCELLED. */
  private async send(spec: Pick<RequestSpec<unknown>, 'method' | 'path' | 'query' | 'body' | 'idempotencyKey' | 'signal'>, token: string | null): Promise<Exchange> {
    const timeout = AbortSignal.timeout(this.timeoutMs);
    const signal = spec.signal ? AbortSignal.any([spec.signal, timeout]) : timeout;
    this.stats.requests += 1;
    try {
      const res = await this.http.request<string>({
        method: spec.method,
        url: spec.path,
        params: spec.query,
        data: spec.body === undefined ? undefined : JSON.stringify(spec.body),
        headers: {
          Accept: 'application/json',
          ...(spec.body === undefined ? {} : { 'Content-Type': 'application/json' }),
          ...(token ? { Authorization: `Bearer ${token}` } : {}),
          ...(spec.idempotencyKey ? { 'Idempotency-Key': spec.idempotencyKey } : {}),
        },
        signal,
        validateStatus: () => true,
        responseType: 'text',
        transformResponse: [(data: unknown) => data],
      });
      let body: unknown = null;
      if (typeof res.data === 'string' && res.data !== '') {
        try {
          body = JSON.parse(res.data);
        } catch {
          if (res.status < 300) throw new SmartPlusError('SP_BAD_RESPONSE', { status: res.status, details: { path: spec.path } });
        }
      }
      this.options.shapes?.record(spec.method, spec.path, res.status, body);
      const header = Number(res.headers['retry-after']);
      return { status: res.status, body, retryAfter: Number.isFinite(header) && header >= 0 ? header : null };
    } catch (error) {
      if (error instanceof SmartPlusError) throw error;
      if (spec.signal?.aborted) throw new SmartPlusError('CANCELLED');
      // Keep only code and message: axios errors carry the request config, body included (a card, a PIN).
      const cause = new Error(`${(error as { code?: string }).code ?? 'ERR'}: ${(error as Error).message}`);
      if (timeout.aborted) {
        throw new SmartPlusError('SP_UNAVAILABLE', { retryable: true, cause, message: `SmartPlus Cloud did not answer within ${Math.round(this.timeoutMs / 1000)} s. Try again in a few minutes.` });
      }
      throw new SmartPlusError('OFFLINE', { retryable: true, cause });
    }
  }

  private async currentToken(signal?: AbortSignal): Promise<string> {
    if (!this.token) {
      const pending = this.signIn().then((value) => {
        this.tokenValue = value;
        return value;
      });
      this.token = pending;
      pending.catch(() => {
        if (this.token === pending) this.token = null;
      });
    }
    return abortable(this.token, signal);
  }

  /** Forgets `used` after a 401 so the next request signs in again (concurrent 401s sign in once). */
  private dropToken(used: string): void {
    if (this.tokenValue !== used) return;
    this.tokenValue = null;
    this.token = null;
  }

  private async signIn(): Promise<string> {
    const attempt = async (): Promise<string> => {
      let exchange: Exchange;
      try {
        exchange = await this.send({ method: 'POST', path: '/auth/token', body: { username: this.options.username, password: this.options.password } }, null);
      } catch (error) {
        throw error instanceof SmartPlusError && error.retryable ? error : new AbortError(error as Error);
      }
      const { status, body } = exchange;
      if (status === 200) {
        const parsed = TokenResponseSchema.safeParse(body);
        if (!parsed.success) throw new AbortError(new SmartPlusError('SP_BAD_RESPONSE', { details: { path: '/auth/token' } }));
        this.stats.signIns += 1;
        this.log.info('signed in to SmartPlus', { expiresIn: parsed.data.expiresIn });
        return parsed.data.accessToken;
      }
      const error = errorFromResponse(status, scrubSecrets(body, [this.options.password]));
      throw error.retryable ? error : new AbortError(error);
    };
    return pRetry(attempt, { ...BACKOFF, retries: this.retries, onFailedAttempt: ({ retriesLeft }) => void (retriesLeft > 0 && (this.stats.retries += 1)) });
  }
}
