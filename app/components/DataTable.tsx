import type { ReactNode } from 'react';

export interface Column<T> {
  key: string;
  header: string;
  render: (row: T) => ReactNode;
  /** Right-aligned numbers. */
  numeric?: boolean | undefined;
}

interface Props<T> {
  caption: string;
  /** The caption is read by screen readers only (a visible heading already names the table). */
  captionHidden?: boolean | undefined;
  columns: readonly Column<T>[];
  rows: readonly T[];
  rowKey: (row: T) => string;
  /** Shown instead of the table when there are no rows. */
  empty: string;
  testId?: string | undefined;
}

/**
 * A dense data table with column headers and the first cell as row header. On narrow screens the
 * stylesheet stacks each row into a card and labels each cell with its column (data-label).
 */
export function DataTable<T>({ caption, captionHidden, columns, rows, rowKey, empty, testId }: Props<T>) {
  if (rows.length === 0) return <p className="empty">{empty}</p>;
  return (
    <table className="data-table" data-testid={testId}>
      <caption className={captionHidden ? 'visually-hidden' : undefined}>{caption}</caption>
      <thead>
        <tr>
          {columns.map((c) => (
            <th key={c.key} scope="col" className={c.numeric ? 'num' : undefined}>
              {c.header}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={rowKey(row)}>
            {columns.map((c, i) =>
              i === 0 ? (
                <th key={c.key} scope="row" data-label={c.header} className={c.numeric ? 'num' : undefined}>
                  {c.render(row)}
                </th>
              ) : (
                <td key={c.key} data-label={c.header} className={c.numeric ? 'num' : undefined}>
                  {c.render(row)}
                </td>
              ),
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
