import { toChangeView } from '../../src-shared/domain/run-change';
import type { ApartmentDetail, ApartmentQuery } from '../../src-shared/domain/site';
import { RESIDENT_SEARCH, type AddToSyncResult, type ApartmentListPage, type ResidentSearchResult } from '../../src-shared/ipc/contract/apartments';
import { AppError } from '../../src-shared/errors';
import type { LocalDb } from '../db/local-db';
import type { Logger } from '../logging/logger';
import type { SiteSyncService } from './site-sync-types';

/** The apartment browser (spec §9): every read comes from the local copy, so it works with no network. */
export interface ApartmentsService {
  /** One page of a site's apartments, searched and filtered in SQLite. */
  list(query: ApartmentQuery): ApartmentListPage;
  /** One apartment's detail; NOT_FOUND when it is not in the synced data. */
  get(apartmentId: string): ApartmentDetail;
  /** Decrypts one resident's PIN because the user asked to see it (stored encrypted locally, so this works offline). */
  revealPin(residentId: string): { pin: string | null };
  /**
   * Puts a unit that is in Rent Manager but not synced on a Custom site's list (spec §5), and
   * starts a resync when `resync` is set. Refused offline (OFFLINE), changing nothing.
   */
  addToSync(siteId: string, unitId: number, resync: boolean): Promise<AddToSyncResult>;
  /** Residents of every site by name, e-mail or unit, from the local copy (works offline); never PINs or cards. */
  searchResidents(query: string): ResidentSearchResult;
}

/** What {@link createApartmentsService} needs. */
export interface ApartmentsServiceDeps {
  readonly db: LocalDb;
  readonly log: Logger;
  readonly sync: Pick<SiteSyncService, 'runSite'>;
  isOnline(): boolean;
}

/** Builds the apartment browser service over the local database. */
export function createApartmentsService(deps: ApartmentsServiceDeps): ApartmentsService {
  const log = deps.log.child('apartments');
  return {
    list(query) {
      const page = deps.db.apartments.listApartments(query);
      const counts = deps.db.apartments.credentialCounts(page.rows.map((r) => r.id));
      return { ...page, rows: page.rows.map((r) => ({ ...r, pinCount: counts.get(r.id)?.pins ?? 0, cardCount: counts.get(r.id)?.cards ?? 0 })) };
    },
    get(apartmentId) {
      const detail = deps.db.apartments.getApartmentDetail(apartmentId);
      if (!detail) throw new AppError('NOT_FOUND', 'This apartment is not in the synced data any more. Go back to the list; a resync may have removed it.');
      const changes = deps.db.changes.ofApartment(detail.apartment.siteId, apartmentId, detail.apartment.unitId).map(toChangeView);
      return { ...detail, changes };
    },
    revealPin(residentId) {
      // Who looked, not what: the PIN itself is never logged.
      log.info('PIN revealed', { residentId });
      return { pin: deps.db.siteState.revealPin(residentId) };
    },
    searchResidents(query) {
      const text = query.trim();
      if (text.length < RESIDENT_SEARCH.minChars) throw new AppError('BAD_INPUT', `Type at least ${RESIDENT_SEARCH.minChars} characters to search residents.`);
      return deps.db.residentSearch.search(text, RESIDENT_SEARCH.maxResults);
    },
    async addToSync(siteId, unitId, resync) {
      const site = deps.db.sites.get(siteId);
      if (!site) throw new AppError('NOT_FOUND', 'This site is not on this computer any more.');
      // Refused before anything changes: the unit only arrives with a sync, which needs the network.
      if (!deps.isOnline()) {
        throw new AppError('OFFLINE', 'Adding a unit to the sync needs the network (the unit is created in SmartPlus by a resync). Try again when back online.');
      }
      const selection = site.policy.apartments;
      if (selection === 'all') return { policy: site.policy, added: false, runId: null };
      const already = selection.custom.includes(unitId);
      const policy = already
        ? site.policy
        : deps.db.sites.updatePolicy(siteId, { ...site.policy, apartments: { custom: [...selection.custom, unitId].sort((a, b) => a - b) } });
      if (!already) log.info('unit added to a custom site', { siteId, unitId });
      const runId = resync ? (await deps.sync.runSite({ siteId, trigger: 'manual' })).runId : null;
      return { policy, added: !already, runId };
    },
  };
}
