import { createHash } from 'node:crypto';
import type { RmOrigin } from '../../../src-shared/domain/external-ref';
import type { MemberAccess, SyncOperation } from '../../../src-shared/domain/sync-plan';
import { AppError, assertNever } from '../../../src-shared/errors';
import { conflictOf, type SmartPlusPort } from '../ports';
import type { Resolver } from './resolver';

/**
 * The `Idempotency-Key` of a create: a hash of the Rent Manager company, location, the operation
 * ID (stable across re-plans) and the run. Within a run every retry of a create sends the same key,
 * so a create whose answer was lost is never made twice. Across runs the key changes on purpose: the
 * contract replays a key's first answer for 24 h, which would hand back a resident deleted since
 * (by hand, or by a move-out corrected the same day). Across runs the guard is externalRef
 * uniqueness instead: a create that already happened answers 409 `externalRef` and apply adopts it.
 */
export function idempotencyKey(origin: RmOrigin, opId: string, runId: string): string {
  return createHash('sha256').update(`${origin.customer}\u0000${origin.location}\u0000${opId}\u0000${runId}`).digest('hex').slice(0, 40);
}

/** What one operation call needs. */
export interface ExecuteEnv {
  readonly smartPlus: SmartPlusPort;
  readonly resolver: Resolver;
  readonly key: (opId: string) => string;
  readonly signal?: AbortSignal;
}

/**
 * Performs one operation against SmartPlus and returns the ID of the object it made or changed.
 * A create that answers 409 on externalRef means an earlier, interrupted run already made the
 * object: it is looked up and adopted (crash-resume safety).
 */
export async function execute(op: SyncOperation, env: ExecuteEnv): Promise<string | null> {
  const { smartPlus: sp, resolver, signal } = env;
  const call = { signal };
  switch (op.kind) {
    case 'create-community': {
      const input = { name: op.name, address: op.address, timeZone: op.timeZone, externalRef: op.ref };
      const community = await adoptOnConflict(
        () => sp.createCommunity(input, { idempotencyKey: env.key(op.id), signal }),
        () => sp.findCommunity(op.ref, call),
      );
      resolver.addCommunity(op.target, community.id, await sp.getLayout(community.id, call));
      return community.id;
    }
    case 'update-community':
      await sp.updateCommunity(op.communityId, op.changes, call);
      return op.communityId;
    case 'create-apartment': {
      const community = resolver.community(op.communityRef);
      if (community.buildingId === null) throw new AppError('SP_BAD_RESPONSE', 'the community has no "Building 1" to put apartments in');
      const apartment = await adoptOnConflict(
        () => sp.createApartment(community.id, { buildingId: community.buildingId!, name: op.name, externalRef: op.ref }, { idempotencyKey: env.key(op.id), signal }),
        () => sp.findApartment(community.id, op.ref, call),
      );
      resolver.addApartment(op.target, apartment.id, community.id);
      return apartment.id;
    }
    case 'update-apartment':
      await sp.updateApartment(op.apartmentId, op.changes, call);
      return op.apartmentId;
    case 'create-family-member': {
      const apartment = resolver.apartment(op.apartmentTarget);
      const access = accessFields(op.access, resolver.community(op.communityRef).defaultGroupId);
      const input = { firstName: op.firstName, lastName: op.lastName, email: op.email, phone: op.phone, externalRef: op.ref, ...access };
      const resident = await adoptOnConflict(
        () => sp.createFamilyMember(apartment.id, input, { idempotencyKey: env.key(op.id), signal }),
        () => sp.findResident(apartment.communityId, op.ref, call),
      );
      resolver.addResident(op.target, resident.id, apartment.communityId);
      return resident.id;
    }
    case 'update-family-member': {
      const { access, ...rest } = op.changes;
      const patch = access ? { ...rest, ...accessFields(access, resolver.community(op.communityRef).defaultGroupId) } : rest;
      await sp.updateResident(op.residentId, patch, call);
      return op.residentId;
    }
    case 'set-pin': {
      const id = op.residentId ?? resolver.resident(op.target).id;
      await sp.setPin(id, op.pin, call);
      return id;
    }
    case 'remove-pin':
      await sp.removePin(op.residentId, call);
      return op.residentId;
    case 'set-rf-cards': {
      const id = op.residentId ?? resolver.resident(op.target).id;
      await sp.setRfCards(id, op.cards, call);
      return id;
    }
    case 'remove-rf-cards':
      await sp.setRfCards(op.residentId, op.keep, call);
      return op.residentId;
    case 'delete-family-member':
      try {
        await sp.deleteResident(op.residentId, call);
      } catch (error) {
        // Already gone (deleted by hand, or by an interrupted run): the goal is reached.
        if (!(error instanceof AppError && error.code === 'SP_NOT_FOUND')) throw error;
      }
      resolver.removeResident(op.target);
      return op.residentId;
    default:
      return assertNever(op, 'operation');
  }
}

/** The access fields of a family member (spec §3): the master's groups, or the default "24 Hours" group. */
function accessFields(access: MemberAccess, defaultGroupId: string | null): { sameAccessAsMaster: boolean; accessGroupIds: string[] } {
  if (access === 'same-as-master') return { sameAccessAsMaster: true, accessGroupIds: [] };
  if (defaultGroupId === null) throw new AppError('SP_BAD_RESPONSE', 'the community has no default "24 Hours" access group');
  return { sameAccessAsMaster: false, accessGroupIds: [defaultGroupId] };
}

async function adoptOnConflict<T>(create: () => Promise<T>, find: () => Promise<T | null>): Promise<T> {
  try {
    return await create();
  } catch (error) {
    if (conflictOf(error) !== 'externalRef') throw error;
    const existing = await find();
    if (!existing) throw error;
    return existing;
  }
}
