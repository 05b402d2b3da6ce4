import { useStore } from 'zustand';
import { EmptyState } from '../../components/EmptyState';
import { formatDateTime } from '../../components/format';
import { LoadStatus } from '../../components/LoadStatus';
import { useApp, useStores } from '../../stores/stores-context';
import { OfflineNotice } from './OfflineNotice';

/** The installer's sites: customer, community, apartment count and data age, with "Get Site from PMS". */
export function SiteList() {
  const sites = useStore(useStores().apartments, (s) => s.sites);
  const loadSites = useStore(useStores().apartments, (s) => s.loadSites);
  const customers = useStore(useStores().apartments, (s) => s.customers);
  const navigate = useApp((s) => s.navigate);
  const online = useApp((s) => s.online);
  const getSite = (
    <button
      type="button"
      className="btn btn-primary"
      disabled={!online}
      aria-describedby={online ? undefined : 'get-site-offline'}
      onClick={() => navigate({ screen: 'get-site' })}
    >
      Get Site from PMS
    </button>
  );
  const newest = sites.status === 'ready' ? sites.value.map((s) => s.asOf).filter((a): a is string => a !== null).sort().at(-1) ?? null : null;
  return (
    <section className="screen" aria-labelledby="screen-title">
      <div className="screen-head">
        <h1 id="screen-title" tabIndex={-1}>
          Sites
        </h1>
        {getSite}
      </div>
      {!online ? (
        <p id="get-site-offline" className="muted">
          Getting a site needs Rent Manager and SmartPlus, so it waits until you are back online.
        </p>
      ) : null}
      <OfflineNotice asOf={newest} what="Everything below is the copy kept on this computer and can be browsed." />
      <LoadStatus value={sites} loading="Loading sites…" onRetry={() => void loadSites()}>
        {(list) => list.length === 0 ? (
        <EmptyState title="No sites yet" action={getSite}>
          Import a property from Rent Manager to create its SmartPlus community and browse its apartments here.
        </EmptyState>
      ) : (
        <table className="data">
          <caption className="visually-hidden">Your sites</caption>
          <thead>
            <tr>
              <th scope="col">Site</th>
              <th scope="col">Customer</th>
              <th scope="col">Community</th>
              <th scope="col">Apartments</th>
              <th scope="col">Data as of</th>
            </tr>
          </thead>
          <tbody>
            {list.map((site) => (
              <tr key={site.id}>
                <th scope="row">
                  <button type="button" className="link-button" onClick={() => navigate({ screen: 'sites', siteId: site.id })}>
                    {site.name}
                  </button>
                </th>
                <td>{(site.connectionId && customers[site.connectionId]) ?? site.customerId ?? <span className="muted">—</span>}</td>
                <td>{site.communityId ? site.name : <span className="muted">Not created yet</span>}</td>
                <td>{site.apartmentCount}</td>
                <td>{site.asOf ? formatDateTime(site.asOf) : <span className="muted">Never synced</span>}</td>
              </tr>
            ))}
          </tbody>
        </table>
        )}
      </LoadStatus>
    </section>
  );
}
