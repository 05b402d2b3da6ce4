import { useStore } from 'zustand';
import type { SiteSummary } from '../../../src-shared/domain/site';
import { EmptyState } from '../../components/EmptyState';
import { formatDateTime } from '../../components/format';
import { LoadStatus } from '../../components/LoadStatus';
import { useApp, useStores } from '../../stores/stores-context';
import { OfflineNotice } from './OfflineNotice';
import { type Column, DataTable } from '../../components/DataTable';
import { ScreenHeader } from '../../components/ScreenHeader';
import { ResidentSearch } from './ResidentSearch';
import { SitePauseControl } from '../../components/SitePauseControl';

/** The installer's sites: customer, community, apartment count and data age, with "Get Site from PMS". */
export function SiteList() {
  const sites = useStore(useStores().apartments, (s) => s.sites);
  const loadSites = useStore(useStores().apartments, (s) => s.loadSites);
  const customers = useStore(useStores().apartments, (s) => s.customers);
  const navigate = useApp((s) => s.navigate);
  const online = useApp((s) => s.online);
  const { overview } = useStores();
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
  const columns: Column<SiteSummary>[] = [
    {
      header: 'Site',
      rowHeader: true,
      cell: (site) => (
        <button type="button" className="link-button" onClick={() => navigate({ screen: 'apartments', siteId: site.id })}>
          {site.name}
        </button>
      ),
    },
    { header: 'Customer', cell: (site) => (site.connectionId && customers[site.connectionId]) ?? site.customerId ?? <span className="muted">—</span> },
    { header: 'Community', cell: (site) => (site.communityId ? site.name : <span className="muted">Not created yet</span>) },
    { header: 'Apartments', cell: (site) => site.apartmentCount },
    { header: 'Data as of', cell: (site) => (site.asOf ? formatDateTime(site.asOf) : <span className="muted">Never synced</span>) },
    {
      header: 'Schedule',
      cell: (site) => (
        <SitePauseControl
          site={site}
          onPause={(reason) => overview.getState().pauseSite(site.id, reason).then(loadSites)}
          onResume={() => overview.getState().resumeSite(site.id).then(loadSites)}
        />
      ),
    },
  ];
  const newest = sites.status === 'ready' ? sites.value.map((s) => s.asOf).filter((a): a is string => a !== null).sort().at(-1) ?? null : null;
  return (
    <section className="screen" aria-labelledby="screen-title">
      <ScreenHeader title="Sites">
        <ResidentSearch />
        {getSite}
      </ScreenHeader>
      {!online ? (
        <p id="get-site-offline" className="muted">
          Getting a site needs Rent Manager and SmartPlus, so it waits until you are back online.
        </p>
      ) : null}
      <OfflineNotice asOf={newest} what="Everything below is the copy kept on this computer and can be browsed." />
      <LoadStatus value={sites} loading="Loading sites…" onRetry={() => void loadSites()}>
        {(list) =>
          list.length === 0 ? (
            <EmptyState title="No sites yet" action={getSite}>
              Import a property from Rent Manager to create its SmartPlus community and browse its apartments here.
            </EmptyState>
          ) : (
            <DataTable caption="Your sites" captionClassName="visually-hidden" columns={columns} rows={list} rowKey={(site) => site.id} />
          )
        }
      </LoadStatus>
    </section>
  );
}
