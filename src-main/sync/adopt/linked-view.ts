import { contactRef, propertyRef, type RmOrigin, unitRef } from '../../../src-shared/domain/external-ref';
import type { CommunityState } from '../../../src-shared/domain/smartplus';
import type { PropertyAdoption } from './adopt';

/**
 * The hand-made community as SmartPlus will hold it once the review's links are applied: the
 * community, its linked apartments and residents carry their Rent Manager references. Planning a
 * sync against this view tells what the import still creates beside the links (issue 16: the link
 * review shows the create counts too). Pure; nothing is written.
 */
export function linkedView(state: CommunityState, adoption: PropertyAdoption, origin: RmOrigin): CommunityState {
  const apartments = new Map(adoption.review.apartments.map((a) => [a.apartmentId, a.unitId]));
  const residents = new Map(adoption.review.members.map((m) => [m.residentId, m]));
  return {
    ...state,
    community: { ...state.community, externalRef: propertyRef(origin, adoption.propertyId) },
    apartments: state.apartments.map((a) => {
      const unitId = apartments.get(a.id);
      return unitId === undefined ? a : { ...a, externalRef: unitRef(origin, unitId) };
    }),
    residents: state.residents.map((r) => {
      const m = residents.get(r.id);
      return m ? { ...r, externalRef: contactRef(origin, m.unitId, m.contactId) } : r;
    }),
  };
}
