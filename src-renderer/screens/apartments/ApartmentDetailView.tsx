import { useEffect } from 'react';
import { useStore } from 'zustand';
import type { ApartmentDetail } from '../../../src-shared/domain/site';
import { formatMac } from '../../../src-shared/rules/mac';
import { DEVICE_TYPE_LABELS } from '../../../src-shared/ipc/contract/devices';
import { ChangesTable } from '../../components/ChangesTable';
import { EmptyState } from '../../components/EmptyState';
import { formatDateTime, readableDates } from '../../components/format';
import { plural } from '../../components/labels';
import { NotActivatedNote } from './NotActivatedNote';
import { useApp, useStores } from '../../stores/stores-context';
import { AddToSyncButton, AddToSyncNoticeBanner } from './AddToSyncButton';
import { OfflineNotice } from './OfflineNotice';
import { ResidentsTable } from './ResidentsTable';
import { Breadcrumb } from './Breadcrumb';
import { mainAccountLabel } from '../../lib/main-account';

/** One apartment: main account, family members, devices and its sync history (spec §9). */
export function ApartmentDetailView({ siteId, apartmentId }: { siteId: string; apartmentId: string }) {
  const store = useStores().apartments;
  const navigate = useApp((s) => s.navigate);
  const detail = useStore(store, (s) => s.detail);
  const sites = useStore(store, (s) => s.sites);
  const { openApartment, closeApartment } = store.getState();
  useEffect(() => {
    void openApartment(apartmentId);
    return () => closeApartment();
  }, [apartmentId, openApartment, closeApartment]);

  const site = sites.status === 'ready' ? sites.value.find((s) => s.id === siteId) : undefined;
  const back = () => navigate({ screen: 'apartments', siteId });
  const title = detail.status === 'ready' ? `Unit ${detail.value.apartment.name}` : 'Apartment';
  return (
    <section className="screen" aria-labelledby="screen-title">
      <Breadcrumb trail={[{ label: 'Sites', onClick: () => navigate({ screen: 'apartments' }) }, { label: `${site?.name ?? 'Site'} · Building 1`, onClick: back }, { label: title }]} />
      <h1 id="screen-title" tabIndex={-1}>
        {title}
      </h1>
      <OfflineNotice asOf={detail.status === 'ready' ? detail.value.asOf : null} what="This is the copy kept on this computer; PINs can still be revealed." />
      <AddToSyncNoticeBanner />
      {detail.status === 'idle' || detail.status === 'loading' ? (
        <p className="muted" role="status">
          Loading the apartment…
        </p>
      ) : detail.status === 'error' ? (
        <div className="banner banner-error" role="alert">
          {detail.error.text} {detail.error.nextStep}{' '}
          <button type="button" className="btn" onClick={back}>
            Back to the list
          </button>
        </div>
      ) : (
        <Detail value={detail.value} custom={site !== undefined && site.policy.apartments !== 'all'} />
      )}
    </section>
  );
}

function Detail({ value, custom }: { value: ApartmentDetail; custom: boolean }) {
  const { apartment, master, familyMembers, devices, history } = value;
  const changes = value.changes ?? [];
  const navigate = useApp((s) => s.navigate);
  if (!apartment.synced) {
    return (
      <EmptyState
        title="In Rent Manager, not synced"
        action={custom && apartment.unitId !== null ? <AddToSyncButton siteId={apartment.siteId} unitId={apartment.unitId} unit={apartment.name} withResync /> : null}
      >
        This unit is not on the site’s list of apartments to sync, so SmartPlus has no apartment for it yet.
      </EmptyState>
    );
  }
  return (
    <div className="detail-grid">
      <div className="card detail-summary">
        <span className={apartment.activated ? 'pill pill-ok' : 'pill pill-warn'}>{apartment.activated ? 'Activated' : 'Not activated'}</span>
        <span>
          {apartment.familyMemberCount} of {apartment.familyMemberLimit} family members
        </span>
        <span>{apartment.problemCount > 0 ? <span className="pill pill-danger">{plural(apartment.problemCount, 'problem')} in the last run</span> : 'No problems in the last run'}</span>
      </div>
      {apartment.activated ? null : <NotActivatedNote count={1} />}
      <section className="card" aria-labelledby="master-title">
        <h2 id="master-title">Main account</h2>
        {master ? (
          <MainAccount master={master} apartmentName={apartment.name} familyMembers={familyMembers} />
        ) : (
          <p className="muted">No main account in the synced data.</p>
        )}
      </section>
      <section className="card" aria-labelledby="family-title">
        <h2 id="family-title">Family members</h2>
        {familyMembers.length === 0 ? <p className="muted">Vacant: no family member accounts.</p> : <ResidentsTable residents={familyMembers} />}
      </section>
      <section className="card" aria-labelledby="devices-title">
        <h2 id="devices-title">Devices</h2>
        {devices.length === 0 ? (
          <p className="muted">No device belongs to this apartment.</p>
        ) : (
          <ul className="plain-list">
            {devices.map((d) => (
              <li key={d.id}>
                {d.name} <span className="muted">· {DEVICE_TYPE_LABELS[d.type]} · {formatMac(d.mac)}</span>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section className="card" aria-labelledby="history-title">
        <h2 id="history-title">Sync history</h2>
        <h3 id="apartment-changes-title">Changes</h3>
        {changes.length === 0 ? (
          <p className="muted">No run has changed this apartment yet.</p>
        ) : (
          <ChangesTable caption="Changes made to this apartment" changes={changes} onOpenRun={(c) => navigate({ screen: 'runs', runId: c.runId })} />
        )}
        <h3 id="apartment-problems-title">Problems</h3>
        {history.length === 0 ? (
          <p className="muted">No problems with this apartment in past runs.</p>
        ) : (
          <table className="data">
            <thead>
              <tr>
                <th scope="col">Run</th>
                <th scope="col">Problem</th>
              </tr>
            </thead>
            <tbody>
              {history.map((p, i) => (
                <tr key={`${p.runId}-${i}`}>
                  <td>{formatDateTime(p.runStartedAt)}</td>
                  <td>
                    {p.subject ? <strong>{p.subject}: </strong> : null}
                    {readableDates(p.reason)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </div>
  );
}

/** The main account, named "Unit 106 (main account)" rather than the bare unit number, with the primary tenant when known. */
function MainAccount({ master, apartmentName, familyMembers }: { master: NonNullable<ApartmentDetail['master']>; apartmentName: string; familyMembers: ApartmentDetail['familyMembers'] }) {
  const { title, primaryTenant } = mainAccountLabel(master, apartmentName, familyMembers);
  return (
    <p>
      <strong>{title}</strong>
      {primaryTenant ? <> · primary tenant {primaryTenant}</> : null} <span className="muted">— created with the apartment; a sync never deletes it.</span>
    </p>
  );
}
