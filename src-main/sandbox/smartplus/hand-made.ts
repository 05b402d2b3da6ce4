import { z } from 'zod';
import { DEFAULT_FAMILY_MEMBER_LIMIT } from './routes-communities';
import type { SandboxDb } from './state';

/**
 * A community typed in by hand before the integration was bought (issue 16): no external
 * references anywhere, its own building names, residents with the PINs and cards people use.
 * The sandbox seeds one so the "link to an existing community" path can be tried and tested.
 */
export const HandMadeCommunitySchema = z.object({
  name: z.string().trim().min(1),
  timeZone: z.string().default('America/New_York'),
  buildings: z
    .array(
      z.object({
        name: z.string().trim().min(1),
        apartments: z.array(
          z.object({
            name: z.string().trim().min(1),
            residents: z
              .array(
                z.object({
                  firstName: z.string(),
                  lastName: z.string(),
                  email: z.string().nullable().default(null),
                  phone: z.string().nullable().default(null),
                  pin: z.string().regex(/^\d{2,8}$/).nullable().default(null),
                  rfCards: z.array(z.string().regex(/^\d{4,16}$/)).default([]),
                }),
              )
              .default([]),
          }),
        ),
      }),
    )
    .min(1),
});
/** See {@link HandMadeCommunitySchema}. */
export type HandMadeCommunity = z.input<typeof HandMadeCommunitySchema>;

/** Adds a hand-made community to the sandbox; returns its id. PINs and cards must be free in it. */
export function seedHandMadeCommunity(db: SandboxDb, spec: HandMadeCommunity, now: Date): string {
  const input = HandMadeCommunitySchema.parse(spec);
  const at = now.toISOString();
  const communityId = db.nextId('com');
  db.state.communities[communityId] = { id: communityId, name: input.name, address: null, timeZone: input.timeZone, externalRef: null, createdAt: at };
  const groupId = db.nextId('ag');
  db.state.accessGroups[groupId] = { id: groupId, communityId, name: '24 Hours', repeat: 'daily', start: '00:00', end: '23:59', isDefault: true };
  for (const b of input.buildings) {
    const buildingId = db.nextId('bld');
    db.state.buildings[buildingId] = { id: buildingId, communityId, name: b.name };
    for (const a of b.apartments) {
      const apartmentId = db.nextId('apt');
      const masterAccountId = db.nextId('res');
      db.state.apartments[apartmentId] = {
        id: apartmentId, communityId, buildingId, name: a.name, floor: null, externalRef: null,
        masterAccountId, activatedUntil: null, familyMemberLimit: DEFAULT_FAMILY_MEMBER_LIMIT,
      };
      const common = { communityId, apartmentId, externalRef: null, accessGroupIds: [groupId], createdAt: at, updatedAt: at };
      db.addResident({ ...common, id: masterAccountId, role: 'master', firstName: a.name, lastName: '', email: null, phone: null, pin: null, rfCards: [], sameAccessAsMaster: false });
      for (const r of a.residents) {
        if (r.pin && db.pins.has(`${communityId}:${r.pin}`)) throw new Error(`hand-made community: PIN of ${r.firstName} is held twice`);
        if (r.rfCards.some((c) => db.rfCards.has(`${communityId}:${c}`))) throw new Error(`hand-made community: a card of ${r.firstName} is held twice`);
        db.addResident({ ...common, id: db.nextId('res'), role: 'family', ...r, sameAccessAsMaster: true });
      }
    }
  }
  return communityId;
}
