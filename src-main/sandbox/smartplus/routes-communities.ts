import { z } from 'zod';
import { IANAZone } from 'luxon';
import { ExternalRefSchema, parseRefKey, refKey } from '../../../src-shared/domain/external-ref';
import {
  apartmentOr404,
  apartmentView,
  communityOr404,
  communityView,
  linkRef,
  requireIntegrationFor,
  requireRefFree,
  type SandboxCore,
} from './core';
import { ApiError, conflict, invalid, paged, parseBody, route, type Route } from './http-kit';
import type { AccessGroupRec, ApartmentRec, CommunityRec } from './state';
import { agree, plural } from '../../../src-shared/text/plural';

const TimeZoneSchema = z.string().refine((tz) => IANAZone.isValidZone(tz), 'not an IANA time zone');

const CreateCommunitySchema = z.object({
  name: z.string().trim().min(1),
  address: z.string().nullable().optional(),
  timeZone: TimeZoneSchema,
  externalRef: ExternalRefSchema.nullable().optional(),
});
const PatchCommunitySchema = z.object({
  name: z.string().trim().min(1).optional(),
  address: z.string().nullable().optional(),
  timeZone: TimeZoneSchema.optional(),
  externalRef: ExternalRefSchema.nullable().optional(),
});
const CreateApartmentSchema = z.object({
  buildingId: z.string().min(1),
  name: z.string().trim().min(1),
  floor: z.string().nullable().optional(),
  externalRef: ExternalRefSchema.nullable().optional(),
  familyMemberLimit: z.number().int().min(0).max(63).optional(),
});
const PatchApartmentSchema = z.object({
  name: z.string().trim().min(1).optional(),
  familyMemberLimit: z.number().int().min(0).max(63).optional(),
  externalRef: ExternalRefSchema.nullable().optional(),
});

/** The default family-member limit of a new apartment (the contract allows 0–63). */
export const DEFAULT_FAMILY_MEMBER_LIMIT = 10;

/** Reads `?externalRef=<system>:<customer>:<location>:<id>`; null when absent. */
export function externalRefFilter(query: URLSearchParams): string | null {
  const raw = query.get('externalRef');
  if (raw === null) return null;
  const ref = parseRefKey(raw);
  if (!ref) throw invalid('externalRef', 'expected <system>:<customer>:<location>:<id>');
  return refKey(ref);
}

function matchesRef(ref: CommunityRec['externalRef'], key: string | null): boolean {
  return key === null || (ref !== null && refKey(ref) === key);
}

