import { useEffect } from 'react';
import { useApp, useStores } from '../../stores/stores-context';
import { ReceiptsTable } from './ReceiptsTable';
import { StatusPanel } from './StatusPanel';
import { BillingWizard } from './BillingWizard';
import { useBilling } from './use-billing';

/** The SmartPlus account the screen pays for (issue 16): named, and a choice when there are several (the default preselected). */
function AccountChoice() {
  const { billing } = useStores();
  const accounts = useBilling((s) => s.accounts);
  const accountId = useBilling((s) => s.accountId);
  const open = useBilling((s) => s.wizard !== null);
  const current = accounts.find((a) => a.id === accountId);
  if (!current) return null;
  const pill = current.isSandbox ? <span className="pill pill-sandbox">Sandbox</span> : null;
  if (accounts.length === 1) {
    return (
      <p className="sub-account">
        For the SmartPlus account <strong>{current.label}</strong> {pill}
      </p>
    );
  }
  return (
    <div className="sub-account">
      <label htmlFor="sub-account-choice">SmartPlus account to pay for</label>{' '}
      <select id="sub-account-choice" value={current.id} disabled={open} aria-describedby={open ? 'sub-account-hint' : undefined} onChange={(e) => void billing.getState().chooseAccount(e.target.value)}>
        {accounts.map((a) => (
          <option key={a.id} value={a.id}>
            {a.label}
            {a.isDefault ? ' (default)' : ''}
            {a.isSandbox ? ' — Sandbox' : ''}
          </option>
        ))}
      </select>{' '}
      {pill}
      {open ? (
        <span id="sub-account-hint" className="muted">
          {' '}
          Close the payment to choose another account.
        </span>
      ) : null}
    </div>
  );
}

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
      <AccountChoice />
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
