import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { seedHandMadeCommunity } from './hand-made';
import { adminRoutes, emptyCounters, FaultConfigSchema, type SandboxCounters, type SmartPlusSandboxAdmin } from './admin';
import type { SandboxCore } from './core';
import { ApiError, matchRoute, parseBody, type Route, type RouteResult } from './http-kit';
import { activateIntegration, billingRoutes, refreshSubscription } from './routes-billing';
import { communityRoutes } from './routes-communities';
import { deviceRoutes } from './routes-devices';
import { residentRoutes } from './routes-residents';
import { RateLimiter } from './rate-limiter';
import { initialState, loadStateFile, saveStateFile, SandboxDb } from './state';
import { smartPlusFieldShape } from './field-shape';
import { sandboxShapeFromEnv, type SandboxShape } from '../shape';

/** Options of {@link startSmartPlusSandbox}. */
export interface SmartPlusSandboxOptions {
  /** Port on 127.0.0.1; 0 (default) picks a free one. */
  port?: number;
  /** Persist state to this JSON file (loaded on start if present); in memory when absent. */
  stateFile?: string;
  username?: string;
  password?: string;
  /** Token lifetime in seconds (default 3600). */
  tokenLifetimeSeconds?: number;
  /** Rate limit per token (default 20 requests per second). */
  requestsPerSecond?: number;
  /** Business clock (token expiry, idempotency window, subscriptions, device status); rate limiting uses real time. */
  now?: () => Date;
  /** How answers are shaped (`tidy`, or the other legal `field` shapes); default from SITESYNC_SANDBOX_SHAPE, else `tidy`. */
  shape?: SandboxShape;
}

/** A running SmartPlus sandbox. */
export interface SmartPlusSandbox {
  /** Base URL of the API, ending in `/api/v1`. */
  url: string;
  username: string;
  password: string;
  /** The shape its answers have (see {@link SandboxShape}). */
  readonly shape: SandboxShape;
  admin: SmartPlusSandboxAdmin;
  /** Stops the server (pending answers are dropped) and flushes the state file. */
  close(): Promise<void>;
}

/** Default sandbox credentials. */
export const SANDBOX_USERNAME = 'installer@sandbox.local';
/** Default sandbox password. */
export const SANDBOX_PASSWORD = 'sandbox';

const IDEMPOTENCY_WINDOW_MS = 24 * 3600 * 1000;
const MAX_BODY = 1024 * 1024;
const SignInSchema = z.object({ username: z.string(), password: z.string() });

function errorBody(error: ApiError) {
  return { error: { code: error.code, message: error.message, ...(error.details !== undefined ? { details: error.details } : {}) } };
}

function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY) reject(new ApiError('VALIDATION_FAILED', 'The request body is too large.'));
      else chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/**
 * Starts the embedded SmartPlus Cloud sandbox: a real HTTP server on 127.0.0.1 serving the
 * whole contract (shared/reference/smartplus-cloud-api.md) with its rules, plus test-only
 * `/__sandbox/` controls. MACs 0C1105000001…0C1105000010 are pre-registered; the
 * integration subscription starts as "none".
 */
