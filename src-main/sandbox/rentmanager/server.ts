import { randomBytes } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { z } from 'zod';
import { CalendarDateSchema } from '../../../src-shared/domain/calendar-date';
import { FaultsSchema } from './admin';
import { createSandboxAdmin, type RentManagerSandboxAdmin } from './admin-api';
import { createPrng } from './prng';
import { list, matches as matchesAll, paginate, param, parseFilters, SandboxHttpError } from './query';
import { buildIndexes, RESOURCES, serialize } from './resources';
import { generatePortfolio } from './seed';
import type { SandboxCounters, SandboxRuntime } from './runtime';
import { loadState, saveState, SeedSpecSchema } from './state';
import { rentManagerFieldShape } from './field-shape';
import { sandboxShapeFromEnv, SandboxShapeSchema, type SandboxShape } from '../shape';

export type { SandboxCounters, SandboxRuntime } from './runtime';

/** Options of {@link startRentManagerSandbox}. */
export const SandboxOptionsSchema = z.object({
  port: z.number().int().min(0).max(65_535).default(0),
  seed: SeedSpecSchema.default('demo'),
  /** The portfolio's fixed "today"; default: follow the real date. */
  asOf: CalendarDateSchema.optional(),
  /** Persist the data here as JSON (the app's sandbox survives restarts). */
  stateFile: z.string().optional(),
  /** Idle lifetime of an API token (Rent Manager: 15 minutes); fractions allowed for tests. */
  tokenIdleMinutes: z.number().positive().default(15),
  /** Requests per rate window per company (Rent Manager: 500 a minute). */
  requestsPerMinute: z.number().int().positive().default(500),
  /** Length of the rate window (default 60 s; shortened in tests). */
  rateWindowMs: z.number().int().positive().default(60_000),
  /** How data answers are shaped (`tidy`, or the other legal `field` shapes); default from SITESYNC_SANDBOX_SHAPE, else `tidy`. */
  shape: SandboxShapeSchema.optional(),
});
/** See {@link SandboxOptionsSchema}. */
export type SandboxOptions = z.input<typeof SandboxOptionsSchema>;

/** A running sandbox: where it listens, how to sign in, and its test controls. */
export interface RentManagerSandbox {
  url: string;
  corp: string;
  location: number;
  username: string;
  password: string;
  partnerToken: string;
  /** The shape its data answers have (see {@link SandboxShape}). */
  readonly shape: SandboxShape;
  /** A user that exists but lacks the "API Access" option (sign-in answers 403). */
  noApiUsername: string;
  admin: RentManagerSandboxAdmin;
  close(): Promise<void>;
}

const CORP = 'sandbox';
const USER = { name: 'sitesync', password: 'sandbox-password' };
const NO_API_USER = 'no-api-user';
const PARTNER_TOKEN = 'sandbox-partner-7d1f0c2a-5b44-4c8e-9a1e-3f6b2d9e8c71';
const MAX_TOKENS = 10;
const ABSOLUTE_TOKEN_MS = 24 * 60 * 60 * 1000;

