import axios, { type AxiosInstance } from 'axios';
import { scrubSecrets } from '../lib/scrub-secrets';
import { assertServiceUrl } from '../lib/service-url';
import { z } from 'zod';
import { silentLogger, type Logger } from '../logging/logger';
import type { ShapeSink } from '../logging/response-shapes';
import { errorFromResponse, SmartPlusError } from './errors';
import { abortable as abortableOrCancel, backoffMs as fullJitterBackoff } from '../lib/async';
import { sleep, TokenBucket } from './token-bucket';

/** Options shared by the client and its transport. */
export interface TransportOptions {
  baseUrl: string;
  username: string;
  password: string;
  /** Per-request timeout (default 15 s). */
  timeoutMs?: number;
  /** Client-side rate limit (default 20, the contract's limit). */
  requestsPerSecond?: number;
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

/** Waits for `promise`, or rejects with CANCELLED as soon as `signal` aborts (without cancelling the shared work). */
function abortable<T>(promise: Promise<T>, signal?: AbortSignal): Promise<T> {
  return abortableOrCancel(promise, signal, () => new SmartPlusError('CANCELLED'));
}

/** Full-jitter exponential backoff: 0…min(cap, base·2^attempt) (lib/async.ts). */
function backoffMs(attempt: number): number {
  return fullJitterBackoff(attempt, { baseMs: 250, maxMs: 5000 });
}

/**
 * The HTTP layer of the SmartPlus client: bearer sign-in (again once on 401), the client-side
 * rate limit, Retry-After, jittered retries where they are safe, timeouts and AbortSignal,
 * and zod validation of every answer. Request bodies are never logged (they may hold a card).
 */
export class SmartPlusTransport {
  readonly stats: TransportStats = { requests: 0, retries: 0, rateLimited: 0, signIns: 0, reauths: 0 };
  private readonly http: AxiosInstance;
  private readonly bucket: TokenBucket;
  private readonly timeoutMs: number;
  private readonly retries: number;
  private readonly log: Logger;
  private token: Promise<string> | null = null;
  private tokenValue: string | null = null;

  constructor(private readonly options: TransportOptions) {
    assertServiceUrl(options.baseUrl, 'SmartPlus');
    // maxRedirects 0: a 3xx is an error (errors.ts), never a replay of the sign-in body elsewhere.
    this.http = axios.create({ baseURL: options.baseUrl.replace(/\/+$/, ''), adapter: 'http', maxRedirects: 0 });
    this.bucket = new TokenBucket(options.requestsPerSecond ?? 20);
    this.timeoutMs = options.timeoutMs ?? 15_000;
    this.retries = options.retries ?? 4;
    this.log = (options.logger ?? silentLogger).child('smartplus');
  }

  /** Sends one request through sign-in, rate limit and retries; returns the validated body. */
  async request<T>(spec: RequestSpec<T>): Promise<T> {
    const retrySafe = spec.method === 'GET' || (spec.method === 'POST' && !!spec.idempotencyKey);
    let attempt = 0;
    let reauthed = false;
    for (;;) {
      if (spec.signal?.aborted) throw new SmartPlusError('CANCELLED');
      const token = await this.currentToken(spec.signal);
      await this.bucket.take(spec.signal);
      let exchange: Exchange;
      try {
        exchange = await this.send(spec, token);
      } catch (error) {
        if (!(error instanceof SmartPlusError) || !error.retryable || !retrySafe || attempt >= this.retries) throw error;
        attempt += 1;
        this.stats.retries += 1;
        this.log.warn('retrying after a network failure', { method: spec.method, path: spec.path, code: error.code, attempt });
        await sleep(backoffMs(attempt), spec.signal);
        continue;
      }
      const { status, body } = exchange;
      if (status === 401 && !reauthed) {
        reauthed = true;
        this.stats.reauths += 1;
        this.dropToken(token);
        continue;
      }
      if (status >= 200 && status < 300) return this.validate(spec, body);
      const error = errorFromResponse(status, scrubSecrets(body, [this.options.password, this.tokenValue]), { cardEndpoint: spec.cardEndpoint });
      if (status === 429) {
        this.stats.rateLimited += 1;
        const waitMs = (exchange.retryAfter ?? 1) * 1000;
        this.bucket.pause(waitMs);
        // A 429 is refused before any work is done, so every method may retry it.
        if (attempt < this.retries) {
          attempt += 1;
          this.stats.retries += 1;
          this.log.info('rate limited; waiting Retry-After', { method: spec.method, path: spec.path, waitMs });
          await sleep(waitMs + Math.random() * 100, spec.signal);
          continue;
        }
      } else if (status >= 500 && retrySafe && attempt < this.retries) {
        attempt += 1;
        this.stats.retries += 1;
        this.log.warn('retrying after a server error', { method: spec.method, path: spec.path, status, attempt });
        await sleep(backoffMs(attempt), spec.signal);
        continue;
      }
      this.log.info('request failed', { method: spec.method, path: spec.path, status, code: error.code });
      throw error;
    }
  }

  private validate<T>(spec: RequestSpec<T>, body: unknown): T {
    if (spec.schema === null) return undefined as T;
    const parsed = spec.schema.safeParse(body);
    if (parsed.success) return parsed.data;
    this.log.warn('unexpected response shape', { method: spec.method, path: spec.path, issues: parsed.error.issues.slice(0, 5).map((i) => `${i.path.join('.')}: ${i.message}`) });
    throw new SmartPlusError('SP_BAD_RESPONSE', { details: { path: spec.path } });
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
    for (let attempt = 0; ; attempt++) {
      try {
        const { status, body } = await this.send({ method: 'POST', path: '/auth/token', body: { username: this.options.username, password: this.options.password } }, null);
        if (status === 200) {
          const parsed = TokenResponseSchema.safeParse(body);
          if (!parsed.success) throw new SmartPlusError('SP_BAD_RESPONSE', { details: { path: '/auth/token' } });
          this.stats.signIns += 1;
          this.log.info('signed in to SmartPlus', { expiresIn: parsed.data.expiresIn });
          return parsed.data.accessToken;
        }
        const error = errorFromResponse(status, scrubSecrets(body, [this.options.password]));
        if (!error.retryable || attempt >= this.retries) throw error;
      } catch (error) {
        if (!(error instanceof SmartPlusError) || !error.retryable || attempt >= this.retries) throw error;
      }
      this.stats.retries += 1;
      await sleep(backoffMs(attempt + 1));
    }
  }
}
