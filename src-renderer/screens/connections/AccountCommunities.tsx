import type { ConnectionListItem } from '../../../src-shared/ipc/contract/connections';
import { useStores } from '../../stores/stores-context';
import { useConnections } from './use-connections';

/** "Show communities" under a SmartPlus account's card (issue 16): each community, and the SiteSync site that syncs to it. */
export function AccountCommunities({ account }: { account: ConnectionListItem }) {
  const { connections } = useStores();
  const shown = useConnections((s) => s.communities[account.id]);
  const listId = `cn-communities-${account.id}`;
  return (
    <div className="cn-communities">
      <button
        type="button"
        className="btn btn-small"
        aria-expanded={shown !== undefined}
        aria-controls={listId}
        aria-label={`${shown ? 'Hide' : 'Show'} communities of ${account.label}`}
        onClick={() => void connections.getState().toggleCommunities(account.id)}
      >
        {shown ? 'Hide communities' : 'Show communities'}
      </button>
      <div id={listId}>
        {shown?.state === 'loading' ? (
          <p className="cn-line" role="status">
            Loading the communities…
          </p>
        ) : null}
        {shown?.state === 'error' ? (
          <p className="cn-line banner banner-error" role="alert">
            {shown.problem.text} {shown.problem.nextStep}
          </p>
        ) : null}
        {shown?.state === 'done' && shown.list.length === 0 ? (
          <p className="cn-line muted">
            This account has no community yet. Get Site from PMS creates one.
          </p>
        ) : null}
        {shown?.state === 'done' && shown.list.length > 0 ? (
          <ul className="cn-community-list" aria-label={`Communities of ${account.label}`}>
            {shown.list.map((c) => (
              <li key={c.id}>
                <span className="cn-community-name">{c.name}</span>{' '}
                <span className="muted">{c.siteName ? `· site "${c.siteName}"` : '· not synced by SiteSync'}</span>
              </li>
            ))}
          </ul>
        ) : null}
      </div>
    </div>
  );
}
