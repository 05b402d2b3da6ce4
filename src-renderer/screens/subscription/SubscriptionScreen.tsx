import { useEffect } from 'react';
import { useApp, useStores } from '../../stores/stores-context';
import { ReceiptsTable } from './ReceiptsTable';
import { StatusPanel } from './StatusPanel';
import { SubscriptionWizard } from './SubscriptionWizard';
import { useSubscription } from './use-subscription';

/**
 * Subscription (spec §7): the integration's state, paying for it (type → service → renewal →
 * review → card → receipt), paying the monthly fee of chosen apartments, and the receipts.
 */
export function SubscriptionScreen() {
  const { subscription } = useStores();
  const open = useSubscription((s) => s.wizard !== null);
  const state = useSubscription((s) => s.status.value?.state ?? null);
  const online = useApp((s) => s.online);
  useEffect(() => {
    void subscription.getState().load();
  }, [subscription]);
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
        <SubscriptionWizard />
      ) : (
        <div className="row sub-start">
          <button type="button" className="btn btn-primary" onClick={() => subscription.getState().start('integration')}>
            {state === 'active' ? 'Extend the integration' : state === 'expired' ? 'Renew the integration' : 'Pay for the integration'}
          </button>
          <button type="button" className="btn" onClick={() => subscription.getState().start('apartments')}>
            Pay for apartments
          </button>
        </div>
      )}
      {open ? null : <ReceiptsTable />}
    </section>
  );
}
