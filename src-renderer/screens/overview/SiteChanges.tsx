import { useApp, useStores } from '../../stores/stores-context';
import { useOverview } from '../../stores/sync-hooks';

/** Properties newly enabled for the integration in Rent Manager: "2 new properties for … — Import" (issue 16). */
export function NewPropertiesNotices() {
  const { overview } = useStores();
  const navigate = useApp((s) => s.navigate);
  const changes = useOverview((s) => s.changes);
  return (
    <>
      {changes
        .filter((c) => c.newProperties.length > 0)
        .map((c) => {
          const n = c.newProperties.length;
          const names = c.newProperties.slice(0, 3).map((p) => p.name).join(', ') + (n > 3 ? ` and ${n - 3} more` : '');
          return (
            <div key={c.connectionId} className="banner banner-info site-changes" role="status">
              <p className="gs-tight">
                <strong>
                  {n} new {n === 1 ? 'property' : 'properties'} for {c.customerName}
                </strong>{' '}
                — enabled for the integration in Rent Manager, not imported yet: {names}.
              </p>
              <div className="row">
                <button type="button" className="btn btn-small btn-primary" onClick={() => navigate({ screen: 'get-site' })}>
                  Import
                </button>
                <button type="button" className="btn btn-small" onClick={() => void overview.getState().dismissNew(c.connectionId, c.newProperties.map((p) => p.id))}>
                  Not now
                </button>
              </div>
            </div>
          );
        })}
    </>
  );
}
