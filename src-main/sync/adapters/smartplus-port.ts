import type { SmartPlusClient } from '../../smartplus/client';
import { listAll, readCommunityState, readSmartPlusSnapshot } from '../../smartplus/read-snapshot';
import type { AdoptionPort } from '../adopt/adopt';
import type { SmartPlusPort } from '../ports';

/**
 * Binds the engine's {@link SmartPlusPort} to the SmartPlus client. The client already maps
 * errors to `SP_*` AppErrors with `details.conflict` on 409, retries keyed creates and reads,
 * honours the rate limit and signs in again on 401 — this adapter only reshapes calls.
 */
export function smartPlusPort(client: SmartPlusClient, options: { now?: () => Date } = {}): SmartPlusPort {
  const first = async <T>(items: Promise<{ items: T[] }>): Promise<T | null> => (await items).items[0] ?? null;
  return {
    inFlightLimit: () => client.pipe().limit,
    readSite: (refs, signal) => readSmartPlusSnapshot(client, refs, { ...(signal ? { signal } : {}), ...(options.now ? { now: options.now } : {}) }),
    getLayout: async (communityId, o) => {
      const [buildings, accessGroups] = await Promise.all([client.buildings(communityId, o), client.accessGroups(communityId, o)]);
      return { buildings, accessGroups };
    },
    findCommunity: (ref, o) => client.communities.findByExternalRef(ref, o),
    findApartment: (communityId, ref, o) => first(client.apartments.list(communityId, { externalRef: ref, pageSize: 1 }, o)),
    findResident: (communityId, ref, o) => first(client.residents.list(communityId, { externalRef: ref, pageSize: 1 }, o)),
    createCommunity: (input, o) => client.communities.create({ name: input.name, address: input.address, timeZone: input.timeZone, externalRef: input.externalRef }, o),
    updateCommunity: (id, patch, o) => client.communities.update(id, patch, o),
    createApartment: (communityId, input, o) => client.apartments.create(communityId, { buildingId: input.buildingId, name: input.name, externalRef: input.externalRef }, o),
    updateApartment: (id, patch, o) => client.apartments.update(id, patch, o),
    createFamilyMember: (apartmentId, input, o) =>
      client.residents.createFamilyMember(apartmentId, {
        firstName: input.firstName,
        lastName: input.lastName,
        email: input.email,
        phone: input.phone,
        externalRef: input.externalRef,
        sameAccessAsMaster: input.sameAccessAsMaster,
        ...(input.sameAccessAsMaster ? {} : { accessGroupIds: [...input.accessGroupIds] }),
      }, o),
    updateResident: (id, { accessGroupIds, ...rest }, o) => client.residents.update(id, { ...rest, ...(accessGroupIds ? { accessGroupIds: [...accessGroupIds] } : {}) }, o),
    setPin: async (id, pin, o) => void (await client.setPin(id, pin, o)),
    removePin: (id, o) => client.removePin(id, o),
    setRfCards: async (id, cards, o) => void (await client.setRfCards(id, [...cards], o)),
    deleteResident: (id, o) => client.residents.delete(id, o),
  };
}

/** Binds the engine's {@link AdoptionPort} (hand-made communities, linking) to the SmartPlus client. */
export function smartPlusAdoptionPort(client: SmartPlusClient): AdoptionPort {
  return {
    listCommunities: (signal) => listAll((page, pageSize) => client.communities.list({ page, pageSize }, signal ? { signal } : {})),
    readCommunity: (communityId, signal) => readCommunityState(client, communityId, signal ? { signal } : {}),
    link: async (kind, id, externalRef, signal) => {
      const o = signal ? { signal } : {};
      if (kind === 'community') await client.communities.update(id, { externalRef }, o);
      else if (kind === 'apartment') await client.apartments.update(id, { externalRef }, o);
      else await client.residents.update(id, { externalRef }, o);
    },
  };
}
