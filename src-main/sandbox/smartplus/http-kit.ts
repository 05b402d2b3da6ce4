import type { z } from 'zod';

/** Error codes of the contract (shared/reference/smartplus-cloud-api.md, "Errors") with their HTTP statuses. */
export const API_ERROR_STATUS = {
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  VALIDATION_FAILED: 422,
  CONFLICT: 409,
  MAC_NOT_REGISTERED: 422,
  SUBSCRIPTION_REQUIRED: 402,
  LIMIT_EXCEEDED: 422,
  RATE_LIMITED: 429,
  INTERNAL: 500,
  UNAVAILABLE: 503,
} as const;

/** One of the contract's error codes. */
export type ApiErrorCode = keyof typeof API_ERROR_STATUS;

/** A contract error a route throws; the server turns it into `{ error: { code, message, details? } }`. */
export class ApiError extends Error {
  readonly code: ApiErrorCode;
  readonly status: number;
  readonly details: unknown;

  constructor(code: ApiErrorCode, message: string, details?: unknown) {
    super(message);
    this.code = code;
    this.status = API_ERROR_STATUS[code];
    this.details = details;
  }
}

/** A 422 naming one field and why. */
export function invalid(field: string, reason: string): ApiError {
  return new ApiError('VALIDATION_FAILED', `${field}: ${reason}`, [{ field, reason }]);
}

/** A 404 for a missing object of `kind`. */
export function notFound(kind: string, id: string): ApiError {
  return new ApiError('NOT_FOUND', `${kind} ${id} not found`);
}

/** A 409 naming what conflicts (`pin`, `rfCard`, `mac`, `externalRef`, …). */
export function conflict(what: string, message: string): ApiError {
  return new ApiError('CONFLICT', message, { conflict: what });
}

/** What a route answers: a status and a JSON body (none for 204). */
export interface RouteResult {
  status: number;
  body?: unknown;
}

/** Parses a request body with zod; failures become 422 with `[{ field, reason }]` details. */
export function parseBody<S extends z.ZodType>(schema: S, body: unknown): z.infer<S> {
  const result = schema.safeParse(body);
  if (result.success) return result.data;
  const details = result.error.issues.map((issue) => ({
    field: issue.path.map(String).join('.') || 'body',
    reason: issue.message,
  }));
  throw new ApiError('VALIDATION_FAILED', 'The request body is not valid.', details);
}

/** Reads `page`/`pageSize` (max 500) from a query, checking them. */
export function pagingOf(query: URLSearchParams): { page: number; pageSize: number } {
  const page = query.has('page') ? Number(query.get('page')) : 1;
  const pageSize = query.has('pageSize') ? Number(query.get('pageSize')) : 100;
  if (!Number.isInteger(page) || page < 1) throw invalid('page', 'must be a whole number from 1');
  if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > 500) throw invalid('pageSize', 'must be 1 to 500');
  return { page, pageSize };
}

/** Pages a filtered list the contract's way: `{ items, page, pageSize, total }`. */
export function paged<T>(items: readonly T[], query: URLSearchParams): RouteResult {
  const { page, pageSize } = pagingOf(query);
  const start = (page - 1) * pageSize;
  return { status: 200, body: { items: items.slice(start, start + pageSize), page, pageSize, total: items.length } };
}

/** What a route handler receives. */
export interface RouteContext {
  params: Record<string, string>;
  query: URLSearchParams;
  body: unknown;
}

/** A route: method, path template like `/communities/:cid`, handler. */
export interface Route {
  method: string;
  template: string;
  handle: (ctx: RouteContext) => RouteResult;
}

/** Declares a route (keeps route tables short). */
export function route(method: string, template: string, handle: Route['handle']): Route {
  return { method, template, handle };
}

/** Finds the route for a method and path, with its params; `pathKnown` tells a wrong method from an unknown path. */
export function matchRoute(
  routes: readonly Route[],
  method: string,
  path: string,
): { route: Route; params: Record<string, string> } | { route: null; pathKnown: boolean } {
  const parts = path.split('/').filter(Boolean);
  let pathKnown = false;
  for (const candidate of routes) {
    const tparts = candidate.template.split('/').filter(Boolean);
    if (tparts.length !== parts.length) continue;
    const params: Record<string, string> = {};
    const ok = tparts.every((t, i) => {
      const p = decodeURIComponent(parts[i]!);
      if (t.startsWith(':')) {
        params[t.slice(1)] = p;
        return true;
      }
      return t === p;
    });
    if (!ok) continue;
    pathKnown = true;
    if (candidate.method === method) return { route: candidate, params };
  }
  return { route: null, pathKnown };
}
