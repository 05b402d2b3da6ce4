import { useEffect } from 'react';
import { useStore } from 'zustand';
import { EmptyState } from '../../components/EmptyState';
import { formatDateTime } from '../../components/format';
import { LoadStatus } from '../../components/LoadStatus';
import { useApp, useStores } from '../../stores/stores-context';
import { AddDeviceForm } from './AddDeviceForm';
import { DeviceTable } from './DeviceTable';
import { OutboxList } from './OutboxList';
import { ScreenHeader } from '../../components/ScreenHeader';

/** How often the devices' online states are read again from SmartPlus while the screen is open. */
export const DEVICE_REFRESH_MS = 60_000;

/** The Devices screen (spec §10): a site's devices with online status, the add form and the queue of offline additions. */
export function DevicesScreen() {
  const store = useStores().devices;
  const routeSite = useApp((s) => s.route.siteId);
  const online = useApp((s) => s.online);
  const navigate = useApp((s) => s.navigate);
  const sites = useStore(store, (s) => s.sites);
  const siteId = useStore(store, (s) => s.siteId);
  const list = useStore(store, (s) => s.list);
  const notice = useStore(store, (s) => s.notice);
  const { loadSites, selectSite, refresh } = store.getState();
  useEffect(() => {
    void loadSites();
  }, [loadSites]);
  // Online states change by themselves: refresh them while the screen is open and the network is there.
  useEffect(() => {
    if (!online || !siteId) return;
    const timer = setInterval(() => void refresh(), DEVICE_REFRESH_MS);
    return () => clearInterval(timer);
  }, [online, siteId, refresh]);
  const firstSite = sites.status === 'ready' ? sites.value[0]?.id : undefined;
  useEffect(() => {
    const wanted = routeSite ?? store.getState().siteId ?? firstSite;
    if (wanted) void selectSite(wanted);
  }, [routeSite, firstSite, selectSite, store]);

  return (
    <section className="screen" aria-labelledby="screen-title">
      <ScreenHeader title="Devices">
        {sites.status === 'ready' && sites.value.length > 0 ? (
          <div className="field inline-field">
            <label htmlFor="devices-site">Site</label>
            <select id="devices-site" value={siteId ?? ''} onChange={(e) => navigate({ screen: 'devices', siteId: e.target.value })}>
              {sites.value.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}
                </option>
              ))}
            </select>
          </div>
        ) : null}
      </ScreenHeader>
      {!online ? (
        <div className="banner banner-warn" role="status" data-testid="offline-notice">
          <strong>Offline — device states as of {list.status === 'ready' && list.value.asOf ? formatDateTime(list.value.asOf) : 'the last sync'}.</strong>{' '}
          New devices are queued and sent when back online; editing and removing need the network.
        </div>
      ) : list.status === 'ready' && list.value.staleReason ? (
        <div className="banner banner-warn" role="status">
          {list.value.staleReason} {list.value.asOf ? `(as of ${formatDateTime(list.value.asOf)})` : ''}
        </div>
      ) : null}
      {notice ? (
        <div className={notice.kind === 'error' ? 'banner banner-error' : 'banner banner-info'} role={notice.kind === 'error' ? 'alert' : 'status'}>
          {notice.text}
        </div>
      ) : null}
      <LoadStatus value={sites} loading="Loading sites…" onRetry={() => void loadSites()}>
        {(all) => all.length === 0 ? (
          <EmptyState title="No sites yet">Devices belong to a site. Get a site from Rent Manager under Sites first.</EmptyState>
        ) : (
          <LoadStatus value={list} loading="Loading devices…" onRetry={() => void refresh()}>
            {(shown) => (
              <div className="devices-layout">
                <div>
                  <OutboxList items={shown.outbox} apartmentNames={shown.apartmentNames} />
                  {shown.devices.length === 0 ? (
                    <EmptyState title="No devices yet">Add the site’s door phones, indoor monitors and access terminals with the form.</EmptyState>
                  ) : (
                    <DeviceTable devices={shown.devices} apartmentNames={shown.apartmentNames} stale={!online || shown.staleReason !== null} />
                  )}
                </div>
                <AddDeviceForm />
              </div>
            )}
          </LoadStatus>
        )}
      </LoadStatus>
    </section>
  );
}
