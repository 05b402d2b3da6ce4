// The Rent Manager sandbox's mutable runtime: shared by the HTTP server (server.ts) and the
// in-process admin (admin-api.ts), declared apart so neither imports the other.
import type { z } from 'zod';
import type { FaultOptions, FaultsSchema } from './admin';
import type { Indexes } from './resources';
import type { SandboxState } from './state';

/** Request counters (`admin.counters()` / `GET /__sandbox/counters`). */
export interface SandboxCounters {
  requests: number;
  byRoute: Record<string, number>;
  byStatus: Record<string, number>;
  signIns: number;
  signOuts: number;
  activeTokens: number;
  rateLimited: number;
  faultsInjected: number;
}

/** The sandbox's mutable runtime, shared by the HTTP handlers and the in-process admin. */
export interface SandboxRuntime {
  state: SandboxState;
  ix: Indexes;
  latencyMs: number;
  faults: Required<Omit<z.infer<typeof FaultsSchema>, 'times' | 'propertyId'>> & { remaining: number | null; propertyId: number | null; turn: number };
  counters: SandboxCounters;
  tokens: Map<string, { user: string; lastUsed: number; created: number; location: number }>;
  changed(): void;
  setFaults(options: FaultOptions): void;
}
