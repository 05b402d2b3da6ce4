import { refKey, type ExternalRef } from '../../src-shared/domain/external-ref';
import type { CommunityState, SmartPlusSnapshot, SpApartment, SpCommunity, SpResident } from '../../src-shared/domain/smartplus';
import { AppError, type ErrorCode } from '../../src-shared/errors';
import type {
  CallOptions,
  CommunityLayout,
  CreateOptions,
  NewApartment,
  NewCommunity,
  NewFamilyMember,
  ResidentPatch,
  SmartPlusPort,
} from '../../src-main/sync/ports';

/** A hook that may throw before a call runs (`phase: 'before'`) or after its effect, losing the answer (`'after'`). */
export type FaultHook = (call: { method: string; phase: 'before' | 'after'; write: boolean }) => void;

/**
 * SmartPlus Cloud in memory, holding the contract's rules (shared/reference/smartplus-cloud-api.md):
 * a community with an externalRef gets "Building 1" and a default "24 Hours" group; an apartment
 * comes with its master account; externalRefs are unique per object type (409 `externalRef`);
 * PINs and RF cards are unique within a community (409 `pin` / `rfCard`) and validated (422);
 * the family-member limit answers 422 `LIMIT_EXCEEDED`; masters cannot be deleted; creates honour
 * `Idempotency-Key`; writes need an active subscription (402). For engine tests only.
 */
export class MemorySmartPlus implements SmartPlusPort {
  private readonly communities = new Map<string, CommunityState>();
  private readonly idempotent = new Map<string, unknown>();
  private seq = 0;
  /** Set false to answer every write with 402 SUBSCRIPTION_REQUIRED. */
  subscriptionActive = true;
  /** Set false to answer every call with 401. */
  authorized = true;
  /** Called around every call; tests throw from it to inject faults or crashes. */
  fault: FaultHook | null = null;
  /** Number of write calls that took effect. */
  writes = 0;

  /** The whole state, as the planner would read it (every community, in creation order). */
  snapshot(): SmartPlusSnapshot {
    return { readAt: '1970-01-01T00:00:00Z', communities: [...this.communities.values()].map((c) => structuredClone(c)) };
  }

  /** Adds objects directly (fixtures: hand-made accounts, pre-existing state). */
  seed(state: CommunityState): void {
    this.communities.set(state.community.id, structuredClone(state));
  }

  async readSite(refs: readonly ExternalRef[]): Promise<SmartPlusSnapshot> {
    this.enter('readSite', false);
    const keys = new Set(refs.map(refKey));
    const communities = [...this.communities.values()].filter((c) => c.community.externalRef && keys.has(refKey(c.community.externalRef)));
    return { readAt: new Date(0).toISOString(), communities: communities.map((c) => structuredClone(c)) };
  }

  async getLayout(communityId: string): Promise<CommunityLayout> {
    this.enter('getLayout', false);
    const c = this.community(communityId);
    return structuredClone({ buildings: c.buildings, accessGroups: c.accessGroups });
  }

  async findCommunity(ref: ExternalRef): Promise<SpCommunity | null> {
    this.enter('findCommunity', false);
    const c = [...this.communities.values()].find((s) => s.community.externalRef && refKey(s.community.externalRef) === refKey(ref));
    return c ? structuredClone(c.community) : null;
  }

  async findApartment(communityId: string, ref: ExternalRef): Promise<SpApartment | null> {
    this.enter('findApartment', false);
    const a = this.community(communityId).apartments.find((x) => x.externalRef && refKey(x.externalRef) === refKey(ref));
    return a ? structuredClone(a) : null;
  }

  async findResident(communityId: string, ref: ExternalRef): Promise<SpResident | null> {
    this.enter('findResident', false);
    const r = this.community(communityId).residents.find((x) => x.externalRef && refKey(x.externalRef) === refKey(ref));
    return r ? structuredClone(r) : null;
  }

