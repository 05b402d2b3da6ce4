import { z } from 'zod';
import { ExternalRefSchema, refKey } from '../../../src-shared/domain/external-ref';
import {
  apartmentOr404,
  communityOr404,
  linkRef,
  requireIntegrationFor,
  requireRefFree,
  residentOr404,
  residentView,
  type SandboxCore,
} from './core';
import { ApiError, conflict, invalid, paged, parseBody, route, type Route } from './http-kit';
import { externalRefFilter } from './routes-communities';
import type { ResidentRec } from './state';

const contactFields = {
  firstName: z.string().trim().min(1),
  lastName: z.string().trim(),
  email: z.email().nullable().optional(),
  phone: z.string().nullable().optional(),
  accessGroupIds: z.array(z.string()).optional(),
};
const CreateFamilyMemberSchema = z.object({
  ...contactFields,
  externalRef: ExternalRefSchema.nullable().optional(),
  sameAccessAsMaster: z.boolean(),
});
const PatchResidentSchema = z.object({
  firstName: contactFields.firstName.optional(),
  lastName: contactFields.lastName.optional(),
  email: contactFields.email,
  phone: contactFields.phone,
  accessGroupIds: contactFields.accessGroupIds,
  sameAccessAsMaster: z.boolean().optional(),
  externalRef: ExternalRefSchema.nullable().optional(),
});
const PinSchema = z.object({
  pin: z.string().regex(/^\d{2,8}$/, 'a PIN has 2 to 8 digits').refine((p) => !p.startsWith('9'), 'a PIN must not start with 9'),
});
const RfCardsSchema = z.object({
  cards: z
    .array(z.string().trim().toUpperCase().regex(/^[0-9A-F]{1,16}$/, 'an RF card has 1 to 16 characters 0-9 or A-F'))
    .max(5, 'at most 5 cards'),
});

/** Checks access group ids belong to the community (422 otherwise). */
function checkGroups(core: SandboxCore, communityId: string, ids: string[] | undefined): void {
  ids?.forEach((id, i) => {
    if (core.db.state.accessGroups[id]?.communityId !== communityId) throw invalid(`accessGroupIds.${i}`, `no access group ${id} in this community`);
  });
}

/** The groups a family member gets: the master's when `sameAccessAsMaster`, else those given, else the default group. */
function groupsFor(core: SandboxCore, r: Pick<ResidentRec, 'communityId' | 'apartmentId' | 'sameAccessAsMaster'>, given: string[] | undefined): string[] {
  if (r.sameAccessAsMaster) {
    const masterId = core.db.state.apartments[r.apartmentId]!.masterAccountId;
    return [...(core.db.state.residents[masterId]?.accessGroupIds ?? [])];
  }
  if (given) return [...new Set(given)];
  return Object.values(core.db.state.accessGroups)
    .filter((g) => g.communityId === r.communityId && g.isDefault)
    .map((g) => g.id);
}

function touch(core: SandboxCore, r: ResidentRec): void {
  r.updatedAt = core.now().toISOString();
}

