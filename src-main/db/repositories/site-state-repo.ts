import type { Database } from 'better-sqlite3';
import { parseRefPath, refKey } from '../../../src-shared/domain/external-ref';
import { type RmLeaseDates, RmLeaseDatesSchema } from '../../../src-shared/domain/rentmanager';
import { type CommunityState, CommunityStateSchema, type SpResident } from '../../../src-shared/domain/smartplus';
import { AppError } from '../../../src-shared/errors';
import { keychainHint } from '../../secrets/keychain-errors';
import type { PinCipher } from '../pin-cipher';
import type { DevicesRepo } from './devices-repo';
import { int, naturalSortKey } from './row-helpers';

/** What the sync knows about a resident beyond SmartPlus (from Rent Manager and the policy), keyed by refKey of its externalRef. */
export interface ResidentExtra {
  tenantId: number | null;
  applicantType: string | null;
  accessFrom: string | null;
  accessUntil: string | null;
  accessReason: string | null;
  /** The dates of every lease the tenant holds on this unit (issue 16: removals due while a site is paused). */
  leases?: readonly RmLeaseDates[];
}

/** Extra facts saved with a site's mirror: resident details and units in Rent Manager that are not synced (spec §5). */
export interface SiteStateExtras {
  residents?: ReadonlyMap<string, ResidentExtra>;
  unsyncedUnits?: readonly { unitId: number; name: string }[];
}

/**
 * The last synced state of each site, kept so that everything is browsable offline (spec §9).
 * A save replaces a site's whole mirror in one transaction: readers see the old copy or the
 * new one, never a mix. PINs are encrypted before they reach a statement.
 */
export class SiteStateRepo {
  constructor(
    private readonly db: Database,
    private cipher: PinCipher | null,
    private readonly devices: DevicesRepo,
  ) {}

  /** Whether PINs can be stored and revealed (the keychain gave the PIN key). */
  get canHandlePins(): boolean {
    return this.cipher !== null;
  }

  /** Provides the PIN key once the keychain becomes reachable (see openLocalDb). */
  setCipher(cipher: PinCipher): void {
    this.cipher = cipher;
  }

  /**
   * Replaces the mirror of `siteId` with `state`, taken at `asOf` (ISO time). Without the PIN
   * key, a state holding PINs is refused (KEYCHAIN_UNAVAILABLE) rather than stored without them.
   */
  saveSiteState(siteId: string, state: CommunityState, asOf: string | Date, extras: SiteStateExtras = {}): void {
    const value = CommunityStateSchema.parse(state);
    if (!this.cipher && value.residents.some((r) => r.pin)) throw noPinKey();
    const at = typeof asOf === 'string' ? asOf : asOf.toISOString();
    const byApartment = groupBy(value.residents, (r) => r.apartmentId);
    const db = this.db;
    const insertApartment = db.prepare(
      `INSERT INTO apartments (id, site_id, building_id, name, unit_id, synced, activated, family_count, family_limit,
         resident_names, master_account_id, external_ref, sort_key, search_text)
       VALUES (@id, @siteId, @buildingId, @name, @unitId, @synced, @activated, @familyCount, @familyLimit,
         @residentNames, @masterAccountId, @externalRef, @sortKey, @searchText)`,
    );
    const insertResident = db.prepare(
      `INSERT INTO residents (id, site_id, apartment_id, role, first_name, last_name, email, phone, external_ref, tenant_id,
         contact_id, pin_enc, rf_cards_json, access_group_ids_json, same_access_as_master, applicant_type, access_from,
         access_until, access_reason, leases_json)
       VALUES (@id, @siteId, @apartmentId, @role, @firstName, @lastName, @email, @phone, @externalRef, @tenantId,
         @contactId, @pinEnc, @rfCards, @accessGroups, @sameAccess, @applicantType, @accessFrom, @accessUntil, @accessReason, @leases)`,
    );
    const syncedUnits = new Set<number>();

    db.transaction(() => {
      if (!db.prepare('SELECT 1 FROM sites WHERE id = ?').get(siteId)) {
        throw new AppError('NOT_FOUND', `No site ${siteId} to save synced data for.`);
      }
      db.prepare('DELETE FROM residents WHERE site_id = ?').run(siteId);
      db.prepare('DELETE FROM apartments WHERE site_id = ?').run(siteId);
      db.prepare(
        `INSERT INTO communities (site_id, id, json) VALUES (?, ?, ?)
         ON CONFLICT (site_id) DO UPDATE SET id = excluded.id, json = excluded.json`,
      ).run(
        siteId,
        value.community.id,
        JSON.stringify({ community: value.community, buildings: value.buildings, accessGroups: value.accessGroups }),
      );
      for (const apt of value.apartments) {
        const residents = byApartment.get(apt.id) ?? [];
        const family = residents.filter((r) => r.role === 'family');
        const target = apt.externalRef ? parseRefPath(apt.externalRef.id) : null;
        const unitId = target?.kind === 'unit' ? target.unitId : null;
        if (unitId !== null) syncedUnits.add(unitId);
        insertApartment.run({
          id: apt.id,
          siteId,
          buildingId: apt.buildingId,
          name: apt.name,
          unitId,
          synced: 1,
          activated: int(apt.activated),
          familyCount: family.length,
          familyLimit: apt.familyMemberLimit,
          residentNames: family.map(fullName).join(', '),
          masterAccountId: apt.masterAccountId,
          externalRef: apt.externalRef ? refKey(apt.externalRef) : null,
          sortKey: naturalSortKey(apt.name),
          searchText: searchText(apt.name, residents),
        });
        for (const r of residents) insertResident.run(this.residentParams(siteId, r, extras));
      }
      for (const unit of extras.unsyncedUnits ?? []) {
        if (syncedUnits.has(unit.unitId)) continue;
        insertApartment.run({
          id: `unsynced:${siteId}:${unit.unitId}`,
          siteId,
          buildingId: null,
          name: unit.name,
          unitId: unit.unitId,
          synced: 0,
          activated: 0,
          familyCount: 0,
          familyLimit: 0,
          residentNames: '',
          masterAccountId: null,
          externalRef: null,
          sortKey: naturalSortKey(unit.name),
          searchText: unit.name.toLowerCase(),
        });
      }
      this.devices.replaceSite(
        siteId,
        value.devices.map((d) => ({
          id: d.id,
          siteId,
          name: d.name,
          type: d.type,
          mac: d.mac.replace(/[:-]/g, '').toUpperCase(),
          location: d.location,
          online: d.online,
          lastSeenAt: d.lastSeenAt,
        })),
      );
      db.prepare('UPDATE sites SET as_of = ?, community_id = ? WHERE id = ?').run(at, value.community.id, siteId);
    })();
  }

