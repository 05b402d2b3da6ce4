import { useCallback, useLayoutEffect } from 'react';
import { useStore } from 'zustand';
import type { ApartmentListRow } from '../../../src-shared/ipc/contract/apartments';
import type { Navigation } from '../../../src-shared/ipc/contract/app';
import { plural } from '../../components/labels';
import { VirtualDataTable } from '../../components/VirtualDataTable';
import { APARTMENT_PAGE_SIZE, type ApartmentList as ListValue } from '../../stores/apartments-store';
import { perfMeasure } from '../../stores/perf';
import { useApp, useStores } from '../../stores/stores-context';
import { AddToSyncButton } from './AddToSyncButton';

const ROW_HEIGHT = 44;

/**
 * The apartment list: a virtualised table whose pages load as they come into view, so 10,000
 * apartments scroll as smoothly as 10. Arrow keys move between rows; Enter opens one.
 */
export function ApartmentList({ list, search, custom }: { list: ListValue; search: string; custom: boolean }) {
  const store = useStores().apartments;
  const ensurePage = useStore(store, (s) => s.ensurePage);
  const navigate = useApp((s) => s.navigate);

  useLayoutEffect(() => {
    perfMeasure('apartments:first-rows', `apartments:data:${list.seq}`);
    if (list.search === search) perfMeasure('apartments:search', 'apartments:key');
  }, [list.seq, list.search, search]);

  const onRange = useCallback(
    (first: number, last: number) => {
      for (let page = Math.floor(first / APARTMENT_PAGE_SIZE); page <= Math.floor(last / APARTMENT_PAGE_SIZE); page++) ensurePage(page);
    },
    [ensurePage],
  );

  return (
    <VirtualDataTable
      label="Apartments"
      columns={apartmentColumns(custom, navigate)}
      count={list.total}
      rowAt={(index) => list.pages[Math.floor(index / APARTMENT_PAGE_SIZE)]?.[index % APARTMENT_PAGE_SIZE]}
      rowHeight={ROW_HEIGHT}
      focusSelector=".row-open"
      placeholder={
        <span role="cell" className="muted">
          Loading…
        </span>
      }
      onRange={onRange}
      testId="apartment-scroll"
    />
  );
}

/** The list's columns; a unit Rent Manager has but the sync does not (a custom site) reads so, with Add to sync. */
function apartmentColumns(custom: boolean, navigate: (to: Navigation) => void) {
  return [
    {
      header: 'Unit',
      width: 'minmax(90px, 1fr)',
      cell: (row: ApartmentListRow) => (
        <button
          type="button"
          className="row-open link-button"
          onClick={() => navigate({ screen: 'apartments', siteId: row.siteId, apartmentId: row.id })}
          aria-label={row.synced ? `Unit ${row.name}` : `Unit ${row.name}, not synced`}
        >
          {row.name}
        </button>
      ),
    },
    {
      header: 'Residents',
      width: 'minmax(160px, 3fr)',
      className: 'ellipsis',
      cell: (row: ApartmentListRow) =>
        !row.synced ? (
          <span className="muted">In Rent Manager, not synced</span>
        ) : (
          <span title={row.residentNames}>{row.residentNames || <span className="muted">Vacant</span>}</span>
        ),
    },
    {
      header: 'Credentials',
      width: 'minmax(120px, 1.3fr)',
      className: 'cell-clip',
      cell: (row: ApartmentListRow) =>
        !row.synced ? (
          custom && row.unitId !== null ? <AddToSyncButton siteId={row.siteId} unitId={row.unitId} unit={row.name} /> : null
        ) : (
          <span className="muted">{row.familyMemberCount === 0 ? '—' : `${plural(row.pinCount, 'PIN')} · ${plural(row.cardCount, 'card')}`}</span>
        ),
    },
    {
      header: 'Activation',
      width: 'minmax(120px, 1.2fr)',
      cell: (row: ApartmentListRow) =>
        !row.synced ? (
          <span className="pill pill-muted">Not synced</span>
        ) : row.activated ? (
          <span className="pill pill-ok">Activated</span>
        ) : (
          <span className="pill pill-warn">Not activated</span>
        ),
    },
    {
      header: 'Problems',
      width: 'minmax(80px, 0.8fr)',
      cell: (row: ApartmentListRow) =>
        !row.synced ? null : row.problemCount > 0 ? <span className="pill pill-danger">{row.problemCount}</span> : <span className="muted">None</span>,
    },
  ];
}
