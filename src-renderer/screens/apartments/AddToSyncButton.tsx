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
  const why = useId();
  return (
    <span className="row">
      <button
        type="button"
        className="btn btn-small"
        disabled={!online}
        aria-describedby={online ? undefined : why}
        aria-label={`Add unit ${unit} to sync`}
        onClick={() => void addToSync(siteId, unitId, false)}
      >
        Add to sync
      </button>
      {withResync ? (
        <button type="button" className="btn btn-small" disabled={!online} aria-describedby={online ? undefined : why} onClick={() => void addToSync(siteId, unitId, true)}>
          Add and resync now
        </button>
      ) : null}
      {online ? null : (
        <span id={why} className="muted small">
          Needs the network
        </span>
      )}
    </span>
  );
}
