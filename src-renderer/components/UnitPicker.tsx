import { type KeyboardEvent, useId, useRef, useState } from 'react';
import type { UnitOption } from '../../src-shared/ipc/contract/sites';
import { matches } from '../lib/search';

/** Columns of a CSS grid as laid out now (1 when unknown, e.g. in tests). */
function columnsOf(grid: HTMLElement): number {
  const template = getComputedStyle(grid).gridTemplateColumns;
  return Math.max(1, template && template !== 'none' ? template.split(' ').length : 1);
}

/**
 * A searchable list of a property's units with Select all / Select none (the Custom apartments
 * choice). Presentational: the wizard and Settings both pass their own state in. The unit grid
 * is one Tab stop: arrow keys, Home and End move between units, Space ticks one.
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
  const grid = useRef<HTMLDivElement>(null);
  const [active, setActive] = useState(0);
  const current = Math.min(active, Math.max(0, shown.length - 1));
  const onGridKey = (event: KeyboardEvent<HTMLDivElement>) => {
    if (!grid.current || shown.length === 0) return;
    const cols = columnsOf(grid.current);
    const last = shown.length - 1;
    const target =
      event.key === 'ArrowRight' ? current + 1
      : event.key === 'ArrowLeft' ? current - 1
      : event.key === 'ArrowDown' ? current + cols
      : event.key === 'ArrowUp' ? current - cols
      : event.key === 'Home' ? 0
      : event.key === 'End' ? last
      : null;
    if (target === null) return;
    event.preventDefault();
    const next = Math.min(last, Math.max(0, target));
    setActive(next);
    grid.current.querySelectorAll<HTMLInputElement>('input[type="checkbox"]')[next]?.focus();
  };
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
      <p className="gs-visually-hidden" id={`${searchId}-keys`}>
        Use the arrow keys to move between units and Space to pick one.
      </p>
      <div ref={grid} className="gs-unit-grid gs-scroll" onKeyDown={onGridKey}>
        {shown.map((u, i) => (
          <label key={u.id} className="gs-unit">
            <input
              type="checkbox"
              checked={pickedSet.has(u.id)}
              tabIndex={i === current ? 0 : -1}
              aria-describedby={i === current ? `${searchId}-keys` : undefined}
              onFocus={() => setActive(i)}
              onChange={() => onToggle(u.id)}
            />
            {u.name}
          </label>
        ))}
        {shown.length === 0 ? <p className="muted">No unit matches “{search}”.</p> : null}
      </div>
    </fieldset>
  );
}
