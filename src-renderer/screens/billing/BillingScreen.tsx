import { useEffect } from 'react';
import { useApp, useStores } from '../../stores/stores-context';
import { ReceiptsTable } from './ReceiptsTable';
import { StatusPanel } from './StatusPanel';
import { BillingWizard } from './BillingWizard';
import { useBilling } from './use-billing';

/**
 * Subscription (spec §7): the integration's state, paying for it (type → service → renewal →
 * review → card → receipt), paying the monthly fee of chosen apartments, and the receipts.
 */
export function BillingScreen() {
  const { billing } = useStores();
  const open = useBilling((s) => s.wizard !== null);
  const state = useBilling((s) => s.status.value?.state ?? null);
  const online = useApp((s) => s.online);
  useEffect(() => {
    void billing.getState().load();
  }, [billing]);
  return (
    <section className="screen" aria-labelledby="screen-title">
      <h1 id="screen-title" tabIndex={-1}>
        Subscription
      </h1>
      {online ? null : (
        <p className="banner banner-warn" role="status">
          You are offline. Receipts kept on this computer are shown; paying needs the network.
        </p>
      )}
      <StatusPanel />
      {open ? (
        <BillingWizard />
      ) : (
        <div className="row sub-start">
          <button type="button" className="btn btn-primary" onClick={() => billing.getState().start('integration')}>
            {state === 'active' ? 'Extend the integration' : state === 'expired' ? 'Renew the integration' : 'Pay for the integration'}
          </button>
          <button type="button" className="btn" onClick={() => billing.getState().start('apartments')}>
            Pay for apartments
          </button>
        </div>
      )}
      {open ? null : <ReceiptsTable />}
    </section>
  );
}