/** Starts the embedded Rent Manager on 127.0.0.1 (port 0 = any free port). */
export async function startRentManagerSandbox(input: SandboxOptions = {}): Promise<RentManagerSandbox> {
  const options = SandboxOptionsSchema.parse(input);
  const shape = options.shape ?? sandboxShapeFromEnv();
  /** Sends a data answer (rows of a collection, one row or embed) in the sandbox's shape. */
  const sendData = (res: http.ServerResponse, body: unknown) => send(res, 200, shape === 'field' ? rentManagerFieldShape(body) : body);
  const today = () => options.asOf ?? new Date().toISOString().slice(0, 10);
  const initial = (options.stateFile && loadState(options.stateFile)) || generatePortfolio(options.seed, today(), options.asOf ?? null);
  const prng = createPrng(4242);
  const rt: SandboxRuntime = {
    state: initial,
    ix: buildIndexes(initial),
    latencyMs: 0,
    faults: { share: 0, statuses: [], hangMs: 0, remaining: null, propertyId: null, turn: 0 },
    counters: emptyCounters(),
    tokens: new Map(),
    changed() {
      rt.ix = buildIndexes(rt.state);
      if (options.stateFile) saveState(options.stateFile, rt.state);
    },
    setFaults(o) {
      const f = FaultsSchema.parse(o);
      rt.faults = { share: f.share, statuses: f.statuses, hangMs: f.hangMs, remaining: f.times ?? null, propertyId: f.propertyId ?? null, turn: 0 };
    },
  };
  if (options.stateFile) saveState(options.stateFile, rt.state);
  const window: number[] = [];
  const idleMs = options.tokenIdleMinutes * 60_000;
  const { admin, handleHttp } = createSandboxAdmin(rt, (spec, asOf) => generatePortfolio(spec ?? options.seed, asOf ?? today(), asOf ?? options.asOf ?? null), emptyCounters);

  const server = http.createServer((req, res) => {
    void handle(req, res).catch((error: unknown) => {
      if (error instanceof SandboxHttpError) send(res, error.status, error.body);
      else send(res, 500, errorModel('Unexpected error', String(error), 'Exception', -2146233088));
    });
  });

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', `http://${req.headers.host ?? '127.0.0.1'}`);
    const segments = url.pathname.split('/').filter(Boolean);
    if (segments[0] === '__sandbox') return handleHttp(req.method ?? 'GET', segments.slice(1), await readBody(req), (status, body) => send(res, status, body));
    res.on('finish', () => void (rt.counters.byStatus[res.statusCode] = (rt.counters.byStatus[res.statusCode] ?? 0) + 1));
    const route = `${req.method} /${segments.slice(0, segments[0]?.toLowerCase() === 'authentication' ? 2 : 1).join('/')}`;
    rt.counters.requests++;
    rt.counters.byRoute[route] = (rt.counters.byRoute[route] ?? 0) + 1;
    const now = Date.now();
    while (window.length && window[0]! <= now - options.rateWindowMs) window.shift();
    const limited = window.length >= options.requestsPerMinute;
    if (!limited) window.push(now);
    const oldest = window[0] ?? now;
    res.setHeader('x-ratelimit-limit', String(options.requestsPerMinute));
    res.setHeader('x-ratelimit-observed', String(window.length));
    res.setHeader('x-ratelimit-remaining', String(Math.max(0, options.requestsPerMinute - window.length)));
    res.setHeader('x-ratelimit-reset', String(Math.ceil((oldest + options.rateWindowMs) / 1000)));
    res.setHeader('x-ratelimit-resettime', new Date(oldest + options.rateWindowMs).toUTCString());
    res.setHeader('x-api-version', '12.2607.9741.10976');
    if (limited) {
      rt.counters.rateLimited++;
      return send(res, 429, errorModel('Rate limit exceeded. Try again later.', 'API rate limit exceeded.', 'ApiRateLimitException', -2146233088));
    }
    if (rt.latencyMs > 0) await sleep(rt.latencyMs);
    const body = await readBody(req);
    if (segments[0]?.toLowerCase() === 'authentication') return authenticate(req, res, segments[1]?.toLowerCase() ?? '', url, body);
    const location = authorize(req);
    res.setHeader('x-api-user', location.user);
    if (await injectFault(res, url)) return;
    if (req.method !== 'GET') throw new SandboxHttpError(404, { Message: `No HTTP resource was found that matches the request URI '${url.href}'.` });
    return serve(res, url, segments);
  }

  function authenticate(req: http.IncomingMessage, res: http.ServerResponse, action: string, url: URL, body: unknown): void {
    const token = param(url.searchParams, 'token');
    if (req.method !== 'POST') throw new SandboxHttpError(404, { Message: `No HTTP resource was found that matches the request URI '${url.href}'.` });
    if (action === 'authorizeuser') {
      const fields = Object.fromEntries(Object.entries((body ?? {}) as Record<string, unknown>).map(([k, v]) => [k.toLowerCase(), v]));
      const user = String(fields.username ?? '');
      const location = Number(fields.locationid ?? 1);
      if ((user !== USER.name && user !== NO_API_USER) || fields.password !== USER.password) {
        throw new SandboxHttpError(401, errorModel('Authentication Failed.', 'Invalid username or password.', 'ApiAuthenticationException', -2146233088));
      }
      if (user === NO_API_USER) throw new SandboxHttpError(403, errorModel('This user does not have API access.', 'The user does not have the API Access option enabled.', 'ApiAuthorizationException', -2146233079));
      if (!rt.state.locations.some((l) => l.LocationID === location)) throw new SandboxHttpError(401, errorModel('Authentication Failed.', `Location ${location} is not available to this user.`, 'ApiAuthenticationException', -2146233088));
      pruneTokens();
      if ([...rt.tokens.values()].filter((t) => t.user === user).length >= MAX_TOKENS) {
        throw new SandboxHttpError(401, errorModel('This user has logged in maximum number of times.', 'User has logged in maximum number of times. Log out of another session (DeAuthorize) and try again.', 'ApiAuthenticationException', -2146233088));
      }
      const issued = randomBytes(81).toString('base64');
      rt.tokens.set(issued, { user, lastUsed: Date.now(), created: Date.now(), location });
      rt.counters.signIns++;
      return send(res, 200, issued);
    }
    if (action === 'deauthorize') {
      if (token && rt.tokens.delete(token)) rt.counters.signOuts++;
      return send(res, 200, true);
    }
    if (action === 'authorizetoken') {
      pruneTokens();
      if (!token || !rt.tokens.has(token)) throw new SandboxHttpError(401, errorModel('Authentication Failed.', 'The ApiToken could not be validated.', 'ApiAuthenticationException', -2146233088));
      return send(res, 200, true);
    }
    if (action === 'changelocation') {
      const entry = authorize(req);
      const id = Number(param(url.searchParams, 'locationID'));
      if (!rt.state.locations.some((l) => l.LocationID === id)) throw new SandboxHttpError(400, { Message: 'The request is invalid.', ModelState: { locationID: [`Location ${id} is not available.`] } });
      entry.location = id;
      return send(res, 200, true);
    }
    throw new SandboxHttpError(404, { Message: `No HTTP resource was found that matches the request URI '${url.href}'.` });
  }

  function pruneTokens(): void {
    const now = Date.now();
    for (const [token, t] of rt.tokens) if (now - t.lastUsed > idleMs || now - t.created > ABSOLUTE_TOKEN_MS) rt.tokens.delete(token);
    rt.counters.activeTokens = rt.tokens.size;
  }

  function authorize(req: http.IncomingMessage): { user: string; location: number } {
    const header = (name: string) => {
      const v = req.headers[name.toLowerCase()];
      return Array.isArray(v) ? v[0] : v;
    };
    const locationHeader = header('X-RM12Api-LocationID');
    const partner = header('X-RM12Api-PartnerToken');
    if (partner !== undefined) {
      if (partner !== PARTNER_TOKEN) throw new SandboxHttpError(401, errorModel('Authentication Failed.', 'The PartnerToken could not be validated.', 'ApiAuthenticationException', -2146233088));
      return checkLocation({ user: 'partner', location: Number(locationHeader ?? 1) });
    }
    const token = header('X-RM12Api-ApiToken');
    if (!token) throw new SandboxHttpError(401, errorModel('Authentication Failed.', 'Missing ApiToken', 'ApiAuthenticationException', -2146233088));
    pruneTokens();
    const entry = rt.tokens.get(token);
    if (!entry) throw new SandboxHttpError(401, errorModel('Authentication Failed.', 'The ApiToken could not be validated.', 'ApiAuthenticationException', -2146233088));
    entry.lastUsed = Date.now();
    if (locationHeader !== undefined) return checkLocation({ user: entry.user, location: Number(locationHeader) });
    return entry;
  }

  function checkLocation<T extends { location: number }>(entry: T): T {
    if (!rt.state.locations.some((l) => l.LocationID === entry.location)) throw new SandboxHttpError(401, errorModel('Authentication Failed.', `Location ${entry.location} is not available to this user.`, 'ApiAuthenticationException', -2146233088));
    return entry;
  }

  async function injectFault(res: http.ServerResponse, url: URL): Promise<boolean> {
    const f = rt.faults;
    if (f.share <= 0 || f.remaining === 0) return false;
    if (f.propertyId !== null && !namesProperty(param(url.searchParams, 'filters') ?? '', f.propertyId)) return false;
    if (prng.next() >= f.share) return false;
    if (f.remaining !== null) f.remaining--;
    rt.counters.faultsInjected++;
    if (f.hangMs > 0) await sleep(f.hangMs);
    const status = f.statuses[f.turn++ % Math.max(1, f.statuses.length)];
    if (status === undefined || res.destroyed) return res.destroyed;
    if (status === 429) res.setHeader('x-ratelimit-reset', String(Math.ceil(Date.now() / 1000) + 1));
    if (status === 503 || status === 502 || status === 504) {
      res.writeHead(status, { 'Content-Type': 'text/html' }).end(`<html><body><h1>${status} Service Unavailable</h1></body></html>`);
    } else send(res, status, errorModel('An error has occurred.', 'Injected fault', status === 429 ? 'ApiRateLimitException' : 'Exception', -2146233088));
    return true;
  }

  function serve(res: http.ServerResponse, url: URL, segments: string[]): void {
    const first = segments[0]?.toLowerCase();
    const path = first === 'current' && segments[1]?.toLowerCase() === 'locations' ? ['Locations'] : first === 'locations' && segments[1]?.toLowerCase() === 'currentlocation' ? ['Locations', '1'] : segments;
    const def = Object.values(RESOURCES).find((r) => r.name.toLowerCase() === path[0]?.toLowerCase() && !['Addresses', 'UserDefinedValues'].includes(r.name));
    const notFound = () => new SandboxHttpError(404, { Message: `No HTTP resource was found that matches the request URI '${url.href}'.` });
    if (!def || path.length > 3) throw notFound();
    const embeds = list(param(url.searchParams, 'embeds'));
    const fields = list(param(url.searchParams, 'fields'));
    const ignored = list(param(url.searchParams, 'embed'));
    if (path.length === 1) return sendCollection(res, url, def, def.rows(rt.state, rt.ix), embeds, fields, ignored);
    const id = Number(path[1]);
    const row = def.rows(rt.state, rt.ix).find((r) => r[def.idField] === id);
    if (!row) return void res.writeHead(404).end();
    if (path.length === 2) return sendData(res, serialize(def, row, embeds, fields, rt.ix, ignored));
    const sub = Object.entries(def.embeds).find(([name]) => name.toLowerCase() === path[2]!.toLowerCase());
    if (!sub) throw notFound();
    const child = RESOURCES[sub[1].resource]!;
    const value = sub[1].get(row, rt.ix);
    if (!sub[1].many) return value ? sendData(res, serialize(child, value as never, embeds, fields, rt.ix)) : void res.writeHead(204).end();
    return sendCollection(res, url, child, (value ?? []) as never, embeds, fields);
  }

  function sendCollection(res: http.ServerResponse, url: URL, def: (typeof RESOURCES)[string], rows: Record<string, unknown>[], embeds: string[], fields: string[], ignored: string[] = []): void {
    const terms = parseFilters(param(url.searchParams, 'filters'), def.filters);
    const filtered = terms.length ? rows.filter((r) => matchesAll(r, terms, def.filters)) : rows;
    const page = paginate(filtered, url);
    for (const [k, v] of Object.entries(page.headers)) res.setHeader(k, v);
    if (page.rows.length === 0) return void res.writeHead(204).end();
    sendData(res, page.rows.map((r) => serialize(def, r, embeds, fields, rt.ix, ignored)));
  }

  await new Promise<void>((resolve) => server.listen(options.port, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    corp: CORP,
    location: 1,
    username: USER.name,
    password: USER.password,
    partnerToken: PARTNER_TOKEN,
    shape,
    noApiUsername: NO_API_USER,
    admin,
    async close() {
      if (options.stateFile) saveState(options.stateFile, rt.state);
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}


function namesProperty(filters: string, propertyId: number): boolean {
  return filters.split(';').some((term) => {
    const m = /^PropertyID,(eq|in),\(?([^)]*)\)?$/i.exec(term.trim());
    return m !== null && m[2]!.split(',').map((v) => Number(v.trim())).includes(propertyId);
  });
}

function emptyCounters(): SandboxCounters {
  return { requests: 0, byRoute: {}, byStatus: {}, signIns: 0, signOuts: 0, activeTokens: 0, rateLimited: 0, faultsInjected: 0 };
}

/** Rent Manager's ErrorModel (reference §6.1, shape 1). */
function errorModel(userMessage: string, developerMessage: string, exception: string, code: number) {
  return { DeveloperMessage: developerMessage, UserMessage: userMessage, ErrorCode: code, Exception: exception, MoreInfoUri: 'https://sandbox.api.rentmanager.com/Help' };
}

function send(res: http.ServerResponse, status: number, body: unknown): void {
  if (res.destroyed || res.writableEnded) return;
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8' }).end(JSON.stringify(body));
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

async function readBody(req: http.IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    throw new SandboxHttpError(400, { Message: 'The request is invalid.', ModelState: { body: ['The request body is not valid JSON.'] } });
  }
}