/** Communities, buildings, apartments and access groups (contract: "Communities, buildings, apartments"). */
export function communityRoutes(core: SandboxCore): Route[] {
  const { db } = core;
  return [
    route('GET', '/communities', ({ query }) => {
      const key = externalRefFilter(query);
      return paged(Object.values(db.state.communities).filter((c) => matchesRef(c.externalRef, key)).map(communityView), query);
    }),
    route('POST', '/communities', ({ body }) => {
      const input = parseBody(CreateCommunitySchema, body);
      requireIntegrationFor(core, { ref: input.externalRef ?? null });
      requireRefFree(core, input.externalRef);
      const community: CommunityRec = {
        id: db.nextId('com'),
        name: input.name,
        address: input.address ?? null,
        timeZone: input.timeZone,
        externalRef: input.externalRef ?? null,
        createdAt: core.now().toISOString(),
      };
      db.state.communities[community.id] = community;
      db.indexRef(community.externalRef, community.id, true);
      const group: AccessGroupRec = { id: db.nextId('ag'), communityId: community.id, name: '24 Hours', repeat: 'daily', start: '00:00', end: '23:59', isDefault: true };
      db.state.accessGroups[group.id] = group;
      if (community.externalRef) {
        const building = { id: db.nextId('bld'), communityId: community.id, name: 'Building 1' };
        db.state.buildings[building.id] = building;
      }
      return { status: 201, body: communityView(community) };
    }),
    route('GET', '/communities/:cid', ({ params }) => ({ status: 200, body: communityView(communityOr404(core, params.cid!)) })),
    route('PATCH', '/communities/:cid', ({ params, body }) => {
      const community = communityOr404(core, params.cid!);
      const patch = parseBody(PatchCommunitySchema, body);
      requireIntegrationFor(core, { communityId: community.id, ref: patch.externalRef ?? null });
      // Linked this way, a community keeps its buildings: no "Building 1" is added.
      linkRef(core, community, patch.externalRef);
      if (patch.name !== undefined) community.name = patch.name;
      if (patch.address !== undefined) community.address = patch.address;
      if (patch.timeZone !== undefined) community.timeZone = patch.timeZone;
      return { status: 200, body: communityView(community) };
    }),
    route('GET', '/communities/:cid/buildings', ({ params }) => {
      communityOr404(core, params.cid!);
      const items = Object.values(db.state.buildings).filter((b) => b.communityId === params.cid);
      return { status: 200, body: items.map((b) => ({ id: b.id, name: b.name })) };
    }),
    route('GET', '/communities/:cid/access-groups', ({ params }) => {
      communityOr404(core, params.cid!);
      const items = Object.values(db.state.accessGroups).filter((g) => g.communityId === params.cid);
      return { status: 200, body: items.map(({ communityId: _c, ...g }) => g) };
    }),
    route('GET', '/communities/:cid/apartments', ({ params, query }) => {
      communityOr404(core, params.cid!);
      const key = externalRefFilter(query);
      const buildingId = query.get('buildingId');
      const now = core.now();
      const items = Object.values(db.state.apartments).filter(
        (a) => a.communityId === params.cid && (buildingId === null || a.buildingId === buildingId) && matchesRef(a.externalRef, key),
      );
      return paged(items.map((a) => apartmentView(a, now)), query);
    }),
    route('POST', '/communities/:cid/apartments', ({ params, body }) => {
      const community = communityOr404(core, params.cid!);
      const input = parseBody(CreateApartmentSchema, body);
      const building = db.state.buildings[input.buildingId];
      if (!building || building.communityId !== community.id) throw invalid('buildingId', 'no building with this id in the community');
      requireIntegrationFor(core, { communityId: community.id, ref: input.externalRef ?? null });
      requireRefFree(core, input.externalRef);
      const now = core.now().toISOString();
      const apartment: ApartmentRec = {
        id: db.nextId('apt'),
        communityId: community.id,
        buildingId: building.id,
        name: input.name,
        floor: input.floor ?? null,
        externalRef: input.externalRef ?? null,
        masterAccountId: db.nextId('res'),
        activatedUntil: null,
        familyMemberLimit: input.familyMemberLimit ?? DEFAULT_FAMILY_MEMBER_LIMIT,
      };
      db.state.apartments[apartment.id] = apartment;
      db.indexRef(apartment.externalRef, apartment.id, true);
      const defaultGroup = Object.values(db.state.accessGroups).find((g) => g.communityId === community.id && g.isDefault);
      db.addResident({
        id: apartment.masterAccountId,
        communityId: community.id,
        apartmentId: apartment.id,
        role: 'master',
        firstName: apartment.name,
        lastName: '',
        email: null,
        phone: null,
        externalRef: null,
        pin: null,
        rfCards: [],
        accessGroupIds: defaultGroup ? [defaultGroup.id] : [],
        sameAccessAsMaster: false,
        createdAt: now,
        updatedAt: now,
      });
      return { status: 201, body: apartmentView(apartment, core.now()) };
    }),
    route('PATCH', '/apartments/:aid', ({ params, body }) => {
      const apartment = apartmentOr404(core, params.aid!);
      const patch = parseBody(PatchApartmentSchema, body);
      requireIntegrationFor(core, { apartmentId: apartment.id, communityId: apartment.communityId, ref: patch.externalRef ?? null });
      linkRef(core, apartment, patch.externalRef);
      if (patch.familyMemberLimit !== undefined && patch.familyMemberLimit < db.familyOf(apartment.id).length) {
        throw new ApiError('LIMIT_EXCEEDED', 'The apartment already has more family members than this limit.', [
          { field: 'familyMemberLimit', reason: 'below the current number of family members' },
        ]);
      }
      if (patch.name !== undefined) apartment.name = patch.name;
      if (patch.familyMemberLimit !== undefined) apartment.familyMemberLimit = patch.familyMemberLimit;
      return { status: 200, body: apartmentView(apartment, core.now()) };
    }),
    route('DELETE', '/apartments/:aid', ({ params }) => {
      const apartment = apartmentOr404(core, params.aid!);
      requireIntegrationFor(core, { apartmentId: apartment.id, communityId: apartment.communityId });
      const bound = Object.values(db.state.devices).filter((d) => d.location.scope === 'apartment' && d.location.id === apartment.id);
      if (bound.length > 0) throw conflict('devices', `${plural(bound.length, 'device')} ${agree(bound.length, 'is', 'are')} bound to this apartment; move or remove them first.`);
      for (const rid of [...(db.residentsByApartment.get(apartment.id) ?? [])]) db.removeResident(rid);
      db.residentsByApartment.delete(apartment.id);
      db.indexRef(apartment.externalRef, apartment.id, false);
      delete db.state.apartments[apartment.id];
      return { status: 204 };
    }),
  ];
}
