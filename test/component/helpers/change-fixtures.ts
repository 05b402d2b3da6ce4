import type { ChangeView } from '../../../src-shared/domain/run-change';

/** A change as main sends it (display-safe). */
export function change(over: Partial<ChangeView> = {}): ChangeView {
  return {
    runId: 'r9', seq: 1, siteId: 's1', at: '2026-11-27T07:00:03.000Z', status: 'applied', opId: 'delete-family-member:x', kind: 'delete-family-member',
    action: 'account-deleted', target: 'x', communityRef: 'c', objectId: 'res-1', apartmentId: 'apt-102', property: 'Maple Court', propertyId: 1,
    unit: 'Apt 102', unitId: 102, person: 'Jane Doe (tenant 920)', applicantType: 'Primary', tenantId: 920, contactId: 9201,
    fields: [{ field: 'name', old: 'Jane Doe', new: null }], why: 'Moved out on 2026-11-26.', error: null, pinKept: true, ...over,
  };
}
