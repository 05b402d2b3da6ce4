import { useId } from 'react';
import { useStore } from 'zustand';
import { useApp, useStores } from '../../stores/stores-context';

/**
 * "Add to sync" for a unit that is in Rent Manager but not on a Custom site's list (spec §5).
 * It changes the site's policy and offers a resync, so it needs the network and says so offline.
 */
export function AddToSyncButton({ siteId, unitId, unit, withResync = false }: { siteId: string; unitId: number; unit: string; withResync?: boolean }) {
  const online = useApp((s) => s.online);
  const addToSync = useStore(useStores().apartments, (s) => s.addToSync);
  const pending = useStore(useStores().apartments, (s) => s.pendingUnits[siteId]?.includes(unitId) ?? false);
  const why = useId();
  if (pending) {
    return (
      <span className="pill pill-muted ellipsis" title="Added — syncs on the next run">
        Added — syncs on the next run
      </span>
    );
  }
  return (
    <span className="row add-sync">
      <button
        type="button"
        className="btn btn-small"
        disabled={!online}
        aria-describedby={online ? undefined : why}
        aria-label={`Add to sync: unit ${unit}`}
        onClick={() => void addToSync(siteId, unitId, false, unit)}
      >
        Add to sync
      </button>
      {withResync ? (
        <button
          type="button"
          className="btn btn-small"
          disabled={!online}
          aria-describedby={online ? undefined : why}
          aria-label={`Add and resync now: unit ${unit}`}
          onClick={() => void addToSync(siteId, unitId, true, unit)}
        >
          Add and resync now
        </button>
      ) : null}
      {online ? null : (
        <span id={why} className={withResync ? 'muted small ellipsis' : 'sr-only'} title="Needs the network">
          Needs the network
        </span>
      )}
    </span>
  );
}

/**
 * The notice after "Add to sync", naming the unit, with "Resync now" for its site until that
 * resync has started; the store clears it when the site's next run finishes.
 */
export function AddToSyncNoticeBanner() {
  const store = useStores().apartments;
  const online = useApp((s) => s.online);
  const notice = useStore(store, (s) => s.notice);
  const resyncNow = useStore(store, (s) => s.resyncNow);
  if (!notice) return null;
  const siteId = notice.resync?.siteId;
  return (
    <div className={notice.kind === 'ok' ? 'banner banner-info' : 'banner banner-error'} role={notice.kind === 'ok' ? 'status' : 'alert'}>
      {notice.text}{' '}
      {siteId && !notice.running ? (
        <button type="button" className="btn btn-small" disabled={!online} onClick={() => void resyncNow(siteId)}>
          Resync now
        </button>
      ) : null}
    </div>
  );
}