/** Residents, family members, PINs and RF cards (contract: "Residents"). */
export function residentRoutes(core: SandboxCore): Route[] {
  const { db } = core;
  const gate = (r: ResidentRec) => requireIntegrationFor(core, { communityId: r.communityId, apartmentId: r.apartmentId, ref: r.externalRef });
  return [
    route('GET', '/communities/:cid/residents', ({ params, query }) => {
      communityOr404(core, params.cid!);
      const key = externalRefFilter(query);
      const apartmentId = query.get('apartmentId');
      const role = query.get('role');
      if (role !== null && role !== 'master' && role !== 'family') throw invalid('role', 'master or family');
      const items = Object.values(db.state.residents).filter(
        (r) =>
          r.communityId === params.cid &&
          (apartmentId === null || r.apartmentId === apartmentId) &&
          (role === null || r.role === role) &&
          (key === null || (r.externalRef !== null && refKey(r.externalRef) === key)),
      );
      return paged(items.map(residentView), query);
    }),
    route('POST', '/apartments/:aid/family-members', ({ params, body }) => {
      const apartment = apartmentOr404(core, params.aid!);
      const input = parseBody(CreateFamilyMemberSchema, body);
      checkGroups(core, apartment.communityId, input.accessGroupIds);
      requireIntegrationFor(core, { communityId: apartment.communityId, apartmentId: apartment.id, ref: input.externalRef ?? null });
      requireRefFree(core, input.externalRef);
      if (db.familyOf(apartment.id).length >= apartment.familyMemberLimit) {
        throw new ApiError('LIMIT_EXCEEDED', `The apartment already has its limit of ${apartment.familyMemberLimit} family members.`, [
          { field: 'familyMemberLimit', reason: `limit ${apartment.familyMemberLimit} reached` },
        ]);
      }
      const now = core.now().toISOString();
      const base = { communityId: apartment.communityId, apartmentId: apartment.id, sameAccessAsMaster: input.sameAccessAsMaster };
      const resident: ResidentRec = {
        id: db.nextId('res'),
        ...base,
        role: 'family',
        firstName: input.firstName,
        lastName: input.lastName,
        email: input.email ?? null,
        phone: input.phone ?? null,
        externalRef: input.externalRef ?? null,
        pin: null,
        rfCards: [],
        accessGroupIds: groupsFor(core, base, input.accessGroupIds),
        createdAt: now,
        updatedAt: now,
      };
      db.addResident(resident);
      return { status: 201, body: residentView(resident) };
    }),
    route('PATCH', '/residents/:rid', ({ params, body }) => {
      const resident = residentOr404(core, params.rid!);
      const patch = parseBody(PatchResidentSchema, body);
      checkGroups(core, resident.communityId, patch.accessGroupIds);
      gate(resident);
      if (patch.externalRef) {
        if (resident.role === 'master') throw invalid('externalRef', "an apartment's master account cannot be linked");
        requireIntegrationFor(core, { communityId: resident.communityId, ref: patch.externalRef });
      }
      linkRef(core, resident, patch.externalRef);
      if (patch.firstName !== undefined) resident.firstName = patch.firstName;
      if (patch.lastName !== undefined) resident.lastName = patch.lastName;
      if (patch.email !== undefined) resident.email = patch.email;
      if (patch.phone !== undefined) resident.phone = patch.phone;
      if (patch.sameAccessAsMaster !== undefined) resident.sameAccessAsMaster = resident.role === 'family' && patch.sameAccessAsMaster;
      if (patch.accessGroupIds !== undefined || patch.sameAccessAsMaster !== undefined) {
        resident.accessGroupIds = groupsFor(core, resident, patch.accessGroupIds ?? resident.accessGroupIds);
      }
      touch(core, resident);
      return { status: 200, body: residentView(resident) };
    }),
    route('DELETE', '/residents/:rid', ({ params }) => {
      const resident = residentOr404(core, params.rid!);
      if (resident.role === 'master') {
        throw conflict('masterAccount', "An apartment's master account cannot be deleted (it holds the apartment's licence).");
      }
      gate(resident);
      db.removeResident(resident.id);
      return { status: 204 };
    }),
    route('PUT', '/residents/:rid/pin', ({ params, body }) => {
      const resident = residentOr404(core, params.rid!);
      const { pin } = parseBody(PinSchema, body);
      gate(resident);
      const holder = db.pins.get(`${resident.communityId}:${pin}`);
      if (holder && holder !== resident.id) throw conflict('pin', 'Another resident of this community already holds this PIN.');
      db.setPin(resident, pin);
      touch(core, resident);
      return { status: 200, body: residentView(resident) };
    }),
    route('DELETE', '/residents/:rid/pin', ({ params }) => {
      const resident = residentOr404(core, params.rid!);
      gate(resident);
      db.setPin(resident, null);
      touch(core, resident);
      return { status: 204 };
    }),
    route('PUT', '/residents/:rid/rf-cards', ({ params, body }) => {
      const resident = residentOr404(core, params.rid!);
      const cards = [...new Set(parseBody(RfCardsSchema, body).cards)];
      gate(resident);
      for (const card of cards) {
        const holder = db.rfCards.get(`${resident.communityId}:${card}`);
        if (holder && holder !== resident.id) throw new ApiError('CONFLICT', `Another resident of this community already holds RF card ${card}.`, { conflict: 'rfCard', card });
      }
      db.setRfCards(resident, cards);
      touch(core, resident);
      return { status: 200, body: residentView(resident) };
    }),
  ];
}
