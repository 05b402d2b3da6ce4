import { Fragment, type ReactNode } from 'react';

/** One column of a {@link DataTable}: its header and how a row fills its cell. */
export interface Column<R> {
  /** The header cell's content (a visually hidden span for a column such as "Actions"). */
  header: ReactNode;
  /** The row's cell content. */
  cell: (row: R, index: number) => ReactNode;
  /** This column names the row: its cells are `<th scope="row">` (screen readers announce it with every cell). */
  rowHeader?: boolean;
  /** Class of the column's body cells. */
  className?: string;
  /** Class of the column's header cell. */
  headerClassName?: string;
}

/**
 * The app's one data table: a caption (often visually hidden), `<th scope="col">` headers, one
 * row per item, optionally a row header column. A row `replace` returns something for is drawn
 * as that instead (an inline edit form); what `after` returns for a row follows it (a full-width
 * row such as a run's progress line); `footer` goes into `<tfoot>`.
 */
export function DataTable<R>({
  columns,
  rows,
  rowKey,
  className = 'data',
  caption,
  captionClassName,
  replace,
  after,
  rowClassName,
  footer,
}: {
  columns: readonly Column<R>[];
  rows: readonly R[];
  rowKey: (row: R, index: number) => string | number;
  className?: string;
  caption?: ReactNode;
  captionClassName?: string;
  replace?: (row: R) => ReactNode | undefined;
  after?: (row: R) => ReactNode;
  rowClassName?: (row: R) => string | undefined;
  footer?: ReactNode;
}) {
  return (
    <table className={className}>
      {caption ? <caption className={captionClassName}>{caption}</caption> : null}
      <thead>
        <tr>
          {columns.map((c, i) => (
            <th key={i} scope="col" className={c.headerClassName}>
              {c.header}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row, index) => {
          const instead = replace?.(row);
          if (instead !== undefined) return instead;
          return (
            <Fragment key={rowKey(row, index)}>
              <tr className={rowClassName?.(row)}>
                {columns.map((c, i) =>
                  c.rowHeader ? (
                    <th key={i} scope="row" className={c.className}>
                      {c.cell(row, index)}
                    </th>
                  ) : (
                    <td key={i} className={c.className}>
                      {c.cell(row, index)}
                    </td>
                  ),
                )}
              </tr>
              {after?.(row)}
            </Fragment>
          );
        })}
      </tbody>
      {footer ? <tfoot>{footer}</tfoot> : null}
    </table>
  );
}
