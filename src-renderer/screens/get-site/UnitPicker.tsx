import { useId, useState } from 'react';
import type { UnitOption } from '../../../src-shared/ipc/contract/sites';
import { matches } from './PropertiesStep';

/**
 * A searchable list of a property's units with Select all / Select none (the Custom apartments
 * choice). Presentational: the wizard and Settings both pass their own state in.
 */
export function UnitPicker({
  title,
  units,
  picked,
  onToggle,
  onSet,
}: {
  title: string;
  units: UnitOption[];
  picked: readonly number[];
  onToggle: (unitId: number) => void;
  onSet: (unitIds: number[]) => void;
}) {
  const [search, setSearch] = useState('');
  const searchId = useId();
  const shown = units.filter((u) => matches(search, u.name, String(u.id)));
  const pickedSet = new Set(picked);
  return (
    <fieldset className="gs-units">
      <legend>{title}</legend>
      <div className="row">
        <div className="field gs-grow">
          <label htmlFor={searchId}>Search units in {title}</label>
          <input
            id={searchId}
            type="search"
            value={search}
            placeholder="Unit name"
            onChange={(e) => setSearch(e.target.value)}
            onKeyDown={(e) => e.key === 'Enter' && e.preventDefault()}
          />
        </div>
        <button type="button" className="btn" onClick={() => onSet([...new Set([...picked, ...shown.map((u) => u.id)])])}>
          Select all{search ? ' shown' : ''}
          <span className="gs-visually-hidden"> in {title}</span>
        </button>
        <button
          type="button"
          className="btn"
          onClick={() => onSet(search ? picked.filter((id) => !shown.some((u) => u.id === id)) : [])}
        >
          Select none{search ? ' of shown' : ''}
          <span className="gs-visually-hidden"> in {title}</span>
        </button>
      </div>
      <p className="muted" role="status">
        {pickedSet.size} of {units.length} apartments picked
      </p>
      <div className="gs-unit-grid gs-scroll">
        {shown.map((u) => (
          <label key={u.id} className="gs-unit">
            <input type="checkbox" checked={pickedSet.has(u.id)} onChange={() => onToggle(u.id)} />
            {u.name}
          </label>
        ))}
        {shown.length === 0 ? <p className="muted">No unit matches “{search}”.</p> : null}
      </div>
    </fieldset>
  );
}
