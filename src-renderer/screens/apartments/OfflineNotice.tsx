import { formatDateTime } from '../../components/format';
import { useApp } from '../../stores/stores-context';

/**
 * The "Offline — data as of …" notice (spec §9): shown while main reports no network, with the
 * age of the local copy and what still works.
 */
export function OfflineNotice({ asOf, what }: { asOf: string | null; what: string }) {
  const online = useApp((s) => s.online);
  if (online) return null;
  return (
    <div className="banner banner-warn" role="status" data-testid="offline-notice">
      <strong>Offline — data as of {asOf ? formatDateTime(asOf) : 'the last sync'}.</strong> {what}
    </div>
  );
}
