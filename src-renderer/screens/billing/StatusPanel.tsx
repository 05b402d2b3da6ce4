import type { IntegrationStatus } from '../../../src-shared/ipc/contract/billing';
import { formatDateTime } from '../../components/format';
import { useStores } from '../../stores/stores-context';
import { useBilling } from './use-billing';

function describe(status: IntegrationStatus): { pill: string; label: string; text: string } {
  const until = status.activeUntil ? formatDateTime(status.activeUntil) : null;
  switch (status.state) {
    case 'active':
      return { pill: 'pill-ok', label: 'Active', text: `Active until ${until ?? '—'}${status.renewal === 'auto' ? ', then renews automatically' : ''}. Sites can be synced.` };
    case 'expired':
      return { pill: 'pill-danger', label: 'Expired', text: `Expired${until ? ` on ${until}` : ''}. Sites cannot be synced until it is renewed.` };
    case 'none':
      return { pill: 'pill-warn', label: 'Not active', text: 'Not paid for yet. Sites cannot be synced until the Integration service is paid for.' };
    case 'unknown':
      return { pill: 'pill-muted', label: 'Unknown', text: status.reason ?? 'The subscription could not be checked.' };
  }
}

/** The integration subscription's state at the top of the screen: active until …, expired, or none — with why syncing is blocked. */
export function StatusPanel() {
  const { billing } = useStores();
  const status = useBilling((s) => s.status);
  const value = status.value;
  const shown = value ? describe(value) : null;
  return (
    <section className="card sub-status" aria-labelledby="sub-status-title">
      <h2 id="sub-status-title">
        Integration subscription{' '}
        {shown ? <span className={`pill ${shown.pill}`}>{shown.label}</span> : null}
      </h2>
      {status.status === 'loading' && !value ? <p role="status">Checking the subscription…</p> : null}
      {shown ? <p className="sub-line">{shown.text}</p> : null}
      {value?.stale ? (
        <p className="sub-line muted">
          {value.reason} Last checked {value.checkedAt ? formatDateTime(value.checkedAt) : 'never'}.
        </p>
      ) : null}
      {status.status === 'error' ? (
        <div className="banner banner-error" role="alert">
          {status.error.text} {status.error.nextStep}{' '}
          <button type="button" className="btn btn-small" onClick={() => void billing.getState().refreshStatus()}>
            Check again
          </button>
        </div>
      ) : null}
    </section>
  );
}