  async createCommunity(input: NewCommunity, options: CreateOptions): Promise<SpCommunity> {
    return this.create('createCommunity', options, () => {
      const taken = [...this.communities.values()].some((c) => c.community.externalRef && refKey(c.community.externalRef) === refKey(input.externalRef));
      if (taken) throw conflict('externalRef');
      const id = this.id('com');
      const community: SpCommunity = { id, name: input.name, address: input.address, timeZone: input.timeZone, externalRef: { ...input.externalRef } };
      this.communities.set(id, {
        community,
        buildings: [{ id: this.id('bld'), name: 'Building 1' }],
        apartments: [],
        residents: [],
        accessGroups: [{ id: this.id('ag'), name: '24 Hours', repeat: 'daily', start: '00:00', end: '23:59', isDefault: true }],
        devices: [],
      });
      return community;
    });
  }

  async updateCommunity(communityId: string, patch: { name?: string; address?: string | null; timeZone?: string }): Promise<SpCommunity> {
    return this.write('updateCommunity', () => {
      const c = this.community(communityId).community;
      Object.assign(c, patch);
      return c;
    });
  }

  async createApartment(communityId: string, input: NewApartment, options: CreateOptions): Promise<SpApartment> {
    return this.create('createApartment', options, () => {
      const c = this.community(communityId);
      if (!c.buildings.some((b) => b.id === input.buildingId)) throw new AppError('SP_VALIDATION_FAILED', 'unknown building', { details: { field: 'buildingId' } });
      if (this.allApartments().some((a) => a.externalRef && refKey(a.externalRef) === refKey(input.externalRef))) throw conflict('externalRef');
      const apartment: SpApartment = {
        id: this.id('apt'),
        buildingId: input.buildingId,
        name: input.name,
        externalRef: { ...input.externalRef },
        masterAccountId: this.id('res'),
        activated: false,
        familyMemberLimit: 10,
      };
      c.apartments.push(apartment);
      c.residents.push({
        id: apartment.masterAccountId, apartmentId: apartment.id, role: 'master', firstName: input.name, lastName: '', email: null, phone: null,
        externalRef: null, pin: null, rfCards: [], accessGroupIds: [], sameAccessAsMaster: false,
      });
      return apartment;
    });
  }

  async updateApartment(apartmentId: string, patch: { name?: string }): Promise<SpApartment> {
    return this.write('updateApartment', () => {
      const a = this.allApartments().find((x) => x.id === apartmentId);
      if (!a) throw new AppError('SP_NOT_FOUND', 'apartment not found');
      Object.assign(a, patch);
      return a;
    });
  }

  async createFamilyMember(apartmentId: string, input: NewFamilyMember, options: CreateOptions): Promise<SpResident> {
    return this.create('createFamilyMember', options, () => {
      const c = this.communityOfApartment(apartmentId);
      const apartment = c.apartments.find((a) => a.id === apartmentId)!;
      if (this.allResidents().some((r) => r.externalRef && refKey(r.externalRef) === refKey(input.externalRef))) throw conflict('externalRef');
      const family = c.residents.filter((r) => r.apartmentId === apartmentId && r.role === 'family').length;
      if (family >= apartment.familyMemberLimit) throw new AppError('SP_LIMIT_EXCEEDED', 'family-member limit reached');
      for (const g of input.accessGroupIds) if (!c.accessGroups.some((x) => x.id === g)) throw new AppError('SP_VALIDATION_FAILED', 'unknown access group');
      const resident: SpResident = {
        id: this.id('res'), apartmentId, role: 'family', firstName: input.firstName, lastName: input.lastName, email: input.email, phone: input.phone,
        externalRef: { ...input.externalRef }, pin: null, rfCards: [],
        accessGroupIds: input.sameAccessAsMaster ? [] : [...input.accessGroupIds], sameAccessAsMaster: input.sameAccessAsMaster,
      };
      c.residents.push(resident);
      return resident;
    });
  }

  async updateResident(residentId: string, patch: ResidentPatch): Promise<SpResident> {
    return this.write('updateResident', () => {
      const r = this.resident(residentId);
      Object.assign(r, { ...patch, ...(patch.accessGroupIds ? { accessGroupIds: [...patch.accessGroupIds] } : {}) });
      return r;
    });
  }

