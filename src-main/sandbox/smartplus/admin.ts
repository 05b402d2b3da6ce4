import { z } from 'zod';
import { type HandMadeCommunity, HandMadeCommunitySchema } from './hand-made';
import { parseBody, route, type Route } from './http-kit';

/** Injected faults: a `share` (0–1) of API requests (sign-in excepted) answers one of `statuses` or hangs `hangMs` (after doing the work, so the answer is lost); `times` caps how many. */
export const FaultConfigSchema = z.object({
  share: z.number().min(0).max(1),
  statuses: z.array(z.union([z.literal(429), z.literal(500), z.literal(503)])).default([]),
  hangMs: z.number().int().min(0).default(0),
  times: z.number().int().min(1).optional(),
});
/** See {@link FaultConfigSchema}. */
export type FaultConfig = z.input<typeof FaultConfigSchema>;

/** Request counters the tests and the benchmark read. */
export interface SandboxCounters {
  /** Every `/api/v1` request, sign-ins included. */
  requests: number;
  /** Per route template and method, e.g. `POST /communities/:cid/apartments`. */
  byRoute: Record<string, number>;
  /** Per HTTP status answered. */
  byStatus: Record<string, number>;
  signIns: number;
  rateLimited: number;
  faultsInjected: number;
  idempotentReplays: number;
}

/** Fresh zeroed counters. */
export function emptyCounters(): SandboxCounters {
  return { requests: 0, byRoute: {}, byStatus: {}, signIns: 0, rateLimited: 0, faultsInjected: 0, idempotentReplays: 0 };
}

/** Test-only controls, in process; the same operations are served under `/__sandbox/`. */
export interface SmartPlusSandboxAdmin {
  /** Back to a fresh state: no communities, no payment methods, subscription "none", preset MACs; clears faults, latency and counters. */
  reset(): void;
  /** Sets (or with null, clears) injected faults. */
  faults(config: FaultConfig | null): void;
  /** Adds this many milliseconds before every API answer. */
  latency(ms: number): void;
  /** Lifetime of tokens issued from now on, in seconds (contract default 3600). */
  tokenLifetime(seconds: number): void;
  /** Registers MACs (12 hex digits, uppercase) in the distributor's MAC library. */
  registerMacs(macs: readonly string[]): void;
  /** Activates the integration subscription without paying (set-up shortcut for other tests and the app's sandbox). */
  activateIntegration(months?: number): void;
  /** Adds a community typed in by hand (no references); returns its id. */
  seedHandMade(spec: HandMadeCommunity): string;
  /** A copy of the request counters. */
  counters(): SandboxCounters;
  /** Zeroes the request counters. */
  resetCounters(): void;
}

const MacsSchema = z.object({ macs: z.array(z.string().regex(/^[0-9A-F]{12}$/)) });

/** The `/__sandbox/` HTTP routes (paths relative to `/__sandbox`), mapped onto {@link SmartPlusSandboxAdmin}. */
export function adminRoutes(admin: SmartPlusSandboxAdmin): Route[] {
  return [
    route('POST', '/reset', () => (admin.reset(), { status: 204 })),
    route('POST', '/faults', ({ body }) => {
      const parsed = body === null ? null : parseBody(FaultConfigSchema, body);
      admin.faults(parsed && parsed.share > 0 ? parsed : null);
      return { status: 204 };
    }),
    route('POST', '/latency', ({ body }) => (admin.latency(parseBody(z.object({ ms: z.number().int().min(0) }), body).ms), { status: 204 })),
    route('POST', '/token-lifetime', ({ body }) => {
      admin.tokenLifetime(parseBody(z.object({ seconds: z.number().int().min(1) }), body).seconds);
      return { status: 204 };
    }),
    route('POST', '/macs', ({ body }) => (admin.registerMacs(parseBody(MacsSchema, body).macs), { status: 204 })),
    route('POST', '/subscription', ({ body }) => {
      admin.activateIntegration(parseBody(z.object({ months: z.number().int().min(1).default(12) }), body ?? {}).months);
      return { status: 204 };
    }),
    route('POST', '/hand-made', ({ body }) => ({ status: 201, body: { id: admin.seedHandMade(parseBody(HandMadeCommunitySchema, body)) } })),
    route('GET', '/counters', () => ({ status: 200, body: admin.counters() })),
    route('POST', '/counters/reset', () => (admin.resetCounters(), { status: 204 })),
  ];
}
