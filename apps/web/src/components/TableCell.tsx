import type { ReactNode } from 'react';

interface TableCellProps {
  /** The cell's column heading, shown beside the value when rows stack on narrow screens. */
  column: string;
  /** The cell that names its row, such as a person's name. */
  rowHeader?: boolean;
  className?: string;
  children: ReactNode;
}

/** One cell of a `ResponsiveTable`. */
export function TableCell({ column, rowHeader = false, className, children }: TableCellProps) {
  if (rowHeader) {
    return (
      <th scope="row" role="rowheader" data-label={column} className={className}>
        {children}
      </th>
    );
  }
  return (
    <td role="cell" data-label={column} className={className}>
      {children}
    </td>
  );
}
