import { propertyRef } from '../../../src-shared/domain/external-ref';
import { SiteConfigSchema, type SiteConfig } from '../../../src-shared/domain/policy';
import type { SmartPlusSnapshot } from '../../../src-shared/domain/smartplus';
import { createRentManagerClient } from '../../../src-main/rentmanager/client';
import { startRentManagerSandbox, type RentManagerSandbox } from '../../../src-main/sandbox/rentmanager/server';
import { SEED_UDF } from '../../../src-main/sandbox/rentmanager/seed';
import { startSmartPlusSandbox, type SmartPlusSandbox } from '../../../src-main/sandbox/smartplus';
import { createSmartPlusClient } from '../../../src-main/smartplus/client';
import { rentManagerPort } from '../../../src-main/sync/adapters/rentmanager-port';
import { smartPlusPort } from '../../../src-main/sync/adapters/smartplus-port';
import { runSiteSync, type RunSiteSyncInput } from '../../../src-main/sync/engine';
import { MemoryJournal, MemoryRunStore } from '../../fakes/memory-stores';
import type { SyncPorts } from '../../../src-main/sync/ports';

/** The date every safety scenario runs on. */
export const TODAY = '2026-06-01';

/** Both sandboxes over HTTP, the real clients and adapters, in-memory run stores. */
export interface SandboxWorld {
  readonly rm: RentManagerSandbox;
  readonly sp: SmartPlusSandbox;
  readonly ports: SyncPorts;
  /** One sync of `config` on {@link TODAY}. */
  sync(config: SiteConfig, extra?: Partial<RunSiteSyncInput>): ReturnType<typeof runSiteSync>;
  /** What SmartPlus holds now for the config's properties. */
  smartPlus(config: SiteConfig): Promise<SmartPlusSnapshot>;
  close(): Promise<void>;
}

/** A site over the demo seed's Text PIN and RF card fields (override any part). */
export function siteConfig(o: Record<string, unknown> = {}): SiteConfig {
  return SiteConfigSchema.parse({ properties: [4], pinField: SEED_UDF.doorPinText, rfCardField: SEED_UDF.rfCardText, ...o });
}

/** Starts a fresh demo Rent Manager and an activated SmartPlus sandbox. */
export async function startWorld(): Promise<SandboxWorld> {
  const rm = await startRentManagerSandbox({ seed: 'demo', asOf: TODAY, requestsPerMinute: 100_000 });
  const sp = await startSmartPlusSandbox({ requestsPerSecond: 10_000 });
  sp.admin.activateIntegration(12);
  const rmClient = createRentManagerClient({
    baseUrl: rm.url, corp: rm.corp, locationId: rm.location,
    auth: { kind: 'user', username: rm.username, password: rm.password }, requestsPerMinute: 100_000, timeoutMs: 5_000,
  });
  const spClient = createSmartPlusClient({ baseUrl: sp.url, username: sp.username, password: sp.password, requestsPerSecond: 10_000, timeoutMs: 5_000, retries: 6 });
  const ports: SyncPorts = { rentManager: rentManagerPort(rmClient), smartPlus: smartPlusPort(spClient), journal: new MemoryJournal(), runs: new MemoryRunStore() };
  return {
    rm, sp, ports,
    sync: (config, extra = {}) => runSiteSync({ site: { id: 'safety-site' }, config, ports, trigger: 'manual', today: TODAY, ...extra }),
    smartPlus: async (config) => ports.smartPlus.readSite(config.properties.map((p) => propertyRef({ customer: rm.corp, location: rm.location }, p))),
    close: async () => {
      await rm.close();
      await sp.close();
    },
  };
}

/** Every family member's PIN and cards, by SmartPlus ID: to compare SmartPlus before and after. */
export function credentials(snapshot: SmartPlusSnapshot): Map<string, { pin: string | null; rfCards: readonly string[] }> {
  return new Map(snapshot.communities.flatMap((c) => c.residents.filter((r) => r.role === 'family').map((r) => [r.id, { pin: r.pin, rfCards: r.rfCards }] as const)));
}
