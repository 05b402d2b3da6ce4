import fs from 'node:fs';
import path from 'node:path';
import type { ExternalRef } from '../../../src-shared/domain/external-ref';
import { refKey } from '../../../src-shared/domain/external-ref';
import type { DeviceLocation, DeviceType } from '../../../src-shared/domain/smartplus';
import type { Order } from '../../../src-shared/domain/billing';

/** MACs pre-registered in the sandbox's MAC library on start and reset: 0C1105000001 … 0C1105000010. */
export const PRESET_MACS: readonly string[] = Array.from({ length: 10 }, (_, i) => `0C11050000${String(i + 1).padStart(2, '0')}`);

/** A stored community. */
export interface CommunityRec {
  id: string;
  name: string;
  address: string | null;
  timeZone: string;
  externalRef: ExternalRef | null;
  createdAt: string;
}
/** A stored building. */
export interface BuildingRec {
  id: string;
  communityId: string;
  name: string;
}
/** A stored apartment; `activatedUntil` backs the `activated` flag. */
export interface ApartmentRec {
  id: string;
  communityId: string;
  buildingId: string;
  name: string;
  floor: string | null;
  externalRef: ExternalRef | null;
  masterAccountId: string;
  activatedUntil: string | null;
  familyMemberLimit: number;
}
/** A stored resident (master or family member). */
export interface ResidentRec {
  id: string;
  communityId: string;
  apartmentId: string;
  role: 'master' | 'family';
  firstName: string;
  lastName: string;
  email: string | null;
  phone: string | null;
  externalRef: ExternalRef | null;
  pin: string | null;
  rfCards: string[];
  accessGroupIds: string[];
  sameAccessAsMaster: boolean;
  createdAt: string;
  updatedAt: string;
}
/** A stored access group. */
export interface AccessGroupRec {
  id: string;
  communityId: string;
  name: string;
  repeat: 'never' | 'daily' | 'weekly';
  start: string;
  end: string;
  days?: number[];
  isDefault: boolean;
}
/** A stored device; online status is computed from time, not stored. */
export interface DeviceRec {
  id: string;
  communityId: string;
  name: string;
  type: DeviceType;
  mac: string;
  location: DeviceLocation;
  createdAt: string;
}
/** A saved payment method: never the number; `declines` marks the sandbox's declining test card. */
export interface PaymentMethodRec {
  id: string;
  brand: string;
  last4: string;
  expMonth: number;
  expYear: number;
  declines: boolean;
}
/** The integration subscription as stored. */
export interface SubscriptionRec {
  id: string;
  status: 'active' | 'expired' | 'none';
  renewal: 'auto' | 'manual';
  months: number;
  currentPeriodEnd: string | null;
  paymentMethodId: string | null;
}
/** A remembered answer to a create with an Idempotency-Key. */
export interface IdempotencyRec {
  status: number;
  body: unknown;
  at: string;
}

/** Everything the sandbox keeps; plain JSON so it can persist to a state file. */
export interface SandboxState {
  version: 1;
  seq: number;
  account: { id: string; name: string; email: string; region: string };
  macLibrary: string[];
  subscription: SubscriptionRec;
  paymentMethods: Record<string, PaymentMethodRec>;
  orders: Record<string, Order>;
  communities: Record<string, CommunityRec>;
  buildings: Record<string, BuildingRec>;
  apartments: Record<string, ApartmentRec>;
  residents: Record<string, ResidentRec>;
  accessGroups: Record<string, AccessGroupRec>;
  devices: Record<string, DeviceRec>;
  idempotency: Record<string, IdempotencyRec>;
}

/** A fresh sandbox: one installer account, preset MACs, no subscription (payment is needed), no communities. */
export function initialState(email: string): SandboxState {
  return {
    version: 1,
    seq: 0,
    account: { id: 'acct_1', name: 'Sandbox Installer', email, region: 'us' },
    macLibrary: [...PRESET_MACS],
    subscription: { id: 'sub_integration', status: 'none', renewal: 'manual', months: 0, currentPeriodEnd: null, paymentMethodId: null },
    paymentMethods: {},
    orders: {},
    communities: {},
    buildings: {},
    apartments: {},
    residents: {},
    accessGroups: {},
    devices: {},
    idempotency: {},
  };
}

/**
 * The sandbox's store: the JSON state plus lookup indexes (externalRef, PIN and RF card per
 * community, MAC, residents per apartment) rebuilt on load so rules stay O(1) at portfolio scale.
 */
