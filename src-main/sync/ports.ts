import type { ExternalRef } from '../../src-shared/domain/external-ref';
import type { SyncPolicy } from '../../src-shared/domain/policy';
import type { RentManagerSnapshot } from '../../src-shared/domain/rentmanager';
import type {
  SmartPlusSnapshot,
  SpAccessGroup,
  SpApartment,
  SpBuilding,
  SpCommunity,
  SpResident,
} from '../../src-shared/domain/smartplus';
import type { JournalPort, RunStorePort } from '../../src-shared/domain/journal';
import type { AdoptionPort } from './adopt/adopt';

export type { JournalEntry, JournalPort, RunStorePort } from '../../src-shared/domain/journal';

/**
 * The engine's view of the outside world, in domain types only (shared/style.md: "the sync
 * engine sees domain types"). Adapters in ./adapters bind these to the Rent Manager and
 * SmartPlus clients; ./memory has in-memory implementations for tests.
 *
 * Errors: implementations throw `AppError` (src-shared/errors.ts) with the SmartPlus codes of
 * shared/reference/smartplus-cloud-api.md mapped to `SP_*`. A 409 says what conflicts in
 * `details.conflict`: 'externalRef' | 'pin' | 'rfCard' (see {@link conflictOf}).
 */

/** Options of a call: a signal that aborts it. */
export interface CallOptions {
  readonly signal?: AbortSignal;
}

/** Options of a create: also an idempotency key (the contract's `Idempotency-Key` header). */
export interface CreateOptions extends CallOptions {
  readonly idempotencyKey: string;
}

/** Reads one site's Rent Manager data, normalised. */
export interface RentManagerPort {
  /** Reads the properties, their units, tenants, contacts, leases and the chosen PIN / RF card fields. */
  readSnapshot(propertyIds: readonly number[], policy: SyncPolicy, signal?: AbortSignal): Promise<RentManagerSnapshot>;
}

/** A community's building and access groups, needed to place apartments and give default access. */
export interface CommunityLayout {
  readonly buildings: readonly SpBuilding[];
  readonly accessGroups: readonly SpAccessGroup[];
}

/** A community to create (SmartPlus adds "Building 1" to one with an externalRef). */
export interface NewCommunity {
  readonly name: string;
  readonly address: string | null;
  readonly timeZone: string;
  readonly externalRef: ExternalRef;
}

/** An apartment to create (its master account comes with it). */
export interface NewApartment {
  readonly buildingId: string;
  readonly name: string;
  readonly externalRef: ExternalRef;
}

/** A family member to create. `accessGroupIds` is used only when `sameAccessAsMaster` is false. */
export interface NewFamilyMember {
  readonly firstName: string;
  readonly lastName: string;
  readonly email: string | null;
  readonly phone: string | null;
  readonly externalRef: ExternalRef;
  readonly sameAccessAsMaster: boolean;
  readonly accessGroupIds: readonly string[];
}

/** Fields of a resident to change; absent = unchanged. */
export interface ResidentPatch {
  readonly firstName?: string;
  readonly lastName?: string;
  readonly email?: string | null;
  readonly phone?: string | null;
  readonly sameAccessAsMaster?: boolean;
  readonly accessGroupIds?: readonly string[];
}

/** SmartPlus Cloud as the engine uses it (shared/reference/smartplus-cloud-api.md). */
export interface SmartPlusPort {
  /**
   * How many requests the client lets into flight right now (its pipe's limit), when it has
   * one. Apply keeps about that many operations under way, so the work that becomes ready
   * (an apartment's members) goes next instead of queueing behind every other apartment.
   */
  inFlightLimit?(): number;
  /** The communities with these externalRefs, each with buildings, apartments, residents, access groups. */
  readSite(refs: readonly ExternalRef[], signal?: AbortSignal): Promise<SmartPlusSnapshot>;
  /** A community's buildings and access groups. */
  getLayout(communityId: string, options?: CallOptions): Promise<CommunityLayout>;
  /** Finds objects by externalRef (after a 409 on create: the object exists, so use it). */
  findCommunity(ref: ExternalRef, options?: CallOptions): Promise<SpCommunity | null>;
  findApartment(communityId: string, ref: ExternalRef, options?: CallOptions): Promise<SpApartment | null>;
  findResident(communityId: string, ref: ExternalRef, options?: CallOptions): Promise<SpResident | null>;
  createCommunity(input: NewCommunity, options: CreateOptions): Promise<SpCommunity>;
  updateCommunity(communityId: string, patch: { name?: string; address?: string | null; timeZone?: string }, options?: CallOptions): Promise<SpCommunity>;
  createApartment(communityId: string, input: NewApartment, options: CreateOptions): Promise<SpApartment>;
  updateApartment(apartmentId: string, patch: { name?: string }, options?: CallOptions): Promise<SpApartment>;
  createFamilyMember(apartmentId: string, input: NewFamilyMember, options: CreateOptions): Promise<SpResident>;
  updateResident(residentId: string, patch: ResidentPatch, options?: CallOptions): Promise<SpResident>;
  setPin(residentId: string, pin: string, options?: CallOptions): Promise<void>;
  removePin(residentId: string, options?: CallOptions): Promise<void>;
  setRfCards(residentId: string, cards: readonly string[], options?: CallOptions): Promise<void>;
  /** Deletes a family member; SmartPlus refuses a master account with 409. */
  deleteResident(residentId: string, options?: CallOptions): Promise<void>;
}

/** Everything a sync needs from outside. */
export interface SyncPorts {
  readonly rentManager: RentManagerPort;
  readonly smartPlus: SmartPlusPort;
  readonly journal: JournalPort;
  readonly runs: RunStorePort;
  /** Linking hand-made objects, for a site configuration with `linkExisting` (issue 16). */
  readonly adoption?: AdoptionPort;
}

/** What a 409 names as conflicting, read from an AppError's details (`conflict`, or the contract's `details[].field`). */
export function conflictOf(error: unknown): string | null {
  if (typeof error !== 'object' || error === null) return null;
  const e = error as { code?: unknown; details?: Record<string, unknown> };
  if (e.code !== 'SP_CONFLICT' || !e.details) return null;
  if (typeof e.details['conflict'] === 'string') return e.details['conflict'];
  const list = e.details['details'];
  if (Array.isArray(list)) {
    const first = list.find((d): d is { field: string } => typeof d === 'object' && d !== null && typeof (d as { field?: unknown }).field === 'string');
    if (first) return first.field;
  }
  return null;
}
