import type { CalendarDate } from '../../../src-shared/domain/calendar-date';
import { propertyRef, refKey } from '../../../src-shared/domain/external-ref';
import type { SiteConfig } from '../../../src-shared/domain/policy';
import type { RentManagerSnapshot } from '../../../src-shared/domain/rentmanager';
import type { Problem } from '../../../src-shared/domain/run';
import type { SmartPlusSnapshot } from '../../../src-shared/domain/smartplus';
import { plan as makePlan } from '../plan';
import { type AdoptionPort, adoptionProblems, adoptProperty, type PropertyAdoption, wantedFromPlan } from './adopt';

/**
 * `"linkExisting": true` (issue 16): before the first sync of a property whose community is not
 * linked yet, adopt the hand-made community instead of creating a second one. Links only what is
 * unambiguous; every question becomes a warning of the run. In a dry run nothing is linked and
 * the problems say what would be.
 */
export async function adoptMissing(args: {
  port: AdoptionPort;
  rm: RentManagerSnapshot;
  smartPlus: SmartPlusSnapshot;
  config: SiteConfig;
  today: CalendarDate;
  dryRun: boolean;
  signal?: AbortSignal;
}): Promise<{ adoptions: PropertyAdoption[]; problems: Problem[]; linked: number }> {
  const { rm, config } = args;
  const linkedRefs = new Set(args.smartPlus.communities.flatMap((c) => (c.community.externalRef ? [refKey(c.community.externalRef)] : [])));
  const adoptions: PropertyAdoption[] = [];
  const multiple = config.properties.length > 1;
  if (multiple && (config.community || config.building)) {
    throw new Error('"community" and "building" name one community: use them with a single property.');
  }
  for (const propertyId of config.properties) {
    if (linkedRefs.has(refKey(propertyRef(rm.origin, propertyId)))) continue;
    const property = rm.properties.find((p) => p.id === propertyId);
    if (!property) continue;
    // The plan as if SmartPlus had nothing yet: every unit and contact the sync would create.
    const fresh = makePlan(rm, { readAt: args.smartPlus.readAt, communities: [] }, { ...config, properties: [propertyId] }, args.today);
    adoptions.push(await adoptProperty({
      port: args.port,
      origin: rm.origin,
      propertyId,
      propertyName: property.name,
      wanted: wantedFromPlan(fresh, propertyId, rm.pinField !== null),
      ...(config.decisions ? { decisions: config.decisions } : {}),
      choice: { ...(config.community ? { community: config.community } : {}), ...(config.building ? { building: config.building } : {}) },
      dryRun: args.dryRun,
      ...(args.signal ? { signal: args.signal } : {}),
    }));
  }
  return {
    adoptions,
    problems: adoptions.flatMap((a) => adoptionProblems(a, args.dryRun, config.decisions)),
    linked: adoptions.reduce((n, a) => n + a.linked, 0),
  };
}
