import { useEffect } from 'react';
import { useStore } from 'zustand';
import type { ApartmentFilter } from '../../../src-shared/domain/site';
import { EmptyState } from '../../components/EmptyState';
import { plural } from '../../components/labels';
import { NotActivatedNote } from './NotActivatedNote';
import { LoadStatus } from '../../components/LoadStatus';
import { perfMark } from '../../stores/perf';
import { useApp, useStores } from '../../stores/stores-context';
import { AddToSyncNoticeBanner } from './AddToSyncButton';
import { ApartmentList } from './ApartmentList';
import { OfflineNotice } from './OfflineNotice';
import { Breadcrumb } from './Breadcrumb';

const FILTERS: { value: ApartmentFilter; label: string }[] = [
  { value: 'all', label: 'All' },
  { value: 'problems', label: 'With problems' },
  { value: 'not-activated', label: 'Not activated' },
  { value: 'vacant', label: 'Vacant' },
];

/** A site's Community → Building 1 → apartments, with search and filters, all from the local copy. */
export function ApartmentBrowser({ siteId }: { siteId: string }) {
  const store = useStores().apartments;
  const navigate = useApp((s) => s.navigate);
  const sites = useStore(store, (s) => s.sites);
  const list = useStore(store, (s) => s.list);
  const search = useStore(store, (s) => s.search);
  const filter = useStore(store, (s) => s.filter);
  const { openSite, setSearch, setFilter } = store.getState();
  useEffect(() => {
    void openSite(siteId);
  }, [openSite, siteId]);

  const site = sites.status === 'ready' ? sites.value.find((s) => s.id === siteId) : undefined;
  const custom = site !== undefined && site.policy.apartments !== 'all';
  const filters = custom ? [...FILTERS, { value: 'not-synced' as const, label: 'In Rent Manager, not synced' }] : FILTERS;
  const asOf = list.status === 'ready' ? list.value.asOf : (site?.asOf ?? null);
  const name = site?.name ?? 'Site';
  const counts = list.status === 'ready' ? list.value.siteCounts : undefined;

  return (
    <section className="screen" aria-labelledby="screen-title">
      <Breadcrumb trail={[{ label: 'Sites', onClick: () => navigate({ screen: 'apartments' }) }, { label: name }, { label: 'Building 1' }]} />
      <h1 id="screen-title" tabIndex={-1}>
        {name} <span className="muted h1-sub">· Building 1</span>
      </h1>
      {counts ? (
        <p className="muted site-counts">
          {plural(counts.synced, 'apartment')} synced
          {counts.rentManagerOnly > 0 ? ` · ${plural(counts.rentManagerOnly, 'unit')} in Rent Manager only, not synced` : ''}
          {counts.notActivated > 0 ? ` · ${counts.notActivated} not activated` : ''}
        </p>
      ) : null}
      <NotActivatedNote count={counts?.notActivated ?? 0} />
      <OfflineNotice asOf={asOf} what="Browsing and searching use the copy on this computer; PINs can still be revealed." />
      <AddToSyncNoticeBanner />
      <div className="browser-tools">
        <div className="field search-field">
          <label htmlFor="apartment-search">Search this site</label>
          <input
            id="apartment-search"
            type="search"
            value={search}
            placeholder="Unit, resident name, e-mail or RF card"
            autoComplete="off"
            spellCheck={false}
            onChange={(e) => {
              perfMark('apartments:key');
              setSearch(e.target.value);
            }}
          />
        </div>
        <div role="group" aria-label="Show" className="segmented">
          {filters.map((f) => (
            <button key={f.value} type="button" className="seg" aria-pressed={filter === f.value} onClick={() => setFilter(f.value)}>
              {f.label}
            </button>
          ))}
        </div>
      </div>
      <LoadStatus value={list} loading="Loading apartments…" onRetry={() => void openSite(siteId)}>
        {(shown) => shown.total === 0 ? (
        search || filter !== 'all' ? (
          <EmptyState title="No apartments match">Try another search, or show all apartments.</EmptyState>
        ) : (
          <EmptyState title="No apartments synced yet">Resync the site from the Overview to bring its apartments here.</EmptyState>
        )
      ) : (
        <>
          <p className="muted" role="status" aria-live="polite">
            {shown.total.toLocaleString()} {shown.total === 1 ? 'apartment' : 'apartments'}
            {shown.search ? ` matching “${shown.search}”` : ''}
          </p>
          <ApartmentList list={shown} search={search} custom={custom} />
        </>
        )}
      </LoadStatus>
    </section>
  );
}
