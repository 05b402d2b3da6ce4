import { useEffect, useId, useState } from 'react';
import { useStore } from 'zustand';
import { RESIDENT_SEARCH } from '../../../src-shared/ipc/contract/apartments';
import { unitWords } from '../../lib/main-account';
import { useApp, useStores } from '../../stores/stores-context';

/** How long typing pauses before the search runs. */
const DEBOUNCE_MS = 200;

/**
 * The resident search across all sites (issue 16): name, e-mail or unit, read from the copy on
 * this computer (so it works offline); each match opens its apartment.
 */
export function ResidentSearch() {
  const store = useStores().residentSearch;
  const result = useStore(store, (s) => s.result);
  const search = useStore(store, (s) => s.search);
  const navigate = useApp((s) => s.navigate);
  const [text, setText] = useState('');
  const id = useId();
  useEffect(() => {
    const timer = setTimeout(() => void search(text), DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [text, search]);
  const short = text.trim().length > 0 && text.trim().length < RESIDENT_SEARCH.minChars;
  const matches = result.value?.matches ?? [];
  return (
    <div className="fr-resident-search" role="search">
      <label htmlFor={id} className="visually-hidden">
        Search residents in all sites
      </label>
      <input
        id={id}
        type="search"
        value={text}
        placeholder="Find a resident: name, e-mail or unit"
        aria-describedby={`${id}-status`}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={(e) => e.key === 'Escape' && setText('')}
      />
      <p id={`${id}-status`} className="visually-hidden" role="status">
        {short ? `Type at least ${RESIDENT_SEARCH.minChars} characters.` : result.status === 'ready' ? statusText(matches.length, result.value.more) : ''}
      </p>
      {text.trim().length >= RESIDENT_SEARCH.minChars && result.status !== 'idle' ? (
        <div className="fr-search-results card" aria-label="Residents found">
          {result.status === 'error' ? (
            <p className="fr-search-error" role="alert">{result.error.text}</p>
          ) : result.status === 'loading' && matches.length === 0 ? (
            <p className="muted">Searching…</p>
          ) : matches.length === 0 ? (
            <p className="muted">No resident matches “{text.trim()}”. Search by first or last name, e-mail or unit.</p>
          ) : (
            <>
              <ul>
                {matches.map((m) => (
                  <li key={m.residentId}>
                    <button
                      type="button"
                      className="link-button"
                      onClick={() => navigate({ screen: 'apartments', siteId: m.siteId, apartmentId: m.apartmentId })}
                    >
                      {`${m.firstName} ${m.lastName}`.trim() || 'Unnamed resident'}
                    </button>
                    <span className="muted">
                      {' '}
                      {m.siteName} · {unitWords(m.apartmentName)}
                      {m.email ? ` · ${m.email}` : ''}
                    </span>
                  </li>
                ))}
              </ul>
              {result.value?.more ? <p className="muted">Showing the first {matches.length}; type more to narrow it down.</p> : null}
            </>
          )}
        </div>
      ) : null}
    </div>
  );
}

function statusText(count: number, more: boolean): string {
  if (count === 0) return 'No resident found.';
  return `${more ? 'More than ' : ''}${count} ${count === 1 ? 'resident' : 'residents'} found.`;
}
