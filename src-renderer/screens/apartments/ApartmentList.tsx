import { observeElementRect, useVirtualizer } from '@tanstack/react-virtual';
import { type KeyboardEvent, useEffect, useLayoutEffect, useRef } from 'react';
import { useStore } from 'zustand';
import type { ApartmentListRow } from '../../../src-shared/ipc/contract/apartments';
import { APARTMENT_PAGE_SIZE, type ApartmentList as ListValue } from '../../stores/apartments-store';
import { perfMeasure } from '../../stores/perf';
import { useApp, useStores } from '../../stores/stores-context';
import { AddToSyncButton } from './AddToSyncButton';

const ROW_HEIGHT = 44;
// A first screenful when the scroll box reports no size yet (a hidden or unmeasured container).
const FALLBACK_RECT = { width: 900, height: 480 };

/**
 * The virtualised apartment list: only the rows in view (plus a few) are in the DOM, and pages
 * load as they come into view, so 10,000 apartments scroll as smoothly as 10. Arrow keys move
 * between rows; Enter opens one.
 */
export function ApartmentList({ list, search, custom }: { list: ListValue; search: string; custom: boolean }) {
  const store = useStores().apartments;
  const ensurePage = useStore(store, (s) => s.ensurePage);
  const navigate = useApp((s) => s.navigate);
  const scroller = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: list.total,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
    initialRect: FALLBACK_RECT,
    observeElementRect: (instance, callback) =>
      observeElementRect(instance, (rect) => callback(rect.height > 0 ? rect : FALLBACK_RECT)),
  });
  const items = virtualizer.getVirtualItems();

  useLayoutEffect(() => {
    perfMeasure('apartments:first-rows', `apartments:data:${list.seq}`);
    if (list.search === search) perfMeasure('apartments:search', 'apartments:key');
  }, [list.seq, list.search, search]);

  const first = items[0]?.index ?? 0;
  const last = items.at(-1)?.index ?? 0;
  useEffect(() => {
    for (let page = Math.floor(first / APARTMENT_PAGE_SIZE); page <= Math.floor(last / APARTMENT_PAGE_SIZE); page++) ensurePage(page);
  }, [first, last, ensurePage]);

  const rowAt = (index: number): ApartmentListRow | undefined =>
    list.pages[Math.floor(index / APARTMENT_PAGE_SIZE)]?.[index % APARTMENT_PAGE_SIZE];

  const focusRow = (index: number) => {
    const target = Math.max(0, Math.min(list.total - 1, index));
    virtualizer.scrollToIndex(target, { align: 'auto' });
    requestAnimationFrame(() => scroller.current?.querySelector<HTMLElement>(`[data-index="${target}"] .row-open`)?.focus());
  };
  const onKeyDown = (event: KeyboardEvent, index: number) => {
    const step = event.key === 'ArrowDown' ? 1 : event.key === 'ArrowUp' ? -1 : event.key === 'PageDown' ? 10 : event.key === 'PageUp' ? -10 : 0;
    if (step === 0) return;
    event.preventDefault();
    focusRow(index + step);
  };

  return (
    <div className="apt-table" role="table" aria-label="Apartments" aria-rowcount={list.total + 1}>
      <div role="rowgroup">
        <div className="apt-row apt-head" role="row" aria-rowindex={1}>
          <span role="columnheader">Unit</span>
          <span role="columnheader">Residents</span>
          <span role="columnheader">Credentials</span>
          <span role="columnheader">Activation</span>
          <span role="columnheader">Problems</span>
        </div>
      </div>
      <div ref={scroller} className="apt-scroll" role="rowgroup" data-testid="apartment-scroll" style={{ height: list.total * ROW_HEIGHT }}>
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {items.map((item) => {
            const row = rowAt(item.index);
            return (
              <div
                key={item.key}
                data-index={item.index}
                className="apt-row"
                role="row"
                aria-rowindex={item.index + 2}
                style={{ position: 'absolute', top: 0, left: 0, right: 0, height: ROW_HEIGHT, transform: `translateY(${item.start}px)` }}
              >
                {row ? <Cells row={row} custom={custom} onOpen={() => navigate({ screen: 'apartments', siteId: row.siteId, apartmentId: row.id })} onKeyDown={(e) => onKeyDown(e, item.index)} /> : <span role="cell" className="muted">Loading…</span>}
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}

function Cells({ row, custom, onOpen, onKeyDown }: { row: ApartmentListRow; custom: boolean; onOpen: () => void; onKeyDown: (e: KeyboardEvent) => void }) {
  if (!row.synced) {
    return (
      <>
        <span role="cell">
          <button type="button" className="row-open link-button" onKeyDown={onKeyDown} onClick={onOpen} aria-label={`Unit ${row.name}, not synced`}>
            {row.name}
          </button>
        </span>
        <span role="cell" className="muted">
          In Rent Manager, not synced
        </span>
        <span role="cell">{custom && row.unitId !== null ? <AddToSyncButton siteId={row.siteId} unitId={row.unitId} unit={row.name} /> : null}</span>
        <span role="cell">
          <span className="pill pill-muted">Not synced</span>
        </span>
        <span role="cell" />
      </>
    );
  }
  return (
    <>
      <span role="cell">
        <button type="button" className="row-open link-button" onKeyDown={onKeyDown} onClick={onOpen} aria-label={`Unit ${row.name}`}>
          {row.name}
        </button>
      </span>
      <span role="cell" className="ellipsis" title={row.residentNames}>
        {row.residentNames || <span className="muted">Vacant</span>}
      </span>
      <span role="cell" className="muted">
        {row.familyMemberCount === 0 ? '—' : `${plural(row.pinCount, 'PIN')} · ${plural(row.cardCount, 'card')}`}
      </span>
      <span role="cell">
        {row.activated ? <span className="pill pill-ok">Activated</span> : <span className="pill pill-warn">Not activated</span>}
      </span>
      <span role="cell">
        {row.problemCount > 0 ? <span className="pill pill-danger">{row.problemCount}</span> : <span className="muted">None</span>}
      </span>
    </>
  );
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
