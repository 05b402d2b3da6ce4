import type { ExternalRef } from '../../src-shared/domain/external-ref';
import type { DeviceLocation, DeviceType } from '../../src-shared/domain/smartplus';
import type { UnreadableObject } from '../../src-shared/domain/unreadable';

/** A page of a list (contract: "Lists"); items that could not be read are in `unreadable`, not in `items`. */
export interface Page<T> {
  items: T[];
  page: number;
  pageSize: number;
  total: number;
  unreadable?: UnreadableObject[];
}

/** Paging of a list call (pageSize max 500). */
export interface PageQuery {
  page?: number;
  pageSize?: number;
}

/** Options of any call. */
export interface CallOptions {
  signal?: AbortSignal;
  /** Told about list items that could not be read (they are left out of the answer, issue 13). */
  onUnreadable?: (objects: readonly UnreadableObject[]) => void;
}

/** Options of a create: with an idempotency key it is retried safely after timeouts and 5xx; without, never (except 429). */
export interface CreateOptions extends CallOptions {
  idempotencyKey?: string;
}

/** Body of `POST /communities`. */
export interface CreateCommunityInput {
  name: string;
  address?: string | null;
  timeZone: string;
  externalRef?: ExternalRef | null;
}

/** Body of `PATCH /communities/{cid}`. */
export interface UpdateCommunityInput {
  name?: string;
  address?: string | null;
  timeZone?: string;
  /** Links a hand-made object (it has no reference yet); a reference is never changed. */
  externalRef?: ExternalRef;
}

/** Body of `POST /communities/{cid}/apartments`. */
export interface CreateApartmentInput {
  buildingId: string;
  name: string;
  floor?: string | null;
  externalRef?: ExternalRef | null;
  familyMemberLimit?: number;
}

/** Body of `PATCH /apartments/{aid}`. */
export interface UpdateApartmentInput {
  name?: string;
  familyMemberLimit?: number;
  /** Links a hand-made object (it has no reference yet); a reference is never changed. */
  externalRef?: ExternalRef;
}

/** Body of `POST /apartments/{aid}/family-members`. */
export interface CreateFamilyMemberInput {
  firstName: string;
  lastName: string;
  email?: string | null;
  phone?: string | null;
  externalRef?: ExternalRef | null;
  accessGroupIds?: readonly string[];
  sameAccessAsMaster: boolean;
}

/** Body of `PATCH /residents/{rid}`. */
export interface UpdateResidentInput {
  firstName?: string;
  lastName?: string;
  email?: string | null;
  phone?: string | null;
  accessGroupIds?: readonly string[];
  sameAccessAsMaster?: boolean;
  /** Links a hand-made object (it has no reference yet); a reference is never changed. */
  externalRef?: ExternalRef;
}

/** Body of `POST /communities/{cid}/devices`; the MAC is sent normalised (12 hex digits, uppercase). */
export interface CreateDeviceInput {
  name: string;
  type: DeviceType;
  mac: string;
  location: DeviceLocation;
}

/** Body of `PATCH /devices/{did}`. */
export interface UpdateDeviceInput {
  name?: string;
  location?: DeviceLocation;
}

/** Filters of the apartments list. */
export interface ApartmentQuery extends PageQuery {
  buildingId?: string;
  externalRef?: ExternalRef;
}

/** Filters of the residents list. */
export interface ResidentQuery extends PageQuery {
  apartmentId?: string;
  role?: 'master' | 'family';
  externalRef?: ExternalRef;
}

/** Filters of the communities list. */
export interface CommunityQuery extends PageQuery {
  externalRef?: ExternalRef;
}
