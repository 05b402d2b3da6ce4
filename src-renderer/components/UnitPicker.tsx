import { type KeyboardEvent, useId, useRef, useState } from 'react';
import type { UnitOption } from '../../src-shared/ipc/contract/sites';
import { floorsOf, nameMatches, occupancyText, unitsInRange } from '../lib/unit-groups';

/** Columns of a CSS grid as laid out now (1 when unknown, e.g. in tests). */
function columnsOf(grid: HTMLElement): number {
  const template = getComputedStyle(grid).gridTemplateColumns;
  return Math.max(1, template && template !== 'none' ? template.split(' ').length : 1);
}

/**
 * A list of a property's units, searchable by name, with occupancy, Select all / Select none,
 * whole floors and a from–to range (the Custom apartments choice). Presentational: the wizard and Settings both pass their own state in. The unit grid
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
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const shown = units.filter((u) => nameMatches(search, u.name));
  const pickedSet = new Set(picked);
  const floors = floorsOf(units);
  const range = unitsInRange(units, from, to);
  const add = (ids: readonly number[]) => onSet([...new Set([...picked, ...ids])]);
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
        <button type="button" className="btn" onClick={() => add(shown.map((u) => u.id))}>
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
      <div className="row fr-unit-tools">
        {floors.length > 1 ? (
          <div className="fr-floors" role="group" aria-label={`Floors of ${title}`}>
            <span className="muted">Whole floor:</span>
            {floors.map(({ floor, ids }) => {
              const all = ids.every((id) => pickedSet.has(id));
              return (
                <button
                  key={floor}
                  type="button"
                  className="btn btn-small"
                  aria-pressed={all}
                  title={`${all ? 'Unpick' : 'Pick'} ${ids.length === 1 ? 'the unit' : `the ${ids.length} units`} of floor ${floor}`}
                  onClick={() => (all ? onSet(picked.filter((id) => !ids.includes(id))) : add(ids))}
                >
                  Floor {floor}
                  <span className="gs-visually-hidden"> in {title}</span>
                </button>
              );
            })}
          </div>
        ) : null}
        <div className="fr-range" role="group" aria-label={`Range of units in ${title}`}>
          <label htmlFor={`${searchId}-from`}>From unit</label>
          <input id={`${searchId}-from`} className="fr-range-input" value={from} placeholder={units[0]?.name ?? ''} onChange={(e) => setFrom(e.target.value)} />
          <label htmlFor={`${searchId}-to`}>to</label>
          <input id={`${searchId}-to`} className="fr-range-input" value={to} placeholder={units.at(-1)?.name ?? ''} onChange={(e) => setTo(e.target.value)} />
          <button type="button" className="btn btn-small" disabled={range.length === 0} onClick={() => add(range)}>
            Pick {range.length === 1 ? '1 unit' : `${range.length} units`}
            <span className="gs-visually-hidden"> from {from} to {to} in {title}</span>
          </button>
        </div>
      </div>
      <p className="muted" role="status">
        {pickedSet.size} of {units.length} {units.length === 1 ? 'apartment' : 'apartments'} picked
      </p>
      <p className="gs-visually-hidden" id={`${searchId}-keys`}>
        Use the arrow keys to move between units and Space to pick one.
      </p>
      <div ref={grid} className="gs-unit-grid gs-scroll" onKeyDown={onGridKey}>
        {shown.map((u, i) => {
          const occupancy = occupancyText(u.occupants);
          const described = [i === current ? `${searchId}-keys` : '', occupancy ? `${searchId}-occ-${u.id}` : ''].filter(Boolean).join(' ');
          return (
            <div key={u.id} className="gs-unit">
              <label className="fr-unit-name">
                <input
                  type="checkbox"
                  checked={pickedSet.has(u.id)}
                  tabIndex={i === current ? 0 : -1}
                  aria-describedby={described || undefined}
                  onFocus={() => setActive(i)}
                  onChange={() => onToggle(u.id)}
                />
                {u.name}
              </label>
              {occupancy ? (
                <span id={`${searchId}-occ-${u.id}`} className={u.occupants === 0 ? 'fr-occ fr-vacant' : 'fr-occ'}>
                  {occupancy}
                </span>
              ) : null}
            </div>
          );
        })}
        {shown.length === 0 ? <p className="muted">No unit matches “{search}”.</p> : null}
      </div>
    </fieldset>
  );
}
