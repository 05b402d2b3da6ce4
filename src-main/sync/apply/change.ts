import type { AccountImage, ChangeAction, ChangeDraft, ChangeSecret, FieldChange } from '../../../src-shared/domain/run-change';
import type { SmartPlusSnapshot, SpApartment, SpCommunity, SpResident } from '../../../src-shared/domain/smartplus';
import { assertNever } from '../../../src-shared/errors';
import type { MemberAccess, SyncOperation } from '../../../src-shared/domain/sync-plan';

/** The mask a PIN is shown as in a change's fields (the value itself only in the encrypted secret). */
export const PIN_MASK = '••••';

/** The SmartPlus objects the plan was made on, by ID: what "old" means in old → new. */
export class BeforeIndex {
  private readonly residents = new Map<string, SpResident>();
  private readonly apartments = new Map<string, SpApartment>();
  private readonly communities = new Map<string, SpCommunity>();
  private readonly residentsByRef = new Map<string, SpResident>();

  constructor(snapshot: SmartPlusSnapshot, refKeyOf: (r: SpResident) => string | null) {
    for (const c of snapshot.communities) {
      this.communities.set(c.community.id, c.community);
      for (const a of c.apartments) this.apartments.set(a.id, a);
      for (const r of c.residents) {
        this.residents.set(r.id, r);
        const key = refKeyOf(r);
        if (key) this.residentsByRef.set(key, r);
      }
    }
  }

  resident(id: string | null, target: string): SpResident | undefined {
    return (id === null ? undefined : this.residents.get(id)) ?? this.residentsByRef.get(target);
  }

  apartment(id: string): SpApartment | undefined {
    return this.apartments.get(id);
  }

  community(id: string): SpCommunity | undefined {
    return this.communities.get(id);
  }
}

/** A resident as a change keeps it (no PIN). */
export function imageOf(r: SpResident): AccountImage {
  return {
    firstName: r.firstName, lastName: r.lastName, email: r.email, phone: r.phone, sameAccessAsMaster: r.sameAccessAsMaster,
    accessGroupIds: [...r.accessGroupIds], rfCards: [...r.rfCards], hasPin: r.pin !== null,
  };
}

/** Where the change happened (SmartPlus IDs), known once the call is made. */
export interface ChangePlace {
  readonly objectId: string | null;
  readonly apartmentId: string | null;
}

const accessText = (a: MemberAccess | boolean): string => (a === 'same-as-master' || a === true ? 'same as main account' : 'default group');

/**
 * What an operation changes, for the journal (issue 15): the action, who and where, each field's
 * old → new value (old from the SmartPlus state the plan was made on), the planner's reason, and
 * the account before and after (undo re-creates a deleted member from `before`). PINs appear
 * only masked; their values are returned apart, as the secret the store encrypts.
 */