  async setPin(residentId: string, pin: string): Promise<void> {
    this.write('setPin', () => {
      if (!/^\d{2,8}$/.test(pin) || pin.startsWith('9')) throw new AppError('SP_VALIDATION_FAILED', 'invalid PIN', { details: { field: 'pin' } });
      const r = this.resident(residentId);
      const c = this.communityOfApartment(r.apartmentId);
      if (c.residents.some((x) => x.id !== r.id && x.pin === pin)) throw conflict('pin');
      r.pin = pin;
    });
  }

  async removePin(residentId: string): Promise<void> {
    this.write('removePin', () => void (this.resident(residentId).pin = null));
  }

  async setRfCards(residentId: string, cards: readonly string[]): Promise<void> {
    this.write('setRfCards', () => {
      if (cards.length > 5 || cards.some((c) => !/^[0-9A-F]{1,16}$/.test(c))) throw new AppError('SP_VALIDATION_FAILED', 'invalid RF card', { details: { field: 'rfCard' } });
      const r = this.resident(residentId);
      const c = this.communityOfApartment(r.apartmentId);
      if (c.residents.some((x) => x.id !== r.id && x.rfCards.some((k) => cards.includes(k)))) throw conflict('rfCard');
      r.rfCards = [...cards];
    });
  }

  async deleteResident(residentId: string, _options?: CallOptions): Promise<void> {
    this.write('deleteResident', () => {
      const r = this.resident(residentId);
      if (r.role === 'master') throw new AppError('SP_CONFLICT', 'a master account cannot be deleted', { details: { conflict: 'master' } });
      const c = this.communityOfApartment(r.apartmentId);
      c.residents.splice(c.residents.indexOf(r), 1);
    });
  }

  private enter(method: string, write: boolean): void {
    this.fault?.({ method, phase: 'before', write });
    if (!this.authorized) throw new AppError('SP_UNAUTHORIZED', 'token expired');
    if (write && !this.subscriptionActive) throw new AppError('SP_SUBSCRIPTION_REQUIRED', 'integration subscription not active');
  }

  private write<T>(method: string, effect: () => T): T {
    this.enter(method, true);
    const result = structuredClone(effect());
    this.writes++;
    this.fault?.({ method, phase: 'after', write: true });
    return result;
  }

  private async create<T>(method: string, options: CreateOptions, effect: () => T): Promise<T> {
    const key = `${method}:${options.idempotencyKey}`;
    if (this.idempotent.has(key)) {
      this.enter(method, true);
      return structuredClone(this.idempotent.get(key) as T);
    }
    return this.write(method, () => {
      const result = effect();
      this.idempotent.set(key, structuredClone(result));
      return result;
    });
  }

  private id(prefix: string): string {
    return `${prefix}_${++this.seq}`;
  }

  private community(id: string): CommunityState {
    const c = this.communities.get(id);
    if (!c) throw new AppError('SP_NOT_FOUND', `community ${id} not found`);
    return c;
  }

  private communityOfApartment(apartmentId: string): CommunityState {
    const c = [...this.communities.values()].find((s) => s.apartments.some((a) => a.id === apartmentId));
    if (!c) throw new AppError('SP_NOT_FOUND', `apartment ${apartmentId} not found`);
    return c;
  }

  private resident(id: string): SpResident {
    const r = this.allResidents().find((x) => x.id === id);
    if (!r) throw new AppError('SP_NOT_FOUND', `resident ${id} not found`);
    return r;
  }

  private allApartments(): SpApartment[] {
    return [...this.communities.values()].flatMap((c) => c.apartments);
  }

  private allResidents(): SpResident[] {
    return [...this.communities.values()].flatMap((c) => c.residents);
  }
}

function conflict(what: string): AppError {
  const code: ErrorCode = 'SP_CONFLICT';
  return new AppError(code, `${what} already in use`, { details: { conflict: what } });
}
