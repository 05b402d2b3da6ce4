import type { RunRecord } from '../../../src-shared/domain/run';
import type { SiteSummary } from '../../../src-shared/domain/site';
import type { ImportedSite, PropertyOption, UnitOption } from '../../../src-shared/ipc/contract/sites';
import { ok, startSitesRig, type SitesRig } from './sites-rig';

/** The sandbox's Rent Manager connection. */
export const RM = 'sandbox-rentmanager';

/** A rig with one imported, synced site: the first sandbox property, All units or the first `custom` of them. */
export interface BrowseRig extends SitesRig {
  site: SiteSummary;
  /** Every unit of the property (the synced ones and, for Custom, the rest). */
  units: UnitOption[];
  waitForRun(runId: string): Promise<RunRecord>;
}

/** Starts the real services on both sandboxes, pays for the integration and imports one site through `sites.import`. */
export async function startBrowseRig(options: { custom?: number } = {}): Promise<BrowseRig> {
  const rig = await startSitesRig();
  rig.services.sandbox!.smartPlus.admin.activateIntegration(3);
  const property = ok<PropertyOption[]>(await rig.call('sites.listProperties', { connectionId: RM }))[0]!;
  const units = ok<UnitOption[]>(await rig.call('sites.listUnits', { connectionId: RM, propertyId: property.id }));
  const picked = options.custom ? units.slice(0, options.custom).map((u) => u.id) : 'all';
  const policy = { creation: 'move-in', deletion: 'move-out', sameAccessAsMaster: false } as const;
  const { sites } = ok<{ sites: ImportedSite[] }>(await rig.call('sites.import', { connectionId: RM, policy, properties: [{ propertyId: property.id, units: picked }] }));
  const waitForRun = async (runId: string): Promise<RunRecord> => {
    for (let i = 0; i < 600; i++) {
      const done = rig.events.find((e) => e.event === 'sync.finished' && (e.payload as RunRecord).id === runId);
      if (done) return done.payload as RunRecord;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error(`run ${runId} did not finish`);
  };
  await waitForRun(sites[0]!.runId);
  const site = ok<SiteSummary[]>(await rig.call('sites.list')).find((s) => s.id === sites[0]!.siteId)!;
  return Object.assign(rig, { site, units, waitForRun });
}