  /**
   * The family members SiteSync made from a Rent Manager contact, with the lease dates kept at the
   * last sync (null for a copy saved before they were kept) and the access end then computed: what
   * a paused site's "removals due" reads (issue 16). Masters and hand-made residents are never here.
   */
  syncedMembers(siteId: string): { residentId: string; accessUntil: string | null; leases: RmLeaseDates[] | null }[] {
    const rows = this.db
      .prepare(
        `SELECT id, access_until, leases_json FROM residents
         WHERE site_id = ? AND role = 'family' AND external_ref IS NOT NULL AND contact_id IS NOT NULL ORDER BY id`,
      )
      .all(siteId) as { id: string; access_until: string | null; leases_json: string | null }[];
    return rows.map((r) => ({ residentId: r.id, accessUntil: r.access_until, leases: r.leases_json ? readLeases(r.leases_json) : null }));
  }

  /** Decrypts one resident's PIN, only when the user asks to see it; null when none is set. */
  revealPin(residentId: string): string | null {
    const row = this.db.prepare('SELECT pin_enc FROM residents WHERE id = ?').get(residentId) as
      | { pin_enc: Buffer | null }
      | undefined;
    if (!row) throw new AppError('NOT_FOUND', 'That resident is not in the synced data.');
    if (!row.pin_enc) return null;
    if (!this.cipher) throw noPinKey();
    try {
      return this.cipher.decrypt(row.pin_enc, residentId);
    } catch (cause) {
      throw new AppError('INTERNAL', 'This PIN cannot be decrypted on this computer; the next sync stores it again.', { cause });
    }
  }

  private residentParams(siteId: string, r: SpResident, extras: SiteStateExtras) {
    const target = r.externalRef ? parseRefPath(r.externalRef.id) : null;
    const extra = r.externalRef ? extras.residents?.get(refKey(r.externalRef)) : undefined;
    return {
      id: r.id,
      siteId,
      apartmentId: r.apartmentId,
      role: r.role,
      firstName: r.firstName,
      lastName: r.lastName,
      email: r.email,
      phone: r.phone,
      externalRef: r.externalRef ? refKey(r.externalRef) : null,
      tenantId: extra?.tenantId ?? null,
      contactId: target?.kind === 'contact' ? target.contactId : null,
      pinEnc: r.pin && this.cipher ? this.cipher.encrypt(r.pin, r.id) : null,
      rfCards: JSON.stringify(r.rfCards),
      accessGroups: JSON.stringify(r.accessGroupIds),
      sameAccess: int(r.sameAccessAsMaster),
      applicantType: extra?.applicantType ?? null,
      accessFrom: extra?.accessFrom ?? null,
      accessUntil: extra?.accessUntil ?? null,
      accessReason: extra?.accessReason ?? null,
      leases: extra?.leases ? JSON.stringify(extra.leases) : null,
    };
  }
}

/** Lease dates as saved; a row that no longer reads is treated as not kept (the access end is the fallback). */
function readLeases(json: string): RmLeaseDates[] | null {
  const parsed = RmLeaseDatesSchema.array().safeParse(JSON.parse(json));
  return parsed.success ? parsed.data : null;
}

function noPinKey(): AppError {
  return new AppError('KEYCHAIN_UNAVAILABLE', `PINs are encrypted with a key kept in the system keychain, which is not available. ${keychainHint()}`, {
    retryable: true,
  });
}

function fullName(r: SpResident): string {
  return `${r.firstName} ${r.lastName}`.trim();
}

// Unit, names, e-mails and RF cards, lowercased: the apartment search matches substrings of this.
// PINs are secrets and never part of it.
function searchText(apartmentName: string, residents: readonly SpResident[]): string {
  const parts = [apartmentName];
  for (const r of residents) parts.push(fullName(r), r.email ?? '', ...r.rfCards);
  return parts.filter(Boolean).join('\n').toLowerCase();
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = map.get(k);
    if (list) list.push(item);
    else map.set(k, [item]);
  }
  return map;
}
