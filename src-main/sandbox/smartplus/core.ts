import { type ExternalRef, refKey } from '../../../src-shared/domain/external-ref';
import { ApiError, conflict, notFound } from './http-kit';
import type { ApartmentRec, CommunityRec, DeviceRec, ResidentRec, SandboxDb } from './state';

/** What every route module works on: the store and the sandbox's clock. */
export interface SandboxCore {
  db: SandboxDb;
  now: () => Date;
}

/** A community as the contract returns it. */
export function communityView(c: CommunityRec) {
  return { id: c.id, name: c.name, address: c.address, timeZone: c.timeZone, externalRef: c.externalRef };
}

/** An apartment as the contract returns it; `activated` holds while paid months last. */
export function apartmentView(a: ApartmentRec, now: Date) {
  return {
    id: a.id,
    buildingId: a.buildingId,
    name: a.name,
    floor: a.floor,
    externalRef: a.externalRef,
    masterAccountId: a.masterAccountId,
    activated: a.activatedUntil !== null && Date.parse(a.activatedUntil) > now.getTime(),
    familyMemberLimit: a.familyMemberLimit,
  };
}

/** A resident as the contract returns it. */
export function residentView(r: ResidentRec) {
  const { communityId: _c, ...rest } = r;
  return { ...rest, rfCards: [...r.rfCards], accessGroupIds: [...r.accessGroupIds] };
}

const ONLINE_PERIOD_S = 600;
const ONLINE_SHARE_S = 480;

/**
 * Device online status, a deterministic function of time and device id: each device is online
 * 8 minutes of every 10, its window offset by a hash of its id, so statuses change over time.
 */
export function deviceStatus(id: string, now: Date): { online: boolean; lastSeenAt: string } {
  let hash = 2166136261;
  for (const ch of id) hash = Math.imul(hash ^ ch.charCodeAt(0), 16777619) >>> 0;
  const seconds = Math.floor(now.getTime() / 1000);
  const phase = (seconds + (hash % ONLINE_PERIOD_S)) % ONLINE_PERIOD_S;
  const online = phase < ONLINE_SHARE_S;
  const lastSeen = online ? seconds : seconds - (phase - ONLINE_SHARE_S);
  return { online, lastSeenAt: new Date(lastSeen * 1000).toISOString() };
}

/** A device as the contract returns it. */
export function deviceView(d: DeviceRec, now: Date) {
  return { id: d.id, name: d.name, type: d.type, mac: d.mac, location: d.location, ...deviceStatus(d.id, now) };
}

/** Looks a community up or answers 404. */
export function communityOr404(core: SandboxCore, id: string): CommunityRec {
  const c = core.db.state.communities[id];
  if (!c) throw notFound('community', id);
  return c;
}

/** Looks an apartment up or answers 404. */
export function apartmentOr404(core: SandboxCore, id: string): ApartmentRec {
  const a = core.db.state.apartments[id];
  if (!a) throw notFound('apartment', id);
  return a;
}

/** Looks a resident up or answers 404. */
export function residentOr404(core: SandboxCore, id: string): ResidentRec {
  const r = core.db.state.residents[id];
  if (!r) throw notFound('resident', id);
  return r;
}

/** True when the community, the apartment or the object itself came from a PMS (has an externalRef). */
export function isPmsLinked(core: SandboxCore, parts: { communityId?: string; apartmentId?: string; ref?: ExternalRef | null }): boolean {
  if (parts.ref) return true;
  if (parts.apartmentId && core.db.state.apartments[parts.apartmentId]?.externalRef) return true;
  if (parts.communityId && core.db.state.communities[parts.communityId]?.externalRef) return true;
  return false;
}

/** True when the integration subscription is active now (after any renewal due). */
export function integrationActive(core: SandboxCore): boolean {
  const sub = core.db.state.subscription;
  return sub.status === 'active' && sub.currentPeriodEnd !== null && Date.parse(sub.currentPeriodEnd) > core.now().getTime();
}

/** Answers 402 for a write to a PMS-linked object while the integration subscription is not active. */
export function requireIntegrationFor(core: SandboxCore, parts: Parameters<typeof isPmsLinked>[1]): void {
  if (isPmsLinked(core, parts) && !integrationActive(core)) {
    throw new ApiError(
      'SUBSCRIPTION_REQUIRED',
      'The Integration subscription is not active: pay for it before creating or changing objects linked to a property-management system.',
    );
  }
}

/** Answers 409 when another object already carries `ref`. */
export function requireRefFree(core: SandboxCore, ref: ExternalRef | null | undefined): void {
  if (ref && core.db.refOwner(ref)) throw conflict('externalRef', 'Another object already has this externalRef.');
}

/**
 * Links a hand-made object by giving it `ref` (contract: "Linking a hand-made object"). A
 * reference is never changed or removed: 409 when the object has another one, or another
 * object has this one; giving an object the reference it already has changes nothing.
 */
export function linkRef(core: SandboxCore, target: { id: string; externalRef: ExternalRef | null }, ref: ExternalRef | null | undefined): void {
  if (ref === undefined) return;
  if (target.externalRef) {
    if (ref && refKey(ref) === refKey(target.externalRef)) return;
    throw conflict('externalRef', 'This object is already linked; a reference is never changed or removed.');
  }
  if (ref === null) return;
  requireRefFree(core, ref);
  target.externalRef = ref;
  core.db.indexRef(ref, target.id, true);
}