export async function startSmartPlusSandbox(options: SmartPlusSandboxOptions = {}): Promise<SmartPlusSandbox> {
  const username = options.username ?? SANDBOX_USERNAME;
  const password = options.password ?? SANDBOX_PASSWORD;
  const now = options.now ?? (() => new Date());
  const shape = options.shape ?? sandboxShapeFromEnv();
  const stateFile = options.stateFile;
  const db = new SandboxDb((stateFile && loadStateFile(stateFile)) || initialState(username));
  const core: SandboxCore = { db, now };
  const api: Route[] = [...billingRoutes(core), ...communityRoutes(core), ...residentRoutes(core), ...deviceRoutes(core)];
  const limiter = new RateLimiter(options.requestsPerSecond ?? 20);
  const tokens = new Map<string, number>();
  let tokenLifetime = options.tokenLifetimeSeconds ?? 3600;
  let latencyMs = 0;
  let faults: z.output<typeof FaultConfigSchema> | null = null;
  let counters: SandboxCounters = emptyCounters();
  const timers = new Set<NodeJS.Timeout>();

  let saveTimer: NodeJS.Timeout | null = null;
  const flush = () => {
    if (saveTimer) clearTimeout(saveTimer);
    saveTimer = null;
    if (!stateFile) return;
    const horizon = now().getTime() - IDEMPOTENCY_WINDOW_MS;
    for (const [slot, seen] of Object.entries(db.state.idempotency)) if (Date.parse(seen.at) < horizon) delete db.state.idempotency[slot];
    saveStateFile(stateFile, db.state);
  };
  const scheduleSave = () => {
    if (stateFile && !saveTimer) saveTimer = setTimeout(flush, 100);
  };
  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const t = setTimeout(() => (timers.delete(t), resolve()), ms);
      timers.add(t);
    });

  const admin: SmartPlusSandboxAdmin = {
    reset() {
      db.replace(initialState(username));
      faults = null;
      latencyMs = 0;
      tokenLifetime = options.tokenLifetimeSeconds ?? 3600;
      counters = emptyCounters();
      scheduleSave();
    },
    faults: (config) => void (faults = config ? FaultConfigSchema.parse(config) : null),
    latency: (ms) => void (latencyMs = ms),
    tokenLifetime: (seconds) => void (tokenLifetime = seconds),
    registerMacs(macs) {
      for (const mac of macs) if (!db.state.macLibrary.includes(mac)) db.state.macLibrary.push(mac);
      scheduleSave();
    },
    activateIntegration(months = 12) {
      activateIntegration(core, months);
      scheduleSave();
    },
    seedHandMade(spec) {
      const id = seedHandMadeCommunity(db, spec, core.now());
      scheduleSave();
      return id;
    },
    counters: () => structuredClone(counters),
    resetCounters: () => void (counters = emptyCounters()),
  };
  const adminTable = adminRoutes(admin);

  /** Picks an injected fault for this request, if any. */
  const pickFault = (): number | 'hang' | null => {
    if (!faults || Math.random() >= faults.share) return null;
    const options: (number | 'hang')[] = [...faults.statuses, ...(faults.hangMs > 0 ? ['hang' as const] : [])];
    if (options.length === 0) return null;
    if (faults.times !== undefined) {
      faults.times -= 1;
      if (faults.times <= 0) faults = null;
    }
    counters.faultsInjected += 1;
    return options[Math.floor(Math.random() * options.length)]!;
  };

  /** The API pipeline: auth, rate limit, faults, idempotency, route. Returns the answer and extra headers. */
  const handleApi = async (
    req: http.IncomingMessage,
    path: string,
    query: URLSearchParams,
    body: unknown,
  ): Promise<{ result: RouteResult; headers: Record<string, string>; hang: number }> => {
    const method = req.method ?? 'GET';
    if (method === 'POST' && path === '/auth/token') {
      counters.byRoute['POST /auth/token'] = (counters.byRoute['POST /auth/token'] ?? 0) + 1;
      const creds = parseBody(SignInSchema, body);
      if (creds.username !== username || creds.password !== password) throw new ApiError('UNAUTHORIZED', 'Wrong user name or password.');
      counters.signIns += 1;
      const accessToken = randomBytes(24).toString('base64url');
      tokens.set(accessToken, now().getTime() + tokenLifetime * 1000);
      return { result: { status: 200, body: { accessToken, expiresIn: tokenLifetime } }, headers: {}, hang: 0 };
    }
    const match = matchRoute(api, method, path);
    if (match.route) counters.byRoute[`${method} ${match.route.template}`] = (counters.byRoute[`${method} ${match.route.template}`] ?? 0) + 1;
    const auth = /^Bearer (.+)$/.exec(req.headers.authorization ?? '');
    const expires = auth ? tokens.get(auth[1]!) : undefined;
    if (!auth || expires === undefined || expires <= now().getTime()) {
      if (auth) tokens.delete(auth[1]!);
      throw new ApiError('UNAUTHORIZED', 'The access token is missing, unknown or expired.');
    }
    const wait = limiter.take(auth[1]!);
    if (wait > 0) {
      counters.rateLimited += 1;
      return { result: { status: 429, body: errorBody(new ApiError('RATE_LIMITED', 'Too many requests.')) }, headers: { 'Retry-After': String(Math.ceil(wait / 1000)) }, hang: 0 };
    }
    const fault = pickFault();
    if (typeof fault === 'number') {
      const code = fault === 429 ? 'RATE_LIMITED' : fault === 500 ? 'INTERNAL' : 'UNAVAILABLE';
      return { result: { status: fault, body: errorBody(new ApiError(code, 'Injected fault.')) }, headers: fault === 429 ? { 'Retry-After': '1' } : {}, hang: 0 };
    }
    const hang = fault === 'hang' ? faults?.hangMs ?? 60_000 : 0;
    if (!match.route) throw new ApiError(match.pathKnown ? 'VALIDATION_FAILED' : 'NOT_FOUND', match.pathKnown ? `${method} is not allowed here.` : `No such path: ${path}`);
    refreshSubscription(core);
    const key = method === 'POST' ? req.headers['idempotency-key'] : undefined;
    const slot = typeof key === 'string' && key !== '' ? `${username} ${method} ${path} ${key}` : null;
    if (slot) {
      const seen = db.state.idempotency[slot];
      if (seen && now().getTime() - Date.parse(seen.at) < IDEMPOTENCY_WINDOW_MS) {
        counters.idempotentReplays += 1;
        return { result: { status: seen.status, body: seen.body }, headers: { 'Idempotent-Replayed': 'true' }, hang };
      }
    }
    const result = match.route.handle({ params: match.params, query, body });
    // Only successes are remembered: a refusal (402, 409, 422) must not stick to a key the caller retries after fixing the cause.
    if (slot && result.status < 300) db.state.idempotency[slot] = { status: result.status, body: result.body ?? null, at: now().toISOString() };
    if (method !== 'GET') scheduleSave();
    return { result, headers: {}, hang };
  };

  const server = http.createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      let status: number;
      let payload: unknown;
      let headers: Record<string, string> = {};
      let hang = 0;
      try {
        const raw = await readBody(req);
        let body: unknown = null;
        if (raw !== '') {
          try {
            body = JSON.parse(raw);
          } catch {
            throw new ApiError('VALIDATION_FAILED', 'The request body is not JSON.', [{ field: 'body', reason: 'not JSON' }]);
          }
        }
        if (url.pathname.startsWith('/__sandbox/')) {
          const match = matchRoute(adminTable, req.method ?? 'GET', url.pathname.slice('/__sandbox'.length));
          if (!match.route) throw new ApiError('NOT_FOUND', `No such sandbox control: ${url.pathname}`);
          const result = match.route.handle({ params: match.params, query: url.searchParams, body });
          status = result.status;
          payload = result.body;
        } else if (url.pathname.startsWith('/api/v1/')) {
          counters.requests += 1;
          if (latencyMs > 0) await sleep(latencyMs);
          const answer = await handleApi(req, url.pathname.slice('/api/v1'.length), url.searchParams, body);
          ({ headers, hang } = answer);
          payload = answer.result.body;
          status = answer.result.status;
        } else {
          throw new ApiError('NOT_FOUND', `No such path: ${url.pathname}`);
        }
      } catch (error) {
        const apiError = error instanceof ApiError ? error : new ApiError('INTERNAL', 'Internal sandbox error.');
        if (!(error instanceof ApiError)) console.error('smartplus sandbox:', error);
        status = apiError.status;
        payload = errorBody(apiError);
      }
      if (url.pathname.startsWith('/api/v1/')) counters.byStatus[String(status)] = (counters.byStatus[String(status)] ?? 0) + 1;
      if (hang > 0) await sleep(hang);
      if (res.destroyed || res.writableEnded) return;
      const shaped = shape === 'field' && url.pathname.startsWith('/api/v1/') ? smartPlusFieldShape(payload) : payload;
      const text = status === 204 || payload === undefined ? '' : JSON.stringify(shaped);
      res.writeHead(status, { ...(text ? { 'Content-Type': 'application/json; charset=utf-8' } : {}), ...headers });
      res.end(text);
    })();
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/api/v1`,
    username,
    password,
    shape,
    admin,
    async close() {
      for (const t of timers) clearTimeout(t);
      timers.clear();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      flush();
    },
  };
}
