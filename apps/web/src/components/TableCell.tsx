import type { ReactNode } from 'react';

interface TableCellProps {
  /** The cell's column heading, shown beside the value when rows stack on narrow screens. */
  column: string;
  /** The cell that names its row, such as a person's name. */
  rowHeader?: boolean;
  className?: string;
  /** For a row header that takes focus after an action in its row removes the focused button. */
  id?: string;
  tabIndex?: number;
  children: ReactNode;
}

/** One cell of a `ResponsiveTable`. */
export function TableCell({ column, rowHeader = false, className, id, tabIndex, children }: TableCellProps) {
  if (rowHeader) {
    return (
      <th scope="row" role="rowheader" data-label={column} className={className} id={id} tabIndex={tabIndex}>
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