export class SandboxDb {
  state: SandboxState;
  readonly refs = new Map<string, string>();
  readonly pins = new Map<string, string>();
  readonly rfCards = new Map<string, string>();
  readonly macs = new Map<string, string>();
  readonly residentsByApartment = new Map<string, Set<string>>();

  constructor(state: SandboxState) {
    this.state = state;
    this.reindex();
  }

  /** Replaces the whole state (reset, load) and rebuilds the indexes. */
  replace(state: SandboxState): void {
    this.state = state;
    this.reindex();
  }

  /** A new id with a readable prefix (`com_3`, `apt_17`). */
  nextId(prefix: string): string {
    this.state.seq += 1;
    return `${prefix}_${this.state.seq}`;
  }

  /** The id of the object holding `ref`, if any. */
  refOwner(ref: ExternalRef | null | undefined): string | undefined {
    return ref ? this.refs.get(refKey(ref)) : undefined;
  }

  /** Records or forgets that `id` holds `ref`. */
  indexRef(ref: ExternalRef | null, id: string, add: boolean): void {
    if (!ref) return;
    if (add) this.refs.set(refKey(ref), id);
    else this.refs.delete(refKey(ref));
  }

  /** Adds a resident and indexes it. */
  addResident(r: ResidentRec): void {
    this.state.residents[r.id] = r;
    this.indexResident(r, true);
  }

  /** Removes a resident and its index entries. */
  removeResident(id: string): void {
    const r = this.state.residents[id];
    if (!r) return;
    this.indexResident(r, false);
    delete this.state.residents[id];
  }

  /** Updates the PIN index when a resident's PIN changes. */
  setPin(r: ResidentRec, pin: string | null): void {
    if (r.pin) this.pins.delete(`${r.communityId}:${r.pin}`);
    r.pin = pin;
    if (pin) this.pins.set(`${r.communityId}:${pin}`, r.id);
  }

  /** Updates the RF card index when a resident's cards change. */
  setRfCards(r: ResidentRec, cards: string[]): void {
    for (const c of r.rfCards) this.rfCards.delete(`${r.communityId}:${c}`);
    r.rfCards = cards;
    for (const c of cards) this.rfCards.set(`${r.communityId}:${c}`, r.id);
  }

  /** Family members of an apartment. */
  familyOf(apartmentId: string): ResidentRec[] {
    const ids = this.residentsByApartment.get(apartmentId) ?? new Set<string>();
    return [...ids].map((id) => this.state.residents[id]!).filter((r) => r.role === 'family');
  }

  private indexResident(r: ResidentRec, add: boolean): void {
    this.indexRef(r.externalRef, r.id, add);
    const set = this.residentsByApartment.get(r.apartmentId) ?? new Set<string>();
    if (add) set.add(r.id);
    else set.delete(r.id);
    this.residentsByApartment.set(r.apartmentId, set);
    if (r.pin) {
      if (add) this.pins.set(`${r.communityId}:${r.pin}`, r.id);
      else this.pins.delete(`${r.communityId}:${r.pin}`);
    }
    for (const c of r.rfCards) {
      if (add) this.rfCards.set(`${r.communityId}:${c}`, r.id);
      else this.rfCards.delete(`${r.communityId}:${c}`);
    }
  }

  private reindex(): void {
    this.refs.clear();
    this.pins.clear();
    this.rfCards.clear();
    this.macs.clear();
    this.residentsByApartment.clear();
    for (const c of Object.values(this.state.communities)) this.indexRef(c.externalRef, c.id, true);
    for (const a of Object.values(this.state.apartments)) this.indexRef(a.externalRef, a.id, true);
    for (const r of Object.values(this.state.residents)) this.indexResident(r, true);
    for (const d of Object.values(this.state.devices)) this.macs.set(d.mac, d.id);
  }
}

/** Reads a state file; null when it does not exist. A file of another shape is an error, not silently replaced. */
export function loadStateFile(file: string): SandboxState | null {
  if (!fs.existsSync(file)) return null;
  const parsed = JSON.parse(fs.readFileSync(file, 'utf8')) as SandboxState;
  if (parsed?.version !== 1 || typeof parsed.seq !== 'number') throw new Error(`${file} is not a SmartPlus sandbox state file`);
  return parsed;
}

/** Writes a state file atomically (temp file, then rename) so a crash never leaves half a file. */
export function saveStateFile(file: string, state: SandboxState): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, JSON.stringify(state));
  fs.renameSync(tmp, file);
}
