import type { ReactNode } from 'react';

/** One column: its heading and how a row fills its cell. */
export interface Column<Row> {
  header: ReactNode;
  cell: (row: Row) => ReactNode;
  /** Class of each body cell, e.g. `mono` for identifiers. */
  className?: string;
}

interface DataTableProps<Row> {
  columns: readonly Column<Row>[];
  rows: readonly Row[];
  rowKey: (row: Row) => string | number;
  /** Said when there are no rows, in place of an empty table. */
  empty?: ReactNode;
  /** Read by screen readers only: what the table lists. */
  caption?: string;
  className?: string;
  /** Wide tables scroll sideways on narrow screens instead of squeezing their columns. */
  scroll?: boolean;
}

/** The console's table: column headings scoped for screen readers, one row per item, and an empty state. */
export function DataTable<Row>({ columns, rows, rowKey, empty, caption, className, scroll = true }: DataTableProps<Row>) {
  if (rows.length === 0 && empty !== undefined) return <p className="empty">{empty}</p>;
  const table = (
    <table className={className}>
      {caption !== undefined && <caption className="visually-hidden">{caption}</caption>}
      <thead>
        <tr>
          {columns.map((column, index) => (
            <th scope="col" key={index}>
              {column.header}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={rowKey(row)}>
            {columns.map((column, index) => (
              <td key={index} className={column.className}>
                {column.cell(row)}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
  return scroll ? <div className="table-scroll">{table}</div> : table;
}
