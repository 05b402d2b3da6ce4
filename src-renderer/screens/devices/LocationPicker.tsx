import { useEffect, useState } from 'react';
import { useStore } from 'zustand';
import { useStores } from '../../stores/stores-context';

/** Where a device goes: the public area, Building 1, or one apartment (picked by search). */
export interface LocationChoice {
  scope: 'community' | 'building' | 'apartment';
  apartment: { id: string; name: string } | null;
}

const SCOPES: { value: LocationChoice['scope']; label: string }[] = [
  { value: 'community', label: 'Community public area' },
  { value: 'building', label: 'Building 1' },
  { value: 'apartment', label: 'One apartment' },
];

/** Radio buttons for the location, and for "One apartment" a search box over the site's apartments (local copy, works offline). */
export function LocationPicker({ idPrefix, value, onChange }: { idPrefix: string; value: LocationChoice; onChange: (next: LocationChoice) => void }) {
  const searchApartments = useStore(useStores().devices, (s) => s.searchApartments);
  const [text, setText] = useState('');
  const [results, setResults] = useState<{ id: string; name: string; residentNames: string }[]>([]);
  useEffect(() => {
    if (value.scope !== 'apartment') return;
    let current = true;
    const timer = setTimeout(() => {
      void searchApartments(text)
        .then((rows) => current && setResults(rows))
        .catch(() => current && setResults([]));
    }, 120);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [text, value.scope, searchApartments]);

  return (
    <fieldset className="field location-picker">
      <legend>Location</legend>
      {SCOPES.map((s) => (
        <label key={s.value} className="radio">
          <input type="radio" name={`${idPrefix}-scope`} value={s.value} checked={value.scope === s.value} onChange={() => onChange({ scope: s.value, apartment: value.apartment })} />
          {s.label}
        </label>
      ))}
      {value.scope === 'apartment' ? (
        <div className="apartment-picker">
          <label htmlFor={`${idPrefix}-apartment`}>Find the apartment</label>
          <input id={`${idPrefix}-apartment`} type="search" value={text} placeholder="Unit or resident name" autoComplete="off" onChange={(e) => setText(e.target.value)} />
          {value.apartment ? (
            <p className="small" role="status">
              Chosen: <strong>Unit {value.apartment.name}</strong>
            </p>
          ) : (
            <p className="small muted">Choose one from the list.</p>
          )}
          <ul className="picker-results" aria-label="Matching apartments">
            {results.map((r) => (
              <li key={r.id}>
                <button type="button" className="link-button" aria-pressed={value.apartment?.id === r.id} onClick={() => onChange({ scope: 'apartment', apartment: { id: r.id, name: r.name } })}>
                  Unit {r.name}
                  {r.residentNames ? <span className="muted"> · {r.residentNames}</span> : null}
                </button>
              </li>
            ))}
            {results.length === 0 ? <li className="muted small">No apartment matches.</li> : null}
          </ul>
        </div>
      ) : null}
    </fieldset>
  );
}
