import { useEffect, useRef } from 'react';
import { useStore } from 'zustand';
import { useApp, useStores } from '../../stores/stores-context';
import { ApartmentBrowser } from './ApartmentBrowser';
import { ApartmentDetailView } from './ApartmentDetailView';
import { SiteList } from './SiteList';

/** The apartment browser (the Sites item of the sidebar): the installer's sites → a site's apartments → one apartment (spec §9). */
export function ApartmentsScreen() {
  const siteId = useApp((s) => s.route.siteId);
  const apartmentId = useApp((s) => s.route.apartmentId);
  const store = useStores().apartments;
  const loadSites = useStore(store, (s) => s.loadSites);
  useEffect(() => {
    void loadSites();
  }, [loadSites]);
  // Moving between the list, a site and an apartment is a new page: focus its heading, as the shell does between screens.
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    document.getElementById('screen-title')?.focus();
  }, [siteId, apartmentId]);
  if (siteId && apartmentId) return <ApartmentDetailView siteId={siteId} apartmentId={apartmentId} />;
  if (siteId) return <ApartmentBrowser siteId={siteId} />;
  return <SiteList />;
}
