import type { ApartmentDetail, ApartmentPage, ApartmentQuery } from '../../src-shared/domain/site';
import type { AddToSyncResult } from '../../src-shared/ipc/contract/apartments';
import { AppError } from '../../src-shared/errors';
import type { AppContext } from '../composition/app-context';

/** The apartment browser (spec §9): every read comes from the local copy, so it works with no network. */
export interface ApartmentsService {
  /** One page of a site's apartments, searched and filtered in SQLite. */
  list(query: ApartmentQuery): ApartmentPage;
  /** One apartment's detail; NOT_FOUND when it is not in the synced data. */
  get(apartmentId: string): ApartmentDetail;
  /** Decrypts one resident's PIN because the user asked to see it (stored encrypted locally, so this works offline). */
  revealPin(residentId: string): { pin: string | null };
  /**
   * Puts a unit that is in Rent Manager but not synced on a Custom site's list (spec §5), and
   * starts a resync when `resync` is set (which needs the network).
   */
  addToSync(siteId: string, unitId: number, resync: boolean): Promise<AddToSyncResult>;
}

/** Builds the apartment browser service over the context's local database. */
export function createApartmentsService(ctx: AppContext): ApartmentsService {
  const log = ctx.log.child('apartments');
  return {
    list: (query) => ctx.db.apartments.listApartments(query),
    get(apartmentId) {
      const detail = ctx.db.apartments.getApartmentDetail(apartmentId);
      if (!detail) throw new AppError('NOT_FOUND', 'This apartment is not in the synced data any more. Go back to the list; a resync may have removed it.');
      return detail;
    },
    revealPin(residentId) {
      // Who looked, not what: the PIN itself is never logged.
      log.info('PIN revealed', { residentId });
      return { pin: ctx.db.siteState.revealPin(residentId) };
    },
    async addToSync(siteId, unitId, resync) {
      const site = ctx.db.sites.get(siteId);
      if (!site) throw new AppError('NOT_FOUND', 'This site is not on this computer any more.');
      const selection = site.policy.apartments;
      if (selection === 'all') return { policy: site.policy, added: false, runId: null };
      const already = selection.custom.includes(unitId);
      const policy = already
        ? site.policy
        : ctx.db.sites.updatePolicy(siteId, { ...site.policy, apartments: { custom: [...selection.custom, unitId].sort((a, b) => a - b) } });
      if (!already) log.info('unit added to a custom site', { siteId, unitId });
      let runId: string | null = null;
      if (resync) {
        if (!ctx.isOnline()) {
          throw new AppError('OFFLINE', 'The unit is on the list now, but a resync needs the network. Resync when you are back online.');
        }
        runId = (await ctx.sync.runSite({ siteId, trigger: 'manual' })).runId;
      }
      return { policy, added: !already, runId };
    },
  };
}
