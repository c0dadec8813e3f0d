import type { ReactNode } from 'react';

interface ResponsiveTableProps {
  id: string;
  caption: string;
  /** Hide the caption visually when a heading right above already says the same. */
  captionHidden?: boolean;
  /** Column headings, left to right; each cell repeats its heading when rows stack on narrow screens. */
  columns: string[];
  /** Rows of `TableCell`s, one `<tr role="row">` each. */
  children: ReactNode;
}

/**
 * A data table that stacks each row into a card on narrow screens instead of making the page scroll
 * sideways. The explicit ARIA roles keep it a table for screen readers when CSS changes its display.
 * On wider screens it sits in a box that scrolls (and takes keyboard focus) if it is still too wide.
 */
export function ResponsiveTable({ id, caption, captionHidden = false, columns, children }: ResponsiveTableProps) {
  const captionId = `${id}-caption`;
  return (
    <div className="table-scroll" role="region" aria-labelledby={captionId} tabIndex={0}>
      <table className="table table--stack" id={id} role="table">
        <caption id={captionId} className={captionHidden ? 'visually-hidden' : 'table__caption'}>
          {caption}
        </caption>
        <thead role="rowgroup">
          <tr role="row">
            {columns.map((column) => (
              <th scope="col" role="columnheader" key={column}>
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody role="rowgroup">{children}</tbody>
      </table>
    </div>
  );
}
