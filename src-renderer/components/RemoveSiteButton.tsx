import { useState } from 'react';
import { errorSentence } from '../lib/error-text';
import { ConfirmDialog } from './ConfirmDialog';

/** "Remove site…": what SiteSync forgets and what stays in SmartPlus, said before anything happens; `onRemove` asks main (and throws what it refused). */
export function RemoveSiteButton({ name, flagged, onRemove }: { name: string; flagged: boolean; onRemove: () => Promise<void> }) {
  const [asking, setAsking] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const remove = async () => {
    setAsking(false);
    try {
      await onRemove();
    } catch (e) {
      setError(errorSentence(e));
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
