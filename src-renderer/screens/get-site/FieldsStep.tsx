import { useId, useMemo, useState } from 'react';
import type { FieldSample } from '../../../src-shared/ipc/contract/sites';
import { suggestTimeZone } from '../../../src-shared/rules/time-zones';
import { LoadStatus } from '../../components/LoadStatus';
import { nameShowsType } from '../../components/labels';
import { useGetSite } from './use-get-site';

/** Every IANA zone the browser knows (the site's time zone list). */
const ZONES: readonly string[] = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : ['America/New_York'];

const NAME_HINT = { pin: /\bpin\b/i, rfCard: /\brf\b|card/i } as const;

/** One field picker: the tenant fields with counts and masked samples, and "No field". */
function FieldPicker({ which, samples }: { which: 'pin' | 'rfCard'; samples: FieldSample[] }) {
  const chosen = useGetSite((s) => (which === 'pin' ? s.draft.pinField : s.draft.rfCardField));
  const setPolicy = useGetSite((s) => s.setPolicy);
  const pick = (value: number | null) => setPolicy(which === 'pin' ? { pinField: value } : { rfCardField: value });
  const what = which === 'pin' ? 'PIN' : 'RF card';
  return (
    <fieldset className="gs-choices gs-fields">
      <legend>Which Rent Manager field holds each tenant&apos;s {what}?</legend>
      {samples.map((f) => {
        return (
          <label key={f.id} className="gs-choice gs-choice-compact">
            <input type="radio" name={`field-${which}`} checked={chosen === f.id} onChange={() => pick(f.id)} />
            <span>
              <strong>{f.name}</strong>
              {nameShowsType(f.name, f.fieldType) ? null : <> <span className="pill pill-muted">{f.fieldType}</span></>}
              {NAME_HINT[which].test(f.name) ? <span className="pill pill-muted">named like a {what} field</span> : null}
              <span className="gs-choice-hint">
                {f.tenantsWithValue} of {f.tenants} {f.tenants === 1 ? 'tenant has' : 'tenants have'} a value
                {f.shapes.length > 0 ? ` · values like: ${f.shapes.join('; ')}` : ''}
                {which === 'pin' && f.pinWarning ? ` · ${f.pinWarning}` : ''}
              </span>
            </span>
          </label>
        );
      })}
      <label className="gs-choice gs-choice-compact">
        <input type="radio" name={`field-${which}`} checked={chosen === null} onChange={() => pick(null)} />
        <span>
          <strong>No field</strong>
          <span className="gs-choice-hint">SiteSync leaves {what}s in SmartPlus as they are: it neither sets nor removes any.</span>
        </span>
      </label>
    </fieldset>
  );
}

/** The site's time zone: a searchable list, with the zone of the property's state offered first. */
function TimeZonePicker() {
  const zone = useGetSite((s) => s.draft.timeZone);
  const setPolicy = useGetSite((s) => s.setPolicy);
  const ids = useGetSite((s) => s.draft.propertyIds);
  const properties = useGetSite((s) => s.properties.value);
  const [search, setSearch] = useState('');
  const searchId = useId();
  const listId = useId();
  const suggestion = useMemo(() => {
    for (const id of ids) {
      const found = suggestTimeZone(properties?.find((p) => p.id === id)?.address);
      if (found) return found;
    }
    return null;
  }, [ids, properties]);
  const needle = search.trim().toLowerCase().replace(/\s+/g, '_');
  const shown = ZONES.filter((z) => needle === '' || z.toLowerCase().includes(needle));
  return (
    <fieldset className="gs-choices gs-fields">
      <legend>The site&apos;s time zone</legend>
      <p className="muted gs-tight">Move-in and move-out dates start and end at midnight in this zone, and the schedule runs on its clock.</p>
      {suggestion ? (
        <div className="row">
          <span>
            Suggested from the property&apos;s state ({suggestion.state}): <strong>{suggestion.zone.replace(/_/g, ' ')}</strong>
          </span>
          <button type="button" className="btn" onClick={() => setPolicy({ timeZone: suggestion.zone })} disabled={zone === suggestion.zone}>
            {zone === suggestion.zone ? 'Chosen' : 'Use this time zone'}
          </button>
        </div>
      ) : (
        <p className="muted gs-tight">The property&apos;s address names no US state: choose the zone from the list.</p>
      )}
      <div className="gs-zone-pick">
        <div className="field">
          <label htmlFor={searchId}>Search time zones</label>
          <input id={searchId} type="search" value={search} placeholder="e.g. Chicago" onChange={(e) => setSearch(e.target.value)} onKeyDown={(e) => e.key === 'Enter' && e.preventDefault()} />
        </div>
        <div className="field">
          <label htmlFor={listId}>Time zone</label>
          <select id={listId} size={6} value={zone ?? ''} onChange={(e) => setPolicy({ timeZone: e.target.value })}>
            {shown.map((z) => (
              <option key={z} value={z}>
                {z.replace(/_/g, ' ')}
              </option>
            ))}
          </select>
        </div>
      </div>
      <p className="muted gs-tight" role="status">
        {zone ? `Chosen: ${zone.replace(/_/g, ' ')}` : 'No time zone chosen yet.'}
      </p>
    </fieldset>
  );
}

/** Step 7: the PIN and RF card fields (from samples), the time zone and grace days — asked, never guessed. */
export function FieldsStep() {
  const samples = useGetSite((s) => s.fieldSamples);
  const reload = useGetSite((s) => s.loadFieldSamples);
  const grace = useGetSite((s) => s.draft.graceDays);
  const setPolicy = useGetSite((s) => s.setPolicy);
  const graceId = useId();
  return (
    <>
      <LoadStatus value={samples} loading="Reading the tenants' fields in Rent Manager (values stay hidden)…" onRetry={() => void reload()}>
        {(list) => (
          <div className="gs-field-columns">
            <FieldPicker which="pin" samples={list} />
            <FieldPicker which="rfCard" samples={list} />
          </div>
        )}
      </LoadStatus>
      <TimeZonePicker />
      <div className="field gs-grace">
        <label htmlFor={graceId}>Grace days</label>
        <input
          id={graceId}
          type="number"
          min={0}
          max={60}
          step={1}
          value={Number.isNaN(grace) ? '' : grace}
          aria-describedby={`${graceId}-hint`}
          onChange={(e) => setPolicy({ graceDays: e.target.value === '' ? Number.NaN : Number(e.target.value) })}
        />
        <span id={`${graceId}-hint`} className="muted">
          Days a former tenant keeps access after the deletion date (0–60; 0 = none).
        </span>
      </div>
    </>
  );
}
