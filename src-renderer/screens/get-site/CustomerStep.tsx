import { EmptyState } from '../../components/EmptyState';
import { useApp } from '../../stores/stores-context';
import { LoadStatus } from '../../components/LoadStatus';
import { useGetSite } from './use-get-site';

const STATUS_TEXT = {
  configured: null,
  missing: 'Its password is missing from the keychain — re-enter it under Connections.',
  rejected: 'Rent Manager refused its password — update it under Connections.',
} as const;

/** Step 1: the customer, i.e. one Rent Manager connection. */
export function CustomerStep() {
  const customers = useGetSite((s) => s.customers);
  const chosen = useGetSite((s) => s.draft.connectionId);
  const choose = useGetSite((s) => s.chooseCustomer);
  const reload = useGetSite((s) => s.loadCustomers);
  const navigate = useApp((s) => s.navigate);
  return (
    <LoadStatus value={customers} loading="Loading customers…" onRetry={() => void reload()}>
      {(list) =>
        list.length === 0 ? (
          <EmptyState
            title="No Rent Manager customer yet"
            action={
              <button type="button" className="btn btn-primary" onClick={() => navigate({ screen: 'connections' })}>
                Add a customer under Connections
              </button>
            }
          >
            Each customer is a Rent Manager company with its own sign-in. Add one first, then come back here.
          </EmptyState>
        ) : (
          <fieldset className="gs-choices">
            <legend>Which customer&apos;s property do you want to import?</legend>
            {list.map((c) => {
              const problem = STATUS_TEXT[c.status];
              return (
                <label key={c.connectionId} className={`gs-choice${problem ? ' gs-choice-disabled' : ''}`}>
                  <input
                    type="radio"
                    name="customer"
                    value={c.connectionId}
                    checked={chosen === c.connectionId}
                    disabled={problem !== null}
                    onChange={() => choose(c.connectionId)}
                  />
                  <span>
                    <strong>{c.name}</strong> {c.isSandbox ? <span className="pill pill-sandbox">Sandbox</span> : null}
                    <span className="gs-choice-hint">
                      {c.companyCode ? `Company code ${c.companyCode}` : 'Rent Manager'}
                      {c.locationId !== null ? `, location ${c.locationId}` : ''}
                      {problem ? ` — ${problem}` : ''}
                    </span>
                  </span>
                </label>
              );
            })}
          </fieldset>
        )
      }
    </LoadStatus>
  );
}
