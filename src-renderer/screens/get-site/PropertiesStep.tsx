import { useId, useState } from 'react';
import { LoadStatus } from '../../components/LoadStatus';
import { matches } from '../../lib/search';
import { useGetSite } from './use-get-site';
import { plural } from '../../../src-shared/text/plural';

/** Step 2: the properties the customer enabled for the integration, searchable, several at once. */
export function PropertiesStep() {
  const properties = useGetSite((s) => s.properties);
  const picked = useGetSite((s) => s.draft.propertyIds);
  const toggle = useGetSite((s) => s.toggleProperty);
  const reload = useGetSite((s) => s.loadProperties);
  const [search, setSearch] = useState('');
  const searchId = useId();
  return (
    <LoadStatus value={properties} loading="Asking Rent Manager for the properties enabled for the integration…" onRetry={() => void reload()}>
      {(list) => {
        const shown = list.filter((p) => matches(search, p.name, p.address, String(p.id)));
        return (
          <>
            <p className="muted">
              Only properties this customer enabled for the Akuvox integration are listed (in Rent Manager: Administration → Integrations →
              Akuvox). Each property becomes one SmartPlus community; all of them share the choices of the next steps.
            </p>
            {list.length === 0 ? (
              <div className="banner banner-info" role="status">
                <p>This customer has no property enabled for the integration yet. The property manager turns it on in Rent Manager:</p>
                <ol className="gs-activation">
                  <li>Administration → Integrations → Akuvox → Request Activation;</li>
                  <li>once Rent Manager has activated it, select the properties to share with SiteSync.</li>
                </ol>
                <p>Then come back here and choose Try again.</p>
                <button type="button" className="btn" onClick={() => void reload()}>
                  Try again
                </button>
              </div>
            ) : (
              <>
                <div className="field">
                  <label htmlFor={searchId}>Search properties</label>
                  <input
                    id={searchId}
                    type="search"
                    value={search}
                    placeholder="Name, address or ID"
                    onChange={(e) => setSearch(e.target.value)}
                    onKeyDown={(e) => e.key === 'Enter' && e.preventDefault()}
                  />
                </div>
                <p className="muted" role="status">
                  {picked.length} selected · {shown.length} of {list.length} shown
                </p>
                <fieldset className="gs-choices gs-scroll">
                  <legend className="gs-visually-hidden">Properties</legend>
                  {shown.map((p) => (
                    <label key={p.id} className={`gs-choice${p.siteId ? ' gs-choice-disabled' : ''}`}>
                      <input
                        type="checkbox"
                        checked={picked.includes(p.id)}
                        disabled={p.siteId !== null}
                        onChange={() => toggle(p.id)}
                      />
                      <span>
                        <strong>{p.name}</strong> <span className="pill pill-muted">{plural(p.unitCount, 'unit')}</span>
                        <span className="gs-choice-hint">
                          {p.address ?? 'No address in Rent Manager'} · ID {p.id}
                          {p.siteId ? ' — already imported as a site' : ''}
                        </span>
                      </span>
                    </label>
                  ))}
                  {shown.length === 0 ? <p className="muted">No property matches “{search}”.</p> : null}
                </fieldset>
              </>
            )}
          </>
        );
      }}
    </LoadStatus>
  );
}
