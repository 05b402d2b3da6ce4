import type { LocalDb } from '../db/local-db';
import type { ConnectionClients } from './connection-clients';

/** What {@link siteUsesSandbox} reads: the site and the SmartPlus account it syncs to. */
export interface SiteSandboxDeps {
  readonly db: Pick<LocalDb, 'sites'>;
  readonly clients: Pick<ConnectionClients, 'smartPlusAccount'>;
}

/**
 * Whether a site syncs to the sandbox's SmartPlus account (issue 16): only then are the sandbox's
 * registered test MACs any use on its Add a device form. A site that is gone, or whose account is
 * gone, is not the sandbox's.
 */
export function siteUsesSandbox(deps: SiteSandboxDeps, siteId: string): boolean {
  const site = deps.db.sites.get(siteId);
  if (!site) return false;
  try {
    return deps.clients.smartPlusAccount(site.connectionId ?? undefined, site.smartPlusAccountId).isSandbox;
  } catch {
    return false;
  }
}