export function describeChange(op: SyncOperation, before: BeforeIndex, place: ChangePlace, error: string | null): { change: ChangeDraft; secret: ChangeSecret | null } {
  const d = op.display;
  const resident = 'residentId' in op ? before.resident(op.residentId, op.target) : before.resident(null, op.target);
  const base = {
    opId: op.id, kind: op.kind, target: op.target, communityRef: op.communityRef, ref: 'ref' in op ? op.ref : null,
    objectId: place.objectId, apartmentId: place.apartmentId ?? resident?.apartmentId ?? null,
    property: d.property, propertyId: d.propertyId, unit: d.unit, unitId: d.unitId, person: d.person, applicantType: d.applicantType ?? null,
    tenantId: d.tenantId, contactId: d.contactId, error,
  };
  const old = resident ? imageOf(resident) : null;
  const make = (action: ChangeAction, fields: FieldChange[], why: string, after: AccountImage | null, secret: ChangeSecret | null = null) =>
    ({ change: { ...base, action, fields, why: op.why ?? why, before: old, after }, secret });
  switch (op.kind) {
    case 'create-community':
      return make('community-created', [{ field: 'name', old: null, new: op.name }], 'Property enabled for the integration.', null);
    case 'update-community': {
      const c = before.community(op.communityId);
      const fields = Object.entries(op.changes).map(([field, value]) => ({ field, old: c ? (c[field as 'name' | 'address' | 'timeZone'] ?? null) : null, new: value ?? null }));
      return make('community-updated', fields, 'Property changed in Rent Manager.', null);
    }
    case 'create-apartment':
      return make('apartment-created', [{ field: 'name', old: null, new: op.name }], 'New unit in Rent Manager.', null);
    case 'update-apartment':
      return make('apartment-updated', [{ field: 'name', old: before.apartment(op.apartmentId)?.name ?? null, new: op.changes.name }], 'Unit renamed in Rent Manager.', null);
    case 'create-family-member': {
      const after: AccountImage = { firstName: op.firstName, lastName: op.lastName, email: op.email, phone: op.phone, sameAccessAsMaster: op.access === 'same-as-master', accessGroupIds: [], rfCards: [], hasPin: false };
      const fields = [
        { field: 'name', old: null, new: `${op.firstName} ${op.lastName}`.trim() },
        { field: 'email', old: null, new: op.email },
        { field: 'phone', old: null, new: op.phone },
        { field: 'access', old: null, new: accessText(op.access) },
      ].filter((f) => f.new !== null);
      return { change: { ...base, action: 'account-created', fields, why: op.why ?? 'Tenancy started.', before: null, after }, secret: null };
    }
    case 'update-family-member': {
      const fields: FieldChange[] = [];
      const next: AccountImage = old ? { ...old } : { firstName: '', lastName: '', email: null, phone: null, sameAccessAsMaster: false, accessGroupIds: [], rfCards: [], hasPin: false };
      for (const [field, value] of Object.entries(op.changes) as [keyof typeof op.changes, string | null][]) {
        if (field === 'access') {
          fields.push({ field: 'access', old: old ? accessText(old.sameAccessAsMaster) : null, new: accessText(value as MemberAccess) });
          next.sameAccessAsMaster = value === 'same-as-master';
        } else {
          fields.push({ field, old: old ? old[field] : null, new: value });
          (next as Record<string, unknown>)[field] = value;
        }
      }
      return make('account-updated', fields, 'Changed in Rent Manager.', next);
    }
    case 'set-pin': {
      const had = resident?.pin ?? null;
      const after = old ? { ...old, hasPin: true } : null;
      return make(had === null ? 'pin-set' : 'pin-changed', [{ field: 'PIN', old: had === null ? null : PIN_MASK, new: PIN_MASK }], 'PIN in Rent Manager.', after, { pinBefore: had, pinAfter: op.pin });
    }
    case 'remove-pin': {
      const had = resident?.pin ?? null;
      return make('pin-removed', [{ field: 'PIN', old: had === null ? null : PIN_MASK, new: null }], 'PIN field cleared in Rent Manager.', old ? { ...old, hasPin: false } : null, had === null ? null : { pinBefore: had, pinAfter: null });
    }
    case 'set-rf-cards':
      return make('rf-card-set', [{ field: 'RF card', old: cardsText(old?.rfCards ?? []), new: cardsText(op.cards) }], 'RF card in Rent Manager.', old ? { ...old, rfCards: [...op.cards] } : null);
    case 'remove-rf-cards':
      return make('rf-card-removed', [{ field: 'RF card', old: cardsText(old?.rfCards ?? []), new: cardsText(op.keep) }], 'RF card field cleared in Rent Manager.', old ? { ...old, rfCards: [...op.keep] } : null);
    case 'delete-family-member': {
      const fields = old ? [{ field: 'name', old: `${old.firstName} ${old.lastName}`.trim(), new: null }] : [];
      const had = resident?.pin ?? null;
      return make('account-deleted', fields, op.reason, null, had === null ? null : { pinBefore: had, pinAfter: null });
    }
    default:
      return assertNever(op, 'operation');
  }
}

function cardsText(cards: readonly string[]): string | null {
  return cards.length === 0 ? null : cards.join(', ');
}
