import { useState } from 'react';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { describeError } from '../../lib/error-text';
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

/** "Remove site…": what SiteSync forgets and what stays in SmartPlus, said before anything happens. */
export function RemoveSiteButton({ siteId, name, flagged }: { siteId: string; name: string; flagged: boolean }) {
  const { overview } = useStores();
  const [asking, setAsking] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const remove = async () => {
    setAsking(false);
    try {
      await overview.getState().removeSite(siteId);
    } catch (e) {
      const { text, nextStep } = describeError(e);
      setError([text, nextStep].filter(Boolean).join(' '));
    }
  };
  return (
    <>
      <button type="button" className={flagged ? 'btn btn-small btn-warn site-meta' : 'link-button site-meta'} onClick={() => setAsking(true)} aria-label={`Remove site ${name}`}>
        Remove site…
      </button>
      {error ? (
        <span className="muted site-meta" role="alert">
          {error}
        </span>
      ) : null}
      {asking ? (
        <ConfirmDialog
          title={`Remove “${name}” from SiteSync?`}
          text={`SiteSync forgets this site and its local copy (apartments, residents and devices as last synced) and stops syncing it; its past runs stay in Runs. Nothing is deleted in SmartPlus: the community, its apartments, residents, PINs and RF cards stay exactly as they are. You can import the property again later (link it to the existing community).`}
          safeLabel="Keep the site"
          riskyLabel="Remove site"
          onSafe={() => setAsking(false)}
          onRisky={() => void remove()}
        />
      ) : null}
    </>
  );
}
