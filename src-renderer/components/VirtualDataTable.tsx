import { observeElementRect, useVirtualizer } from '@tanstack/react-virtual';
import { type KeyboardEvent, type ReactNode, useEffect, useRef } from 'react';
import type { Column } from './DataTable';

// A first screenful when the scroll box reports no size yet (a hidden or unmeasured container).
const FALLBACK_RECT = { width: 900, height: 480 };
const STEPS: Record<string, number> = { ArrowDown: 1, ArrowUp: -1, PageDown: 10, PageUp: -10 };

/**
 * {@link DataTable} for lists too long for the DOM: the same column list, drawn as an ARIA table
 * whose rows are virtualised — only those in view (plus a few) exist, so 10,000 rows scroll as
 * smoothly as 10. Rows not loaded yet show `placeholder`; `onRange` says which rows are in view
 * (to load their pages). Arrow and Page keys move the focus between the rows' `focusSelector`
 * elements (the button that opens a row).
 */
export function VirtualDataTable<R>({
  label,
  columns,
  count,
  rowAt,
  rowHeight,
  focusSelector,
  placeholder,
  onRange,
  testId,
}: {
  label: string;
  /** Each column's `width` is its CSS grid track (e.g. `minmax(90px, 1fr)`). */
  columns: readonly (Column<R> & { width: string })[];
  count: number;
  rowAt: (index: number) => R | undefined;
  rowHeight: number;
  focusSelector: string;
  placeholder: ReactNode;
  onRange?: (first: number, last: number) => void;
  testId?: string;
}) {
  const scroller = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scroller.current,
    estimateSize: () => rowHeight,
    overscan: 8,
    initialRect: FALLBACK_RECT,
    observeElementRect: (instance, callback) => observeElementRect(instance, (rect) => callback(rect.height > 0 ? rect : FALLBACK_RECT)),
  });
  const items = virtualizer.getVirtualItems();
  const grid = { gridTemplateColumns: columns.map((c) => c.width).join(' ') };

  const first = items[0]?.index ?? 0;
  const last = items.at(-1)?.index ?? 0;
  useEffect(() => onRange?.(first, last), [first, last, onRange]);

  const focusRow = (index: number) => {
    const target = Math.max(0, Math.min(count - 1, index));
    virtualizer.scrollToIndex(target, { align: 'auto' });
    requestAnimationFrame(() => scroller.current?.querySelector<HTMLElement>(`[data-index="${target}"] ${focusSelector}`)?.focus());
  };
  const onKeyDown = (event: KeyboardEvent, index: number) => {
    const step = STEPS[event.key];
    if (!step || !(event.target instanceof Element) || !event.target.matches(focusSelector)) return;
    event.preventDefault();
    focusRow(index + step);
  };

  return (
    <div className="vtable" role="table" aria-label={label} aria-rowcount={count + 1}>
      <div role="rowgroup">
        <div className="vtable-row vtable-head" role="row" aria-rowindex={1} style={grid}>
          {columns.map((c, i) => (
            <span key={i} role="columnheader" className={c.headerClassName}>
              {c.header}
            </span>
          ))}
        </div>
      </div>
      <div ref={scroller} className="vtable-scroll" role="rowgroup" data-testid={testId} style={{ height: count * rowHeight }}>
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {items.map((item) => {
            const row = rowAt(item.index);
            return (
              <div
                key={item.key}
                data-index={item.index}
                className="vtable-row"
                role="row"
                aria-rowindex={item.index + 2}
                onKeyDown={(e) => onKeyDown(e, item.index)}
                style={{ ...grid, position: 'absolute', top: 0, left: 0, right: 0, height: rowHeight, transform: `translateY(${item.start}px)` }}
              >
                {row
                  ? columns.map((c, i) => (
                      <span key={i} role={c.rowHeader ? 'rowheader' : 'cell'} className={c.className}>
                        {c.cell(row, item.index)}
                      </span>
                    ))
                  : placeholder}
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}
