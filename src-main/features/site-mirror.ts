import { addDays } from '../../src-shared/domain/calendar-date';
import { contactRef, refKey } from '../../src-shared/domain/external-ref';
import type { SiteConfig } from '../../src-shared/domain/policy';
import type { RentManagerSnapshot } from '../../src-shared/domain/rentmanager';
import type { ResidentExtra, SiteStateExtras } from '../db/repositories/site-state-repo';
import { creationDateOf, deletionDateOf } from '../sync/plan/windows';

const CREATION_LABEL = { 'move-in': 'Move-In Date', 'lease-start': 'Lease Start Date' } as const;
const DELETION_LABEL = { 'move-out': 'Move-Out Date', 'lease-end': 'Lease End Date' } as const;

/**
 * What the local mirror keeps beyond SmartPlus (spec §9): for each family member made from a
 * contact, its tenant, applicant type and access window with the reason under the site's
 * policy; and the units in Rent Manager that a Custom site does not sync (spec §5).
 */
export function mirrorExtras(rm: RentManagerSnapshot, config: SiteConfig): SiteStateExtras {
  const residents = new Map<string, ResidentExtra>();
  const grace = config.graceDays;
  for (const tenant of rm.tenants) {
    for (const lease of tenant.leases) {
      if (lease.unitId === null) continue;
      const creation = creationDateOf(lease, config);
      const deletion = deletionDateOf(lease, config);
      const reason = [
        creation ? `${CREATION_LABEL[config.creation]} ${creation}` : `no ${CREATION_LABEL[config.creation]} in Rent Manager`,
        deletion ? `${DELETION_LABEL[config.deletion]} ${deletion}` : `no ${DELETION_LABEL[config.deletion]} yet`,
        grace > 0 ? `${grace} grace day${grace === 1 ? '' : 's'} each side` : null,
      ]
        .filter(Boolean)
        .join('; ');
      for (const contact of tenant.contacts) {
        const key = refKey(contactRef(rm.origin, lease.unitId, contact.id));
        const leases = tenant.leases.filter((l) => l.unitId === lease.unitId).map(({ moveIn, moveOut, leaseStart, leaseEnd }) => ({ moveIn, moveOut, leaseStart, leaseEnd }));
        const extra: ResidentExtra = {
          leases,
          tenantId: tenant.id,
          applicantType: contact.applicantType,
          accessFrom: creation ? addDays(creation, -grace) : null,
          accessUntil: deletion ? addDays(deletion, grace) : null,
          accessReason: reason,
        };
        // A contact with several leases on one unit (renewals): keep the widest window.
        const previous = residents.get(key);
        residents.set(key, previous ? widest(previous, extra) : extra);
      }
    }
  }
  const custom = config.apartments === 'all' ? null : new Set(config.apartments.custom);
  const unsyncedUnits = custom
    ? rm.units.filter((u) => config.properties.includes(u.propertyId) && !custom.has(u.id)).map((u) => ({ unitId: u.id, name: u.name }))
    : [];
  return { residents, unsyncedUnits };
}

function widest(a: ResidentExtra, b: ResidentExtra): ResidentExtra {
  const from = a.accessFrom ? (b.accessFrom && b.accessFrom < a.accessFrom ? b : a) : b;
  const until = a.accessUntil === null || b.accessUntil === null ? null : a.accessUntil > b.accessUntil ? a.accessUntil : b.accessUntil;
  return { ...from, accessUntil: until };
}
