import { useId, useMemo, useState } from 'react';
import { formatMoney } from '../../components/format';
import { useStores } from '../../stores/stores-context';
import { noSyncedSitesText } from '../../stores/billing-store';
import { useBilling } from './use-billing';

const SHOWN = 300;

/** Apartments flow: choose a synced site, the apartments (search, select all / none) and the months. */
export function ApartmentsStep() {
  const { billing } = useStores();
  const id = useId();
  const choices = useBilling((s) => s.choices);
  const draft = useBilling((s) => s.wizard?.draft);
  const prices = useBilling((s) => s.basis.value?.prices ?? null);
  const noSites = useBilling((s) => noSyncedSitesText(s.accounts, s.accountId));
  const [search, setSearch] = useState('');
  const apartments = useMemo(() => choices.value?.apartments ?? [], [choices.value]);
  const matching = useMemo(() => apartments.filter((a) => a.name.toLowerCase().includes(search.trim().toLowerCase())), [apartments, search]);
  if (!draft) return null;
  if (choices.status === 'loading' && !choices.value) return <p role="status">Loading synced sites…</p>;
  if (choices.status === 'error') return <p className="banner banner-error" role="alert">{choices.error.text} {choices.error.nextStep}</p>;
  const sites = choices.value?.sites ?? [];
  if (sites.length === 0) return <p className="banner banner-warn" role="status">{noSites}</p>;
  const chosen = new Set(draft.apartmentIds);
  const set = (ids: string[]) => billing.getState().setDraft({ apartmentIds: ids });
  const toggle = (aptId: string) => set(chosen.has(aptId) ? draft.apartmentIds.filter((x) => x !== aptId) : [...draft.apartmentIds, aptId]);
  return (
    <>
      <div className="row sub-apt-controls">
        <div className="field">
          <label htmlFor={`${id}-site`}>Site</label>
          <select id={`${id}-site`} value={draft.siteId ?? ''} onChange={(e) => void billing.getState().chooseSite(e.target.value)}>
            {sites.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name} ({s.apartmentCount} apartments)
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-months`}>Months</label>
          <select id={`${id}-months`} value={draft.apartmentMonths} onChange={(e) => billing.getState().setDraft({ apartmentMonths: Number(e.target.value) })}>
            {Array.from({ length: 12 }, (_, i) => i + 1).map((m) => (
              <option key={m} value={m}>
                {m === 1 ? '1 month' : `${m} months`}
              </option>
            ))}
          </select>
        </div>
        <div className="field sub-grow">
          <label htmlFor={`${id}-search`}>Find apartments</label>
          <input id={`${id}-search`} type="search" value={search} onChange={(e) => setSearch(e.target.value)} placeholder="Unit name" />
        </div>
      </div>
      <div className="row">
        <button type="button" className="btn btn-small" onClick={() => set([...new Set([...draft.apartmentIds, ...matching.map((a) => a.id)])])}>
          Select all{search ? ' found' : ''} ({matching.length})
        </button>
        <button type="button" className="btn btn-small" onClick={() => set([])}>
          Select none
        </button>
        <span role="status" className="muted">
          {draft.apartmentIds.length} chosen
          {prices && draft.apartmentIds.length > 0 ? ` · ${formatMoney(prices.apartmentMonthly * draft.apartmentIds.length * draft.apartmentMonths, prices.currency)}` : ''}
        </span>
      </div>
      <fieldset className="sub-apts">
        <legend>Apartments</legend>
        {matching.length === 0 ? <p className="muted">No apartment matches “{search}”.</p> : null}
        <div className="sub-apt-grid">
          {matching.slice(0, SHOWN).map((a) => (
            <label key={a.id} className="sub-apt">
              <input type="checkbox" checked={chosen.has(a.id)} onChange={() => toggle(a.id)} />
              {a.name}
              {a.activated ? <span className="pill pill-ok">active</span> : null}
            </label>
          ))}
        </div>
        {matching.length > SHOWN ? <p className="muted">Showing {SHOWN} of {matching.length}: search to narrow the list, or use Select all.</p> : null}
      </fieldset>
    </>
  );
}
